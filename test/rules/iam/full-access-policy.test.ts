import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/full-access-policy.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  invalid: [
    {
      name: 'a FullAccess policy whose document lists the actions one by one names no service',
      files: {
        'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  NetworkFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: exports.handler = async () => 1;
      Policies:
        - AmazonVPCFullAccess
`,
      },
      errors: [{ messageId: 'fullAccess', line: 10, function: 'NetworkFunction' }],
    },
  ],
});

describe('iam/full-access-policy findings', () => {
  it('reports full service access, as a warning naming the policy, its services and the function', () => {
    expect(ruleTester.lint(rule, 'bad/serverless-managed-arns').findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '"AmazonDynamoDBFullAccess" gives "sync" every action of dax and dynamodb on every resource.'],
    ]);
  });
});
