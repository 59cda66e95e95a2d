// The bundled Action (node dist/action.js) with suggest-fixes on a pull request checked out as its merge commit,
// talking to a local stand-in for the GitHub REST API (GITHUB_API_URL): the review it posts, a re-run that posts
// nothing, and a refused token that leaves the lint result as it was.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { main: string } };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir() },
  }).trim();
}

interface ApiRequest {
  method: string;
  url: string;
  authorization?: string;
  body?: { commit_id: string; event: string; body: string; comments: Array<{ path: string; body: string; line: number; side: string; start_line?: number; start_side?: string }> };
}

/** The few endpoints the Action calls, keeping the pull request's review comments between runs. */
class FakeGitHub {
  requests: ApiRequest[] = [];
  comments: Array<{ body: string; path: string }> = [];
  refuse = false;
  private server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      this.requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, ...(text ? { body: JSON.parse(text) as ApiRequest['body'] } : {}) });
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (this.refuse) return reply(403, { message: 'Resource not accessible by integration' });
      if (req.method === 'GET' && req.url === '/repos/acme/shop/pulls/7/comments?per_page=100') return reply(200, this.comments);
      if (req.method === 'POST' && req.url === '/repos/acme/shop/pulls/7/reviews') {
        this.comments.push(...(JSON.parse(text) as { comments: Array<{ body: string; path: string }> }).comments);
        return reply(200, { id: 1, html_url: 'https://github.com/acme/shop/pull/7#pullrequestreview-1' });
      }
      return reply(404, { message: 'Not Found' });
    });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface Checkout {
  workspace: string;
  eventPath: string;
  headSha: string;
}

/** The Action fixture on main granting dynamodb:PutItem; the pull request widens it to dynamodb:*. */
function pullRequestCheckout(): Checkout {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'noops-action-suggest-'));
  cpSync(path.join(repoRoot, 'fixtures/action/repo'), workspace, { recursive: true });
  const manifest = path.join(workspace, 'services/orders/serverless.yml');
  const widened = readFileSync(manifest, 'utf8');
  expect(widened).toContain("          Action: 'dynamodb:*'\n          Resource: '*'\n");
  writeFileSync(manifest, widened.replace("Action: 'dynamodb:*'", "Action: 'dynamodb:PutItem'"));
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  git(workspace, 'checkout', '-q', '-b', 'feature');
  writeFileSync(manifest, widened);
  git(workspace, 'commit', '-q', '-am', 'widen the orders grant');
  const headSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', 'main');
  git(workspace, 'merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature into main');
  const eventPath = path.join(workspace, '..', `${path.basename(workspace)}-event.json`);
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: { number: 7, base: { sha: git(workspace, 'rev-parse', 'HEAD^1'), repo: { full_name: 'acme/shop' } }, head: { sha: headSha, repo: { full_name: 'acme/shop' } } },
      repository: { full_name: 'acme/shop' },
    }),
  );
  return { workspace, eventPath, headSha };
}

interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
}

/** The runner: INPUT_* from action.yml's defaults (`${{ github.token }}` is the job's token) and overrides, then node <main>. */
async function runStep(checkout: Checkout, api: FakeGitHub, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepRun> {
  const summaryFile = path.join(checkout.workspace, '..', `${path.basename(checkout.workspace)}-summary.md`);
  writeFileSync(summaryFile, '');
  const full: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: os.tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: checkout.workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: checkout.eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: git(checkout.workspace, 'rev-parse', 'HEAD'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api.url,
    GITHUB_RUN_ID: '42',
    ...env,
  };
  for (const [name, input] of Object.entries(action.inputs)) {
    full[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? String(input.default ?? '').replace('${{ github.token }}', 'ghs_job_token');
  }
  for (const name of Object.keys(inputs)) expect(action.inputs, `with: ${name} is not an input of action.yml`).toHaveProperty(name);
  // Asynchronously: the fake API answers from this process while the Action runs.
  const child = spawn(process.execPath, [path.join(repoRoot, action.runs.main)], { cwd: checkout.workspace, env: full });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr, summary: readFileSync(summaryFile, 'utf8') };
}

describe('the Action with suggest-fixes on a pull request', () => {
  let checkout: Checkout;
  const api = new FakeGitHub();
  beforeAll(async () => {
    expect(existsSync(path.join(repoRoot, 'dist/action.js')), 'dist/action.js is missing: run npm run build').toBe(true);
    checkout = pullRequestCheckout();
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
    rmSync(checkout.workspace, { recursive: true, force: true });
    for (const suffix of ['-event.json', '-summary.md']) rmSync(path.join(checkout.workspace, '..', path.basename(checkout.workspace) + suffix), { force: true });
  });

  it('is off by default: no request, the usual result', async () => {
    const run = await runStep(checkout, api, { 'sarif-file': '' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(api.requests).toEqual([]);
    expect(run.summary).not.toContain('Suggested fixes');
  });

  it('posts one review with the fix of the widened statement, and lists the fix outside the diff in the summary', async () => {
    const run = await runStep(checkout, api, { 'suggest-fixes': 'true' });
    expect(run.stderr).toBe('');
    // The lint result is the same as without suggestions (the template's plaintext secret is an error).
    expect(run.status).toBe(1);
    expect(api.requests.map((r) => `${r.method} ${r.url} ${r.authorization}`)).toEqual([
      'GET /repos/acme/shop/pulls/7/comments?per_page=100 Bearer ghs_job_token',
      'POST /repos/acme/shop/pulls/7/reviews Bearer ghs_job_token',
    ]);
    const review = api.requests[1]!.body!;
    expect(review.commit_id).toBe(checkout.headSha);
    expect(review.event).toBe('COMMENT');
    expect(review.body).toContain("1 more change falls outside this pull request's diff: see [the job summary](https://github.com/acme/shop/actions/runs/42).");
    expect(review.comments).toHaveLength(1);
    const [comment] = review.comments;
    expect({ ...comment, body: undefined }).toEqual({ path: 'services/orders/serverless.yml', start_line: 9, start_side: 'RIGHT', line: 10, side: 'RIGHT', body: undefined });
    // What `noops-lint fix` writes for these lines, as a suggestion replacing exactly them.
    expect(comment!.body).toContain(
      [
        '```suggestion',
        "          Action: 'dynamodb:PutItem'",
        '          Resource:',
        "            Fn::Sub: 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders'",
        '```',
      ].join('\n'),
    );
    expect(comment!.body).toMatch(/^\*\*noops-lint\*\* \(`iam\/[a-z-]+`(, `iam\/[a-z-]+`)*\): /);
    expect(comment!.body).toMatch(/\n<!-- noops-lint-suggestion [0-9a-f]{24} -->$/);
    const fixed = readFileSync(path.join(checkout.workspace, 'services/orders/serverless.yml'), 'utf8');
    expect(fixed.split('\n').slice(8, 10)).toEqual(["          Action: 'dynamodb:*'", "          Resource: '*'"]);

    expect(run.stdout).toContain('noops-lint: suggest-fixes: posted a review with 1 suggestion (https://github.com/acme/shop/pull/7#pullrequestreview-1); 1 change outside the diff, listed in the job summary.\n');
    expect(run.stdout).not.toContain('::warning title=noops-lint suggest-fixes');
    // The rules the change settles are the IAM findings reported on the statement (how many depends on the rules' folding).
    expect(run.stdout).toMatch(/::group::noops-lint: 1 change not posted as review suggestions\nChange at services\/thumbs\/template\.yaml:16-19 \(iam\/unused-permission(, iam\/[a-z-]+)*\): /);
    expect(run.stdout).toContain("\n+        - Statement: []\n::endgroup::\n");
    expect(run.summary).toContain('### Suggested fixes');
    expect(run.summary).toContain('Posted [a review](https://github.com/acme/shop/pull/7#pullrequestreview-1) with 1 suggestion');
    expect(run.summary).toContain('`services/thumbs/template.yaml:16-19`');
    expect(run.summary).toContain('(not posted: the pull request does not change this file)');
    expect(run.summary).toContain("  -              Action: 's3:*'");
    // Its SARIF carries the same fixes.
    const sarif = JSON.parse(readFileSync(path.join(checkout.workspace, 'noops-lint.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ fixes?: unknown[] }> }> };
    expect(sarif.runs[0]!.results.some((r) => (r.fixes ?? []).length > 0)).toBe(true);
  });

  it('posts nothing on a re-run: the suggestion is already there', async () => {
    const before = api.requests.length;
    const run = await runStep(checkout, api, { 'suggest-fixes': 'true', 'sarif-file': '' });
    expect(run.status).toBe(1);
    expect(api.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
    expect(api.comments).toHaveLength(1);
    expect(run.stdout).toContain('noops-lint: suggest-fixes: 1 suggestion already on the pull request; 1 change outside the diff, listed in the job summary.\n');
    expect(run.summary).toContain('1 suggestion already posted by an earlier run (not posted again).');
  });

  it('with a refused token: a warning, every change in the summary, and the same exit code', async () => {
    api.refuse = true;
    try {
      const run = await runStep(checkout, api, { 'suggest-fixes': 'true', 'sarif-file': '' });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      const warning = run.stdout.split('\n').find((line) => line.startsWith('::warning title=noops-lint suggest-fixes::'));
      expect(warning).toBe(
        "::warning title=noops-lint suggest-fixes::Review suggestions not posted: could not read the pull request's review comments: GET /repos/acme/shop/pulls/7/comments answered 403 (Resource not accessible by integration); the job needs `permissions: pull-requests: write`. The lint result is unaffected; the changes are listed in the job summary.",
      );
      expect(run.summary).toContain('2 changes not posted as review suggestions');
      expect(run.summary).toContain("  +          Action: 'dynamodb:PutItem'");
    } finally {
      api.refuse = false;
    }
  });

  it('from a working-directory below the repository root: paths stay repository-relative', async () => {
    const saved = api.comments;
    api.comments = [];
    try {
      const before = api.requests.length;
      const run = await runStep(checkout, api, { 'suggest-fixes': 'true', 'sarif-file': '', 'working-directory': 'services/orders' });
      expect(run.stderr).toBe('');
      const posts = api.requests.slice(before).filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.body!.comments.map((c) => [c.path, c.start_line, c.line]))).toEqual([[['services/orders/serverless.yml', 9, 10]]]);
      // Only the orders service was linted, so nothing is said about the other one.
      expect(run.summary).not.toContain('services/thumbs');
    } finally {
      api.comments = saved;
    }
  });

  it('without any token: a warning and no request', async () => {
    const before = api.requests.length;
    const run = await runStep(checkout, api, { 'suggest-fixes': 'true', 'github-token': '', 'sarif-file': '' });
    expect(run.status).toBe(1);
    expect(api.requests.length).toBe(before);
    expect(run.stdout).toContain('::warning title=noops-lint suggest-fixes::Review suggestions not posted: no GitHub token');
  });
});

/** Every file below `dir`, relative to it, with forward slashes. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Applies a review's suggestions to a file's text, as committing each of them on GitHub would (bottom-up). */
function applySuggestions(text: string, comments: Array<{ body: string; line: number; start_line?: number }>): string {
  const lines = text.split('\n');
  for (const comment of [...comments].sort((a, b) => b.line - a.line)) {
    const block = /^(`{3,})suggestion\n([\s\S]*?)\n?\1$/m.exec(comment.body);
    expect(block, comment.body).not.toBeNull();
    const start = comment.start_line ?? comment.line;
    lines.splice(start - 1, comment.line - start + 1, ...(block![2] === '' ? [] : block![2]!.split('\n')));
  }
  return lines.join('\n');
}

/**
 * The fix fixtures turned into pull requests: main holds the fixed files (after/), the pull request brings the
 * original ones back (before/). Every change of the fix then touches the pull request's diff, so the Action posts
 * all of them, and committing its suggestions on the pull request must give the fixed files back, byte for byte.
 */
describe('suggest-fixes round trip on the fix fixtures', () => {
  const fixtures = path.join(repoRoot, 'fixtures/fix');
  const cases = readdirSync(fixtures)
    .filter((name) => existsSync(path.join(fixtures, name, 'after')) && !existsSync(path.join(fixtures, name, 'args.txt')))
    .sort();
  const api = new FakeGitHub();
  beforeAll(async () => {
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('has fixtures to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', async (name) => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'noops-action-roundtrip-'));
    try {
      cpSync(path.join(fixtures, name, 'before'), workspace, { recursive: true });
      cpSync(path.join(fixtures, name, 'after'), workspace, { recursive: true });
      git(workspace, 'init', '-q', '-b', 'main');
      git(workspace, 'config', 'core.autocrlf', 'false');
      git(workspace, 'add', '-A');
      git(workspace, 'commit', '-q', '-m', 'least privilege');
      git(workspace, 'checkout', '-q', '-b', 'feature');
      cpSync(path.join(fixtures, name, 'before'), workspace, { recursive: true });
      git(workspace, 'commit', '-q', '-am', 'the broad grants again');
      const headSha = git(workspace, 'rev-parse', 'HEAD');
      git(workspace, 'checkout', '-q', 'main');
      git(workspace, 'merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature into main');
      const eventPath = path.join(workspace, '.git', 'event.json');
      writeFileSync(
        eventPath,
        JSON.stringify({ pull_request: { number: 7, base: { sha: git(workspace, 'rev-parse', 'HEAD^1'), repo: { full_name: 'acme/shop' } }, head: { sha: headSha, repo: { full_name: 'acme/shop' } } } }),
      );
      api.requests = [];
      api.comments = [];
      const run = await runStep({ workspace, eventPath, headSha }, api, { 'suggest-fixes': 'true', 'sarif-file': '', annotations: 'false' });
      expect(run.stderr).toBe('');
      const fixed = filesBelow(path.join(fixtures, name, 'after'));
      const crlf = fixed.filter((file) => readFileSync(path.join(fixtures, name, 'before', file), 'utf8').includes('\r\n'));
      const comments = api.requests.flatMap((r) => r.body?.comments ?? []);
      for (const file of fixed) {
        const mine = comments.filter((c) => c.path === file);
        if (crlf.includes(file)) {
          // Listed instead: a suggestion cannot promise to keep CRLF.
          expect(mine).toEqual([]);
          expect(run.summary).toContain('(not posted: the file has CRLF line endings');
          continue;
        }
        expect(mine.length, `${file}: ${run.stdout.split('\n').find((l) => l.includes('suggest-fixes')) ?? ''}`).toBeGreaterThan(0);
        const head = readFileSync(path.join(fixtures, name, 'before', file), 'utf8');
        expect(applySuggestions(head, mine)).toBe(readFileSync(path.join(fixtures, name, 'after', file), 'utf8'));
      }
      expect(api.requests.filter((r) => r.method === 'POST').length).toBe(comments.length > 0 ? 1 : 0);
      expect(run.summary).not.toContain('Review suggestions not posted');
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
