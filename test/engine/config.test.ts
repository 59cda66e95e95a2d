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
      new ConfigError('.noops-lint.yaml:2:1: unknown key "ignore" in the noops-lint configuration; did you mean "ignores"? Allowed keys here: rules, ignores, failOn, buildOutput, stage, region, rulePaths, extends.'),
    );
  });

  it('names a bad severity and its line', () => {
    expect(() => loadConfigFile(write('rules:\n  iam/wildcard-action: loud\n'), 'c.yaml')).toThrow(
      new ConfigError('c.yaml:2:24: "rules.iam/wildcard-action": "loud" is not a severity; use off, note, warning or error (ESLint\'s warn, 0, 1 and 2 work too), or { severity, options }.'),
    );
  });

  it('accepts ESLint\'s severity words and its [severity, options] form', () => {
    const config = loadConfigFile(write('rules:\n  a/one: warn\n  a/two: 0\n  a/three: 2\n  a/four: "1"\n  a/five: [error, { x: 1 }]\n  a/six: [warn]\n  a/seven: { severity: 2 }\n'));
    expect(config.rules).toEqual({
      'a/one': { severity: 'warning' },
      'a/two': { severity: 'off' },
      'a/three': { severity: 'error' },
      'a/four': { severity: 'warning' },
      'a/five': { severity: 'error', options: { x: 1 } },
      'a/six': { severity: 'warning' },
      'a/seven': { severity: 'error' },
    });
  });

  it('reports every problem of the file at once, in line order, each with its line, key, allowed values and the name meant', () => {
    const text = [
      'ignore: [x]',
      'failOn: warnings',
      'extends: noops-lint:strcit',
      'rules:',
      '  iam/wildcard-action: warnning',
      '  iam/wildcard-resource: [warn, 3]',
      '  ops/tracing-disabled:',
      '    severty: error',
      '  Bad_Id: off',
      'ignores: ["a*b*c*d*e*f"]',
      '',
    ].join('\n');
    let message = '';
    try {
      loadConfigFile(write(text), '.noops-lint.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '.noops-lint.yaml has 8 problems:',
      '  .noops-lint.yaml:1:1: unknown key "ignore" in the noops-lint configuration; did you mean "ignores"? Allowed keys here: rules, ignores, failOn, buildOutput, stage, region, rulePaths, extends.',
      '  .noops-lint.yaml:2:9: "failOn" is "warnings"; allowed values: error, warning, note, never (did you mean "warning"?).',
      '  .noops-lint.yaml:3:1: extends names "noops-lint:strcit", which is not a preset; use noops-lint:recommended or noops-lint:strict (did you mean "noops-lint:strict"?).',
      '  .noops-lint.yaml:5:24: "rules.iam/wildcard-action": "warnning" is not a severity; did you mean "warning"? Use off, note, warning or error (ESLint\'s warn, 0, 1 and 2 work too), or { severity, options }.',
      '  .noops-lint.yaml:6:26: "rules.iam/wildcard-resource" as a list is [severity, options]: ESLint\'s form, with the options as one mapping.',
      '  .noops-lint.yaml:8:5: unknown key "rules.ops/tracing-disabled.severty"; did you mean "severity"? A rule\'s setting holds severity and options.',
      '  .noops-lint.yaml:9:3: "rules.Bad_Id" is not a rule id; rule ids look like "iam/wildcard-action" (noops-lint rules lists them).',
      '  .noops-lint.yaml:10:11: ignores[0] has 5 wildcards; at most 4 are allowed in one pattern (split it into several).',
    ]);
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
