// The CLI end to end through runCli: file arguments as a scope, inline suppressions, baselines, SARIF with
// --include-suppressed, and the init / rules / explain commands.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/action/repo');
const NOW = new Date('2026-06-01T00:00:00Z');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-cli-'));
  cpSync(fixture, root, { recursive: true });
  mkdirSync(path.join(root, '.git')); // the project root is the git top-level
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: root, env: {}, isTTY: false, now: NOW, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

function json(...argv: string[]) {
  const run = cli('--format', 'json', ...argv);
  const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings;
  return { ...run, findings, ids: findings.map((f) => `${f.ruleId}@${f.file}:${f.line}`) };
}

const THUMBS = 'services/thumbs/template.yaml';
function edit(file: string, from: string, to: string): void {
  const abs = path.join(root, file);
  const text = readFileSync(abs, 'utf8');
  expect(text).toContain(from);
  writeFileSync(abs, text.replace(from, to));
}

describe('file arguments are a scope', () => {
  it('a manifest reports its own findings only', () => {
    const run = json(THUMBS);
    expect(run.ids.length).toBeGreaterThan(0);
    expect(run.findings.every((f) => f.file === THUMBS)).toBe(true);
    expect(run.ids).toContain(`secrets/plaintext-env@${THUMBS}:14`);
  });

  it('a handler analyses its service but reports only findings touching the handler', () => {
    const run = json(path.join(root, 'services/thumbs/src/app.js'));
    expect(run.findings.every((f) => f.file === 'services/thumbs/src/app.js')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('a folder reports everything below it', () => {
    const run = json('services');
    expect(new Set(run.findings.map((f) => f.file.split('/')[1]))).toEqual(new Set(['orders', 'thumbs']));
  });
});

describe('inline suppressions from the command line', () => {
  beforeEach(() => edit(THUMBS, '          DB_PASSWORD:', '          # noops-lint-disable-next-line secrets/plaintext-env -- test account, rotated daily\n          DB_PASSWORD:'));

  it('hold back the finding; --no-inline-suppressions brings it back', () => {
    expect(json(THUMBS).ids.some((id) => id.startsWith('secrets/plaintext-env'))).toBe(false);
    const audit = json('--no-inline-suppressions', THUMBS);
    expect(audit.ids).toContain(`secrets/plaintext-env@${THUMBS}:15`);
    expect(audit.code).toBe(1);
  });

  it('stay out of SARIF unless --include-suppressed, which adds them with their justification', () => {
    const plain = JSON.parse(cli('--format', 'sarif', THUMBS).stdout);
    expect(plain.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'secrets/plaintext-env')).toBe(false);
    const sarif = JSON.parse(cli('--format', 'sarif', '--include-suppressed', THUMBS).stdout);
    const held = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'secrets/plaintext-env');
    expect(held).toHaveLength(1);
    expect(held[0].suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'test account, rotated daily',
        location: { physicalLocation: { artifactLocation: { uri: THUMBS, uriBaseId: '%SRCROOT%' }, region: { startLine: 14, startColumn: 13 } } },
      },
    ]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('suppression/unused');
  });

  it('a typo in the rule id is an error, never a silent no-op', () => {
    edit(THUMBS, 'secrets/plaintext-env -- test', 'secrets/plaintext-evn -- test');
    const run = json(THUMBS);
    expect(run.ids).toContain(`suppression/unknown-rule@${THUMBS}:14`);
    expect(run.ids).toContain(`secrets/plaintext-env@${THUMBS}:15`);
    expect(run.code).toBe(1);
  });
});

describe('baselines', () => {
  it('record today, then report and fail only on new findings; fixing one drops it on the next write', () => {
    const write = cli('--write-baseline', 'noops-lint-baseline.json');
    expect(write.code).toBe(0);
    expect(write.stderr).toMatch(/wrote \d+ findings? to the baseline noops-lint-baseline\.json/);
    const first = JSON.parse(readFileSync(path.join(root, 'noops-lint-baseline.json'), 'utf8'));
    expect(first.findings.some((e: { ruleId: string }) => e.ruleId === 'secrets/plaintext-env')).toBe(true);

    const clean = json('--baseline', 'noops-lint-baseline.json');
    expect(clean.findings).toEqual([]);
    expect(clean.code).toBe(0);

    // Moving code does not resurrect; a new secret in another file is new.
    edit(THUMBS, 'Resources:\n', '# a comment that moves everything down\n\nResources:\n');
    edit('services/orders/serverless.yml', '      TABLE_NAME: orders\n', '      TABLE_NAME: orders\n      DB_PASSWORD: s3cr3t-Passw0rd-thumbs\n');
    const after = json('--baseline', 'noops-lint-baseline.json');
    expect(after.ids).toEqual(['secrets/plaintext-env@services/orders/serverless.yml:18']);
    expect(after.code).toBe(1);

    edit(THUMBS, '          DB_PASSWORD: s3cr3t-Passw0rd-thumbs\n', '');
    cli('--write-baseline', 'noops-lint-baseline.json');
    const second = JSON.parse(readFileSync(path.join(root, 'noops-lint-baseline.json'), 'utf8'));
    expect(second.findings.filter((e: { ruleId: string; file: string }) => e.ruleId === 'secrets/plaintext-env').map((e: { file: string }) => e.file)).toEqual([
      'services/orders/serverless.yml',
    ]);
  });

  it('a missing or broken baseline is a usage error (exit 2) that says how to create one', () => {
    const missing = cli('--baseline', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--write-baseline nope.json');
    writeFileSync(path.join(root, 'broken.json'), '{"version": 9}');
    expect(cli('--baseline', 'broken.json').code).toBe(2);
  });
});

describe('init, rules, explain', () => {
  it('init writes a commented .noops-lint.yaml that the next run loads', () => {
    const init = cli('init');
    expect(init.code).toBe(0);
    const text = readFileSync(path.join(root, '.noops-lint.yaml'), 'utf8');
    expect(text).toMatch(/^# /);
    const run = cli('--format', 'json');
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    expect(cli('init').code).toBe(2);
  });

  it('rules lists every rule with its default severity; explain prints help, also for suppression problems', () => {
    const rules = cli('rules');
    expect(rules.stdout).toMatch(/^secrets\/plaintext-env\s+error\s+/m);
    const explain = cli('explain', 'suppression/unknown-rule');
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('How to fix');
    expect(cli('explain', 'no/such-rule').code).toBe(2);
  });

  it('rules, explain, --rule and the configuration know the same ids: built-in, input/*, internal/*, suppression/* and custom', () => {
    mkdirSync(path.join(root, '.noops-lint/rules'), { recursive: true });
    writeFileSync(
      path.join(root, '.noops-lint/rules/short-timeout.yaml'),
      "id: acme/short-timeout\nseverity: warning\ndescription: A function has a short timeout.\nhelp: Raise it.\ntarget: function\nrequire:\n  properties:\n    timeout: { minimum: 3 }\nmessage: '{{function.name}} times out too soon.'\n",
    );
    const listed = cli('rules').stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]!);
    expect(listed).toEqual([...listed].sort());
    for (const id of ['iam/wildcard-action', 'input/parse-error', 'internal/rule-error', 'suppression/unused', 'suppression/unknown-rule', 'acme/short-timeout']) expect(listed).toContain(id);
    expect((JSON.parse(cli('rules', '--format', 'json').stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual(listed);
    for (const id of listed) expect(cli('explain', id).code, `explain ${id}`).toBe(0);
    const selected = cli('--format', 'json', ...listed.flatMap((id) => ['--rule', id]));
    expect(selected.stderr).toBe('');
    expect([0, 1]).toContain(selected.code);
    expect(cli('--rule', 'suppression/unusd').stderr).toContain('Unknown rule suppression/unusd');
    writeFileSync(path.join(root, '.noops-lint.yaml'), `rules:\n${listed.map((id) => `  ${id}: warning`).join('\n')}\n`);
    expect(cli('--format', 'json').stderr).toBe('');
  });

  it('--rule suppression/unused runs every rule and reports only the suppressions that suppress nothing', () => {
    edit(THUMBS, '          DB_PASSWORD:', '          # noops-lint-disable-next-line iam/wildcard-action -- left from an older policy\n          DB_PASSWORD:');
    const all = json();
    expect(all.ids.some((id) => id.startsWith('suppression/unused@'))).toBe(true);
    const only = json('--rule', 'suppression/unused');
    expect(only.stderr).toBe('');
    expect(only.ids.length).toBeGreaterThan(0);
    expect(only.ids).toEqual(all.ids.filter((id) => id.startsWith('suppression/unused@') || id.startsWith('input/')));
    expect(json('--rule', 'secrets/plaintext-env').ids.every((id) => id.startsWith('secrets/plaintext-env@') || id.startsWith('input/'))).toBe(true);
  });

  it('--help lists the suppression and baseline flags', () => {
    const help = cli('--help').stdout;
    for (const flag of ['--baseline', '--write-baseline', '--no-inline-suppressions', '--include-suppressed']) expect(help).toContain(flag);
  });
});

it('never writes outside the files it is asked to', () => {
  cli('--format', 'json');
  expect(existsSync(path.join(root, 'noops-lint.sarif'))).toBe(false);
});
