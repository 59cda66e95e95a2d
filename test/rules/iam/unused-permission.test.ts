import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/unused-permission.js';
import { filesOf, ruleTester } from '../../helpers/rule-tester.js';

const cdkOrders = filesOf('fixtures/projects/cdk-orders');

ruleTester.run(rule, {
  invalid: [
    {
      name: 'orders: the partly used dynamodb:*',
      dir: 'fixtures/projects/orders',
      errors: [{ messageId: 'partlyUsedWildcard', file: 'serverless.yml', line: 16 }],
    },
    {
      name: 'thumbnails: SAM templates broader than the code',
      dir: 'fixtures/projects/thumbnails',
      errors: [
        { messageId: 'unusedTemplate', file: 'template.yaml', line: 24, function: 'ThumbnailFunction' },
        { messageId: 'unusedTemplate', file: 'template.yaml', line: 42, function: 'ListThumbnailsFunction' },
      ],
    },
    {
      name: 'cdk-orders: a grant method broader than the code, at the call in the app',
      dir: 'fixtures/projects/cdk-orders',
      errors: [{ messageId: 'unusedCdkGrant', file: 'lib/orders-stack.ts', line: 31, function: 'OrdersStack/CreateOrder' }],
    },
    {
      name: 'a CDK statement whose call is not in the app and whose actions the code never uses',
      files: {
        ...cdkOrders,
        'lib/orders-stack.ts': cdkOrders['lib/orders-stack.ts']!.replace('    queue.grantSendMessages(ship);\n', ''),
        'lambda/ship-order.ts': 'export const handler = async (event: { id: string }) => ({ id: event.id });\n',
      },
      errors: [
        { messageId: 'unusedCdkStatement', file: 'cdk.out/OrdersStack.template.json', line: 390, function: 'OrdersStack/ShipOrder' },
        { messageId: 'unusedCdkGrant', file: 'lib/orders-stack.ts', line: 31, function: 'OrdersStack/CreateOrder' },
      ],
    },
    {
      name: 'an AWS managed policy the code uses part of',
      files: {
        'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  ReadFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: src/read.handler
      CodeUri: .
      Environment:
        Variables:
          BUCKET: acme-reports
      Policies:
        - AmazonS3ReadOnlyAccess
`,
        'src/read.js': `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.handler = async (event) => s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: event.key }));
`,
      },
      errors: [{ messageId: 'unusedManagedPolicy', file: 'template.yaml', line: 14, function: 'ReadFunction' }],
    },
  ],
});

describe('unused-permission on the example projects', () => {
  const run = (name: string) => ruleTester.lint(rule, { dir: `fixtures/projects/${name}` }).findings;
  it('reports the partly used dynamodb:* of orders with what the code uses', () => {
    const findings = run('orders');
    expect(findings.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['serverless.yml:16']);
    expect(findings[0]!.message).toMatch(/^dynamodb:\* grants \d+ actions, but the code of "getOrder", "createOrder" and "reportOrders" uses only dynamodb:GetItem, dynamodb:PutItem, dynamodb:Scan; \d+ granted actions are unused \(Write \d+/);
  });
  it('reports the SAM templates broader than the code at their Policies items', () => {
    const findings = run('thumbnails');
    expect(findings.map((f) => `${f.location.file}:${f.location.line} ${f.function}`)).toEqual(['template.yaml:24 ThumbnailFunction', 'template.yaml:42 ListThumbnailsFunction']);
    expect(findings[0]!.message).toContain('uses only s3:GetObject');
    expect(findings[0]!.message).toContain('Use S3ReadPolicy instead');
    expect(findings[1]!.message).toContain('uses only s3:ListBucket');
  });
  it('never suggests a template that grants more than the code uses plus what the current one grants', () => {
    const [finding] = ruleTester.lint(rule, 'bad/sam-crud-put-and-query').findings;
    expect(finding!.message).not.toContain('DynamoDBRestoreFromBackupPolicy');
    expect(finding!.message).toContain('Replace it with a statement granting only Action: [dynamodb:PutItem, dynamodb:Query]');
    expect(finding!.actions!.used).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
    expect(finding!.actions!.unused).toContain('dynamodb:DeleteItem');
    expect(finding!.actions!.unused).not.toContain('dynamodb:Query');
  });
});

describe('unused-permission on a statement none of whose actions is used', () => {
  const run = (name: string) => ruleTester.lint(rule, `bad/${name}`).findings;
  it('reports the statement once at its Action key, and a partly unused statement per action', () => {
    const findings = run('statement-all-unused');
    expect(findings.map((f) => `${f.location.line} ${f.key}`)).toEqual([
      '15 serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|dynamodb:DeleteItem',
      '20 serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[1]|dynamodb:GetItem,dynamodb:Query',
    ]);
    expect(findings[1]!.message).toBe(
      'None of the 2 actions of this statement (dynamodb:GetItem, dynamodb:Query) is used by the code of "getMember" on these resources. Remove the statement.',
    );
    expect(findings[1]!.function).toBe('getMember');
  });
  it('uses the Action key of a SAM inline statement', () => {
    const [finding] = run('sam-statement-all-unused');
    expect(finding).toMatchObject({ location: { file: 'template.yaml', line: 21 }, function: 'ReadFunction' });
    expect(finding!.message).toContain('(sqs:SendMessage, sqs:GetQueueUrl)');
  });
});
