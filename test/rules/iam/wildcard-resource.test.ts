import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/wildcard-resource.js';
import { FIXTURES, fixtureCases, runCase, runRule } from './fixture-cases.js';

describe('iam/wildcard-resource fixtures', () => {
  for (const c of fixtureCases(rule.id)) {
    it(`${c.kind}/${c.name}`, () => {
      const outcome = runCase(rule, c);
      expect(outcome.problems).toEqual([]);
      expect(outcome.reported).toEqual(outcome.expected);
      for (const place of outcome.mustNot) expect(outcome.reported).not.toContain(place);
      if (c.kind === 'bad') expect(outcome.expected.length).toBeGreaterThan(0);
    });
  }
});

describe('iam/wildcard-resource findings', () => {
  it('reports each resource-scoped action once, at the "*" and never for wildcard-only actions', () => {
    const run = runRule(rule, path.join(FIXTURES, 'iam/wildcard-resource/bad/provider-star'));
    const findings = run.findings.filter((f) => f.ruleId === rule.id);
    expect(findings.map((f) => `${f.location.line} ${f.message}`)).toEqual([
      '17 dynamodb:GetItem is allowed on every resource ("*") for createOrder; it can be limited to specific table ARNs.',
      '17 dynamodb:PutItem is allowed on every resource ("*") for createOrder; it can be limited to specific table ARNs.',
      '23 sqs:SendMessage is allowed on every resource ("*") for createOrder; it can be limited to specific queue ARNs.',
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warning', function: 'createOrder' });
    expect(findings[0]!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|dynamodb:GetItem|*');
  });

  it('accepts extra actions through allowActions', () => {
    const run = runRule({ ...rule, defaultOptions: { allowActions: ['dynamodb:*Item', 'sqs:SendMessage'] } }, path.join(FIXTURES, 'iam/wildcard-resource/bad/provider-star'));
    expect(run.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
  });
});
