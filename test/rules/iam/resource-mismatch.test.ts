import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/resource-mismatch.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  invalid: [
    {
      name: 'a wildcard none of whose actions applies to the resource',
      files: {
        'serverless.yml': `service: uploads
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3:ListBucket*
          Resource: arn:aws:s3:::acme-uploads/*
functions:
  listUploads:
    handler: src/list.handler
`,
        'src/list.js': 'exports.handler = async () => [];\n',
      },
      errors: [{ messageId: 'patternMismatch', file: 'serverless.yml', line: 9, function: 'listUploads' }],
    },
  ],
  valid: [
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
  ],
});

describe('iam/resource-mismatch findings', () => {
  const findings = (name: string) => ruleTester.lint(rule, name).findings;

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
