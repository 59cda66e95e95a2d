import { describe, it, expect } from 'vitest';
import type { Finding, Severity } from '../../src/model/finding.js';
import { escapeData, escapeProperty, github } from '../../src/report/github.js';
import { emptyResult, finding, loc, sampleResult } from './sample-result.js';

describe('github reporter', () => {
  it('prints one workflow command per finding, errors first', () => {
    expect(github(sampleResult(), { color: true }).split('\n')).toEqual([
      '::error file=broken.yml,line=4,endLine=4,col=3,endColumn=3,title=input/parse-error::Unexpected end of flow mapping.',
      '::error file=serverless.yml,line=12,endLine=12,col=9,endColumn=19,title=iam/wildcard-action::dynamodb:* allows every action of DynamoDB.',
      '::error file=svc/a b#c/tëmplate.yaml,line=40,endLine=40,col=11,endColumn=11,title=iam/wildcard-action::s3:* allows every action of S3.%0ASecond line: 100%25 sure, really.',
      '::warning file=big.json,line=1,endLine=1,col=1,endColumn=1,title=input/skipped-file::Skipped: larger than 1 MiB.',
      '::notice file=serverless.yml,line=1,endLine=1,col=1,endColumn=1,title=ops/tracing-disabled::Tracing is off for createOrder',
      '::notice file=serverless.yml,line=20,endLine=20,col=15,endColumn=24,title=input/unresolved::Could not resolve ${ssm:/x}; rules did not judge it.',
      '',
    ]);
  });

  it('escapes data and property values like actions/toolkit', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const output = github(sampleResult([finding({ ruleId: 'x/y', location: loc('dir,1/a:b.yml', 2, 1) })]), { color: false });
    expect(output).toBe('::error file=dir%2C1/a%3Ab.yml,line=2,endLine=2,col=1,endColumn=5,title=x/y::Something is wrong.\n');
  });

  it('leaves out columns on a multi-line annotation', () => {
    const output = github(sampleResult([finding({ ruleId: 'x/y', location: loc('a.yml', 2, 4, 5, 1) })]), { color: false });
    expect(output).toBe('::error file=a.yml,line=2,endLine=5,title=x/y::Something is wrong.\n');
  });

  it('keeps to 10 annotations per level and says how many more there are', () => {
    const many = (severity: Severity, count: number): Finding[] =>
      Array.from({ length: count }, (_, index) => finding({ ruleId: `r/${severity}`, severity, location: loc('a.yml', index + 1, 1) }));
    const output = github(sampleResult([...many('note', 3), ...many('warning', 4), ...many('error', 12)]), { color: false });
    const lines = output.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((line) => line.startsWith('::warning ')).length).toBe(4);
    expect(lines.filter((line) => line.startsWith('::notice ')).length).toBe(3);
    expect(lines.at(-1)).toBe('::notice::2 more findings: see the job summary or code scanning');
    expect(lines.slice(0, 10).map((line) => line.match(/line=(\d+)/)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('keeps a notice slot free for the closing line', () => {
    const notes = Array.from({ length: 12 }, (_, index) => finding({ ruleId: 'r/n', severity: 'note', location: loc('a.yml', index + 1, 1) }));
    const lines = github(sampleResult(notes), { color: false }).trimEnd().split('\n');
    expect(lines.length).toBe(10);
    expect(lines.at(-1)).toBe('::notice::3 more findings: see the job summary or code scanning');
  });

  it('prints nothing when clean', () => {
    expect(github(emptyResult(), { color: false })).toBe('');
  });
});
