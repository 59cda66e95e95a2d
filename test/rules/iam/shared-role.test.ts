import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/shared-role.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

describe('shared-role on the example projects', () => {
  const run = (name: string) => ruleTester.lint(rule, { dir: `fixtures/projects/${name}` }).findings;
  it('reports the provider role of orders at its role key', () => {
    const findings = run('orders');
    expect(findings.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['serverless.yml:13']);
    expect(findings[0]!.message).toContain('"getOrder": dynamodb:GetItem; "createOrder": dynamodb:PutItem, sns:Publish, sqs:SendMessage');
    expect(run('thumbnails')).toEqual([]);
  });
});
