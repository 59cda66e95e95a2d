import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/resource-mismatch.js';
import { FIXTURES, fixtureCases, runCase, runRule } from './fixture-cases.js';

describe('iam/resource-mismatch fixtures', () => {
  for (const c of fixtureCases(rule.id)) {
    it(`${c.kind}/${c.name}`, () => {
      const outcome = runCase(rule, c);
      expect(outcome.problems).toEqual([]);
      expect(outcome.reported).toEqual(outcome.expected);
      for (const place of outcome.mustNot) expect(outcome.reported).not.toContain(place);
      if (c.kind === 'bad') expect(outcome.expected.length).toBeGreaterThan(0);
    });
  }
});

describe('iam/resource-mismatch findings', () => {
  const findings = (name: string) =>
    runRule(rule, path.join(FIXTURES, 'iam/resource-mismatch', name)).findings.filter((f) => f.ruleId === rule.id);

  it('says which kind of ARN the action needs', () => {
    const result = findings('bad/serverless-bucket-vs-object');
    expect(result[0]!.message).toBe(
      's3:GetObject is granted only on "arn:aws:s3:::acme-uploads", where it never applies, so the grant has no effect for "listUploads": it acts on object ARNs such as arn:${Partition}:s3:::${BucketName}/${ObjectName} (or accesspointobject).',
    );
    expect(result[1]!.message).toMatch(/^s3:ListBucket is granted only on "arn:aws:s3:::acme-uploads\/\*", .* it acts on bucket ARNs/);
    expect(result[0]).toMatchObject({ severity: 'warning', function: 'listUploads' });
    expect(result[0]!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|s3:GetObject|arn:aws:s3:::acme-uploads');
  });

  it('knows what Fn::GetAtt and Fn::Sub of template resources are', () => {
    expect(findings('bad/sam-getatt-and-sub').map((f) => `${f.location.line} ${f.message.split(' ')[0]}`)).toEqual([
      '15 s3:GetObject',
      '19 s3:PutObject',
      '23 dynamodb:PutItem',
    ]);
  });
});
