// Every file noops-lint writes (-o, --sarif-file, --write-baseline, the cache, the Action's SARIF): never through a
// symbolic link the checkout holds, missing folders created, an unwritable path a usage error that names it.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, chmodSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run-action.js';
import { cli, removeDir, scratchDir, writeProject } from './harness.js';

/** A manifest with an error finding, so a run that reports it exits 1. */
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
const HANDLER = 'exports.main = async () => ({ statusCode: 200 });\n';
const OUTSIDE_TEXT = 'belongs to someone else\n';

let root: string;
let outside: string;
let userCache: string;
let env: Record<string, string>;

beforeEach(() => {
  root = writeProject({ 'serverless.yml': MANIFEST, 'handler.js': HANDLER });
  outside = scratchDir('noops-outside-');
  userCache = scratchDir('noops-user-cache-');
  env = { XDG_CACHE_HOME: userCache };
  writeFileSync(path.join(outside, 'victim.txt'), OUTSIDE_TEXT);
});

afterEach(() => {
  for (const dir of [root, outside, userCache]) removeDir(dir);
});

/** Commits a symbolic link `name` in the project pointing at `target`. */
function plant(name: string, target: string): void {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  symlinkSync(target, path.join(root, name));
}

const victim = () => readFileSync(path.join(outside, 'victim.txt'), 'utf8');
/** Temporary files left behind by an interrupted write. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('never writes through a planted symbolic link', () => {
  for (const [flag, name] of [
    ['-o', 'report.txt'],
    ['--sarif-file', 'noops-lint.sarif'],
    ['--write-baseline', 'noops-lint-baseline.json'],
    ['--cache-location', '.noops-lint-cache'],
  ] as const) {
    it(`${flag} ${name} -> a file outside the project: a usage error, the outside file unchanged`, () => {
      plant(name, path.join(outside, 'victim.txt'));
      const run = cli(root, flag === '--cache-location' ? ['--cache', flag, name] : [flag, name], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${name}"`);
      expect(run.stderr).toContain('symbolic link');
      expect(run.stderr).not.toContain('internal error');
      expect(victim()).toBe(OUTSIDE_TEXT);
      expect(lstatSync(path.join(root, name)).isSymbolicLink()).toBe(true);
      expect(leftovers(root)).toEqual([]);
    });
  }

  it('a dangling link (to a file that does not exist yet) is refused too', () => {
    plant('report.txt', path.join(outside, 'created-by-noops-lint.txt'));
    expect(cli(root, ['-o', 'report.txt'], env).code).toBe(2);
    expect(existsSync(path.join(outside, 'created-by-noops-lint.txt'))).toBe(false);
  });

  it('a folder of the path that is a link out of the project is refused', () => {
    plant('reports', outside);
    const run = cli(root, ['-o', 'reports/victim.txt'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"reports" is a symbolic link');
    expect(victim()).toBe(OUTSIDE_TEXT);
  });

  it('--cache with node_modules linked out of the project keeps the cache in .noops-lint-cache, creates nothing outside', () => {
    plant('node_modules', outside);
    const run = cli(root, ['--cache'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(readdirSync(outside)).toEqual(['victim.txt']);
    expect(lstatSync(path.join(root, '.noops-lint-cache')).isFile()).toBe(true);
  });

  it('--cache in a project without node_modules writes .noops-lint-cache and creates no node_modules', () => {
    expect(cli(root, ['--cache'], env).code).toBe(1);
    expect(existsSync(path.join(root, 'node_modules'))).toBe(false);
    expect(lstatSync(path.join(root, '.noops-lint-cache')).isFile()).toBe(true);
    expect(cli(root, ['--cache'], env).code).toBe(1);
  });

  it('--cache in a project with node_modules uses node_modules/.cache/noops-lint/', () => {
    mkdirSync(path.join(root, 'node_modules'));
    expect(cli(root, ['--cache'], env).code).toBe(1);
    expect(existsSync(path.join(root, 'node_modules', '.cache', 'noops-lint', 'lint-cache.json'))).toBe(true);
    expect(existsSync(path.join(root, '.noops-lint-cache'))).toBe(false);
  });

  it('the Action with its default inputs refuses a committed noops-lint.sarif link', async () => {
    plant('noops-lint.sarif', path.join(outside, 'victim.txt'));
    let stdout = '';
    let stderr = '';
    const code = await runAction({
      cwd: root,
      env: { GITHUB_WORKSPACE: root, 'INPUT_SARIF-FILE': 'noops-lint.sarif', INPUT_SUMMARY: 'false', INPUT_ANNOTATIONS: 'false' },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('"noops-lint.sarif"');
    expect(stdout).toContain('::error title=noops-lint::');
    expect(victim()).toBe(OUTSIDE_TEXT);
  });
});

describe('writes whole files, creating missing folders', () => {
  it('creates the parent folders of -o, --sarif-file, --write-baseline and --cache-location', () => {
    expect(cli(root, ['-o', 'out/text/report.txt', '--sarif-file', 'out/sarif/noops-lint.sarif', '--cache', '--cache-location', 'out/cache/'], env).code).toBe(1);
    expect(readFileSync(path.join(root, 'out/text/report.txt'), 'utf8')).toContain('iam/wildcard-action');
    expect(JSON.parse(readFileSync(path.join(root, 'out/sarif/noops-lint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(existsSync(path.join(root, 'out/cache/lint-cache.json'))).toBe(true);
    expect(cli(root, ['--write-baseline', 'baselines/today/noops-lint-baseline.json'], env).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'baselines/today/noops-lint-baseline.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    for (const dir of ['out/text', 'out/sarif', 'out/cache', 'baselines/today']) expect(leftovers(path.join(root, dir))).toEqual([]);
  });

  it('replaces an existing regular file and keeps its permissions', () => {
    const report = path.join(root, 'report.txt');
    writeFileSync(report, 'old report\n');
    chmodSync(report, 0o640);
    expect(cli(root, ['-o', 'report.txt'], env).code).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain('iam/wildcard-action');
    expect(statSync(report).mode & 0o777).toBe(0o640);
  });

  it('writes outside the project where the user asks, and to a device such as /dev/null', () => {
    expect(cli(root, ['--sarif-file', path.join(outside, 'new', 'noops-lint.sarif')], env).code).toBe(1);
    expect(existsSync(path.join(outside, 'new', 'noops-lint.sarif'))).toBe(true);
    if (process.platform !== 'win32') expect(cli(root, ['-o', '/dev/null'], env).code).toBe(1);
  });
});

describe('a path that cannot be written is a usage error naming it', () => {
  it.each([
    ['a file where a folder is needed', ['-o', 'serverless.yml/report.txt'], '"serverless.yml/report.txt"'],
    ['a folder where the file goes', ['--sarif-file', '.'], '"."'],
    ['a baseline into a folder that is a file', ['--write-baseline', 'handler.js/b.json'], '"handler.js/b.json"'],
    ['a cache file that is a folder', ['--cache', '--cache-location', 'serverless.yml/cache.json'], '"serverless.yml/cache.json"'],
  ])('%s', (_name, args, shown) => {
    const run = cli(root, args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^noops-lint: Cannot write the (report|SARIF file|baseline|cache) /);
    expect(run.stderr).toContain(shown);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout).toBe('');
  });
});

describe('a cache committed with the pull request cannot replace the findings', () => {
  /** Rewrites the project's cache as its author could, signing with the secret in `secretHome`. */
  function tamper(secretHome: string, edit: (entries: Record<string, { findings: Array<Record<string, unknown>> }>) => void): void {
    const file = path.join(root, '.noops-lint-cache');
    const text = readFileSync(file, 'utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { format: string; key: string };
    const entries = JSON.parse(text.slice(text.indexOf('\n') + 1));
    edit(entries);
    const body = JSON.stringify(entries);
    const secret = Buffer.from(readFileSync(path.join(secretHome, 'noops-lint', 'cache-secret'), 'utf8').trim(), 'hex');
    const signature = createHmac('sha256', secret).update(header.key).update('\n').update(body).digest('base64');
    writeFileSync(file, `${JSON.stringify({ ...header, signature })}\n${body}`);
  }

  it('entries signed on another machine are ignored: the findings come back (exit 1, not 0)', () => {
    const attacker = { XDG_CACHE_HOME: scratchDir('noops-attacker-cache-') };
    try {
      expect(cli(root, ['--cache'], attacker).code).toBe(1);
      tamper(attacker.XDG_CACHE_HOME, (entries) => {
        for (const entry of Object.values(entries)) entry.findings = [];
      });
      // On the machine that signed it the forged cache would be believed, which is what the signature is for...
      expect(cli(root, ['--cache'], attacker).code).toBe(0);
      // ...but anywhere else (the CI runner) it is ignored and rewritten.
      const run = cli(root, ['--cache', '--format', 'compact'], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('iam/wildcard-action');
      expect(cli(root, ['--cache'], env).code).toBe(1);
    } finally {
      removeDir(attacker.XDG_CACHE_HOME);
    }
  });

  it('a signed entry whose findings have the wrong shape is a miss, not a crash', () => {
    expect(cli(root, ['--cache'], env).code).toBe(1);
    tamper(userCache, (entries) => {
      for (const entry of Object.values(entries)) for (const finding of entry.findings) finding.severity = 'off';
    });
    const run = cli(root, ['--cache', '--format', 'compact'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/: error iam\/wildcard-action /);
  });

  it('without a user cache folder to keep the secret in, runs without the cache and says so', () => {
    writeFileSync(path.join(userCache, 'noops-lint'), 'a file where the folder should be');
    const run = cli(root, ['--cache'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^noops-lint: running without the cache: cannot /);
    expect(existsSync(path.join(root, '.noops-lint-cache'))).toBe(false);
  });
});
