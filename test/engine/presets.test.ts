// The built-in presets: noops-lint:recommended (the default) leaves out the rules most projects fail on purpose
// (ops/tracing-disabled); noops-lint:strict runs them; a configured severity or --rule turns one on alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/engine/config.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { lint } from '../../src/engine/lint.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'noops-presets-'));
writeFileSync(
  path.join(root, 'serverless.yml'),
  ['service: s', 'provider:', '  name: aws', '  runtime: nodejs22.x', '  memorySize: 256', '  timeout: 6', 'functions:', '  a:', '    handler: a.handler', '  b:', '    handler: b.handler', ''].join('\n'),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tracing = (config: unknown, onlyRules?: string[]) =>
  lint({ rules: BUILTIN_RULES, root, paths: [''], config: parseConfig(config, '.noops-lint.yaml'), ...(onlyRules ? { onlyRules } : {}) }).findings.filter((f) => f.ruleId === 'ops/tracing-disabled');

describe('presets', () => {
  it('leaves tracing out of the recommended set', () => {
    expect(tracing({})).toEqual([]);
    expect(tracing({ extends: 'noops-lint:recommended' })).toEqual([]);
  });

  it('runs it in the strict preset, once for the service', () => {
    const found = tracing({ extends: ['noops-lint:strict'] });
    expect(found).toHaveLength(1);
    expect(found[0]!.location.line).toBe(2); // provider:
    expect(found[0]!.message).toContain('2 functions of this service run without active tracing ("a", "b")');
  });

  it('runs it when the config sets its severity or --rule names it', () => {
    expect(tracing({ rules: { 'ops/tracing-disabled': 'warning' } })).toMatchObject([{ severity: 'warning' }]);
    expect(tracing({}, ['ops/tracing-disabled'])).toHaveLength(1);
  });

  it('refuses a preset it does not know', () => {
    expect(() => parseConfig({ extends: 'noops-lint:everything' }, '.noops-lint.yaml')).toThrow(ConfigError);
  });
});
