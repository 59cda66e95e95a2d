import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/not-action.js';
import { FIXTURES, fixtureCases, runCase, runRule } from './fixture-cases.js';

describe('iam/not-action fixtures', () => {
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

describe('iam/not-action findings', () => {
  const findings = (name: string) => runRule(rule, path.join(FIXTURES, 'iam/not-action', name)).findings.filter((f) => f.ruleId === rule.id);

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
