import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfigFile } from '../../src/engine/config.js';

function write(text: string, name = '.noops-lint.yaml'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-config-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('configuration', () => {
  it('reads rules as severities or { severity, options }', () => {
    const config = loadConfigFile(write('rules:\n  iam/wildcard-action: warning\n  encryption/at-rest:\n    options:\n      requireCustomerManagedKeys: true\n  ops/tracing-disabled: off\nignores: ["legacy/**"]\nfailOn: warning\n'));
    expect(config.rules).toEqual({
      'iam/wildcard-action': { severity: 'warning' },
      'encryption/at-rest': { options: { requireCustomerManagedKeys: true } },
      'ops/tracing-disabled': { severity: 'off' },
    });
    expect(config.ignores).toEqual(['legacy/**']);
    expect(config.failOn).toBe('warning');
  });

  it('names the unknown key and its line', () => {
    expect(() => loadConfigFile(write('rules: {}\nignore: []\n'), '.noops-lint.yaml')).toThrow(
      new ConfigError('.noops-lint.yaml:2:1: unknown key "ignore" in the noops-lint configuration. Allowed keys here: rules, ignores, failOn, buildOutput, stage, region, rulePaths, extends.'),
    );
  });

  it('names a bad severity and its line', () => {
    expect(() => loadConfigFile(write('rules:\n  iam/wildcard-action: loud\n'), 'c.yaml')).toThrow(/c\.yaml:2:24: "rules\.iam\/wildcard-action" must be "off", "error", "warning", "note"/);
  });

  it('reports YAML syntax errors with a position', () => {
    expect(() => loadConfigFile(write('rules: [\n'), 'c.yaml')).toThrow(/c\.yaml:\d+:\d+: "c\.yaml" is not valid YAML/);
  });

  it('is found upward, but not above the git top-level', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'noops-find-'));
    mkdirSync(path.join(top, 'repo/.git'), { recursive: true });
    mkdirSync(path.join(top, 'repo/a/b'), { recursive: true });
    writeFileSync(path.join(top, '.noops-lint.yaml'), 'rules: {}\n');
    expect(findConfigFile(path.join(top, 'repo/a/b'))).toBeUndefined();
    writeFileSync(path.join(top, 'repo/.noops-lint.yml'), 'rules: {}\n');
    expect(findConfigFile(path.join(top, 'repo/a/b'))).toBe(path.join(top, 'repo/.noops-lint.yml'));
  });
});
