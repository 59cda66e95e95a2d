import { describe, it, expect } from 'vitest';
import { compact } from '../../src/report/compact.js';
import { emptyResult, sampleResult } from './sample-result.js';

describe('compact reporter', () => {
  it('prints path:line:col: level ruleId message, one finding per line', () => {
    expect(compact(sampleResult(), { color: true, cwdPrefix: 'repo' })).toBe(
      [
        'repo/big.json:1:1: warning input/skipped-file Skipped: larger than 1 MiB.',
        'repo/broken.yml:4:3: error input/parse-error Unexpected end of flow mapping.',
        'repo/serverless.yml:1:1: note ops/tracing-disabled Tracing is off for createOrder',
        'repo/serverless.yml:12:9: error iam/wildcard-action dynamodb:* allows every action of DynamoDB.',
        'repo/serverless.yml:20:15: note input/unresolved Could not resolve ${ssm:/x}; rules did not judge it.',
        'repo/svc/a b#c/tëmplate.yaml:40:11: error iam/wildcard-action s3:* allows every action of S3. Second line: 100% sure, really.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when clean', () => {
    expect(compact(emptyResult(), { color: false })).toBe('');
  });
});
