import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/admin-policy.js';
import fullAccessRule from '../../../rules/iam/full-access-policy.js';
import { FIXTURES, fixtureCases, runCase, runRule } from './fixture-cases.js';

describe('iam/admin-policy fixtures', () => {
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

describe('iam/admin-policy findings', () => {
  const findings = (name: string) => runRule(rule, path.join(FIXTURES, 'iam/admin-policy', name)).findings.filter((f) => f.ruleId === rule.id);

  it('reports administrator access, and leaves full service access to iam/full-access-policy', () => {
    expect(findings('bad/serverless-managed-arns').map((f) => [f.severity, f.message])).toEqual([
      ['error', '"AdministratorAccess" gives "sync" administrator access to the whole AWS account.'],
    ]);
    const fullAccess = runRule(fullAccessRule, path.join(FIXTURES, 'iam/full-access-policy/bad/serverless-managed-arns')).findings.filter((f) => f.ruleId === fullAccessRule.id);
    expect(fullAccess.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '"AmazonDynamoDBFullAccess" gives "sync" every action of a service on all of its resources.'],
    ]);
  });

  it('reads SAM policy names and a Fn::Join ARN on a CloudFormation role', () => {
    const result = findings('bad/sam-policy-names');
    expect(result.map((f) => `${f.location.line} ${f.function} ${f.message.split(' ')[0]}`)).toEqual([
      '15 ImportFunction "PowerUserAccess"',
      '30 ExportFunction "AdministratorAccess"',
    ]);
    expect(result[1]!.key).toBe('template.yaml#ExportRole|managedPolicies|AdministratorAccess|*');
  });
});
