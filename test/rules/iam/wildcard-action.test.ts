import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/wildcard-action.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'partial wildcards are iam/partial-wildcard-action\'s', dir: 'fixtures/rules/iam/partial-wildcard-action/bad/inline-partial' },
    { name: 'thumbnails: nothing from SAM policy templates', dir: 'fixtures/projects/thumbnails' },
  ],
  invalid: [
    {
      name: 'a wildcard service name that spans several services',
      files: {
        'serverless.yml': `service: audit
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3*:*
          Resource: '*'
functions:
  audit:
    handler: src/audit.handler
`,
        'src/audit.js': 'exports.handler = async () => 1;\n',
      },
      errors: [{ messageId: 'crossService', file: 'serverless.yml', line: 9, function: 'audit', message: /^s3\*:\* allows \d+ actions of \d+ services on "\*" to "audit"\.$/ }],
    },
    { name: 'orders: the dynamodb:* grant', dir: 'fixtures/projects/orders', errors: [{ messageId: 'allOfService', file: 'serverless.yml', line: 16 }] },
  ],
});

describe('iam/wildcard-action findings', () => {
  it('counts the actions a service wildcard covers and names the function', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-action/bad/provider-service-wildcard');
    const findings = run.findings;
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: 'error', function: 'getOrder', location: { line: 12 } });
    expect(findings[0]!.message).toMatch(/^dynamodb:\* allows all \d+ dynamodb actions on "!GetAtt OrdersTable\.Arn" to "getOrder"\.$/);
    expect(findings[0]!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|dynamodb:*|!GetAtt OrdersTable.Arn');
    expect(findings[1]!.message).toMatch(/^sns:\* allows all \d+ sns actions on "\*" to "getOrder"\.$/);
  });

  it('says "*" is every action of every service', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-action/bad/star-action');
    const [finding] = run.findings;
    expect(finding!.message).toMatch(/^"\*" allows every action of every AWS service \(\d{5,} actions\) on "\*" to "Worker"\.$/);
    expect(finding!.severity).toBe('error');
  });
});

describe('iam/wildcard-action on AWS managed policies', () => {
  it('reports a broad managed policy once, at the reference, naming the policy and each of its wildcards', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-action/bad/sam-managed-policy');
    const full = run.findings.filter((f) => f.function === 'CreateListingFunction');
    expect(full.map((f) => [f.location.line, f.severity, f.messageId])).toEqual([[14, 'error', 'managedSeveral']]);
    expect(full[0]!.message).toMatch(/^The AWS managed policy "AmazonDynamoDBFullAccess" allows dynamodb:\* and dax:\*, \d+ actions in all, on "\*" to "CreateListingFunction"\.$/);
    expect(full[0]!.key).toBe('template.yaml#CreateListingFunctionRole|Resources.CreateListingFunction.Properties.Policies[1]#AmazonDynamoDBFullAccess');
  });

  it('leaves partial wildcards of a managed policy to iam/partial-wildcard-action', () => {
    expect(ruleTester.lint(rule, 'bad/sam-managed-policy').findings.filter((f) => f.function === 'ExportFunction')).toEqual([]);
  });
});
