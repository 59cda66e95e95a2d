import { describe, it, expect } from 'vitest';
import { json } from '../../src/report/json.js';
import { sarif } from '../../src/report/sarif.js';
import { emptyResult, sampleResult } from './sample-result.js';

describe('json reporter', () => {
  const document = JSON.parse(json(sampleResult(), { color: true }));

  it('has the documented shape, sorted by file and line', () => {
    expect(Object.keys(document)).toEqual(['version', 'toolVersion', 'findings', 'summary']);
    expect(document.version).toBe(1);
    expect(document.summary).toEqual({ errors: 3, warnings: 1, notes: 2 });
    expect(document.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
      'big.json:1',
      'broken.yml:4',
      'serverless.yml:1',
      'serverless.yml:12',
      'serverless.yml:20',
      'svc/a b#c/tëmplate.yaml:40',
    ]);
    const wildcard = document.findings[3];
    expect(Object.keys(wildcard)).toEqual([
      'ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'function', 'actions', 'related', 'fingerprint',
    ]);
    expect(wildcard).toMatchObject({
      ruleId: 'iam/wildcard-action',
      severity: 'error',
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 20,
      function: 'createOrder',
      actions: { used: ['dynamodb:PutItem'], unused: ['dynamodb:DeleteItem'] },
      related: [{ file: 'src/handler.js', line: 3, column: 7, endLine: 3, endColumn: 30, message: 'createOrder calls PutItem here' }],
    });
    expect(wildcard.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect('function' in document.findings[4]).toBe(false);
  });

  it('uses the same fingerprints as SARIF', () => {
    const log = JSON.parse(sarif(sampleResult(), { color: false }));
    const sarifPrints = new Set(log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['noopsLint/v1']));
    const jsonPrints = document.findings
      .filter((f: { ruleId: string }) => !['input/parse-error', 'input/skipped-file'].includes(f.ruleId))
      .map((f: { fingerprint: string }) => f.fingerprint);
    expect(new Set(jsonPrints)).toEqual(sarifPrints);
  });

  it('is a valid empty document when clean', () => {
    expect(JSON.parse(json(emptyResult(), { color: false }))).toEqual({
      version: 1,
      toolVersion: '0.1.0',
      findings: [],
      summary: { errors: 0, warnings: 0, notes: 0 },
    });
  });
});
