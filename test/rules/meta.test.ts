// Rules are data too: every one registered, named after its file, documented, and with fixtures.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { rulesTableMarkdown } from '../../src/cli/rules-table.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const onDisk = readdirSync(path.join(ROOT, 'rules'))
  .filter((c) => statSync(path.join(ROOT, 'rules', c)).isDirectory())
  .flatMap((c) => readdirSync(path.join(ROOT, 'rules', c)).filter((f) => f.endsWith('.ts')).map((f) => `${c}/${f.slice(0, -3)}`))
  .sort();

describe('rule registry', () => {
  it('lists exactly the rule modules on disk, sorted', () => {
    expect(BUILTIN_RULES.map((r) => r.id)).toEqual(onDisk);
  });

  it('has unique ids', () => {
    expect(new Set(BUILTIN_RULES.map((r) => r.id)).size).toBe(BUILTIN_RULES.length);
  });
});

describe.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it('is named <category>/<problem> after its file and category', () => {
    expect(id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.category).toBe(id.split('/')[0]);
  });

  it('is documented', () => {
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.description.trim().endsWith('.')).toBe(true);
    expect(rule.fullDescription.length).toBeGreaterThan(rule.description.length);
    expect(rule.fullDescription.length).toBeLessThanOrEqual(1024);
    expect(rule.help.length).toBeGreaterThan(10);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(['error', 'warning', 'note']).toContain(rule.severity);
    if (rule.tags.includes('security')) expect(rule.securitySeverity).toBeGreaterThan(0);
  });

  it('has a valid options schema', () => {
    if (!rule.optionsSchema) return;
    const validate = new Ajv({ strict: true }).compile(rule.optionsSchema);
    expect(validate(rule.defaultOptions), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has good and bad fixture cases', () => {
    for (const kind of ['good', 'bad']) {
      const dir = path.join(ROOT, 'fixtures/rules', id, kind);
      expect(existsSync(dir) && readdirSync(dir).length > 0, `${dir} has cases`).toBe(true);
    }
  });

  it('is in the README with an example', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`### \`${id}\``);
  });
});

describe('rule tests', () => {
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const abs = path.join(dir, entry.name);
      return entry.isDirectory() ? testFiles(abs) : entry.name.endsWith('.ts') ? [abs] : [];
    });

  it('never call a rule\'s check directly: every run goes through lint()', () => {
    const direct = testFiles(path.join(ROOT, 'test'))
      .filter((file) => /\.check\(\s*\{/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(direct).toEqual([]);
  });
});

describe('README rules section', () => {
  it('equals npm run docs:rules output (run it after changing a rule or its first bad fixture)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /<!-- rules-table:start -->\n([\s\S]*?)<!-- rules-table:end -->/.exec(readme)?.[1];
    expect(section).toContain(rulesTableMarkdown(BUILTIN_RULES));
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts/docs-rules.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
