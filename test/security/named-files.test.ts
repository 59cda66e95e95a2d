// Files the configuration and the command line name (--baseline, rulePaths, extends, .noops-lint/rules, test-rules
// cases): regular files inside the root after following links, size-capped before reading, never echoed.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, removeDir, scratchDir, writeProject } from './harness.js';

const MANIFEST = `service: shop
provider:
  name: aws
  runtime: nodejs22.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action: '*'
          Resource: '*'
functions:
  api:
    handler: handler.main
`;

const RULE = `id: acme/tracing-required
severity: warning
description: A function runs without active tracing.
help: 'Set tracing: Active.'
target: function
require:
  properties:
    tracing: { const: Active }
  required: [tracing]
message: '{{function.name}} does not trace.'
`;

/** Planted outside the project; no message may show it. */
const SECRET = 'TOP-SECRET-VALUE-7f3a9';

let root: string;
let outside: string;

beforeEach(() => {
  root = writeProject({ 'serverless.yml': MANIFEST, 'handler.js': 'exports.main = async () => 1;\n' });
  outside = scratchDir('noops-outside-');
  writeFileSync(path.join(outside, 'secret.json'), `{"version": 1, "findings": [${SECRET}`);
  mkdirSync(path.join(outside, 'rules'));
  writeFileSync(path.join(outside, 'rules', 'outside.yaml'), RULE.replace('acme/tracing-required', 'acme/from-outside'));
});

afterEach(() => {
  removeDir(root);
  removeDir(outside);
});

function link(name: string, target: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  symlinkSync(target, path.join(root, name));
}

/** A refused run: exit 2, one clear message, no internal error, nothing of the file shown, and quick. */
function expectRefused(args: string[], ...shown: string[]): string {
  const started = Date.now();
  const run = cli(root, args);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toContain(SECRET);
  expect(run.stderr).not.toMatch(/PATH=|HOME=/);
  for (const text of shown) expect(run.stderr).toContain(text);
  return run.stderr;
}

describe('--baseline', () => {
  it('a committed link to a file outside the project is refused without reading it', () => {
    link('noops-lint-baseline.json', path.join(outside, 'secret.json'));
    expectRefused(['--baseline', 'noops-lint-baseline.json'], 'outside the project root');
  });

  it.skipIf(process.platform !== 'linux')('a link to /proc/self/environ or /dev/zero is refused at once', () => {
    link('environ.json', '/proc/self/environ');
    link('zero.json', '/dev/zero');
    expectRefused(['--baseline', 'environ.json'], '"environ.json"');
    expectRefused(['--baseline', 'zero.json'], '"zero.json"');
  });

  it.skipIf(process.platform === 'win32')('a device named outside the project is not read', () => {
    expectRefused(['--baseline', '/dev/zero'], 'not a regular file');
  });

  it('a broken baseline is reported by position, never by quoting its text', () => {
    writeFileSync(path.join(root, 'b.json'), `{"version": 1,\n "findings": [${SECRET}]}`);
    expectRefused(['--baseline', 'b.json'], 'is not valid JSON');
  });

  it('a baseline saved with a byte order mark is read', () => {
    expect(cli(root, ['--write-baseline', 'b.json']).code).toBe(0);
    const text = readFileSync(path.join(root, 'b.json'), 'utf8');
    writeFileSync(path.join(root, 'b.json'), `\uFEFF${text}`);
    const run = cli(root, ['--baseline', 'b.json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('the configuration file', () => {
  it('a committed .noops-lint.yaml linking to a file outside the project is refused, its content not shown', () => {
    writeFileSync(path.join(outside, 'secret.yaml'), `${SECRET}: 1\n`);
    link('.noops-lint.yaml', path.join(outside, 'secret.yaml'));
    expectRefused([], 'Cannot read the configuration file .noops-lint.yaml', 'outside the project root');
  });
});

describe('custom rules', () => {
  it('rulePaths: [/] is refused, not a walk of the whole disk', () => {
    writeFileSync(path.join(root, '.noops-lint.yaml'), 'rulePaths: [/]\n');
    expectRefused([], 'rulePaths entry "/" is refused', 'outside the project root');
  });

  it('rulePaths naming a file outside (or /proc/self/environ) is refused', () => {
    writeFileSync(path.join(root, '.noops-lint.yaml'), `rulePaths: [${JSON.stringify(path.join(outside, 'rules', 'outside.yaml'))}, /proc/self/environ]\n`);
    expectRefused([], 'outside the project root');
  });

  it('rulePaths through a link out of the project is refused', () => {
    link('policies', path.join(outside, 'rules'));
    writeFileSync(path.join(root, '.noops-lint.yaml'), 'rulePaths: [policies]\n');
    expectRefused([], '"policies" is refused');
  });

  it('.noops-lint/rules as a link out of the project is refused', () => {
    link('.noops-lint/rules', path.join(outside, 'rules'));
    expectRefused([], '.noops-lint/rules: it is outside the project root');
  });

  it('extends through a link out of the project is refused', () => {
    link('pack', path.join(outside, 'rules'));
    writeFileSync(path.join(root, '.noops-lint.yaml'), 'extends: ./pack\n');
    expectRefused([], 'extends "./pack" is refused');
  });

  it('a rule file that is a link to a device is refused without reading it', () => {
    mkdirSync(path.join(root, 'policies'));
    link('policies/zero.yaml', '/dev/zero');
    writeFileSync(path.join(root, '.noops-lint.yaml'), 'rulePaths: [policies/zero.yaml]\n');
    expectRefused([], 'outside the project root');
  });

  it('an oversized rule file is refused before it is read', () => {
    writeFileSync(path.join(root, 'big.yaml'), `${RULE}# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    writeFileSync(path.join(root, '.noops-lint.yaml'), 'rulePaths: [big.yaml]\n');
    expectRefused([], 'larger than');
  });

  it('rules inside the project still load, also through a link that stays inside', () => {
    writeProject({ 'shared/rules/acme/tracing-required.yaml': RULE }, root);
    link('policies', path.join(root, 'shared', 'rules'));
    writeFileSync(path.join(root, '.noops-lint.yaml'), 'rulePaths: [policies]\n');
    const run = cli(root, ['--format', 'compact']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('acme/tracing-required');
  });
});

describe('test-rules', () => {
  it('a case folder linked to / is not run as a project', () => {
    writeProject({ '.noops-lint/rules/acme/tracing-required.yaml': RULE, '.noops-lint/rules/acme/tracing-required/bad/off/serverless.yml': `${MANIFEST.replace("Action: '*'", 'Action: s3:GetObject')}    # expect: acme/tracing-required\n` }, root);
    mkdirSync(path.join(root, '.noops-lint/rules/acme/tracing-required/good'));
    link('.noops-lint/rules/acme/tracing-required/good/everything', '/');
    const started = Date.now();
    const run = cli(root, ['test-rules']);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stdout).not.toContain('everything');
    expect(run.stdout).toContain('bad/off');
  });
});
