import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/missing-permission.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const ordersService = (statements: string) => `service: orders
provider:
  name: aws
  runtime: nodejs22.x
  environment:
    TABLE: !Ref OrdersTable
  iam:
    role:
      statements:
${statements}functions:
  getOrder:
    handler: src/handler.handler
resources:
  Resources:
    OrdersTable:
      Type: AWS::DynamoDB::Table
`;
const getItem = `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
export const handler = async (event: { id: string }) => {
  return ddb.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { id: { S: event.id } } }));
};
`;

ruleTester.run(rule, {
  valid: [
    {
      name: 'a Deny on another action leaves the grant alone',
      files: {
        'serverless.yml': ordersService(`        - Effect: Allow
          Action: dynamodb:GetItem
          Resource: !GetAtt OrdersTable.Arn
        - Effect: Deny
          Action: dynamodb:DeleteItem
          Resource: !GetAtt OrdersTable.Arn
`),
        'src/handler.ts': getItem,
      },
    },
  ],
  invalid: [
    {
      name: 'a Deny statement refuses what an Allow grants',
      files: {
        'serverless.yml': ordersService(`        - Effect: Allow
          Action: dynamodb:GetItem
          Resource: !GetAtt OrdersTable.Arn
        - Effect: Deny
          Action: dynamodb:GetItem
          Resource: '*'
`),
        'src/handler.ts': getItem,
      },
      errors: [{ messageId: 'denied', file: 'src/handler.ts', line: 4, function: 'getOrder' }],
    },
    {
      name: 'orders: createOrder calls what its role does not grant',
      dir: 'fixtures/projects/orders',
      errors: [{ messageId: 'notGranted', file: 'src/lib/orders.ts', line: 31, function: 'createOrder' }],
    },
    {
      name: 'thumbnails: ThumbnailFunction writes thumbnails it may not',
      dir: 'fixtures/projects/thumbnails',
      errors: [{ messageId: 'notGranted', file: 'src/thumbnail.js', line: 17, function: 'ThumbnailFunction' }],
    },
  ],
});

describe('missing-permission on the example projects', () => {
  const run = (name: string) => ruleTester.lint(rule, { dir: `fixtures/projects/${name}` }).findings;
  it('reports the calls at the code, one per function', () => {
    expect(run('orders').map((f) => `${f.location.file}:${f.location.line} ${f.function}`)).toEqual(['src/lib/orders.ts:31 createOrder']);
    const thumbnails = run('thumbnails');
    expect(thumbnails.map((f) => `${f.location.file}:${f.location.line} ${f.function}`)).toEqual(['src/thumbnail.js:17 ThumbnailFunction']);
    expect(thumbnails[0]!.message).toContain('s3:PutObject on "ThumbnailsBucket/thumbs/*"');
    expect(thumbnails[0]!.related[0]!.message).toContain('"ThumbnailFunctionRole"');
    expect(thumbnails[0]!.actions).toEqual({ missing: ['s3:PutObject'] });
  });
});
