import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/full-access-policy.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

describe('iam/full-access-policy findings', () => {
  it('reports full service access, as a warning naming the policy and the function', () => {
    expect(ruleTester.lint(rule, 'bad/serverless-managed-arns').findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '"AmazonDynamoDBFullAccess" gives "sync" every action of a service on all of its resources.'],
    ]);
  });
});
