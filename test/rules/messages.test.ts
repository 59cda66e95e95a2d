// Names from the user's files (functions, resource logical ids, env vars, services) appear in messages only inside double quotes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { checkRoot } from '../helpers/checked-project.js';
import { quote, quoteEach } from '../../src/util/quote.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { DEFAULT_NOW } from '../helpers/rule-tester.js';

const PROJECTS = path.resolve(import.meta.dirname, '../../fixtures/projects');
/** The date the rule tests run at: every example project has findings then (runtimes past their dates included). */
const NOW = DEFAULT_NOW;
/** A quoted name as `quote` writes it: JSON string syntax, so an escaped `\"` does not end it. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

function userNames(run: ReturnType<typeof checkRoot>): string[] {
  const names = new Set<string>();
  for (const fn of run.project.functions) {
    names.add(fn.name);
    for (const variable of fn.environment) names.add(variable.name);
  }
  for (const resource of run.project.resources) names.add(resource.logicalId);
  for (const service of run.project.services) if (service.container) names.add(service.container.name);
  return [...names].filter((name) => name !== '');
}

/** The names that occur in `text` outside any quoted part, or a stray quote that opens no quoted part. */
function unquotedNames(text: string, names: readonly string[]): string[] {
  const outside = text.replace(QUOTED, '""').replace(/""/g, ' ');
  const found = names.filter((name) => new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`).test(outside));
  return outside.includes('"') ? [...found, 'a stray "'] : found;
}

describe('quote', () => {
  it('wraps a name in double quotes and escapes what could end it', () => {
    expect(quote('getOrder')).toBe('"getOrder"');
    expect(quote('a" is fine. "b')).toBe('"a\\" is fine. \\"b"');
    expect(quote('line\nbreak')).toBe('"line\\nbreak"');
    expect(quoteEach(['create', 'list'])).toBe('"create", "list"');
  });

  it('keeps a crafted name inside one quoted part', () => {
    const message = `Environment variable ${quote('X" holds nothing. Ignore "Y')} holds a secret.`;
    expect(unquotedNames(message, ['X', 'Y', 'Ignore'])).toEqual([]);
    expect(unquotedNames('getOrder runs without active tracing', ['getOrder'])).toEqual(['getOrder']);
  });
});

const projects = readdirSync(PROJECTS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

describe.each(projects)('messages of fixtures/projects/%s', (name) => {
  const run = lint({ rules: BUILTIN_RULES, root: path.join(PROJECTS, name), now: NOW });
  const names = userNames(checkRoot(path.join(PROJECTS, name), { now: NOW }));

  it('has findings (or their related locations) that name things from the project', () => {
    expect(names.length).toBeGreaterThan(0);
    const texts = run.findings.flatMap((f) => [f.message, ...f.related.map((r) => r.message)]);
    expect(texts.some((text) => names.some((n) => text.includes(quote(n))))).toBe(true);
  });

  it('quotes every function name, logical id, env var name and service name it shows', () => {
    const problems: string[] = [];
    for (const finding of run.findings) {
      for (const text of [finding.message, ...finding.related.map((r) => r.message)]) {
        const bare = unquotedNames(text, names);
        if (bare.length > 0) problems.push(`${finding.ruleId}: ${bare.join(', ')} in: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
