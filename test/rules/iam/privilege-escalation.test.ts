import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/privilege-escalation.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  invalid: [
    {
      name: 'an Allow with NotAction reaches the dangerous actions',
      dir: 'fixtures/rules/iam/not-action/bad/not-action-allow',
      errors: [
        {
          messageId: 'notAction',
          file: 'serverless.yml',
          line: 13,
          function: 'report',
          message:
            'Allowing every action except iam:*, organizations:* lets "report" raise its privileges through sts:AssumeRole, lambda:UpdateFunctionCode and lambda:UpdateFunctionConfiguration.',
        },
      ],
    },
  ],
  valid: [
    { name: '"*" on a table ARN is no IAM access', dir: 'fixtures/rules/iam/unknown-action/good/valid-names' },
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
  ],
});

describe('iam/privilege-escalation findings', () => {
  const findings = (name: string) => ruleTester.lint(rule, name).findings;

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
});
