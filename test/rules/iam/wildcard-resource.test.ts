import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/wildcard-resource.js';
import { filesOf, ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'thumbnails: nothing from SAM policy templates', dir: 'fixtures/projects/thumbnails' },
    {
      name: 'allowActions accepts extra actions on "*"',
      dir: 'fixtures/rules/iam/wildcard-resource/bad/provider-star',
      options: { allowActions: ['dynamodb:*Item', 'sqs:SendMessage'] },
    },
  ],
  invalid: [
    { name: 'orders: the grant on "*"', dir: 'fixtures/projects/orders', errors: [{ messageId: 'pattern', file: 'serverless.yml', line: 17 }] },
    {
      name: 'several wildcards in one statement on "*": one finding at the "*"',
      files: {
        'serverless.yml': `service: sync
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - dynamodb:Get*
            - sqs:Receive*
          Resource: '*'
functions:
  sync:
    handler: src/sync.handler
`,
        'src/sync.js': 'exports.handler = async () => 1;\n',
      },
      errors: [{ messageId: 'severalPatterns', line: 12, function: 'sync', message: /^dynamodb:Get\* and sqs:Receive\* are allowed on every resource \("\*"\) for "sync"; \d+ of the actions they cover can be limited to specific resources\.$/ }],
    },
    {
      name: 'the SMS function once its code publishes only to its topic',
      files: {
        ...filesOf('iam/wildcard-resource/good/sns-publish-needs-star'),
        'src/sms.js':
          "const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');\n" +
          'const sns = new SNSClient({});\n' +
          "exports.handler = async () => sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: 'alert' }));\n",
      },
      errors: [{ messageId: 'topicsOnly', line: 19, function: 'SmsFunction' }],
    },
  ],
});

describe('iam/wildcard-resource findings', () => {
  it('reports each statement once, at the "*", naming its resource-scoped actions and never wildcard-only ones', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-resource/bad/provider-star');
    const findings = run.findings;
    expect(findings.map((f) => `${f.location.line} ${f.message}`)).toEqual([
      '17 dynamodb:GetItem and dynamodb:PutItem are allowed on every resource ("*") for "createOrder"; they can be limited to specific table ARNs.',
      '23 sqs:SendMessage is allowed on every resource ("*") for "createOrder"; it can be limited to specific queue ARNs.',
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warning', function: 'createOrder' });
    expect(findings[0]).toMatchObject({ messageId: 'several' });
    expect(findings[0]!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|dynamodb:GetItem,dynamodb:PutItem|*');
    expect(findings[1]!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[1]|sqs:SendMessage|*');
  });

  it("reports a SAM policy template given '*' once per entry, pointing at the parameter", () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-resource/bad/sam-template-star');
    const findings = run.findings;
    expect(findings.map((f) => `${f.location.line} ${f.message}`)).toEqual([
      '13 "DynamoDBCrudPolicy" is given TableName "*", so it applies to every such resource in the account for "SyncFunction", not only the ones the function uses.',
      '16 "S3CrudPolicy" is given BucketName "*", so it applies to every such resource in the account for "SyncFunction", not only the ones the function uses.',
      '19 "AWSSecretsManagerGetSecretValuePolicy" is given SecretArn "*", so it applies to every such resource in the account for "SyncFunction", not only the ones the function uses.',
    ]);
    expect(findings[0]!.related.map((r) => `${r.location.line} ${r.message}`)).toEqual(['14 TableName is "*" here.']);
  });
});

describe('iam/wildcard-resource on sns:Publish', () => {
  it('reports "*" when the code of every function publishes only to topics', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-resource/bad/sns-publish-to-topics');
    const findings = run.findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ location: { line: 14 } });
    expect(findings[0]!.message).toBe(
      'sns:Publish is allowed on every resource ("*") for "createRecipe" and "publishChanges", but the code publishes only to topics (no direct SMS); limit it to their ARNs.',
    );
  });
});

describe('iam/wildcard-resource on AWS managed policies', () => {
  it('reports once per reference, at the reference, naming the policy', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-resource/bad/sam-managed-policy');
    const findings = run.findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ function: 'CreateListingFunction', location: { line: 14 } });
    expect(findings[0]!.message).toMatch(
      /^The AWS managed policy "AmazonDynamoDBFullAccess" allows \d+ actions on every resource \("\*"\) for "CreateListingFunction" that can be limited to specific resources \(dynamodb:\*, dax:\*, application-autoscaling:DeleteScalingPolicy and \d+ more\)\.$/,
    );
    expect(findings[0]!.key).toBe('template.yaml#CreateListingFunctionRole|Resources.CreateListingFunction.Properties.Policies[1]#AmazonDynamoDBFullAccess|*');
  });

  it('leaves out conditioned statements and actions that take "*"', () => {
    const run = ruleTester.lint(rule, 'iam/wildcard-resource/bad/serverless-managed-policy');
    const messages = run.findings.map((f) => f.message);
    expect(messages).toHaveLength(2);
    // AWSLambda_FullAccess: iam:PassRole on "*" only with iam:PassedToService lambda.amazonaws.com.
    expect(messages.join('\n')).not.toContain('iam:PassRole');
    // AmazonSNSFullAccess: sns:* on "*"; the sms-voice statement only applies when called via SNS.
    expect(messages.find((m) => m.includes('AmazonSNSFullAccess'))).toMatch(/allows \d+ actions on every resource \("\*"\) for "notify" that can be limited to specific resources \(sns:\*\)\.$/);
  });
});
