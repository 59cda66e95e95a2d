// One problem, one finding, on a whole monorepo with every rule on: managed full-access and administrator policies,
// a provider statement shared by every function (also through per-function roles that inherit it), a wholly unused
// `codedeploy:*` on "*", a CloudFormation role three SAM functions share, a library line two services call without
// the grant. No place (file, line, column) carries two IAM findings, and what was folded is named and related.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { lint } from '../../src/engine/lint.js';
import type { Finding } from '../../src/model/finding.js';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/rules/iam/one-problem-one-finding');

let iam: Finding[] = [];
beforeAll(() => {
  const run = lint({ rules: BUILTIN_RULES, root: ROOT, now: new Date('2026-12-01T00:00:00Z'), gitignore: false });
  iam = run.findings.filter((f) => f.ruleId.startsWith('iam/'));
});

const at = (file: string, line: number): Finding[] => iam.filter((f) => f.location.file === file && f.location.line === line);
const relatedRules = (f: Finding): string[] => [...new Set(f.related.map((r) => r.message.split(':')[0]!).filter((m) => m.startsWith('iam/')))].sort();

describe('one IAM finding per problem on a monorepo', () => {
  it('never puts two IAM findings at one place', () => {
    expect(iam.length).toBeGreaterThan(10);
    const places = iam.map((f) => `${f.location.file}:${f.location.line}:${f.location.column}`);
    expect(places.filter((p, i) => places.indexOf(p) !== i)).toEqual([]);
  });

  it('reports an AWS managed full-access policy once, with its wildcards, its "*" and its unused actions folded in', () => {
    const [finding, ...rest] = at('services/billing/serverless.yml', 15);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'iam/full-access-policy', severity: 'error' });
    expect(relatedRules(finding!)).toEqual(['iam/unused-permission', 'iam/wildcard-action', 'iam/wildcard-resource']);
    expect(finding!.actions?.used).toEqual(['s3:GetObject']);
    expect(finding!.message).toContain('This also settles iam/unused-permission, iam/wildcard-action, iam/wildcard-resource');
  });

  it('reports a wholly unused codedeploy:* on "*" once, as unused', () => {
    const statement = iam.filter((f) => f.location.file === 'services/billing/serverless.yml' && f.location.line >= 20 && f.location.line <= 22);
    expect(statement.map((f) => `${f.ruleId} ${f.location.line}`)).toEqual(['iam/unused-permission 21']);
    expect(statement[0]!.severity).toBe('error');
    expect(statement[0]!.related.map((r) => `${r.location.line} ${r.message.split(':')[0]}`)).toEqual(['21 iam/wildcard-action', '22 iam/wildcard-resource']);
  });

  it('keeps the distinct problems of a partly used dynamodb:* at their own places', () => {
    expect(at('services/billing/serverless.yml', 18).map((f) => `${f.ruleId} ${f.location.column}`)).toEqual(['iam/unused-permission 11', 'iam/wildcard-action 19']);
  });

  it('reports one "*" of several actions once, naming them', () => {
    const [finding, ...rest] = at('services/billing/serverless.yml', 27);
    expect(rest).toEqual([]);
    expect(finding!.message).toMatch(/^ses:SendEmail and ses:GetEmailTemplate are allowed on every resource \("\*"\) for "invoice", "refund" and "report";/);
  });

  it('reports a provider statement every per-function role inherits once, naming the functions', () => {
    const action = at('services/orders/serverless.yml', 21).filter((f) => f.ruleId === 'iam/wildcard-action');
    expect(action).toHaveLength(1);
    expect(action[0]!.message).toMatch(/^sqs:\* allows all \d+ sqs actions on "\*" to "cancel"\. The same holds for "place"\.$/);
    expect(at('services/orders/serverless.yml', 22).map((f) => f.ruleId)).toEqual(['iam/wildcard-resource']);
  });

  it('reports a library line two services call without the grant once, the other service related', () => {
    const [finding, ...rest] = at('lib/ledger.js', 7);
    expect(rest).toEqual([]);
    expect(finding!.message).toMatch(/^"invoice" and "refund" call dynamodb:PutItem .*billing-ledger.* Also reported here for "place" \(see the related locations\)\.$/);
    expect(finding!.related.some((r) => r.message.startsWith('iam/missing-permission: "place" calls dynamodb:PutItem') && r.message.includes('orders-ledger'))).toBe(true);
  });

  it('reports the managed policies of a CloudFormation role three SAM functions share once, naming them', () => {
    const [finding, ...rest] = at('services/shipping/template.yaml', 26);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'iam/full-access-policy' });
    expect(finding!.message).toMatch(/^"AmazonDynamoDBFullAccess" gives "TrackFunction", "LabelFunction" and "NotifyFunction" every action/);
    const admin = at('services/shipping/template.yaml', 56);
    expect(admin.map((f) => f.ruleId)).toEqual(['iam/admin-policy']);
    expect(relatedRules(admin[0]!)).toEqual(['iam/wildcard-action', 'iam/wildcard-resource']);
  });
});
