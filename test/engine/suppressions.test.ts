import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/model/finding.js';
import { applySuppressions, collectMetadataSuppressions, keyHasSegment, parseDirective, parseSelector, SUPPRESSION_RULE_IDS } from '../../src/engine/suppressions.js';
import { ProjectFiles } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/model/project.js';

/** What a run hands applySuppressions about a project: the files to scan, its functions, its Metadata suppressions. */
function inputsOf(project: Project, extraFiles: string[] = []) {
  return {
    scanFiles: [...project.files, ...extraFiles],
    functions: project.functions.map((fn) => ({ service: fn.service.id, name: fn.name })),
    metadata: collectMetadataSuppressions(project),
  };
}

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/suppressions');
const KNOWN = new Set([
  'iam/wildcard-action',
  'iam/wildcard-resource',
  'iam/missing-permission',
  'connection/per-request',
  'ops/tracing-disabled',
  'encryption/at-rest',
  ...Object.values(SUPPRESSION_RULE_IDS),
]);
const NOW = new Date('2025-06-01T12:00:00Z');

function finding(ruleId: string, file: string, line: number, key: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity: 'error', message: `${ruleId} at ${line}`, location: { file, line, column: 11, endLine: line, endColumn: 20 }, related: [], key, ...extra };
}

function run(dir: string, findings: Finding[], extraFiles: string[] = []) {
  const files = new ProjectFiles(path.join(fixtures, dir));
  const project = loadProject(files, { paths: [''], ignores: [], gitignore: true, resolveEnv: false, env: {} });
  return applySuppressions({ findings, ...inputsOf(project, extraFiles), files, knownRuleIds: KNOWN, ranRuleIds: KNOWN, now: NOW });
}

const problems = (outcome: ReturnType<typeof run>) =>
  outcome.findings.filter((f) => f.ruleId.startsWith('suppression/')).map((f) => `${f.ruleId}@${f.location.line}`).sort();

describe('parseDirective / parseSelector', () => {
  it('splits rule ids and the reason at " -- "', () => {
    expect(parseDirective(' iam/wildcard-action, iam/wildcard-resource(s3:GetObject) -- public assets -- really')).toEqual({
      selectors: ['iam/wildcard-action', 'iam/wildcard-resource(s3:GetObject)'],
      reason: 'public assets -- really',
    });
    expect(parseDirective(' iam/wildcard-action */')).toEqual({ selectors: ['iam/wildcard-action'], reason: undefined });
    expect(parseDirective(' iam/wildcard-action --')).toEqual({ selectors: ['iam/wildcard-action'], reason: undefined });
  });

  it('keeps a qualifier with spaces and commas inside parentheses', () => {
    expect(parseDirective(' iam/wildcard-resource(arn:aws:s3:::a, b) -- x').selectors).toEqual(['iam/wildcard-resource(arn:aws:s3:::a, b)']);
  });

  it('reads a narrowed selector and refuses what is not a rule id', () => {
    expect(parseSelector('iam/wildcard-resource(s3:GetObject)')).toEqual({ ruleId: 'iam/wildcard-resource', qualifier: 's3:GetObject' });
    expect(parseSelector('iam/wildcard-action')).toEqual({ ruleId: 'iam/wildcard-action' });
    expect(parseSelector('because')).toBeUndefined();
    expect(parseSelector('IAM/Wildcard')).toBeUndefined();
  });

  it('matches a qualifier against one whole key segment, case-insensitively', () => {
    expect(keyHasSegment('serverless.yml#Role|statements[1]|s3:GetObject|*', 's3:getobject')).toBe(true);
    expect(keyHasSegment('serverless.yml#Role|statements[1]|s3:GetObjectAcl|*', 's3:GetObject')).toBe(false);
    expect(keyHasSegment('serverless.yml#Role|statements[1]|s3:*|*', 's3:GetObject')).toBe(false);
  });
});

describe('inline suppressions', () => {
  const role = 'serverless.yml#IamRoleLambdaExecution';
  const findings = [
    finding('iam/wildcard-action', 'serverless.yml', 10, `${role}|statements[0]|s3:*|*`),
    finding('iam/wildcard-resource', 'serverless.yml', 15, `${role}|statements[1]|s3:GetObject|*`),
    finding('iam/wildcard-resource', 'serverless.yml', 16, `${role}|statements[1]|s3:PutObject|*`),
    finding('iam/wildcard-action', 'serverless.yml', 20, `${role}|statements[2]|sqs:*|*`),
    finding('iam/wildcard-action', 'serverless.yml', 24, `${role}|statements[3]|sns:*|*`),
    finding('connection/per-request', 'src/create.js', 7, 'create|client'),
    finding('iam/missing-permission', 'src/create.js', 9, 'create|s3:GetObject'),
  ];

  it('holds back the finding on the next code line, with its reason', () => {
    const outcome = run('inline', findings);
    const held = outcome.suppressed.map((s) => `${s.finding.ruleId}@${s.finding.location.file}:${s.finding.location.line}`);
    expect(held).toEqual(['iam/wildcard-action@serverless.yml:10', 'iam/wildcard-resource@serverless.yml:15', 'connection/per-request@src/create.js:7', 'iam/missing-permission@src/create.js:9']);
    expect(outcome.suppressed[0]!.suppressions).toEqual([
      {
        kind: 'inSource',
        source: 'inline',
        justification: 'audit role reads every bucket, reviewed in SEC-42',
        location: { file: 'serverless.yml', line: 9, column: 13, endLine: 9, endColumn: 114 },
      },
    ]);
  });

  it('above any key of an IAM statement, covers the whole statement; narrowed, only its own action', () => {
    const outcome = run('inline', [
      finding('iam/wildcard-resource', 'serverless.yml', 15, `${role}|statements[1]|s3:GetObject|*`),
      finding('iam/wildcard-resource', 'serverless.yml', 15, `${role}|statements[1]|s3:GetObjectAcl|*`),
      finding('iam/wildcard-resource', 'serverless.yml', 16, `${role}|statements[1]|s3:PutObject|*`),
      finding('iam/wildcard-resource', 'serverless.yml', 17, `${role}|statements[1]|s3:GetObject|*`),
    ]);
    expect(outcome.suppressed.map((s) => `${s.finding.location.line} ${s.finding.key.split('|')[2]}`)).toEqual(['15 s3:GetObject', '17 s3:GetObject']);
  });

  describe('the forms ESLint users type: disable-line, disable/enable blocks, YAML and JS comments', () => {
    const role = 'serverless.yml#role';
    const outcome = run('forms', [
      finding('iam/wildcard-resource', 'serverless.yml', 11, `${role}|statements[0]|dynamodb:GetItem|*`),
      finding('iam/wildcard-resource', 'serverless.yml', 14, `${role}|statements[1]|sqs:SendMessage|*`),
      finding('iam/wildcard-action', 'serverless.yml', 17, `${role}|statements[2]|s3:*`),
      finding('iam/wildcard-action', 'serverless.yml', 20, `${role}|statements[3]|sns:*`),
      finding('iam/wildcard-action', 'serverless.yml', 24, `${role}|statements[4]|kms:*`),
      finding('iam/wildcard-action', 'serverless.yml', 28, `${role}|statements[5]|ssm:*`),
      finding('connection/per-request', 'src/create.js', 4, 'create|client'),
      finding('iam/missing-permission', 'src/create.js', 6, 'create|s3:GetObject|b'),
      finding('iam/missing-permission', 'src/create.js', 7, 'create|s3:GetObject|c'),
      finding('iam/missing-permission', 'src/create.js', 9, 'create|s3:GetObject|d'),
    ], ['src/create.js']);

    it('a next-line comment above the "- Effect:" line covers the statement; disable-line covers its own line', () => {
      const held = outcome.suppressed.map((s) => `${s.finding.location.file}:${s.finding.location.line}`);
      expect(held).toEqual(['serverless.yml:11', 'serverless.yml:14', 'serverless.yml:17', 'serverless.yml:20', 'src/create.js:4', 'src/create.js:6', 'src/create.js:7']);
    });

    it('a block ends at its enable comment (of its rule, or of every rule)', () => {
      const kept = outcome.findings.filter((f) => !f.ruleId.startsWith('suppression/')).map((f) => `${f.location.file}:${f.location.line}`);
      expect(kept).toEqual(['serverless.yml:24', 'serverless.yml:28', 'src/create.js:9']);
    });

    it('reports a directive it does not know, with the one meant, and an enable that ends no block', () => {
      expect(problems(outcome)).toEqual(['suppression/unknown-directive@26', 'suppression/unknown-directive@30']);
      const typo = outcome.findings.find((f) => f.location.line === 26)!;
      expect(typo.message).toContain('"noops-lint-disable-nextline" is not a noops-lint directive');
      expect(typo.message).toContain('Did you mean noops-lint-disable-next-line?');
      expect(outcome.findings.find((f) => f.location.line === 30)!.message).toContain('ends no noops-lint-disable block of ops/tracing-disabled');
    });
  });

  it('a narrowed suppression on the reported line covers that action only', () => {
    const outcome = run('inline', [
      finding('iam/wildcard-resource', 'serverless.yml', 14, `${role}|statements[1]|s3:GetObject|*`),
      finding('iam/wildcard-resource', 'serverless.yml', 14, `${role}|statements[1]|s3:PutObject|*`),
    ]);
    expect(outcome.suppressed.map((s) => s.finding.key)).toEqual([`${role}|statements[1]|s3:GetObject|*`]);
    expect(outcome.findings.filter((f) => f.ruleId === 'iam/wildcard-resource').map((f) => f.key)).toEqual([`${role}|statements[1]|s3:PutObject|*`]);
  });

  it('reports a suppression without a reason (and does not apply it), an unknown rule, and an unused one', () => {
    const outcome = run('inline', findings);
    expect(problems(outcome)).toEqual([
      'suppression/missing-reason@19',
      'suppression/unknown-rule@23',
      'suppression/unknown-rule@6',
      'suppression/unused@27',
    ]);
    const kept = outcome.findings.filter((f) => !f.ruleId.startsWith('suppression/')).map((f) => f.location.line);
    expect(kept).toEqual([16, 20, 24]);
    const unknown = outcome.findings.find((f) => f.ruleId === SUPPRESSION_RULE_IDS.unknownRule && f.location.line === 23)!;
    expect(unknown.message).toContain('iam/wildcard-acton');
    expect(unknown.severity).toBe('error');
  });

  it('never calls a suppression unused when its rule did not run', () => {
    const files = new ProjectFiles(path.join(fixtures, 'inline'));
    const project = loadProject(files, { paths: [''], ignores: [], gitignore: true, resolveEnv: false, env: {} });
    const outcome = applySuppressions({ findings: [], ...inputsOf(project, ['src/create.js']), files, knownRuleIds: KNOWN, ranRuleIds: new Set(['ops/tracing-disabled']), now: NOW });
    expect(problems(outcome)).toEqual(['suppression/missing-reason@19', 'suppression/unknown-rule@23', 'suppression/unknown-rule@6']);
  });

  it('scans source files the model did not list when asked to', () => {
    const outcome = run('inline', [], ['src/create.js']);
    expect(problems(outcome)).toContain('suppression/unused@8');
  });
});

describe('Metadata suppressions', () => {
  const fn = 'template.yaml#ThumbnailFunction';

  it('cover findings inside the resource, narrowed ones only for their action', () => {
    const outcome = run('metadata', [
      finding('iam/wildcard-resource', 'template.yaml', 25, `${fn}Role|Resources.ThumbnailFunction.Properties.Policies[0]|s3:GetObject|*`),
      finding('iam/wildcard-resource', 'template.yaml', 26, `${fn}Role|Resources.ThumbnailFunction.Properties.Policies[0]|s3:PutObject|*`),
      finding('encryption/at-rest', 'template.yaml', 29, 'AssetsBucket|template.yaml|noEncryption'),
    ]);
    expect(outcome.suppressed.map((s) => `${s.finding.ruleId}@${s.finding.location.line}`)).toEqual(['iam/wildcard-resource@25', 'encryption/at-rest@29']);
    expect(outcome.suppressed[1]!.suppressions[0]).toMatchObject({ kind: 'inSource', source: 'metadata', justification: 'public website assets, nothing secret' });
  });

  it('cover findings about the function in its code', () => {
    const outcome = run('metadata', [finding('iam/wildcard-resource', 'src/app.js', 1, 'x|s3:GetObject', { function: 'ThumbnailFunction' })]);
    expect(outcome.suppressed).toHaveLength(1);
  });

  it('report an expired entry (and apply it no more), one without a reason, and an unknown rule', () => {
    const outcome = run('metadata', [finding('ops/tracing-disabled', 'template.yaml', 4, `${fn}|tracing`)]);
    expect(problems(outcome)).toEqual(['suppression/expired@12', 'suppression/missing-reason@15', 'suppression/unknown-rule@16', 'suppression/unused@34', 'suppression/unused@9']);
    expect(outcome.findings.some((f) => f.ruleId === 'ops/tracing-disabled')).toBe(true);
    expect(outcome.findings.find((f) => f.ruleId === SUPPRESSION_RULE_IDS.expired)!.message).toContain('expired on 2020-01-01');
  });

  it('apply until the end of the until day', () => {
    const files = new ProjectFiles(path.join(fixtures, 'metadata'));
    const project = loadProject(files, { paths: [''], ignores: [], gitignore: true, resolveEnv: false, env: {} });
    const tracing = finding('ops/tracing-disabled', 'template.yaml', 4, `${fn}|tracing`);
    const onTheDay = applySuppressions({ findings: [tracing], ...inputsOf(project), files, knownRuleIds: KNOWN, ranRuleIds: KNOWN, now: new Date('2020-01-01T23:59:00Z') });
    expect(onTheDay.suppressed).toHaveLength(1);
  });
});
