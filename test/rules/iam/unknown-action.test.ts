import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/unknown-action.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
  ],
});

describe('iam/unknown-action findings', () => {
  const findings = (name: string) => ruleTester.lint(rule, name).findings;

  it('suggests the closest real action or service', () => {
    expect(findings('bad/serverless-typos').map((f) => f.message)).toEqual([
      'dynamodb:GetItems is not an IAM action of dynamodb, so the statement grants nothing with it on "!GetAtt OrdersTable.Arn" for "getOrder". Did you mean dynamodb:GetItem?',
      'dynamo:Query is not an IAM action: there is no service "dynamo", so the statement grants nothing with it on "!GetAtt OrdersTable.Arn" for "getOrder". Did you mean dynamodb:Query?',
      's3:Gett* matches no IAM action of s3, so the statement grants nothing with it on "arn:aws:s3:::orders-archive/*" for "getOrder".',
      's3:DeleteObjects is not an IAM action of s3, so the statement denies nothing with it on "arn:aws:s3:::orders-archive/*" for "getOrder". Did you mean s3:DeleteObject?',
    ]);
  });

  it('adds the missing service prefix when only one service has the action', () => {
    const result = findings('bad/sam-batch-and-bare-names');
    expect(result[1]!.message).toMatch(/^GetQueueUrl is not an IAM action \(actions are written service:ActionName\).* Did you mean sqs:GetQueueUrl\?$/);
    expect(result[0]).toMatchObject({ severity: 'warning', function: 'PublisherFunction' });
  });
});
