// What ESLint users expect of a command line: a mistake is never a green run (exit 2 with what to do), `help`,
// --quiet and --max-warnings, and a closed pipe that ends the run quietly.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { progressLine, runCli } from '../../src/cli/run-cli.js';
import { runAction } from '../../src/action/run-action.js';
import { toolVersion } from '../../src/util/package-root.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const orders = path.join(repo, 'fixtures/projects/orders');
const NOW = new Date('2026-06-01T00:00:00Z');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-cmdline-'));
  mkdirSync(path.join(root, '.git'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function cli(argv: string[], extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: root, env: {}, isTTY: false, now: NOW, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...extra };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

function withOrders(): void {
  cpSync(orders, path.join(root, 'orders'), { recursive: true });
}

describe('a mistake is never a green run', () => {
  it('a path that does not exist is a usage error, also with --fail-on never', () => {
    for (const extra of [[], ['--fail-on', 'never'], ['--format', 'sarif']]) {
      const run = cli(['no-such-folder', ...extra]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('noops-lint: No file or folder matches "no-such-folder". Check the path');
    }
  });

  it('a folder with nothing to analyse says what was looked for and what to do, also with --fail-on never', () => {
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs', 'notes.yaml'), 'just: data\n');
    const run = cli(['docs', '--fail-on', 'never']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Nothing to analyse in "docs": no service manifest was found.');
    expect(run.stderr).toContain('serverless.yml (or serverless.ts, .js, .json), SAM and CloudFormation templates');
    expect(run.stderr).toContain('noops-lint path/to/service');
    // An empty project, run without paths, is the same mistake.
    expect(cli([]).code).toBe(2);
  });

  it('everything ignored is nothing to analyse, and the message names what ignores files', () => {
    withOrders();
    expect(cli([]).code).toBe(1);
    writeFileSync(path.join(root, '.noops-lint.yaml'), "ignores: ['orders/**']\n");
    const run = cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Files that the configuration's ignores, .gitignore or .git/info/exclude leave out are not read");
  });

  it('a Serverless configuration written as code that computes everything at run time says what could not be read', () => {
    writeFileSync(path.join(root, 'serverless.ts'), "import { build } from './build';\nmodule.exports = build();\n");
    writeFileSync(path.join(root, 'build.ts'), 'export const build = async () => ({});\n');
    const run = cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Nothing to analyse');
  });

  it('a file no service owns is no mistake: pre-commit names every staged YAML and source file', () => {
    withOrders();
    writeFileSync(path.join(root, 'notes.yaml'), 'just: data\n');
    const run = cli(['notes.yaml']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('the Action treats a path of `paths:` that does not exist the same way', async () => {
    withOrders();
    let stdout = '';
    let stderr = '';
    const code = await runAction({
      cwd: root,
      env: { GITHUB_WORKSPACE: root, INPUT_PATHS: 'orders\nservices/missing' },
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      now: NOW,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('No file or folder matches "services/missing"');
    expect(stdout).toContain('::error title=noops-lint::No file or folder matches');
  });

  it('`noops-lint help` prints the help', () => {
    const run = cli(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: noops-lint/);
    expect(run.stdout).toBe(cli(['--help']).stdout);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet hides warnings and notes, the summary says how many, and they still count for the exit code', () => {
    withOrders();
    const all = JSON.parse(cli(['--format', 'json']).stdout) as { findings: Array<{ severity: string }> };
    const count = (severity: string) => all.findings.filter((f) => f.severity === severity).length;
    expect(count('warning')).toBeGreaterThan(3);
    const quiet = cli(['--quiet']);
    expect(quiet.stdout).not.toMatch(/\d+:\d+ +(warning|note) /);
    expect(quiet.stdout).toContain(`${count('error')} errors in `);
    expect(quiet.stdout).toContain(`(${count('warning')} warnings and ${count('note')} note${count('note') === 1 ? '' : 's'} hidden by --quiet)`);

    // Only warnings left: a quiet run shows none, yet --fail-on warning and --max-warnings still fail on them.
    writeFileSync(path.join(root, '.noops-lint.yaml'), `rules:\n${['iam/missing-permission', 'ops/async-failure', 'iam/wildcard-resource', 'iam/wildcard-action'].map((id) => `  ${id}: warning\n`).join('')}`);
    const errorsLeft = JSON.parse(cli(['--format', 'json']).stdout) as { findings: Array<{ severity: string }> };
    expect(errorsLeft.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warnings = errorsLeft.findings.filter((f) => f.severity === 'warning').length;
    const clean = cli(['--quiet']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(new RegExp(`^No errors found in \\d+ files \\(${warnings} warnings and \\d+ notes? hidden by --quiet\\)\\.\\n$`));
    expect(cli(['--quiet', '--fail-on', 'warning']).code).toBe(1);
    const capped = cli(['--quiet', '--max-warnings', '3']);
    expect(capped.code).toBe(1);
    expect(capped.stderr).toBe(`noops-lint: too many warnings: ${warnings}, maximum 3 (--max-warnings).\n`);
    const enough = cli(['--max-warnings', String(warnings)]);
    expect(enough.code).toBe(0);
    expect(enough.stderr).toBe('');
  });
});

describe('configuration errors', () => {
  it('every unknown rule id and invalid option at once, at its line in the file relative to the root, with the name meant', () => {
    withOrders();
    writeFileSync(
      path.join(root, 'orders', '.noops-lint.yaml'),
      [
        'rules:',
        '  iam/wildcard-acton: warn',
        '  iam/wildcard-resource: 1',
        '  encryption/at-rest: [2, { requireCustomerManagedKey: true }]',
        '  suppression/unsed: off',
        '',
      ].join('\n'),
    );
    const run = cli(['--fail-on', 'never'], { cwd: path.join(root, 'orders') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'noops-lint: orders/.noops-lint.yaml has 3 problems:',
      '  orders/.noops-lint.yaml:2:3: unknown rule "iam/wildcard-acton"; did you mean "iam/wildcard-action"? Run `noops-lint rules` to list the rule ids.',
      '  orders/.noops-lint.yaml:4:3: encryption/at-rest options: unknown option "requireCustomerManagedKey"; did you mean "requireCustomerManagedKeys"? Options: requireCustomerManagedKeys.',
      '  orders/.noops-lint.yaml:5:3: unknown rule "suppression/unsed"; did you mean "suppression/unused"? Run `noops-lint rules` to list the rule ids.',
      '',
    ]);
  });

  it('ESLint\'s severity words work: warn, 0, 1, 2 and [severity, options]', () => {
    withOrders();
    writeFileSync(
      path.join(root, '.noops-lint.yaml'),
      ['rules:', '  iam/wildcard-action: warn', '  ops/async-failure: 0', '  iam/missing-permission: 1', '  encryption/at-rest: [2, { requireCustomerManagedKeys: true }]', ''].join('\n'),
    );
    const run = JSON.parse(cli(['--format', 'json']).stdout) as { findings: Array<{ ruleId: string; severity: string }> };
    const severities = (id: string) => [...new Set(run.findings.filter((f) => f.ruleId === id).map((f) => f.severity))];
    expect(severities('iam/wildcard-action')).toEqual(['warning']);
    expect(severities('ops/async-failure')).toEqual([]);
    expect(severities('iam/missing-permission')).toEqual(['warning']);
    expect(severities('encryption/at-rest')).toEqual(['error']);
  });
});

describe('values left unresolved', () => {
  const manifest = [
    'service: shop',
    'provider:',
    '  name: aws',
    '  runtime: nodejs22.x',
    'functions:',
    '  api:',
    '    handler: handler.main',
    '    environment:',
    '      TABLE: ${cf:other-stack.TableName}',
    '      TOPIC: ${ssm:/shop/topic}',
    '',
  ].join('\n');

  it('stylish and github output say how many, json, SARIF and --verbose list each', async () => {
    writeFileSync(path.join(root, 'serverless.yml'), manifest);
    writeFileSync(path.join(root, 'handler.js'), 'exports.main = async () => ({ statusCode: 200 });\n');
    const line = '2 values were left unresolved (read only at deployment); --verbose lists them.';
    const stylish = cli([]).stdout;
    expect(stylish).not.toContain('input/unresolved');
    expect(stylish.endsWith(`\n${line}\n`)).toBe(true);
    const github = cli(['--format', 'github']).stdout;
    expect(github).not.toContain('input/unresolved');
    expect(github).toContain(`\nnoops-lint: ${line}\n`);
    const verbose = cli(['--verbose']).stdout;
    expect(verbose.match(/input\/unresolved/g)).toHaveLength(2);
    expect(verbose).not.toContain(line);
    expect(cli(['--verbose', '--format', 'github']).stdout.match(/title=input\/unresolved/g)).toHaveLength(2);
    const json = JSON.parse(cli(['--format', 'json']).stdout) as { findings: Array<{ ruleId: string }> };
    expect(json.findings.filter((f) => f.ruleId === 'input/unresolved')).toHaveLength(2);
    const sarif = JSON.parse(cli(['--format', 'sarif']).stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'input/unresolved')).toHaveLength(2);
    // The Action annotates none of them either; its SARIF file lists them.
    let stdout = '';
    const code = await runAction({ cwd: root, env: { GITHUB_WORKSPACE: root, 'INPUT_SARIF-FILE': 'out.sarif' }, stdout: (t) => (stdout += t), stderr: () => {}, now: NOW });
    expect(code).toBe(0);
    expect(stdout).toContain('::notice file=serverless.yml');
    expect(stdout).not.toContain('input/unresolved');
    expect(readFileSync(path.join(root, 'out.sarif'), 'utf8').match(/"ruleId": "input\/unresolved"/g)).toHaveLength(2);
  });
});

describe('code noops-lint could not follow', () => {
  it('stylish and github output say how many notes, json, SARIF and --verbose list each, the Action annotates none', async () => {
    const manifest = ['service: shop', 'provider:', '  name: aws', '  runtime: nodejs22.x', 'functions:', '  api:', '    handler: dist/handler.main', ''];
    writeFileSync(path.join(root, 'serverless.yml'), manifest.join('\n'));
    const line = '1 note names functions whose code noops-lint could not follow (built archives, build output, handlers built at run time); --verbose lists them.';
    const stylish = cli([]).stdout;
    expect(stylish).not.toContain('input/handler-not-analysed');
    expect(stylish).toContain(`\n${line}\n`);
    const github = cli(['--format', 'github']).stdout;
    expect(github).not.toContain('input/handler-not-analysed');
    expect(github).toContain(`\nnoops-lint: ${line}\n`);
    const verbose = cli(['--verbose']).stdout;
    expect(verbose.match(/input\/handler-not-analysed/g)).toHaveLength(1);
    expect(verbose).not.toContain(line);
    const json = JSON.parse(cli(['--format', 'json']).stdout) as { findings: Array<{ ruleId: string }> };
    expect(json.findings.filter((f) => f.ruleId === 'input/handler-not-analysed')).toHaveLength(1);
    const sarif = JSON.parse(cli(['--format', 'sarif']).stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'input/handler-not-analysed')).toHaveLength(1);
    let stdout = '';
    const code = await runAction({ cwd: root, env: { GITHUB_WORKSPACE: root }, stdout: (t) => (stdout += t), stderr: () => {}, now: NOW });
    expect(code).toBe(0);
    expect(stdout).not.toContain('input/handler-not-analysed');
  });
});

describe('rules', () => {
  it('`rules --format json` lists every id a finding may carry, with its severity and docs link', () => {
    const run = cli(['rules', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; severity: string; description: string; docs?: string }>;
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of ['iam/wildcard-action', 'input/parse-error', 'internal/rule-error', 'suppression/unused', 'suppression/unknown-directive']) expect(ids).toContain(id);
    for (const rule of rules) {
      expect(['error', 'warning', 'note']).toContain(rule.severity);
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.docs, rule.id).toMatch(/^https:\/\/github\.com\/noops-lint\/noops-lint\/blob\/.+\/README\.md#[a-z0-9-]+$/);
    }
    expect(cli(['rules', '--format', 'sarif'])).toMatchObject({ code: 2, stderr: 'noops-lint: rules prints a table (the default) or json, not "sarif".\n' });
  });
});

describe('docs links', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  // GitHub's anchor of a "### `category/name`" heading is categoryname.
  const anchors = new Set([...readme.matchAll(/^#{3,4} `([a-z0-9-]+\/[a-z0-9-]+)`$/gm)].map((m) => m[1]!.replace('/', '')));

  it('every id a finding may carry links to its README section at this version\'s tag, and the section exists', () => {
    const rules = JSON.parse(cli(['rules', '--format', 'json']).stdout) as Array<{ id: string; docs?: string }>;
    for (const rule of rules) {
      const anchor = rule.id.replace('/', '');
      expect(rule.docs, rule.id).toBe(`https://github.com/noops-lint/noops-lint/blob/v${toolVersion()}/README.md#${anchor}`);
      expect(anchors.has(anchor), `README section for ${rule.id}`).toBe(true);
    }
    const explain = cli(['explain', 'suppression/unknown-directive']);
    expect(explain.stdout.trimEnd().split('\n').at(-1)).toBe(`https://github.com/noops-lint/noops-lint/blob/v${toolVersion()}/README.md#suppressionunknown-directive`);
  });

  it('every rule in SARIF has a security-severity and its docs link; a team rule without helpUri has no link', () => {
    withOrders();
    const rules = path.join(root, '.noops-lint/rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(
      path.join(rules, 'no-scan.yaml'),
      [
        'id: acme/no-scan',
        'severity: warning',
        'description: Functions do not scan tables.',
        'fullDescription: A Scan reads the whole table.',
        'help: Query instead.',
        'target: function',
        'require:',
        '  properties:',
        '    actions:',
        '      items:',
        "        not: { const: 'dynamodb:Scan' }",
        "message: '{{function.name}} scans a table.'",
        '',
      ].join('\n'),
    );
    const explain = cli(['explain', 'acme/no-scan']);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).not.toContain('https://');
    const sarif = JSON.parse(cli(['--format', 'sarif']).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string; help: { markdown: string }; properties: Record<string, unknown> }> } } }>;
    };
    const descriptors = sarif.runs[0]!.tool.driver.rules;
    expect(descriptors.map((d) => d.id)).toContain('acme/no-scan');
    expect(descriptors.map((d) => d.id)).toContain('iam/missing-permission');
    for (const descriptor of descriptors) {
      expect(Number(descriptor.properties['security-severity']), descriptor.id).toBeGreaterThan(0);
      expect(descriptor.properties.tags, descriptor.id).toContain('security');
      if (descriptor.id === 'acme/no-scan') {
        expect(descriptor.helpUri).toBeUndefined();
        expect(descriptor.help.markdown).not.toContain('README');
      } else {
        expect(descriptor.helpUri, descriptor.id).toBe(`https://github.com/noops-lint/noops-lint/blob/v${toolVersion()}/README.md#${descriptor.id.replace('/', '')}`);
      }
    }
  });
});

describe('stylish output fits the terminal', () => {
  const longest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

  it('wraps at 80 columns when not a terminal, at the terminal\'s width on one, and links rule ids where it can', () => {
    withOrders();
    const piped = cli([]).stdout;
    expect(longest(piped)).toBeLessThanOrEqual(80);
    expect(piped).toMatch(/\n {10,}iam\/wildcard-action\n/);
    const narrow = cli([], { isTTY: true, columns: 60, env: { NO_COLOR: '1' } }).stdout;
    expect(longest(narrow)).toBeLessThanOrEqual(60);
    expect(longest(cli([], { isTTY: true, columns: 400, env: { NO_COLOR: '1' } }).stdout)).toBeGreaterThan(100);
    // Written to a file: 80 columns, whatever the terminal.
    expect(cli(['-o', 'report.txt'], { isTTY: true, columns: 200 }).code).toBe(1);
    expect(longest(readFileSync(path.join(root, 'report.txt'), 'utf8'))).toBeLessThanOrEqual(80);
    const linked = cli([], { isTTY: true, columns: 100, env: { TERM_PROGRAM: 'vscode' } }).stdout;
    expect(linked).toContain(`\u001b]8;;https://github.com/noops-lint/noops-lint/blob/v${toolVersion()}/README.md#iamwildcard-action\u001b\\`);
    expect(cli([], { isTTY: true, columns: 100, env: { TERM_PROGRAM: 'vscode', CI: 'true' } }).stdout).not.toContain('\u001b]8;;');
    expect(cli([], { isTTY: true, columns: 100, env: { TERM_PROGRAM: 'Apple_Terminal' } }).stdout).not.toContain('\u001b]8;;');
  });
});

describe('the progress line', () => {
  it('counts manifests done of the total once the run has taken a second, rewrites itself in place, and ends each line with a newline', () => {
    let stderr = '';
    let now = 0;
    const line = progressLine({ stderr: (t) => (stderr += t) }, ['services', ''], () => now);
    expect(stderr).toBe('noops-lint: analysing services, . …\n');
    line.update(3, 40);
    expect(stderr).toBe('noops-lint: analysing services, . …\n');
    now = 1200;
    line.update(4, 40);
    now = 1250;
    line.update(5, 40); // within 100 ms of the last rewrite: skipped
    line.update(40, 40); // the last one is always shown
    const UP = '\u001b[1A\r\u001b[K';
    expect(stderr.split(UP)).toEqual(['noops-lint: analysing services, . …\n', 'noops-lint: analysing services, .: 4/40 manifests done\n', 'noops-lint: analysing services, .: 40/40 manifests done\n']);
    // Interrupted here, the terminal is on a fresh line; a finished run erases the line.
    line.end();
    expect(stderr.endsWith(`done\n${UP}`)).toBe(true);
  });

  it('shows on a terminal outside CI only, erased when the run ends, service by service with --cache', () => {
    withOrders();
    for (let i = 0; i < 3; i++) cpSync(path.join(root, 'orders'), path.join(root, `copy-${i}`), { recursive: true });
    const env = { XDG_CACHE_HOME: path.join(root, '.user-cache') };
    const tty = cli(['--cache'], { stderrIsTTY: true, env });
    const UP = '\u001b[1A\r\u001b[K';
    const [first, ...rewrites] = tty.stderr.split(UP);
    expect(first).toBe('noops-lint: analysing . …\n');
    // A loaded machine takes over a second: then the count of the four manifests shows, the last rewrite erased.
    expect(rewrites.at(-1)).toBe('');
    for (const rewrite of rewrites.slice(0, -1)) expect(rewrite).toMatch(/^noops-lint: analysing \.: [0-4]\/4 manifests done\n$/);
    expect(cli(['--cache'], { stderrIsTTY: true, env: { ...env, CI: 'true' } }).stderr).toBe('');
    expect(cli(['--cache'], { env }).stderr).toBe('');
  });
});

describe('the summary line', () => {
  it('"in N files" counts the manifests and the handler sources read, not only files with findings', () => {
    withOrders();
    // serverless.yml and the four sources its handlers reach (package.json is no manifest).
    expect(cli([]).stdout).toMatch(/ in 5 files\n$/);
    expect(cli(['--no-inline-suppressions']).stdout).toMatch(/ in 5 files\n$/);
  });
});

describe('a closed pipe', () => {
  const bin = path.join(repo, 'dist/cli/noops-lint.js');
  /** One service with many functions whose handlers are missing: one warning each, far more output than a pipe holds. */
  function bigService(): void {
    const lines = ['service: big', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:'];
    for (let i = 0; i < 1000; i++) lines.push(`  fn${i}:`, `    handler: src/missing${i}.handler`);
    writeFileSync(path.join(root, 'serverless.yml'), `${lines.join('\n')}\n`);
  }

  it.skipIf(!existsSync(bin))('`noops-lint | head -1` ends quietly with the exit code the findings decide', () => {
    bigService();
    for (const [flags, code] of [['--fail-on warning', 1], ['--fail-on never', 0]] as const) {
      const run = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} --concurrency off ${flags} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stdout).toBe('serverless.yml\n');
      expect(run.stderr).toBe(`exit=${code}\n`);
    }
  }, 240_000);
});
