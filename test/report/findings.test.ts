import { describe, it, expect } from 'vitest';
import { artifactUri, countSeverities, normalizedRegion, outputPath } from '../../src/report/findings.js';
import { loc, sampleFindings } from './sample-result.js';

describe('report helpers', () => {
  it('joins the prefix and keeps paths relative', () => {
    expect(outputPath('serverless.yml')).toBe('serverless.yml');
    expect(outputPath('./a/b.yml', './services/api/')).toBe('services/api/a/b.yml');
    expect(outputPath('/a/b.yml', '')).toBe('a/b.yml');
  });

  it('percent-encodes each path segment as a relative URI reference', () => {
    expect(artifactUri('a b/c#d?e%f.yml')).toBe('a%20b/c%23d%3Fe%25f.yml');
    expect(artifactUri('x:y/z.yml')).toBe('x%3Ay/z.yml');
    expect(artifactUri('dïr/文件.yaml')).toBe('d%C3%AFr/%E6%96%87%E4%BB%B6.yaml');
    expect(artifactUri('bad\uD800name.yml')).toBe('bad%EF%BF%BDname.yml');
  });

  it('never returns an inverted or empty region', () => {
    expect(normalizedRegion(loc('a', 3, 4, 3, 9))).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 9 });
    expect(normalizedRegion(loc('a', 3, 4, 2, 9))).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 5 });
    expect(normalizedRegion(loc('a', 1, 1, 1, 1))).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
    expect(normalizedRegion(loc('a', 0, 0, 0, 0))).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
    expect(normalizedRegion(loc('a', 2, 8, 4, 1))).toEqual({ line: 2, column: 8, endLine: 4, endColumn: 1 });
  });

  it('counts findings by severity', () => {
    expect(countSeverities(sampleFindings())).toEqual({ errors: 3, warnings: 1, notes: 2 });
  });
});
