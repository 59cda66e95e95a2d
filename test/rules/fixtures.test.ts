// Runs every fixture case under fixtures/rules/<category>/<rule>/{good,bad}/<case>/ through the whole
// pipeline with only that rule on (with the options of the case's .noops-lint.yaml, if it has one), and compares
// the reported (file, line) pairs with the annotations.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { loadConfigFile } from '../../src/engine/config.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { readAnnotations } from '../helpers/annotations.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');
/** The date the deprecation tables are read at, so fixtures do not change meaning over time. */
const NOW = new Date('2026-12-01T00:00:00Z');

const dirs = (p: string): string[] => (existsSync(p) ? readdirSync(p).filter((n) => statSync(path.join(p, n)).isDirectory()).sort() : []);

const cases: { ruleId: string; kind: 'good' | 'bad'; name: string; dir: string }[] = [];
for (const category of dirs(FIXTURES)) {
  for (const rule of dirs(path.join(FIXTURES, category))) {
    for (const kind of ['good', 'bad'] as const) {
      for (const name of dirs(path.join(FIXTURES, category, rule, kind))) {
        cases.push({ ruleId: `${category}/${rule}`, kind, name, dir: path.join(FIXTURES, category, rule, kind, name) });
      }
    }
  }
}

describe('rule fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.ruleId} ${c.kind}/${c.name}`, () => {
      const rule = BUILTIN_RULES.find((r) => r.id === c.ruleId);
      expect(rule, `no registered rule ${c.ruleId}`).toBeDefined();
      // A case may set the rule's options (and only that) in its own .noops-lint.yaml.
      const configFile = path.join(c.dir, '.noops-lint.yaml');
      const config = existsSync(configFile) ? loadConfigFile(configFile) : undefined;
      if (config) expect(Object.keys(config.rules), 'a case configures only its own rule').toEqual([c.ruleId]);
      const run = lint({ rules: BUILTIN_RULES, root: c.dir, onlyRules: [c.ruleId], now: NOW, gitignore: false, ...(config ? { config } : {}) });
      const inputProblems = run.findings.filter((f) => f.ruleId.startsWith('input/') && f.ruleId !== 'input/unresolved' || f.ruleId.startsWith('internal/'));
      expect(inputProblems.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`), 'a broken fixture proves nothing').toEqual([]);
      const reported = run.findings.filter((f) => f.ruleId === c.ruleId).map((f) => `${f.location.file}:${f.location.line}`);
      const annotations = readAnnotations(c.dir).filter((a) => a.ruleId === c.ruleId);
      const expected = annotations.filter((a) => a.kind === 'expect').map((a) => `${a.file}:${a.line}`);
      const mustNot = annotations.filter((a) => a.kind === 'ok').map((a) => `${a.file}:${a.line}`);
      const todo = annotations.filter((a) => a.kind === 'todo-expect').map((a) => `${a.file}:${a.line}`);
      if (c.kind === 'good') {
        expect(expected, 'good cases carry no expect: annotations').toEqual([]);
        expect(reported, 'a good case must stay clean').toEqual([]);
      } else {
        expect(expected.length, 'a bad case needs at least one expect: annotation').toBeGreaterThan(0);
        expect([...new Set(reported)].sort()).toEqual([...new Set(expected)].sort());
      }
      for (const place of mustNot) expect(reported).not.toContain(place);
      // A known miss must stay a miss until it is fixed, then be promoted to expect:.
      for (const place of todo) expect(reported, `todo-expect at ${place} now passes: make it expect:`).not.toContain(place);
    });
  }
});
