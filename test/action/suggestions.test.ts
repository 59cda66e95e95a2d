// suggest-fixes: which fixes become review suggestions, the exact requests sent to GitHub (a recording fake fetch),
// re-runs that add nothing, and every way posting can fail without touching the lint result.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { changedFiles, checkoutOfHead, parseReviewDiff } from '../../src/action/changed-files.js';
import type { FetchLike } from '../../src/action/github-api.js';
import {
  collectSuggestions,
  commentBody,
  MAX_SUGGESTIONS_PER_REVIEW,
  placeSuggestions,
  postedKeys,
  renderSuggestionSummary,
  suggestFixes,
  unpostedLogGroup,
  suggestionLogLine,
  type Suggestion,
  type SuggestContext,
} from '../../src/action/suggestions.js';
import { findingId, type FindingFix } from '../../src/fix/finding-fixes.js';
import type { Finding } from '../../src/model/finding.js';

function finding(ruleId: string, file: string, line: number, key = `${ruleId}@${line}`): Finding {
  return { ruleId, severity: 'warning', message: `${ruleId} here`, location: { file, line, column: 11, endLine: line, endColumn: 20 }, related: [], key };
}

function fixOf(f: Finding, file: string, startLine: number, endLine: number, text: string, description = 'the statement granting dynamodb:* on * now grants dynamodb:PutItem on the orders table.'): FindingFix {
  return { finding: findingId(f), fix: { description, file, replacements: [{ startLine, endLine, endColumn: 1, lineBreak: true, text }] } };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir() },
  }).trim();
}

const BASE_MANIFEST = [
  'service: orders', // 1
  'provider:', // 2
  '  name: aws', // 3
  '  iam:', // 4
  '    role:', // 5
  '      statements:', // 6
  '        - Effect: Allow', // 7
  '          Action: dynamodb:PutItem', // 8
  "          Resource: '*'", // 9
  'functions:', // 10
  '  create:', // 11
  '    handler: src/create.handler', // 12
  '    memorySize: 256', // 13
  '    timeout: 10', // 14
  '    environment:', // 15
  '      TABLE_NAME: orders', // 16
  '',
].join('\n');
const PR_MANIFEST = BASE_MANIFEST.replace('Action: dynamodb:PutItem', "Action: 'dynamodb:*'");
const TEMPLATE = "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: 's3:*'\n              Resource: '*'\n";
const FIXED = "          Action: 'dynamodb:PutItem'\n          Resource: !GetAtt OrdersTable.Arn\n";

interface Repo {
  dir: string;
  headSha: string;
  eventPath: string;
}

/** main with the manifest and a template; a pull request that widens the statement's action, checked out as its merge commit. */
function pullRequestRepo(options: { fork?: boolean; baseAlsoChanges?: boolean } = {}): Repo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-suggest-'));
  mkdirSync(path.join(dir, 'svc'));
  writeFileSync(path.join(dir, 'svc/serverless.yml'), BASE_MANIFEST);
  writeFileSync(path.join(dir, 'svc/template.yaml'), TEMPLATE);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeFileSync(path.join(dir, 'svc/serverless.yml'), PR_MANIFEST);
  git(dir, 'commit', '-q', '-am', 'widen');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', 'main');
  if (options.baseAlsoChanges) {
    writeFileSync(path.join(dir, 'svc/serverless.yml'), BASE_MANIFEST.replace('      TABLE_NAME: orders\n', '      TABLE_NAME: orders\n      STAGE: prod\n'));
    git(dir, 'commit', '-q', '-am', 'main moves on');
  }
  git(dir, 'merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature into main');
  const eventPath = path.join(dir, '.git', 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: 7,
        base: { sha: git(dir, 'rev-parse', 'HEAD^1'), repo: { full_name: 'acme/shop' } },
        head: { sha: headSha, repo: { full_name: options.fork ? 'someone/shop' : 'acme/shop' } },
      },
      repository: { full_name: 'acme/shop' },
    }),
  );
  return { dir, headSha, eventPath };
}

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error | 'hang';

/** A fetch that records each request and answers from `reply`. */
function fakeFetch(reply: (request: Recorded) => Reply): { fetch: FetchLike; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request: Recorded = { method: init.method, url, headers: init.headers, ...(init.body !== undefined ? { body: JSON.parse(init.body) as unknown } : {}) };
    requests.push(request);
    const answer = reply(request);
    if (answer === 'hang') {
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    }
    if (answer instanceof Error) throw answer;
    const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { status: answer.status, headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null }, text: async () => (answer.body === undefined ? '' : JSON.stringify(answer.body)) };
  };
  return { fetch, requests };
}

/** A pull request's review comments as GitHub keeps them: a review POST adds its comments. */
function fakeGitHub(): { fetch: FetchLike; requests: Recorded[]; comments: Array<{ body: string; path: string }> } {
  const comments: Array<{ body: string; path: string }> = [];
  const fake = fakeFetch((request) => {
    if (request.method === 'GET' && request.url.startsWith('https://api.github.com/repos/acme/shop/pulls/7/comments')) return { status: 200, body: comments };
    if (request.method === 'POST' && request.url === 'https://api.github.com/repos/acme/shop/pulls/7/reviews') {
      const review = request.body as { comments: Array<{ body: string; path: string }> };
      comments.push(...review.comments.map((c) => ({ body: c.body, path: c.path })));
      return { status: 200, body: { id: 1, html_url: 'https://github.com/acme/shop/pull/7#pullrequestreview-1' } };
    }
    return { status: 404, body: { message: 'Not Found' } };
  });
  return { ...fake, comments };
}

const widened = finding('iam/wildcard-action', 'svc/serverless.yml', 8);
const unused = finding('iam/unused-permission', 'svc/serverless.yml', 8, 'unused');
const broadResource = finding('iam/wildcard-resource', 'svc/serverless.yml', 9);
const s3 = finding('iam/wildcard-action', 'svc/template.yaml', 8);
const FIXES = [
  fixOf(widened, 'svc/serverless.yml', 8, 9, FIXED),
  fixOf(unused, 'svc/serverless.yml', 8, 9, FIXED),
  fixOf(broadResource, 'svc/serverless.yml', 8, 9, FIXED),
  fixOf(s3, 'svc/template.yaml', 6, 9, '        - Statement: []\n', 'removed the statement granting s3:* on *; the code does not use it.'),
];

function context(repo: Repo, fetch: FetchLike, overrides: Partial<SuggestContext> = {}, env: Record<string, string> = {}): SuggestContext {
  const fullEnv = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: repo.eventPath, GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '99', ...env };
  return {
    env: fullEnv,
    cwd: repo.dir,
    findings: [widened, unused, broadResource, s3],
    fixes: FIXES,
    read: (file) => readFileSync(path.join(repo.dir, file), 'utf8'),
    diff: changedFiles(repo.dir, fullEnv),
    token: 'ghs_test',
    fetch,
    userAgent: 'noops-lint/0.0.0-test',
    timeoutMs: 200,
    ...overrides,
  };
}

const EXPECTED_COMMENT = [
  '**noops-lint** (`iam/unused-permission`, `iam/wildcard-action`, `iam/wildcard-resource`): the statement granting dynamodb:\\* on \\* now grants dynamodb:PutItem on the orders table.',
  '',
  '```suggestion',
  "          Action: 'dynamodb:PutItem'",
  '          Resource: !GetAtt OrdersTable.Arn',
  '```',
  '',
];

describe('collectSuggestions', () => {
  it('makes one suggestion of a change several findings share, with their rules, and none for unreported findings', () => {
    const read = (file: string) => (file === 'svc/serverless.yml' ? PR_MANIFEST : TEMPLATE);
    const suggestions = collectSuggestions([widened, unused, broadResource], FIXES, read);
    expect(suggestions).toHaveLength(1);
    const [s] = suggestions as [Suggestion];
    expect(s).toMatchObject({
      file: 'svc/serverless.yml',
      startLine: 8,
      endLine: 9,
      before: ["          Action: 'dynamodb:*'", "          Resource: '*'"],
      after: ["          Action: 'dynamodb:PutItem'", '          Resource: !GetAtt OrdersTable.Arn'],
      rules: ['iam/unused-permission', 'iam/wildcard-action', 'iam/wildcard-resource'],
    });
    expect(s.key).toMatch(/^[0-9a-f]{24}$/);
    // The key does not depend on where the lines are (a later push that shifts them posts nothing new).
    const shifted = collectSuggestions([widened], [{ ...FIXES[0]!, fix: { ...FIXES[0]!.fix, replacements: [{ ...FIXES[0]!.fix.replacements[0]!, startLine: 9, endLine: 10 }] } }], () => '\n' + PR_MANIFEST);
    expect(shifted[0]!.key).toBe(s.key);
  });

  it('keeps CRLF out of the suggestion, removes lines with an empty replacement, and skips fixes of unreadable files', () => {
    const crlf = PR_MANIFEST.replace(/\n/g, '\r\n');
    const removal: FindingFix = { finding: findingId(widened), fix: { description: 'removed', file: 'svc/serverless.yml', replacements: [{ startLine: 7, endLine: 9, endColumn: 1, lineBreak: true, text: '' }] } };
    const [s] = collectSuggestions([widened], [removal], () => crlf);
    expect(s!.before).toEqual(['        - Effect: Allow', "          Action: 'dynamodb:*'", "          Resource: '*'"]);
    expect(s!.after).toEqual([]);
    expect(s!.crlf).toBe(true);
    expect(commentBody(s!)).toContain('```suggestion\n```');
    // Not posted: committing the suggestion could leave the file with mixed line endings.
    const view = { changed: new Map([['svc/serverless.yml', [{ start: 8, end: 8 }]]]), hunks: new Map([['svc/serverless.yml', [{ start: 5, end: 11 }]]]), removals: new Map<string, number[]>(), sameFile: () => true };
    expect(placeSuggestions([s!], view).outside.map((u) => u.reason)).toEqual(['the file has CRLF line endings, which a suggestion committed on GitHub may not keep (noops-lint fix keeps them)']);
    expect(collectSuggestions([widened], [removal], () => undefined)).toEqual([]);
    // A replacement past the end of the file (the file changed under the plan) is not suggested.
    expect(collectSuggestions([widened], [{ ...removal, fix: { ...removal.fix, replacements: [{ ...removal.fix.replacements[0]!, endLine: 400 }] } }], () => crlf)).toEqual([]);
  });

  it('keeps the same change in two places apart: two suggestions, two keys', () => {
    const twice = PR_MANIFEST + "  other:\n    handler: src/other.handler\n    iamRoleStatements:\n      - Effect: Allow\n          Action: 'dynamodb:*'\n";
    const a = finding('iam/unused-permission', 'svc/serverless.yml', 8);
    const b = finding('iam/unused-permission', 'svc/serverless.yml', 21);
    const fixed = "          Action: 'dynamodb:PutItem'\n";
    const suggestions = collectSuggestions([a, b], [fixOf(a, 'svc/serverless.yml', 8, 8, fixed), fixOf(b, 'svc/serverless.yml', 21, 21, fixed)], () => twice);
    expect(suggestions.map((s) => s.startLine)).toEqual([8, 21]);
    expect(suggestions[0]!.before).toEqual(suggestions[1]!.before);
    expect(suggestions[0]!.after).toEqual(suggestions[1]!.after);
    expect(new Set(suggestions.map((s) => s.key)).size).toBe(2);
  });

  it('fences a replacement that holds backticks with a longer fence', () => {
    const [s] = collectSuggestions([widened], [fixOf(widened, 'svc/serverless.yml', 8, 8, '          Action: "```"\n')], () => PR_MANIFEST);
    expect(commentBody(s!)).toContain('````suggestion\n          Action: "```"\n````\n');
  });
});

describe('placeSuggestions', () => {
  const suggestion = (file: string, startLine: number, endLine: number): Suggestion => ({ file, startLine, endLine, before: [], after: ['x'], description: 'd', rules: ['iam/x'], key: `${file}${startLine}${endLine}`.padEnd(24, '0') });
  const view = { changed: new Map([['a.yml', [{ start: 10, end: 10 }]]]), hunks: new Map([['a.yml', [{ start: 7, end: 13 }]]]), removals: new Map<string, number[]>(), sameFile: (file: string) => file !== 'moved.yml' };

  it('posts a change that touches a changed line inside one hunk, and says why for the others', () => {
    const { post, outside } = placeSuggestions([suggestion('a.yml', 9, 11), suggestion('a.yml', 12, 13), suggestion('a.yml', 5, 10), suggestion('b.yml', 1, 1)], view);
    expect(post.map((s) => [s.startLine, s.endLine])).toEqual([[9, 11]]);
    expect(outside.map((u) => [u.suggestion.file, u.suggestion.startLine, u.reason])).toEqual([
      ['a.yml', 12, 'the pull request does not change these lines'],
      ['a.yml', 5, "the lines reach outside the pull request's diff"],
      ['b.yml', 1, 'the pull request does not change this file'],
    ]);
    const moved = placeSuggestions([suggestion('moved.yml', 10, 10)], { ...view, changed: new Map([['moved.yml', [{ start: 10, end: 10 }]]]), hunks: new Map([['moved.yml', [{ start: 7, end: 13 }]]]) });
    expect(moved.outside[0]!.reason).toBe("the base branch changed this file since the pull request's head, so its lines differ");
  });

  it('posts a change next to lines the pull request removed (putting back a grant it deleted)', () => {
    // Lines removed between 11 and 12: the hunk shows 9..14 around the removal.
    const removed = { changed: new Map([['c.yml', []]]), hunks: new Map([['c.yml', [{ start: 9, end: 14 }]]]), removals: new Map([['c.yml', [12]]]), sameFile: () => true };
    const { post, outside } = placeSuggestions([suggestion('c.yml', 11, 11), suggestion('c.yml', 12, 13), suggestion('c.yml', 13, 14), suggestion('c.yml', 9, 10)], removed);
    expect(post.map((s) => [s.startLine, s.endLine])).toEqual([[11, 11], [12, 13]]);
    expect(outside.map((u) => [u.suggestion.startLine, u.reason])).toEqual([
      [13, 'the pull request does not change these lines'],
      [9, 'the pull request does not change these lines'],
    ]);
  });

});

describe('reading the diff', () => {
  it('reads hunk ranges with their context lines, per file', () => {
    const diff = [
      'diff --git a/a.yml b/a.yml',
      '--- a/a.yml',
      '+++ b/a.yml',
      '@@ -5,7 +5,7 @@ provider:',
      ' c1', ' c2', ' c3', '-old', '+new', ' c4', ' c5', ' c6',
      '@@ -40,3 +40,0 @@',
      '-gone', '-gone', '-gone',
      'diff --git a/b.yml b/b.yml',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/b.yml',
      '@@ -0,0 +1,2 @@',
      '++++ b/ghost.yml',
      '+two',
      '',
    ].join('\n');
    const parsed = parseReviewDiff(diff);
    expect(Object.fromEntries(parsed.hunks)).toEqual({ 'a.yml': [{ start: 5, end: 11 }], 'b.yml': [{ start: 1, end: 2 }] });
    // `-old` went before new line 8 (where `+new` is); the three lines of `+40,0` went after new line 40, so before 41.
    expect(Object.fromEntries(parsed.removals)).toEqual({ 'a.yml': [8, 41] });
  });
});

describe('suggestFixes', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = pullRequestRepo();
  });
  afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

  it('posts one COMMENT review on the head commit with the change on the changed lines, and lists the other in the summary', async () => {
    const github = fakeGitHub();
    const outcome = await suggestFixes(context(repo, github.fetch));
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://api.github.com/repos/acme/shop/pulls/7/comments?per_page=100',
      'POST https://api.github.com/repos/acme/shop/pulls/7/reviews',
    ]);
    expect(github.requests[1]!.headers).toEqual({
      Accept: 'application/vnd.github+json',
      Authorization: 'Bearer ghs_test',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'noops-lint/0.0.0-test',
      'Content-Type': 'application/json',
    });
    const key = outcome.posted[0]!.key;
    expect(github.requests[1]!.body).toEqual({
      commit_id: repo.headSha,
      event: 'COMMENT',
      body: [
        "**noops-lint** suggests 1 least-privilege IAM change on the lines this pull request changes: the permissions the function code uses, on the resources it uses. Commit them from the comments, or run `noops-lint fix`.",
        '',
        "1 more change falls outside this pull request's diff: see [the job summary](https://github.com/acme/shop/actions/runs/99).",
        '',
        '<!-- noops-lint-review -->',
      ].join('\n'),
      comments: [{ path: 'svc/serverless.yml', body: [...EXPECTED_COMMENT, `<!-- noops-lint-suggestion ${key} -->`].join('\n'), start_line: 8, start_side: 'RIGHT', line: 9, side: 'RIGHT' }],
    });
    expect(outcome).toMatchObject({ total: 2, already: [], warn: false, reviewUrl: 'https://github.com/acme/shop/pull/7#pullrequestreview-1' });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.unposted.map((u) => [u.suggestion.file, u.reason])).toEqual([['svc/template.yaml', 'the pull request does not change this file']]);
    expect(suggestionLogLine(outcome)).toBe(
      'noops-lint: suggest-fixes: posted a review with 1 suggestion (https://github.com/acme/shop/pull/7#pullrequestreview-1); 1 change outside the diff, listed in the job summary.',
    );
    expect(unpostedLogGroup(outcome)).toEqual([
      '::group::noops-lint: 1 change not posted as review suggestions',
      'Change at svc/template.yaml:6-9 (iam/wildcard-action): removed the statement granting s3:* on *; the code does not use it. (not posted: the pull request does not change this file)',
      '@@ -6,4 +6,1 @@',
      '-        - Statement:',
      '-            - Effect: Allow',
      "-              Action: 's3:*'",
      "-              Resource: '*'",
      '+        - Statement: []',
      '::endgroup::',
    ]);
    const summary = renderSuggestionSummary(outcome, { blobBase: 'https://github.com/acme/shop/blob/abc/' });
    expect(summary).toBe(
      [
        '### Suggested fixes',
        '',
        'Posted [a review](https://github.com/acme/shop/pull/7#pullrequestreview-1) with 1 suggestion on the lines this pull request changes.',
        '',
        '1 change not posted as review suggestions; apply with `noops-lint fix`, or by hand:',
        '',
        "- [`svc/template.yaml:6-9`](https://github.com/acme/shop/blob/abc/svc/template.yaml#L6-L9) (`iam/wildcard-action`): removed the statement granting s3:\\* on \\*; the code does not use it. (not posted: the pull request does not change this file)",
        '',
        '  ```diff',
        '  @@ -6,4 +6,1 @@',
        '  -        - Statement:',
        '  -            - Effect: Allow',
        "  -              Action: 's3:*'",
        "  -              Resource: '*'",
        '  +        - Statement: []',
        '  ```',
        '',
        '',
      ].join('\n'),
    );
  });

  it('posts nothing again on a re-run, and only what is new when the plan changes', async () => {
    const github = fakeGitHub();
    await suggestFixes(context(repo, github.fetch));
    expect(github.comments).toHaveLength(1);
    const again = await suggestFixes(context(repo, github.fetch));
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
    expect(again.posted).toEqual([]);
    expect(again.already.map((s) => s.file)).toEqual(['svc/serverless.yml']);
    expect(suggestionLogLine(again)).toBe('noops-lint: suggest-fixes: 1 suggestion already on the pull request; 1 change outside the diff, listed in the job summary.');
    expect(renderSuggestionSummary(again)).toContain('1 suggestion already posted by an earlier run (not posted again).');

    // A different plan for the same lines is a new suggestion; the earlier one stays as it was.
    const other = FIXES.map((f) => ({ ...f, fix: { ...f.fix, replacements: f.fix.replacements.map((r) => (r.startLine === 8 ? { ...r, text: FIXED.replace('OrdersTable', 'Orders') } : r)) } }));
    const changed = await suggestFixes(context(repo, github.fetch, { fixes: other }));
    expect(changed.posted).toHaveLength(1);
    expect(github.comments).toHaveLength(2);
    expect(postedKeys(github.comments).size).toBe(2);
  });

  it('reads every page of earlier comments, and never follows a next link to another host', async () => {
    const key = collectSuggestions([widened], FIXES, () => PR_MANIFEST)[0]!.key;
    const paged = fakeFetch((request) => {
      if (request.url.endsWith('/comments?per_page=100')) return { status: 200, body: [{ body: 'looks good' }], headers: { Link: '<https://api.github.com/repositories/1/pulls/7/comments?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/pulls/7/comments?per_page=100&page=2>; rel="last"' } };
      if (request.url.endsWith('page=2')) return { status: 200, body: [{ body: `<!-- noops-lint-suggestion ${key} -->` }], headers: { Link: '<https://evil.example/steal?page=3>; rel="next"' } };
      return { status: 500 };
    });
    const outcome = await suggestFixes(context(repo, paged.fetch));
    expect(paged.requests.map((r) => r.url)).toEqual([
      'https://api.github.com/repos/acme/shop/pulls/7/comments?per_page=100',
      'https://api.github.com/repositories/1/pulls/7/comments?per_page=100&page=2',
    ]);
    expect(outcome.already).toHaveLength(1);
    expect(outcome.posted).toEqual([]);
  });

  it('uses GITHUB_API_URL (GitHub Enterprise Server)', async () => {
    const ghes = fakeFetch(() => ({ status: 200, body: [] }));
    await suggestFixes(context(repo, ghes.fetch, {}, { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }));
    expect(ghes.requests[0]!.url).toBe('https://ghe.example.com/api/v3/repos/acme/shop/pulls/7/comments?per_page=100');
  });

  it('makes no request when nothing touches the diff, when there is no fix, or on a push', async () => {
    const github = fakeGitHub();
    const outside = await suggestFixes(context(repo, github.fetch, { findings: [s3] }));
    expect(outside).toMatchObject({ total: 1, posted: [], warn: false });
    expect(outside.problem).toBeUndefined();
    expect(suggestionLogLine(outside)).toBe('noops-lint: suggest-fixes: 1 change outside the diff, listed in the job summary.');
    const none = await suggestFixes(context(repo, github.fetch, { fixes: [] }));
    expect(suggestionLogLine(none)).toBe('noops-lint: suggest-fixes: no fix to suggest.');
    expect(renderSuggestionSummary(none)).toContain('No fix to suggest');
    const push = await suggestFixes(context(repo, github.fetch, {}, { GITHUB_EVENT_NAME: 'push' }));
    expect(push).toMatchObject({ warn: false, problem: 'review suggestions are posted on pull_request events; this run is a push event' });
    expect(push.unposted).toHaveLength(2);
    expect(github.requests).toEqual([]);
  });

  it('without a token: nothing sent, a warning, and the changes in the summary', async () => {
    const github = fakeGitHub();
    const outcome = await suggestFixes(context(repo, github.fetch, { token: '' }));
    expect(github.requests).toEqual([]);
    expect(outcome).toMatchObject({ warn: true, problem: 'no GitHub token: the github-token input is empty and GITHUB_TOKEN is not set' });
    expect(outcome.unposted.map((u) => [u.suggestion.file, u.reason])).toEqual([
      ['svc/serverless.yml', undefined],
      ['svc/template.yaml', 'the pull request does not change this file'],
    ]);
    const summary = renderSuggestionSummary(outcome);
    expect(summary).toContain('> [!WARNING]\n> Review suggestions not posted: no GitHub token');
    expect(summary).toContain("+          Action: 'dynamodb:PutItem'");
  });

  it.each([
    ['a read-only token', { status: 403, body: { message: 'Resource not accessible by integration' } }, false, "could not read the pull request's review comments: GET /repos/acme/shop/pulls/7/comments answered 403 (Resource not accessible by integration); the job needs `permissions: pull-requests: write`"],
    ['a fork', { status: 403, body: { message: 'Resource not accessible by integration' } }, true, "could not read the pull request's review comments: GET /repos/acme/shop/pulls/7/comments answered 403 (Resource not accessible by integration); this pull request comes from a fork, and GitHub gives workflows of fork pull requests a read-only token"],
    ['the rate limit', { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.UTC(2026, 0, 1, 10, 30) / 1000) } }, false, "could not read the pull request's review comments: the GitHub API rate limit is used up; it resets at 10:30 UTC"],
    ['the secondary rate limit', { status: 429, headers: { 'retry-after': '60' } }, false, "could not read the pull request's review comments: GitHub's secondary rate limit was hit; it asks to wait 60 s"],
    ['a bad token', { status: 401, body: { message: 'Bad credentials' } }, false, "could not read the pull request's review comments: GET /repos/acme/shop/pulls/7/comments answered 401 (Bad credentials); the token is not valid"],
    ['the network', new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), false, "could not read the pull request's review comments: could not reach the GitHub API at https://api.github.com (ENOTFOUND)"],
    ['no answer', 'hang' as const, false, "could not read the pull request's review comments: could not reach the GitHub API at https://api.github.com (no answer within 200 ms)"],
  ])('reports %s as a warning and lists the changes', async (_, answer, fork, problem) => {
    const forked = fork ? pullRequestRepo({ fork: true }) : repo;
    try {
      const api = fakeFetch(() => answer as Reply);
      const outcome = await suggestFixes(context(forked, api.fetch));
      expect(api.requests).toHaveLength(1);
      expect(outcome).toMatchObject({ warn: true, problem, posted: [], already: [] });
      expect(outcome.unposted).toHaveLength(2);
    } finally {
      if (fork) rmSync(forked.dir, { recursive: true, force: true });
    }
  });

  it('reports a review GitHub refuses (422) with its reason', async () => {
    const api = fakeFetch((request) => (request.method === 'GET' ? { status: 200, body: [] } : { status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } }));
    const outcome = await suggestFixes(context(repo, api.fetch));
    expect(outcome).toMatchObject({ warn: true, posted: [], problem: 'could not post the review: POST /repos/acme/shop/pulls/7/reviews answered 422 (Unprocessable Entity: Line could not be resolved)' });
    expect(outcome.unposted.map((u) => u.reason)).toEqual([undefined, 'the pull request does not change this file']);
  });

  it('posts the same review from a checkout of the head commit itself (full history)', async () => {
    const head = pullRequestRepo();
    try {
      git(head.dir, 'checkout', '-q', '--detach', head.headSha);
      const github = fakeGitHub();
      const outcome = await suggestFixes(context(head, github.fetch));
      expect(outcome.posted.map((s) => [s.file, s.startLine, s.endLine])).toEqual([['svc/serverless.yml', 8, 9]]);
      expect((github.requests[1]!.body as { commit_id: string }).commit_id).toBe(head.headSha);
    } finally {
      rmSync(head.dir, { recursive: true, force: true });
    }
  });

  it('keeps the summary section and the log group within their budgets', () => {
    const big: Suggestion[] = Array.from({ length: 400 }, (_, i) => ({ file: 'a.yml', startLine: i + 1, endLine: i + 1, before: ['x'.repeat(1000)], after: ['y'.repeat(1000)], description: 'd', rules: ['iam/x'], key: String(i).padStart(24, '0') }));
    const outcome = { total: 400, posted: [], already: [], unposted: big.map((suggestion) => ({ suggestion })), warn: false };
    const section = renderSuggestionSummary(outcome, { limitBytes: 50_000 });
    expect(Buffer.byteLength(section)).toBeLessThan(50_000);
    expect(section).toMatch(/… and \d+ more changes: run `noops-lint fix --dry-run` to see them\.\n/);
    const group = unpostedLogGroup(outcome);
    expect(Buffer.byteLength(group.join('\n'))).toBeLessThan(210_000);
    expect(group[group.length - 1]).toBe('::endgroup::');
  });

  it(`posts at most ${MAX_SUGGESTIONS_PER_REVIEW} suggestions in one review; a re-run posts the next ones`, async () => {
    // One fix per changed line would be odd; many replacements of the changed line with different texts give the count.
    const many = Array.from({ length: MAX_SUGGESTIONS_PER_REVIEW + 2 }, (_, i) => fixOf(widened, 'svc/serverless.yml', 8, 8, `          Action: dynamodb:Op${i}\n`));
    const github = fakeGitHub();
    const first = await suggestFixes(context(repo, github.fetch, { findings: [widened], fixes: many }));
    expect(first.posted).toHaveLength(MAX_SUGGESTIONS_PER_REVIEW);
    expect(first.unposted.map((u) => u.reason)).toEqual([`over the ${MAX_SUGGESTIONS_PER_REVIEW} suggestions one review carries`, `over the ${MAX_SUGGESTIONS_PER_REVIEW} suggestions one review carries`]);
    expect((github.requests[1]!.body as { body: string }).body).toContain("2 more changes fall outside this pull request's diff");
    const second = await suggestFixes(context(repo, github.fetch, { findings: [widened], fixes: many }));
    expect(second.posted).toHaveLength(2);
    expect(second.already).toHaveLength(MAX_SUGGESTIONS_PER_REVIEW);
    expect(github.comments).toHaveLength(MAX_SUGGESTIONS_PER_REVIEW + 2);
  });

  it('keeps what earlier runs posted when the review of the new ones fails', async () => {
    const github = fakeGitHub();
    await suggestFixes(context(repo, github.fetch));
    const extra = [...FIXES, fixOf(widened, 'svc/serverless.yml', 8, 8, '          Action: dynamodb:GetItem\n')];
    const refusing = fakeFetch((request) => (request.method === 'GET' ? { status: 200, body: github.comments } : { status: 502, body: { message: 'Server Error' } }));
    const outcome = await suggestFixes(context(repo, refusing.fetch, { fixes: extra }));
    expect(outcome.problem).toBe('could not post the review: POST /repos/acme/shop/pulls/7/reviews answered 502 (Server Error)');
    expect(outcome.already).toHaveLength(1);
    expect(outcome.unposted.map((u) => [u.suggestion.startLine, u.suggestion.endLine, u.reason])).toEqual([
      [8, 8, undefined],
      [6, 9, 'the pull request does not change this file'],
    ]);
  });

  it('does not anchor on a file the base branch changed since the head (the merge has other lines)', async () => {
    const moved = pullRequestRepo({ baseAlsoChanges: true });
    try {
      const github = fakeGitHub();
      const outcome = await suggestFixes(context(moved, github.fetch));
      expect(github.requests).toEqual([]);
      expect(outcome.unposted.map((u) => u.reason)).toEqual(["the base branch changed this file since the pull request's head, so its lines differ", 'the pull request does not change this file']);
    } finally {
      rmSync(moved.dir, { recursive: true, force: true });
    }
  });

  it('needs a checkout of the pull request (its head or its merge commit) and a payload that names it', async () => {
    const github = fakeGitHub();
    const elsewhere = await suggestFixes(context(repo, github.fetch, {}, { GITHUB_EVENT_PATH: path.join(repo.dir, 'missing.json') }));
    expect(elsewhere).toMatchObject({ warn: true, problem: 'the event payload names no pull request (number, head commit and repository)' });
    const other = JSON.parse(readFileSync(repo.eventPath, 'utf8')) as { pull_request: { head: { sha: string } } };
    other.pull_request.head.sha = 'f'.repeat(40);
    const otherPath = path.join(repo.dir, '.git', 'other-event.json');
    writeFileSync(otherPath, JSON.stringify(other));
    const wrong = await suggestFixes(context(repo, github.fetch, {}, { GITHUB_EVENT_PATH: otherPath }));
    expect(wrong.problem).toMatch(/^the checkout \([0-9a-f]{12}\) is neither the pull request's head commit ffffffffffff nor its merge commit$/);
    const noDiff = await suggestFixes(context(repo, github.fetch, { diff: { ok: false, reason: 'the base of the pull request is not in the local history; check out with fetch-depth: 2' } }));
    expect(noDiff).toMatchObject({ warn: true, problem: 'the base of the pull request is not in the local history; check out with fetch-depth: 2' });
    expect(github.requests).toEqual([]);
    expect(checkoutOfHead(repo.dir, repo.headSha)).toMatchObject({ ok: true });
  });
});
