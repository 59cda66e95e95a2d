import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { loadCustomRules } from '../../src/engine/declarative.js';
import { RuleRegistry } from '../../src/engine/rule-registry.js';
import { lint } from '../../src/engine/lint.js';
import { REPORTERS } from '../../src/report/index.js';
import { readAnnotations } from '../helpers/annotations.js';

const PACK = path.resolve(import.meta.dirname, '../../fixtures/policy-pack');
const PROJECT = path.join(PACK, 'project');

/**
 * The sample project run with the built-in rules and the pack, as `extends: ['../rules']` in the project's
 * configuration loads it in a repository holding both (the pack must be inside the repository).
 */
function runProject() {
  const custom = loadCustomRules({ root: PACK, baseDir: PROJECT, extends: ['../rules'], reserved: new RuleRegistry(BUILTIN_RULES).reserved() });
  return { custom, run: lint({ root: PROJECT, rules: [...BUILTIN_RULES, ...custom], gitignore: false, now: new Date('2026-12-01T00:00:00Z') }) };
}

describe('the sample policy pack in a normal run', () => {
  it('fires every policy at the annotated lines, in the manifest and in the code', () => {
    const { run } = runProject();
    const reported = run.findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`);
    const expected = readAnnotations(PROJECT).filter((a) => a.kind === 'expect').map((a) => `${a.ruleId} ${a.file}:${a.line}`);
    expect([...new Set(reported)].sort()).toEqual([...new Set(expected)].sort());
    expect(new Set(expected.map((e) => e.split(' ')[0])).size).toBe(7);
    expect(run.findings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([]);
  });

  it('reports findings in the code with the function as a related location', () => {
    const { run } = runProject();
    const scan = run.findings.find((f) => f.ruleId === 'acme/no-dynamodb-scan')!;
    expect(scan).toMatchObject({
      severity: 'error',
      message: 'nightly calls dynamodb:Scan, which reads the whole table: query by key instead.',
      function: 'nightly',
      key: 'serverless.yml#nightly|actions/dynamodb:Scan',
      location: { file: 'src/nightly.ts', line: 9 },
      related: [{ location: { file: 'serverless.yml', line: 22 }, message: 'function nightly is defined here' }],
    });
    const runtime = run.findings.filter((f) => f.ruleId === 'acme/runtime-allow-list').map((f) => [f.location.line, f.message]);
    expect(runtime).toEqual([
      [7, 'checkout runs on nodejs18.x; supported runtimes are nodejs20.x, nodejs22.x and python3.12.'],
      [7, 'nightly runs on nodejs18.x; supported runtimes are nodejs20.x, nodejs22.x and python3.12.'],
    ]);
  });

  it('carries the same locations and the custom rules metadata into every output format', () => {
    const { run } = runProject();
    const acme = run.findings.filter((f) => f.ruleId.startsWith('acme/'));
    const stylish = REPORTERS.stylish(run, { color: false });
    const compact = REPORTERS.compact(run, { color: false });
    const github = REPORTERS.github(run, { color: false });
    const json = JSON.parse(REPORTERS.json(run, { color: false })) as unknown;
    const sarif = JSON.parse(REPORTERS.sarif(run, { color: false })) as {
      runs: [{ tool: { driver: { rules: { id: string; shortDescription: { text: string }; help: { text: string }; properties: { tags: string[] } }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }];
    };
    for (const f of acme) {
      expect(stylish).toContain(f.ruleId);
      expect(compact).toContain(`${f.location.file}:${f.location.line}:${f.location.column}`);
      expect(github).toMatch(new RegExp(`file=${f.location.file.replace(/\./g, '\\.')},line=${f.location.line}[,:].*`));
      const sarifResult = sarif.runs[0].results.find((r) => r.ruleId === f.ruleId && r.locations[0]!.physicalLocation.region.startLine === f.location.line);
      expect(sarifResult, `${f.ruleId} at ${f.location.file}:${f.location.line}`).toBeDefined();
      expect(sarifResult!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(f.location.file);
      expect(sarif.runs[0].tool.driver.rules[sarifResult!.ruleIndex]!.id).toBe(f.ruleId);
    }
    expect(JSON.stringify(json)).toContain('"acme/payments-writers"');
    const descriptor = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'acme/payments-writers')!;
    expect(descriptor.shortDescription.text).toBe('A function outside the billing team writes to the Payments table.');
    expect(descriptor.help.text).toMatch(/^Move the write into a billing function/);
    expect(descriptor.properties.tags).toEqual(['security', 'data-ownership']);
  });
});
