import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/unused-permission.js';
import { fixtureResults, loadAnalysedProject, runRule } from '../../helpers/analysed-project.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/rules');

describe('unused-permission fixtures (real loaders and source analysis)', () => {
  const cases = fixtureResults(rule, FIXTURES);
  it('has good and bad cases', () => {
    expect(cases.some((c) => c.kind === 'good') && cases.some((c) => c.kind === 'bad')).toBe(true);
  });
  for (const c of cases) {
    it(`${c.kind}/${c.name}`, () => {
      expect(c.inputProblems).toEqual([]);
      if (c.kind === 'good') expect(c.expected).toEqual([]);
      expect(c.reported).toEqual(c.expected);
      for (const place of c.mustNot) expect(c.reported).not.toContain(place);
    });
  }
});

describe('unused-permission on the example projects', () => {
  const run = (name: string) => runRule(rule, loadAnalysedProject(path.resolve(import.meta.dirname, '../../../fixtures/projects', name)));
  it('reports the partly used dynamodb:* of orders with what the code uses', () => {
    const findings = run('orders');
    expect(findings.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['serverless.yml:16']);
    expect(findings[0]!.message).toMatch(/^dynamodb:\* grants \d+ actions, but the code of "getOrder", "createOrder" and "reportOrders" uses only dynamodb:GetItem, dynamodb:PutItem, dynamodb:Scan; \d+ granted actions are unused \(Write \d+/);
  });
  it('reports the SAM templates broader than the code at their Policies items', () => {
    const findings = run('thumbnails');
    expect(findings.map((f) => `${f.location.file}:${f.location.line} ${f.function}`)).toEqual(['template.yaml:24 ThumbnailFunction', 'template.yaml:42 ListThumbnailsFunction']);
    expect(findings[0]!.message).toContain('uses only s3:GetObject');
    expect(findings[0]!.message).toContain('Use S3ReadPolicy instead');
    expect(findings[1]!.message).toContain('uses only s3:ListBucket');
  });
  it('never suggests a template that grants more than the code uses plus what the current one grants', () => {
    const [finding] = runRule(rule, loadAnalysedProject(path.join(FIXTURES, 'iam/unused-permission/bad/sam-crud-put-and-query')));
    expect(finding!.message).not.toContain('DynamoDBRestoreFromBackupPolicy');
    expect(finding!.message).toContain('Replace it with a statement granting only Action: [dynamodb:PutItem, dynamodb:Query]');
    expect(finding!.actions!.used).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
    expect(finding!.actions!.unused).toContain('dynamodb:DeleteItem');
    expect(finding!.actions!.unused).not.toContain('dynamodb:Query');
  });
});

describe('unused-permission on a statement none of whose actions is used', () => {
  const run = (name: string) => runRule(rule, loadAnalysedProject(path.join(FIXTURES, 'iam/unused-permission/bad', name)));
  it('reports the statement once at its Action key, and a partly unused statement per action', () => {
    const findings = run('statement-all-unused');
    expect(findings.map((f) => `${f.location.line} ${f.key}`)).toEqual([
      '15 serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|dynamodb:DeleteItem',
      '20 serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[1]|dynamodb:GetItem,dynamodb:Query',
    ]);
    expect(findings[1]!.message).toBe(
      'None of the 2 actions of this statement (dynamodb:GetItem, dynamodb:Query) is used by the code of "getMember" on these resources. Remove the statement.',
    );
    expect(findings[1]!.function).toBe('getMember');
  });
  it('uses the Action key of a SAM inline statement', () => {
    const [finding] = run('sam-statement-all-unused');
    expect(finding).toMatchObject({ location: { file: 'template.yaml', line: 21 }, function: 'ReadFunction' });
    expect(finding!.message).toContain('(sqs:SendMessage, sqs:GetQueueUrl)');
  });
});
