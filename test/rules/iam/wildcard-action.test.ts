import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/iam/wildcard-action.js';
import partialRule from '../../../rules/iam/partial-wildcard-action.js';
import { FIXTURES, fixtureCases, runCase, runRule } from './fixture-cases.js';

describe('iam/wildcard-action fixtures', () => {
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

describe('iam/wildcard-action findings', () => {
  it('counts the actions a service wildcard covers and names the function', () => {
    const run = runRule(rule, path.join(FIXTURES, 'iam/wildcard-action/bad/provider-service-wildcard'));
    const findings = run.findings.filter((f) => f.ruleId === rule.id);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: 'error', function: 'getOrder', location: { line: 12 } });
    expect(findings[0]!.message).toMatch(/^dynamodb:\* allows all \d+ dynamodb actions on "!GetAtt OrdersTable\.Arn" to "getOrder"\.$/);
    expect(findings[0]!.key).toBe('serverless.yml#IamRoleLambdaExecution|provider.iam.role.statements[0]|dynamodb:*|!GetAtt OrdersTable.Arn');
    expect(findings[1]!.message).toMatch(/^sns:\* allows all \d+ sns actions on "\*" to "getOrder"\.$/);
  });

  it('leaves partial wildcards to iam/partial-wildcard-action, which reports them as warnings with examples', () => {
    const inline = path.join(FIXTURES, 'iam/partial-wildcard-action/bad/inline-partial');
    expect(runRule(rule, inline).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
    const run = runRule(partialRule, inline);
    const findings = run.findings.filter((f) => f.ruleId === partialRule.id);
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings[0]!.message).toMatch(/^s3:Get\* allows \d+ actions \(s3:GetAccelerateConfiguration, .+ and \d+ more\) on .+ to "ThumbnailFunction"\.$/);
  });

  it('says "*" is every action of every service', () => {
    const run = runRule(rule, path.join(FIXTURES, 'iam/wildcard-action/bad/star-action'));
    const [finding] = run.findings.filter((f) => f.ruleId === rule.id);
    expect(finding!.message).toMatch(/^"\*" allows every action of every AWS service \(\d{5,} actions\) on "\*" to "Worker"\.$/);
    expect(finding!.severity).toBe('error');
  });
});

describe('iam/wildcard-action on AWS managed policies', () => {
  it('reports each wildcard action of a broad managed policy once, at the reference, naming the policy', () => {
    const run = runRule(rule, path.join(FIXTURES, 'iam/wildcard-action/bad/sam-managed-policy'));
    const findings = run.findings.filter((f) => f.ruleId === rule.id);
    const full = findings.filter((f) => f.function === 'CreateListingFunction');
    expect(full.map((f) => [f.location.line, f.severity])).toEqual([
      [14, 'error'],
      [14, 'error'],
    ]);
    expect(full.map((f) => f.message).sort()).toEqual([
      expect.stringMatching(/^The AWS managed policy "AmazonDynamoDBFullAccess" allows dax:\*, all \d+ dax actions, on "\*" to "CreateListingFunction"\.$/),
      expect.stringMatching(/^The AWS managed policy "AmazonDynamoDBFullAccess" allows dynamodb:\*, all \d+ dynamodb actions, on "\*" to "CreateListingFunction"\.$/),
    ]);
    expect(full.map((f) => f.key).sort()).toEqual([
      'template.yaml#CreateListingFunctionRole|Resources.CreateListingFunction.Properties.Policies[1]#AmazonDynamoDBFullAccess|dax:*',
      'template.yaml#CreateListingFunctionRole|Resources.CreateListingFunction.Properties.Policies[1]#AmazonDynamoDBFullAccess|dynamodb:*',
    ]);
  });

  it('leaves partial wildcards of a managed policy to iam/partial-wildcard-action, as warnings', () => {
    const fixture = path.join(FIXTURES, 'iam/wildcard-action/bad/sam-managed-policy');
    expect(runRule(rule, fixture).findings.filter((f) => f.ruleId === rule.id && f.function === 'ExportFunction')).toEqual([]);
    const run = runRule(partialRule, fixture);
    const readOnly = run.findings.filter((f) => f.ruleId === partialRule.id && f.function === 'ExportFunction');
    expect(readOnly.length).toBeGreaterThan(0);
    expect(readOnly.map((f) => f.severity)).toEqual(readOnly.map(() => 'warning'));
    expect(readOnly.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^The AWS managed policy "AmazonS3ReadOnlyAccess" allows s3:Get\*, \d+ actions \(s3:GetAccelerateConfiguration, .+ and \d+ more\), on "\*" to "ExportFunction"\.$/),
    );
  });
});
