import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/not-action.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  valid: [
    { name: 'orders', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails', dir: 'fixtures/projects/thumbnails' },
  ],
});

describe('iam/not-action findings', () => {
  const findings = (name: string) => ruleTester.lint(rule, name).findings;

  it('names the exceptions, the resource and the function', () => {
    const [finding] = findings('bad/not-action-allow');
    expect(finding!.message).toBe('This Allow statement grants every action except iam:*, organizations:* on "*" to "report" (NotAction).');
    expect(finding).toMatchObject({ severity: 'error', function: 'report' });
    expect(finding!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|NotAction:iam:*, organizations:*|*');
  });

  it('reports NotResource in an Allow statement', () => {
    const [finding] = findings('bad/not-resource-sam');
    expect(finding!.message).toBe(
      'This Allow statement grants s3:DeleteObject on every resource except "arn:aws:s3:::audit-logs/*" to "CleanupFunction" (NotResource).',
    );
  });
});
