import { readFileSync } from 'node:fs';
import { toolVersion } from '../../src/util/package-root.js';
import { describe, it, expect } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildSarifLog, pascalCase, sarif } from '../../src/report/sarif.js';
import { emptyResult, finding, loc, ROOT, sampleFindings, sampleResult } from './sample-result.js';

// The official schema, copied from @microsoft/sarif-multitool-linux 5.7.0 (sarif-2.1.0.json).
const schema = JSON.parse(readFileSync(new URL('./sarif-2.1.0.schema.json', import.meta.url), 'utf8'));
// strictRequired is off because the official schema lists `required` names inside anyOf branches.
const ajv = new Ajv2020.default({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function log(result = sampleResult(), category?: string) {
  return JSON.parse(sarif(result, { color: false, ...(category === undefined ? {} : { sarifCategory: category }) }));
}

function expectValid(document: unknown) {
  const valid = validate(document);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expectValid(log());
    expectValid(log(emptyResult()));
    expectValid(log(sampleResult(), 'serverless'));
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('describes the tool and every rule that ran, sorted by id', () => {
    const run = log().runs[0];
    expect(log().$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log().version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'noops-lint', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const rules = run.tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual([
      'iam/wildcard-action',
      'input/parse-error',
      'input/skipped-file',
      'input/unresolved',
      'ops/tracing-disabled',
    ]);
    const [wildcard] = rules;
    expect(wildcard.name).toBe('IamWildcardAction');
    expect(wildcard.shortDescription.text).toBe('A policy statement allows every action of a service.');
    expect(wildcard.fullDescription.text.length).toBeLessThanOrEqual(1024);
    expect(wildcard.fullDescription.text.endsWith('…')).toBe(true);
    expect(wildcard.help.text).toContain('dynamodb:GetItem');
    expect(wildcard.help.markdown).toContain('```\nAction:\n  - dynamodb:GetItem\n  - dynamodb:PutItem\n```');
    // The README of this version's tag, never main: the link describes the rule as this version checks it.
    expect(wildcard.helpUri).toBe(`https://github.com/noops-lint/noops-lint/blob/v${toolVersion()}/README.md#iamwildcard-action`);
    expect(wildcard.defaultConfiguration).toEqual({ level: 'error' });
    expect(wildcard.properties.tags.length).toBe(10);
    expect(wildcard.properties.tags.slice(0, 2)).toEqual(['security', 'external/cwe/cwe-732']);
    expect(wildcard.properties['security-severity']).toBe('8.0');
    expect(wildcard.properties.precision).toBe('high');
    expect(wildcard.properties['problem.severity']).toBe('error');
    // A rule without a score of its own gets one from its default severity (GitHub sorts and filters alerts by it);
    // noops-lint's own ids are low whatever their severity.
    const tracing = rules[4];
    expect(tracing.properties).toEqual({ tags: ['security', 'reliability'], precision: 'very-high', 'problem.severity': 'recommendation', 'security-severity': '2.0' });
    expect(rules[1].properties).toMatchObject({ 'problem.severity': 'error', 'security-severity': '2.0' });
  });

  it('gives every result one root-relative, percent-encoded location and a matching ruleIndex', () => {
    const run = log().runs[0];
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^(\/|file:)/);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine > region.startLine || region.endColumn > region.startColumn).toBe(true);
    }
    const uris = run.results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('svc/a%20b%23c/t%C3%ABmplate.yaml');
  });

  it('sorts results by uri, line, column and rule id', () => {
    const keys = log().runs[0].results.map((result: any) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}:${result.ruleId}`;
    });
    expect(keys).toEqual([
      'serverless.yml:1:1:ops/tracing-disabled',
      'serverless.yml:12:9:iam/wildcard-action',
      'serverless.yml:20:15:input/unresolved',
      'svc/a%20b%23c/t%C3%ABmplate.yaml:40:11:iam/wildcard-action',
    ]);
  });

  it('repairs inverted and empty regions', () => {
    const regions = log().runs[0].results.map((result: any) => result.locations[0].physicalLocation.region);
    expect(regions[0]).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    expect(regions[3]).toEqual({ startLine: 40, startColumn: 11, endLine: 40, endColumn: 12 });
    expect(regions[1]).toEqual({ startLine: 12, startColumn: 9, endLine: 12, endColumn: 20 });
  });

  it('carries related locations, the function and a message that ends a sentence', () => {
    const [tracing, wildcard] = log().runs[0].results;
    expect(wildcard.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'src/handler.js', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 30 },
        },
        message: { text: 'createOrder calls PutItem here.' },
      },
    ]);
    expect(wildcard.properties).toEqual({ function: 'createOrder', actions: { used: ['dynamodb:PutItem'], unused: ['dynamodb:DeleteItem'] } });
    expect(tracing.message.text).toBe('Tracing is off for createOrder.');
    expect(tracing.relatedLocations).toBeUndefined();
  });

  it('puts parse failures and skipped files in notifications, never in results', () => {
    const run = log().runs[0];
    expect(run.results.map((result: any) => result.ruleId)).not.toContain('input/parse-error');
    expect(run.results.map((result: any) => result.ruleId)).not.toContain('input/skipped-file');
    expect(run.results.map((result: any) => result.ruleId)).toContain('input/unresolved');
    const [invocation] = run.invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(
      invocation.toolExecutionNotifications.map((n: any) => [
        n.associatedRule.id,
        n.level,
        n.locations[0].physicalLocation.artifactLocation.uri,
        n.message.text,
      ]),
    ).toEqual([
      ['input/skipped-file', 'warning', 'big.json', 'Skipped: larger than 1 MiB.'],
      ['input/parse-error', 'error', 'broken.yml', 'Unexpected end of flow mapping.'],
      ['input/skipped-file', 'warning', 'logo.png', 'Skipped: binary file.'],
    ]);
    for (const notification of invocation.toolExecutionNotifications) {
      expect(run.tool.driver.rules[notification.associatedRule.index].id).toBe(notification.associatedRule.id);
    }
  });

  it('reports a successful execution when nothing failed to parse', () => {
    const withoutParseErrors = sampleFindings().filter((f) => f.ruleId !== 'input/parse-error');
    const run = log({ ...sampleResult(withoutParseErrors), notifications: [] }).runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(log(emptyResult()).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('keeps fingerprints stable when a finding moves to another line', () => {
    const at = (line: number) =>
      log(sampleResult([finding({ ruleId: 'iam/wildcard-action', location: loc('serverless.yml', line, 3), key: 'Role|0|s3:*' })]))
        .runs[0].results[0].partialFingerprints;
    expect(at(5)).toEqual(at(50));
    expect(Object.keys(at(5))).toEqual(['noopsLint/v1']);
    expect(at(5)['noopsLint/v1']).toMatch(/^[0-9a-f]{64}$/);
    const other = log(sampleResult([finding({ ruleId: 'iam/wildcard-action', location: loc('serverless.yml', 5, 3), key: 'Role|0|sqs:*' })]))
      .runs[0].results[0].partialFingerprints;
    expect(other).not.toEqual(at(5));
  });

  it('writes automationDetails only for a category', () => {
    expect(log().runs[0].automationDetails).toBeUndefined();
    expect(log(sampleResult(), 'api').runs[0].automationDetails).toEqual({ id: 'api/' });
    expect(log(sampleResult(), 'api/').runs[0].automationDetails).toEqual({ id: 'api/' });
  });

  it('describes rules that reported without being listed, so every ruleIndex resolves', () => {
    const run = log(sampleResult([finding({ ruleId: 'internal/rule-error', location: loc('serverless.yml', 1, 1) })])).runs[0];
    const index = run.results[0].ruleIndex;
    expect(run.tool.driver.rules[index].id).toBe('internal/rule-error');
    expectValid(log(sampleResult([finding({ ruleId: 'internal/rule-error', location: loc('serverless.yml', 1, 1) })])));
  });

  it('prefixes uris with cwdPrefix and never prints the absolute root', () => {
    const text = sarif(sampleResult(), { color: false, cwdPrefix: 'services/api' });
    expect(text).not.toContain(ROOT);
    expect(text).not.toMatch(/file:\/\//);
    expect(text).not.toMatch(/"(startTimeUtc|endTimeUtc|timeUtc)"/);
    expect(JSON.parse(text).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('services/api/serverless.yml');
  });

  it('never writes primaryLocationLineHash', () => {
    expect(sarif(sampleResult(), { color: false })).not.toContain('primaryLocationLineHash');
  });

  it('names rules in PascalCase', () => {
    expect(pascalCase('iam/wildcard-action')).toBe('IamWildcardAction');
    expect(pascalCase('input/parse-error')).toBe('InputParseError');
  });

  it('is byte-identical for the same input', () => {
    expect(sarif(sampleResult(), { color: false })).toBe(sarif(sampleResult(), { color: false }));
    const shuffled = sampleResult([...sampleFindings()].reverse());
    shuffled.rules = [...shuffled.rules].reverse();
    expect(JSON.stringify(buildSarifLog(shuffled, { color: false }))).toBe(JSON.stringify(buildSarifLog(sampleResult(), { color: false })));
  });
});
