// Runs the fixture cases of one IAM rule through the whole pipeline with only that rule, so each rule's
// test passes on its own, registered or not; returns what the annotations expect and what was reported.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { lint, type LintRun } from '../../../src/engine/lint.js';
import type { AnyRule } from '../../../rules/kit.js';
import { readAnnotations } from '../../helpers/annotations.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/rules');
const NOW = new Date('2026-12-01T00:00:00Z');

export interface FixtureCase {
  kind: 'good' | 'bad';
  name: string;
  dir: string;
}

export function fixtureCases(ruleId: string): FixtureCase[] {
  const base = path.join(FIXTURES, ruleId);
  const cases: FixtureCase[] = [];
  for (const kind of ['good', 'bad'] as const) {
    const dir = path.join(base, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (statSync(path.join(dir, name)).isDirectory()) cases.push({ kind, name, dir: path.join(dir, name) });
    }
  }
  return cases;
}

export function runRule(rule: AnyRule, root: string): LintRun {
  return lint({ root, rules: [rule], onlyRules: [rule.id], now: NOW, gitignore: false });
}

export interface CaseOutcome {
  problems: string[];
  reported: string[];
  expected: string[];
  mustNot: string[];
}

export function runCase(rule: AnyRule, c: FixtureCase): CaseOutcome {
  const run = runRule(rule, c.dir);
  const problems = run.findings
    .filter((f) => (f.ruleId.startsWith('input/') && f.ruleId !== 'input/unresolved') || f.ruleId.startsWith('internal/'))
    .map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`);
  const reported = [...new Set(run.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.location.file}:${f.location.line}`))].sort();
  const annotations = readAnnotations(c.dir).filter((a) => a.ruleId === rule.id);
  const expected = [...new Set(annotations.filter((a) => a.kind === 'expect').map((a) => `${a.file}:${a.line}`))].sort();
  const mustNot = annotations.filter((a) => a.kind === 'ok').map((a) => `${a.file}:${a.line}`);
  return { problems, reported, expected, mustNot };
}
