// Runs the real pre-commit (the one on PATH) against this repository's .pre-commit-hooks.yaml: `pre-commit try-repo` on a
// throwaway git repository with a bad fixture staged (the hook fails with the finding), then a clean one (it passes).
// Without pre-commit on PATH the suite is skipped and says why.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Each try-repo installs the hook from scratch (npm install + npm pack in a temporary store): about a minute. */
const INSTALL_TIMEOUT = 600_000;

/** pre-commit comes from the system (`.ci/run` installs Debian's package); tests never install system packages. */
function preCommitMissing(): string | undefined {
  const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : 'pre-commit is not on PATH (install it: apt-get install pre-commit, or pip install pre-commit; .ci/run does)';
}

const skipReason = preCommitMissing();
if (skipReason) console.warn(`SKIPPED pre-commit hook test: ${skipReason}`);

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv }).trim();
}

/**
 * What the hook installs from (package.json, the lock file, the hook definition and what "files" may ship), with
 * dist/ built, committed in its own repository: try-repo packs and installs what is committed.
 */
function hookRepository(scratch: string): string {
  const target = path.join(scratch, 'noops-lint');
  mkdirSync(target);
  for (const name of ['package.json', 'package-lock.json', '.pre-commit-hooks.yaml', 'README.md', 'dist', 'schemas', 'src/data']) {
    cpSync(path.join(repoRoot, name), path.join(target, name), { recursive: true });
  }
  git(target, 'init', '-q', '-b', 'main');
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '-m', 'noops-lint under test');
  return target;
}

const BAD = `service: payments
provider:
  name: aws
  runtime: nodejs24.x
  tracing:
    lambda: true
functions:
  charge:
    handler: src/charge.handler
    memorySize: 256
    timeout: 10
    environment:
      DB_PASSWORD: correct-horse-battery-staple-42
`;
const CLEAN = BAD.replace('      DB_PASSWORD: correct-horse-battery-staple-42\n', '      DB_PASSWORD_SECRET_ARN: ${ssm:/payments/db-password-arn}\n');

function stagedRepository(scratch: string, name: string, manifest: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'serverless.yml'), manifest);
  writeFileSync(path.join(dir, 'src/charge.js'), 'exports.handler = async () => ({ statusCode: 200 });\n');
  git(dir, 'add', '-A');
  return dir;
}

function tryRepo(hook: string, cwd: string, scratch: string) {
  return spawnSync('pre-commit', ['try-repo', hook, 'noops-lint'], {
    cwd,
    encoding: 'utf8',
    env: { ...gitEnv, PRE_COMMIT_HOME: path.join(scratch, 'cache'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' },
    timeout: INSTALL_TIMEOUT,
  });
}

describe.skipIf(skipReason !== undefined)(`pre-commit hook (pre-commit try-repo)${skipReason ? ` SKIPPED: ${skipReason}` : ''}`, () => {
  let scratch: string;
  let hook: string;
  beforeAll(() => {
    expect(existsSync(path.join(repoRoot, 'dist/cli/noops-lint.js')), 'dist/ is not built: run npm run build').toBe(true);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'noops-pre-commit-'));
    hook = hookRepository(scratch);
  }, 60_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'fails on a staged manifest with a finding, naming it',
    () => {
      const target = stagedRepository(scratch, 'bad', BAD);
      const run = tryRepo(hook, target, scratch);
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(1);
      expect(output).toMatch(/noops-lint\.+Failed/);
      expect(output).toContain('serverless.yml');
      expect(output).toMatch(/13:\d+\s+error\s+Environment variable "?DB_PASSWORD"? holds [\s\S]*?secrets\/plaintext-env/);
      expect(output).not.toContain('correct-horse');
    },
    INSTALL_TIMEOUT,
  );

  it(
    'passes on a clean staged manifest',
    () => {
      const target = stagedRepository(scratch, 'clean', CLEAN);
      const run = tryRepo(hook, target, scratch);
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(0);
      expect(output).toMatch(/noops-lint\.+Passed/);
    },
    INSTALL_TIMEOUT,
  );
});
