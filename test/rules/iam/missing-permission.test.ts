import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/missing-permission.js';
import { fixtureResults, loadAnalysedProject, runRule } from '../../helpers/analysed-project.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/rules');

describe('missing-permission fixtures (real loaders and source analysis)', () => {
  const cases = fixtureResults(rule, FIXTURES);
  it('has good and bad cases', () => {
    expect(cases.some((c) => c.kind === 'good') && cases.some((c) => c.kind === 'bad')).toBe(true);
  });
  for (const c of cases) {
    it(`${c.kind}/${c.name}`, () => {
      expect(c.inputProblems).toEqual([]);
      if (c.kind === 'good') expect(c.expected).toEqual([]);
      expect(c.reported).toEqual(c.expected);
      for (const place of c.mustNot) expect(c.reported).not.toContain(place);
    });
  }
});

describe('missing-permission on the example projects', () => {
  const run = (name: string) => runRule(rule, loadAnalysedProject(path.resolve(import.meta.dirname, '../../../fixtures/projects', name)));
  it('reports the calls at the code, one per function', () => {
    expect(run('orders').map((f) => `${f.location.file}:${f.location.line} ${f.function}`)).toEqual(['src/lib/orders.ts:31 createOrder']);
    const thumbnails = run('thumbnails');
    expect(thumbnails.map((f) => `${f.location.file}:${f.location.line} ${f.function}`)).toEqual(['src/thumbnail.js:17 ThumbnailFunction']);
    expect(thumbnails[0]!.message).toContain('s3:PutObject on "ThumbnailsBucket/thumbs/*"');
    expect(thumbnails[0]!.related[0]!.message).toContain('"ThumbnailFunctionRole"');
    expect(thumbnails[0]!.actions).toEqual({ missing: ['s3:PutObject'] });
  });
});
