import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/admin-policy.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
  ],
});

describe('iam/admin-policy findings', () => {
  const findings = (name: string) => ruleTester.lint(rule, name).findings;

  it('reports administrator access as an error', () => {
    expect(findings('bad/serverless-managed-arns').map((f) => [f.severity, f.message])).toEqual([
      ['error', '"AdministratorAccess" gives "sync" administrator access to the whole AWS account.'],
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
