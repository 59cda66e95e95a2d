import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/engine/lint.js';
import adminPolicy from '../../../rules/iam/admin-policy.js';
import notAction from '../../../rules/iam/not-action.js';
import privilegeEscalation from '../../../rules/iam/privilege-escalation.js';
import resourceMismatch from '../../../rules/iam/resource-mismatch.js';
import unknownAction from '../../../rules/iam/unknown-action.js';
import wildcardAction from '../../../rules/iam/wildcard-action.js';
import wildcardResource from '../../../rules/iam/wildcard-resource.js';

const PROJECTS = path.resolve(import.meta.dirname, '../../../fixtures/projects');
const RULES = [adminPolicy, notAction, privilegeEscalation, resourceMismatch, unknownAction, wildcardAction, wildcardResource];

const iamFindings = (name: string): string[] =>
  lint({ root: path.join(PROJECTS, name), rules: RULES, now: new Date('2026-12-01T00:00:00Z'), gitignore: false })
    .findings.filter((f) => f.ruleId.startsWith('iam/'))
    .map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`);

describe('manifest IAM rules on the example projects', () => {
  it('orders: the dynamodb:* grant on "*"', () => {
    expect(iamFindings('orders')).toEqual(['iam/wildcard-action serverless.yml:16', 'iam/wildcard-resource serverless.yml:17']);
  });

  it('thumbnails: nothing from SAM policy templates', () => {
    expect(iamFindings('thumbnails')).toEqual([]);
  });
});
