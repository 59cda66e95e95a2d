import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/privilege-escalation.js';
import { FIXTURES, fixtureCases, runCase, runRule } from './fixture-cases.js';

describe('iam/privilege-escalation fixtures', () => {
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

describe('iam/privilege-escalation findings', () => {
  const findings = (name: string) =>
    runRule(rule, path.join(FIXTURES, 'iam/privilege-escalation', name)).findings.filter((f) => f.ruleId === rule.id);

  it('explains a single dangerous action', () => {
    const [passRole] = findings('bad/serverless-pass-role');
    expect(passRole!.message).toBe(
      'iam:PassRole on "*" lets "deploy" raise its privileges: it hands any role, including admin roles, to a service it creates or updates.',
    );
    expect(passRole).toMatchObject({ severity: 'error', function: 'deploy' });
  });

  it('names the dangerous actions a wildcard reaches on the resources it names', () => {
    const result = findings('bad/serverless-pass-role');
    // On role ARNs, iam:* reaches the role-policy actions, not the user and group ones.
    expect(result[2]!.message).toBe(
      'iam:* on "arn:aws:iam::123456789012:role/deployer-*" lets "deploy" raise its privileges through iam:AttachRolePolicy, iam:PutRolePolicy and iam:UpdateAssumeRolePolicy.',
    );
  });

  it('reports CreateFunction only together with PassRole on "*"', () => {
    expect(findings('bad/create-function-with-pass-role').map((f) => f.message.split(' ')[0])).toEqual(['lambda:CreateFunction', 'iam:PassRole']);
  });

  it('looks through NotAction', () => {
    const run = runRule(rule, path.join(FIXTURES, 'iam/not-action/bad/not-action-allow'));
    const [finding] = run.findings.filter((f) => f.ruleId === rule.id);
    expect(finding!.message).toBe(
      'Allowing every action except iam:*, organizations:* lets "report" raise its privileges through sts:AssumeRole, lambda:UpdateFunctionCode and lambda:UpdateFunctionConfiguration.',
    );
  });

  it('does not count "*" on a table ARN as IAM access', () => {
    const run = runRule(rule, path.join(FIXTURES, 'iam/unknown-action/good/valid-names'));
    expect(run.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
  });
});
