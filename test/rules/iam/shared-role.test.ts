import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/shared-role.js';
import { fixtureResults, loadAnalysedProject, runRule } from '../../helpers/analysed-project.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/rules');

describe('shared-role fixtures (real loaders and source analysis)', () => {
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

describe('shared-role on the example projects', () => {
  const run = (name: string) => runRule(rule, loadAnalysedProject(path.resolve(import.meta.dirname, '../../../fixtures/projects', name)));
  it('reports the provider role of orders at its role key', () => {
    const findings = run('orders');
    expect(findings.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['serverless.yml:13']);
    expect(findings[0]!.message).toContain('"getOrder": dynamodb:GetItem; "createOrder": dynamodb:PutItem, sns:Publish, sqs:SendMessage');
    expect(run('thumbnails')).toEqual([]);
  });
});
