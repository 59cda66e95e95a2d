// One problem, one finding: IAM findings at one place fold into the one that speaks for it.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { foldSamePlace } from '../../src/engine/fold.js';

const at = (line: number, column = 9) => ({ file: 'serverless.yml', line, column, endLine: line, endColumn: column + 5 });
const finding = (ruleId: string, message: string, extra: Partial<Finding> = {}): Finding => ({ ruleId, severity: 'warning', message, location: at(16), related: [], key: `${ruleId}|${message}`, ...extra });

describe('foldSamePlace', () => {
  it('keeps admin access and folds the wildcard findings of the same managed policy into it', () => {
    const folded = foldSamePlace([
      finding('iam/admin-policy', 'AdministratorAccess grants every action.', { severity: 'error' }),
      finding('iam/wildcard-action', '* allows every action.'),
      finding('iam/wildcard-resource', '* on every resource.'),
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ ruleId: 'iam/admin-policy', severity: 'error' });
    expect(folded[0]!.message).toContain('This also settles iam/wildcard-action, iam/wildcard-resource here');
    expect(folded[0]!.related.map((r) => r.message)).toEqual(['iam/wildcard-action: * allows every action.', 'iam/wildcard-resource: * on every resource.']);
  });

  it('lets a wholly unused grant speak for its wildcard, with the highest severity', () => {
    const folded = foldSamePlace([
      finding('iam/unused-permission', 'codedeploy:* is granted but never used. Remove it.', { messageId: 'unusedAction' }),
      finding('iam/wildcard-action', 'codedeploy:* allows every codedeploy action.', { severity: 'error' }),
    ]);
    expect(folded).toMatchObject([{ ruleId: 'iam/unused-permission', severity: 'error' }]);
  });

  it('lets a wholly unused managed policy speak for its admin finding, and admin access speak for a partly used one', () => {
    const whole = foldSamePlace([
      finding('iam/admin-policy', 'AmazonCognitoPowerUser gives every action of a service.', { severity: 'error' }),
      finding('iam/unused-permission', 'AmazonCognitoPowerUser grants 192 actions, but the code uses none of them.', { messageId: 'removeManagedPolicy' }),
    ]);
    expect(whole).toMatchObject([{ ruleId: 'iam/unused-permission', severity: 'error' }]);
    expect(whole[0]!.message).toContain('This also settles iam/admin-policy here');
    const partly = foldSamePlace([
      finding('iam/admin-policy', 'AmazonDynamoDBFullAccess gives every action of a service.', { severity: 'error' }),
      finding('iam/unused-permission', 'AmazonDynamoDBFullAccess grants 168 actions, but the code uses only GetItem.', { messageId: 'unusedManagedPolicy' }),
    ]);
    expect(partly).toMatchObject([{ ruleId: 'iam/admin-policy' }]);
  });

  it('keeps a partly used wildcard and its unused actions as two problems', () => {
    const both = [
      finding('iam/wildcard-action', 'dynamodb:* allows all 79 actions.'),
      finding('iam/unused-permission', 'dynamodb:* grants 79 actions, but the code uses only GetItem.', { messageId: 'partlyUsedWildcard' }),
    ];
    expect(foldSamePlace(both)).toEqual(both);
  });

  it('reports a statement shared by several functions once, naming them', () => {
    const folded = foldSamePlace(['a', 'b', 'c'].map((fn) => finding('iam/unused-permission', `codedeploy:* is granted to "${fn}" but never used.`, { function: fn, messageId: 'unusedAction' })));
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ function: 'a', message: 'codedeploy:* is granted to "a" but never used. The same holds for "b", "c".' });
  });

  it('leaves findings at other places and of other categories alone', () => {
    const list = [finding('iam/wildcard-action', 'x'), finding('iam/wildcard-resource', 'y', { location: at(17) }), finding('ops/limits', 'z')];
    expect(foldSamePlace(list)).toEqual(list);
  });
});
