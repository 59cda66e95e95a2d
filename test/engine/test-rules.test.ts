import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleFileError } from '../../src/engine/declarative.js';
import { readAnnotations, testRules } from '../../src/engine/test-rules.js';
import { readAnnotations as readFixtureAnnotations } from '../helpers/annotations.js';

const PACK = path.resolve(import.meta.dirname, '../../fixtures/policy-pack');
const display = (root: string) => (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-test-rules-'));
  temps.push(dir);
  return dir;
}
function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TIMEOUT_RULE = `id: acme/short-timeout
severity: warning
description: A function has a long timeout.
help: Keep it at 30 s or less.
target: function
require: { properties: { timeout: { maximum: 30 } } }
message: '{{function.name}} sets timeout {{value}}.'
`;

describe('test-rules', () => {
  it('passes the sample policy pack: seven policies, three over derived actions, each with good and bad cases', () => {
    const outcome = testRules({ targets: [path.join(PACK, 'rules')], display: display(PACK) });
    expect(outcome.text).not.toContain('FAIL');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result.rules.map((r) => r.id)).toEqual([
      'acme/async-reliability',
      'acme/http-cost-limits',
      'acme/no-dynamodb-scan',
      'acme/no-iam-changes-from-code',
      'acme/payments-writers',
      'acme/runtime-allow-list',
      'acme/table-point-in-time-recovery',
    ]);
    for (const rule of outcome.result.rules) {
      expect(rule.cases.some((c) => c.kind === 'good'), rule.id).toBe(true);
      expect(rule.cases.some((c) => c.kind === 'bad'), rule.id).toBe(true);
    }
    expect(outcome.result.untested).toEqual([]);
    expect(outcome.text.split('\n').at(-2)).toBe(`7 rules, ${outcome.result.passed} cases: ${outcome.result.passed} passed, 0 failed.`);
  });

  it('fails a bad case the rule misses and a good case it fires on, saying where', () => {
    const root = tempDir();
    write(root, 'rules/short-timeout.yaml', TIMEOUT_RULE);
    write(root, 'rules/short-timeout/bad/missed/serverless.yml', `service: s
provider: { name: aws, runtime: nodejs22.x }
functions:
  slow:
    handler: a.handler
    # expect: acme/short-timeout
    timeout: 20
`);
    write(root, 'rules/short-timeout/good/fires/serverless.yml', `# should not report: but it does
service: s
provider: { name: aws, runtime: nodejs22.x }
functions:
  slow:
    handler: a.handler
    timeout: 60
`);
    write(root, 'rules/untested.yaml', TIMEOUT_RULE.replace('acme/short-timeout', 'acme/untested'));
    const outcome = testRules({ targets: [path.join(root, 'rules')], display: display(root) });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.text).toBe(`rules/short-timeout.yaml  acme/short-timeout
  FAIL  bad/missed
        expected a finding at serverless.yml:7, got none
  FAIL  good/fires
        unexpected finding at serverless.yml:7: slow sets timeout 60.
rules/untested.yaml  acme/untested
  (no cases: add good/ and bad/ folders beside the rule file)

2 rules, 2 cases: 0 passed, 2 failed; untested: acme/untested.
`);
  });

  it('fails a case whose manifest does not parse: a broken fixture proves nothing', () => {
    const root = tempDir();
    write(root, 'short-timeout.yaml', TIMEOUT_RULE);
    write(root, 'short-timeout/bad/broken/serverless.yml', 'service: [unclosed\n# expect: acme/short-timeout\nfunctions: {}\n');
    const outcome = testRules({ targets: [root], display: display(root) });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.result.rules[0]!.cases[0]!.problems[0]).toMatch(/^input\/parse-error at serverless\.yml:\d+: /);
  });

  it('throws one RuleFileError for bad rule files, missing targets and built-in ids', () => {
    const root = tempDir();
    write(root, 'rules/bad.yaml', TIMEOUT_RULE.replace('severity: warning', 'severity: loud'));
    write(root, 'rules/clash.yaml', TIMEOUT_RULE.replace('acme/short-timeout', 'acme/clash'));
    let problems: string[] = [];
    try {
      testRules({ targets: [path.join(root, 'rules'), path.join(root, 'nowhere')], display: display(root), reserved: { ids: ['acme/clash'], categories: [] } });
    } catch (error) {
      expect(error).toBeInstanceOf(RuleFileError);
      problems = (error as RuleFileError).problems;
    }
    expect(problems).toEqual([
      'rules/bad.yaml:2:11: "severity" must be one of "error", "warning", "note".',
      'nowhere does not exist.',
      'rules/clash.yaml:1:5: "acme/clash" is a built-in rule id; choose another.',
    ]);
    expect(() => testRules({ targets: [tempDir()], display: () => 'empty' })).toThrow('No rule files (*.yaml, *.yml, *.json) in empty.');
  });

  it('reads annotations exactly as the fixture harness does', () => {
    const cases: string[] = [];
    const walk = (dir: string, depth: number): void => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        if (!name.isDirectory()) continue;
        const child = path.join(dir, name.name);
        if (depth === 2) cases.push(child);
        else walk(child, depth + 1);
      }
    };
    walk(path.join(PACK, 'rules/acme'), 0);
    expect(cases.length).toBeGreaterThan(10);
    for (const dir of cases) expect(readAnnotations(dir), dir).toEqual(readFixtureAnnotations(dir));
  });
});
