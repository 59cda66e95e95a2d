import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/admin-policy.js';
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

  it('tells administrator access (error) from full service access (warning)', () => {
    expect(findings('bad/serverless-managed-arns').map((f) => [f.severity, f.message])).toEqual([
      ['error', '"AdministratorAccess" gives "sync" administrator access to the whole AWS account.'],
      ['warning', '"AmazonDynamoDBFullAccess" gives "sync" every action of a service on all of its resources.'],
    ]);
  });

  it('reads SAM policy names and a Fn::Join ARN on a CloudFormation role', () => {
    const result = findings('bad/sam-policy-names');
    expect(result.map((f) => `${f.location.line} ${f.function} ${f.message.split(' ')[0]}`)).toEqual([
      '13 ImportFunction "AmazonS3FullAccess"',
      '15 ImportFunction "PowerUserAccess"',
      '30 ExportFunction "AdministratorAccess"',
    ]);
    expect(result[2]!.key).toBe('template.yaml#ExportRole|managedPolicies|AdministratorAccess|*');
  });
});
