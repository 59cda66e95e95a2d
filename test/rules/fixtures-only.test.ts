// Every built-in rule goes through the rule tester once: a rule with inline cases or extra assertions has its own
// test/rules/<category>/<problem>.test.ts, which calls ruleTester.run(rule, ...); the others are run here on their
// fixtures, so adding a rule takes its module, its line in rules/index.ts and its fixtures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const ownTestFile = (id: string): string => path.join(REPO_ROOT, 'test/rules', `${id}.test.ts`);

for (const rule of BUILTIN_RULES.filter((r) => !existsSync(ownTestFile(r.id)))) ruleTester.run(rule);

describe('rules with a test file of their own', () => {
  it.each(BUILTIN_RULES.filter((r) => existsSync(ownTestFile(r.id))).map((r) => r.id))('%s runs through the rule tester there', (id) => {
    const text = readFileSync(ownTestFile(id), 'utf8');
    expect(text).toMatch(new RegExp(`^import rule(, \\{[^}]*\\})? from '\\.\\./\\.\\./\\.\\./rules/${id}\\.js';$`, 'm'));
    expect(text).toMatch(/^ruleTester\.run\(rule\b/m);
  });
});
