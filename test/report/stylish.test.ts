import { describe, it, expect } from 'vitest';
import { stylish } from '../../src/report/stylish.js';
import { emptyResult, finding, loc, sampleResult } from './sample-result.js';
import { toolVersion } from '../../src/util/package-root.js';

const ESCAPE = /\u001b\[[0-9;]*m/g;

describe('stylish reporter', () => {
  it('groups by file, aligns the locations and severities, never pads messages, and ends with the summary line', () => {
    expect(stylish(sampleResult(), { color: false })).toBe(
      [
        'big.json',
        '  1:1  warning  Skipped: larger than 1 MiB.  input/skipped-file',
        '',
        'broken.yml',
        '  4:3  error  Unexpected end of flow mapping.  input/parse-error',
        '',
        'serverless.yml',
        '   1:1   note   Tracing is off for createOrder  ops/tracing-disabled',
        '  12:9   error  dynamodb:* allows every action of DynamoDB.  iam/wildcard-action',
        '  20:15  note   Could not resolve ${ssm:/x}; rules did not judge it.',
        '                input/unresolved',
        '',
        'svc/a b#c/tëmplate.yaml',
        '  40:11  error  s3:* allows every action of S3. Second line: 100% sure, really.',
        '                iam/wildcard-action',
        '',
        '3 errors, 1 warning, 2 notes in 5 files',
        '',
      ].join('\n'),
    );
  });

  it('prints a short line when there is nothing to report', () => {
    expect(stylish(emptyResult(), { color: false })).toBe('No problems found in 5 files.\n');
    expect(stylish({ ...emptyResult(), files: ['serverless.yml'] }, { color: false })).toBe('No problems found in 1 file.\n');
  });

  it('colours only when asked, without changing the text', () => {
    const plain = stylish(sampleResult(), { color: false });
    const coloured = stylish(sampleResult(), { color: true });
    expect(plain).not.toMatch(ESCAPE);
    expect(coloured).toMatch(ESCAPE);
    expect(coloured.replace(ESCAPE, '')).toBe(plain);
    expect(coloured).toContain('\u001b[31merror');
  });

  it('prefixes paths with cwdPrefix', () => {
    const output = stylish(sampleResult([finding({ ruleId: 'x/y', location: loc('serverless.yml', 2, 3) })]), {
      color: false,
      cwdPrefix: 'services/api/',
    });
    expect(output.split('\n')[0]).toBe('services/api/serverless.yml');
  });

  it('wraps a long message at the width under its first line, the rule id on a line of its own; a word longer than a line is cut', () => {
    const long = `Function ${'x'.repeat(100)} has no timeout, so it runs with the default of six seconds everywhere.`;
    const result = sampleResult([
      finding({ ruleId: 'x/short', message: 'Short.', location: loc('serverless.yml', 1, 1) }),
      finding({ ruleId: 'x/medium', message: 'A somewhat longer message.', location: loc('serverless.yml', 2, 1) }),
      finding({ ruleId: 'x/long', message: long, location: loc('serverless.yml', 3, 1) }),
    ]);
    const at80 = stylish(result, { color: false }).split('\n');
    expect(at80.slice(1, 8)).toEqual([
      '  1:1  error  Short.  x/short',
      '  2:1  error  A somewhat longer message.  x/medium',
      '  3:1  error  Function',
      `              ${'x'.repeat(66)}`,
      `              ${'x'.repeat(34)} has no timeout, so it runs with`,
      '              the default of six seconds everywhere.',
      '              x/long',
    ]);
    for (const width of [40, 60, 80, 120]) {
      const lines = stylish(result, { color: false, width }).split('\n');
      expect(Math.max(...lines.map((line) => line.length)), `width ${width}`).toBeLessThanOrEqual(width);
      // Nothing is lost: the words come back in order.
      expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('has no timeout, so it runs with the default of six seconds everywhere. x/long');
    }
    // A wide terminal keeps the rule id on the message's line.
    expect(stylish(result, { color: false, width: 240 }).split('\n')[3]).toBe(`  3:1  error  ${long}  x/long`);
  });

  it('links each rule id to its docs, at this version\'s tag, where the terminal shows hyperlinks', () => {
    const plain = stylish(sampleResult(), { color: false });
    const linked = stylish(sampleResult(), { color: false, hyperlinks: true });
    expect(plain).not.toContain('\u001b]8;;');
    const OSC8 = /\u001b\]8;;([^\u001b]*)\u001b\\([^\u001b]*)\u001b\]8;;\u001b\\/g;
    const links = [...linked.matchAll(OSC8)].map((m) => [m[2], m[1]]);
    expect(links).toContainEqual(['iam/wildcard-action', `https://github.com/noops-lint/noops-lint/blob/v${toolVersion()}/README.md#iamwildcard-action`]);
    // The link text is the rule id, so the visible text is unchanged.
    expect(linked.replace(OSC8, '$2')).toBe(plain);
  });

  it('has no trailing spaces and no absolute paths', () => {
    const output = stylish(sampleResult(), { color: false });
    expect(output).not.toMatch(/ \n/);
    expect(output).not.toContain(sampleResult().root);
  });
});
