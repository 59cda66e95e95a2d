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
    expect(folded[0]!.message).toBe('AdministratorAccess grants every action. This also settles iam/wildcard-action, iam/wildcard-resource (see the related locations).');
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
    expect(whole[0]!.message).toContain('This also settles iam/admin-policy (see the related locations).');
    const partly = foldSamePlace([
      finding('iam/admin-policy', 'AmazonDynamoDBFullAccess gives every action of a service.', { severity: 'error' }),
      finding('iam/unused-permission', 'AmazonDynamoDBFullAccess grants 168 actions, but the code uses only GetItem.', { messageId: 'unusedManagedPolicy' }),
    ]);
    expect(partly).toMatchObject([{ ruleId: 'iam/admin-policy' }]);
  });

  it('lets a wildcard speak for its partly unused actions at the same place, carrying their actions', () => {
    const folded = foldSamePlace([
      finding('iam/wildcard-action', 'dynamodb:* allows all 79 actions.', { severity: 'error' }),
      finding('iam/unused-permission', 'dynamodb:* grants 79 actions, but the code uses only GetItem.', { messageId: 'partlyUsedWildcard', actions: { used: ['dynamodb:GetItem'], unused: ['dynamodb:PutItem'] } }),
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ ruleId: 'iam/wildcard-action', severity: 'error', actions: { used: ['dynamodb:GetItem'], unused: ['dynamodb:PutItem'] } });
    expect(folded[0]!.message).toBe('dynamodb:* allows all 79 actions. The same grant is also reported by iam/unused-permission (see the related locations).');
  });

  it('keeps the problems of one statement at their own places: which actions, which resources', () => {
    const statement = { location: { ...at(14), endLine: 19 } };
    const list = [
      finding('iam/wildcard-action', 'cognito-sync:* allows all 19 actions.', { severity: 'error', statement }),
      finding('iam/wildcard-action', 'cognito-identity:* allows all 26 actions.', { severity: 'error', statement, location: at(17) }),
      finding('iam/wildcard-resource', 'cognito-sync:* and cognito-identity:* are allowed on "*".', { statement, location: at(18) }),
      finding('iam/unknown-action', 'cognito-sync:Typo is not an action.', { statement, location: at(19) }),
    ];
    expect(foldSamePlace(list)).toEqual(list);
  });

  it('lets a grant that removes its statement speak for everything reported about the statement', () => {
    const statement = { location: { ...at(14), endLine: 18 } };
    const folded = foldSamePlace([
      finding('iam/unused-permission', 'codedeploy:* is granted but never used. Remove it.', { messageId: 'unusedAction', statement: { ...statement, removed: true } }),
      finding('iam/wildcard-action', 'codedeploy:* allows every codedeploy action.', { severity: 'error', statement }),
      finding('iam/wildcard-resource', 'codedeploy:* is allowed on "*".', { statement, location: at(18) }),
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ ruleId: 'iam/unused-permission', severity: 'error' });
    expect(folded[0]!.message).toBe('codedeploy:* is granted but never used. Remove it. This also settles iam/wildcard-action, iam/wildcard-resource (see the related locations).');
  });

  it('keeps one finding at a place where the same rule says different things for different functions', () => {
    const folded = foldSamePlace([
      finding('iam/missing-permission', '"a" calls dynamodb:PutItem on table A, but its role does not grant it.', { function: 'a', location: at(90), severity: 'error' }),
      finding('iam/missing-permission', '"b" calls dynamodb:PutItem on table B, but its role does not grant it.', { function: 'b', location: at(90), severity: 'error' }),
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.message).toBe('"a" calls dynamodb:PutItem on table A, but its role does not grant it. Also reported here for "b" (see the related locations).');
    expect(folded[0]!.related).toEqual([{ location: at(90), message: 'iam/missing-permission: "b" calls dynamodb:PutItem on table B, but its role does not grant it.' }]);
  });

  it('lets Action "*" speak before the ways to escalate privileges it includes', () => {
    const folded = foldSamePlace([
      finding('iam/privilege-escalation', '* on "*" lets "api" raise its privileges.', { severity: 'error' }),
      finding('iam/wildcard-action', '"*" allows every action of every AWS service.', { severity: 'error', messageId: 'everyAction' }),
    ]);
    expect(folded).toMatchObject([{ ruleId: 'iam/wildcard-action' }]);
  });

  it('lets a managed policy\'s "*" speak before the partial wildcards its document spells', () => {
    const folded = foldSamePlace([
      finding('iam/partial-wildcard-action', 'The AWS managed policy allows dynamodb:Describe*.', { messageId: 'managedSeveral' }),
      finding('iam/wildcard-resource', 'The AWS managed policy allows 42 actions on "*".', { messageId: 'managed' }),
    ]);
    expect(folded).toMatchObject([{ ruleId: 'iam/wildcard-resource' }]);
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
