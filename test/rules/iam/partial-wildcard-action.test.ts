import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/partial-wildcard-action.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  invalid: [
    {
      name: 'a managed policy with one partial wildcard in its document',
      files: {
        'serverless.yml': `service: alerts
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      managedPolicies:
        - arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess
functions:
  alerts:
    handler: src/alerts.handler
`,
        'src/alerts.js': 'exports.handler = async () => 1;\n',
      },
      errors: [{ messageId: 'managed', line: 8, function: 'alerts', message: /^The AWS managed policy "AmazonSNSReadOnlyAccess" allows sns:List\*, \d+ actions \(sns:List.+\), on "\*" to "alerts"\.$/ }],
    },
  ],
});

describe('iam/partial-wildcard-action findings', () => {
  it('reports partial wildcards as warnings with examples', () => {
    const findings = ruleTester.lint(rule, 'bad/inline-partial').findings;
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings[0]!.message).toMatch(/^s3:Get\* allows \d+ actions \(s3:GetAccelerateConfiguration, .+ and \d+ more\) on .+ to "ThumbnailFunction"\.$/);
  });

  it('reports the partial wildcards of a broad managed policy once, as a warning naming each', () => {
    const readOnly = ruleTester.lint(rule, 'iam/wildcard-action/bad/sam-managed-policy').findings.filter((f) => f.function === 'ExportFunction');
    expect(readOnly.map((f) => [f.severity, f.messageId])).toEqual([['warning', 'managedSeveral']]);
    expect(readOnly[0]!.message).toMatch(/^The AWS managed policy "AmazonS3ReadOnlyAccess" allows s3:Get\*, s3:List\*, .+, \d+ actions in all, on "\*" to "ExportFunction"\.$/);
  });
});
