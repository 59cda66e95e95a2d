import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/partial-wildcard-action.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

describe('iam/partial-wildcard-action findings', () => {
  it('reports partial wildcards as warnings with examples', () => {
    const findings = ruleTester.lint(rule, 'bad/inline-partial').findings;
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings[0]!.message).toMatch(/^s3:Get\* allows \d+ actions \(s3:GetAccelerateConfiguration, .+ and \d+ more\) on .+ to "ThumbnailFunction"\.$/);
  });

  it('reports the partial wildcards of a broad managed policy, as warnings', () => {
    const readOnly = ruleTester.lint(rule, 'iam/wildcard-action/bad/sam-managed-policy').findings.filter((f) => f.function === 'ExportFunction');
    expect(readOnly.length).toBeGreaterThan(0);
    expect(readOnly.map((f) => f.severity)).toEqual(readOnly.map(() => 'warning'));
    expect(readOnly.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^The AWS managed policy "AmazonS3ReadOnlyAccess" allows s3:Get\*, \d+ actions \(s3:GetAccelerateConfiguration, .+ and \d+ more\), on "\*" to "ExportFunction"\.$/),
    );
  });
});
