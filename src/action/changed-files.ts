// What a pull request or push changed, from the local git history only (no API call): files and their added lines.
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface LineRange {
  start: number;
  end: number;
}

export interface ChangedFiles {
  /** Paths relative to the git top-level, forward slashes; deleted files left out. */
  files: string[];
  /** Added or modified lines per file (new-side line numbers). */
  lines: Map<string, LineRange[]>;
  /** The revisions compared, for the job summary. */
  range: string;
  /** The commit HEAD is compared with (full id). */
  base: string;
}

export type ChangedFilesResult = { ok: true; changed: ChangedFiles } | { ok: false; reason: string };

type Git = (args: string[]) => string | undefined;

function gitIn(cwd: string): Git {
  return (args) => {
    try {
      return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    } catch {
      return undefined;
    }
  };
}

/**
 * The base to compare HEAD with: the first parent of the merge commit actions/checkout makes for a pull
 * request (needs `fetch-depth: 2`), else the event's base or `before` commit when it is in the local history.
 */
export function changedFiles(cwd: string, env: Record<string, string | undefined>): ChangedFilesResult {
  const git = gitIn(cwd);
  if (git(['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') return { ok: false, reason: 'the working directory is not a git checkout' };
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const isPullRequest = env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
  const parents = git(['rev-list', '--parents', '-n', '1', 'HEAD'])?.trim().split(/\s+/) ?? [];
  let base: string | undefined;
  if (isPullRequest && parents.length === 3) base = parents[1];
  else {
    const candidate = isPullRequest ? event?.pull_request?.base?.sha : event?.before;
    if (candidate && !/^0+$/.test(candidate) && git(['cat-file', '-e', `${candidate}^{commit}`]) !== undefined) {
      base = isPullRequest ? git(['merge-base', candidate, 'HEAD'])?.trim() || candidate : candidate;
    }
  }
  if (!base) {
    return {
      ok: false,
      reason: isPullRequest
        ? 'the base of the pull request is not in the local history; check out with fetch-depth: 2'
        : 'the commit before this push is not in the local history; check out with fetch-depth: 0, or use only-changed on pull requests',
    };
  }
  // The file list comes NUL-separated, byte for byte: no quoting, no trailing tab after names with spaces.
  const names = gitBytes(cwd, ['diff', '--name-only', '-z', '--diff-filter=d', '--no-renames', base, 'HEAD', '--']);
  if (names === undefined) return { ok: false, reason: `git diff ${base.slice(0, 12)} HEAD failed` };
  const files: string[] = [];
  for (const raw of splitNul(names)) {
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return { ok: false, reason: `a changed path is not valid UTF-8 (${JSON.stringify(raw.toString('latin1'))}), so it cannot be checked by name` };
    }
    files.push(name);
  }
  const top = git(['rev-parse', '--show-toplevel'])?.trim();
  for (const file of files) {
    // A changed path that is not in the checkout would silently leave its service unchecked.
    if (!top || !existsInCheckout(top, file)) return { ok: false, reason: `the changed path ${JSON.stringify(file)} cannot be found in the checkout` };
  }
  const diff = git(['diff', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--unified=0', '--diff-filter=d', '--no-renames', base, 'HEAD', '--']);
  if (diff === undefined) return { ok: false, reason: `git diff ${base.slice(0, 12)} HEAD failed` };
  const { lines } = parseUnifiedDiff(diff);
  const known = new Set(files);
  const changedLines = new Map<string, LineRange[]>();
  for (const [file, ranges] of lines) if (known.has(file)) changedLines.set(file, ranges);
  return { ok: true, changed: { files: [...files].sort(), lines: changedLines, range: `${base.slice(0, 12)}..HEAD`, base } };
}

function gitBytes(cwd: string, args: string[]): Buffer | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

function splitNul(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i > start) parts.push(bytes.subarray(start, i));
    start = i + 1;
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  return parts;
}

function existsInCheckout(top: string, file: string): boolean {
  try {
    lstatSync(path.join(top, ...file.split('/')));
    return true;
  } catch {
    return false;
  }
}

/**
 * File names and new-side hunk ranges from `git diff --unified=0`. A hunk's body is skipped by its line counts, so
 * an added line that looks like a header (`++ b/ghost.yml` added shows as `+++ b/ghost.yml`) never names a file.
 */
export function parseUnifiedDiff(diff: string): { files: string[]; lines: Map<string, LineRange[]> } {
  const lines = new Map<string, LineRange[]>();
  let current: string | undefined;
  let body = 0;
  for (const line of diff.split('\n')) {
    if (body > 0) {
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      if (line.startsWith('+') || line.startsWith('-')) {
        body -= 1;
        continue;
      }
      body = 0;
    }
    if (line.startsWith('diff --git ')) {
      current = undefined;
      continue;
    }
    if (line.startsWith('+++ ')) {
      // git ends the name with a tab when it holds a space (for patch(1)); a name never ends with a tab itself here.
      const name = line.slice(4).replace(/\t$/, '');
      current = name === '/dev/null' ? undefined : unquote(name).replace(/^b\//, '');
      if (current !== undefined && !lines.has(current)) lines.set(current, []);
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      const removed = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
      body = removed + count;
      if (current !== undefined && count > 0) lines.get(current)!.push({ start, end: start + count - 1 });
    }
  }
  return { files: [...lines.keys()].sort(), lines };
}

/** git's C-style quoting of unusual names: `"b/caf\303\251.yml"`. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface EventPayload {
  before?: string;
  pull_request?: { number?: number; base?: { sha?: string; repo?: { full_name?: string } }; head?: { sha?: string; repo?: { full_name?: string } | null } };
  repository?: { full_name?: string };
}

export function readEvent(file: string | undefined): EventPayload | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload;
  } catch {
    return undefined;
  }
}

export function isOnChangedLine(changed: ChangedFiles | undefined, file: string, line: number): boolean {
  return changed?.lines.get(file)?.some((range) => line >= range.start && line <= range.end) ?? false;
}

/** What a review comment can be anchored on, per file (new-side line numbers). */
export interface ReviewDiff {
  /** The hunks with GitHub's three lines of context: a multi-line comment must stay inside one. */
  hunks: Map<string, LineRange[]>;
  /** Where lines were removed: the line after each removal point (the line before it is `n - 1`). */
  removals: Map<string, number[]>;
}

/** The hunks and removal points of `git diff base HEAD` for the given files (top-level-relative paths). */
export function reviewDiff(cwd: string, base: string, files: readonly string[]): ReviewDiff | undefined {
  if (files.length === 0) return { hunks: new Map(), removals: new Map() };
  const diff = gitIn(cwd)(['diff', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--unified=3', '--diff-filter=d', '--no-renames', base, 'HEAD', '--', ...files.map((f) => `:(top,literal)${f}`)]);
  return diff === undefined ? undefined : parseReviewDiff(diff);
}

/** New-side ranges of each hunk (context lines included) and the removal points, per file, from a unified diff with context. */
export function parseReviewDiff(diff: string): ReviewDiff {
  const hunks = new Map<string, LineRange[]>();
  const removals = new Map<string, number[]>();
  let current: string | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let cursor = 0;
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('\\')) continue;
      if (line.startsWith('+')) {
        newLeft -= 1;
        cursor += 1;
      } else if (line.startsWith('-')) {
        oldLeft -= 1;
        if (current !== undefined) {
          const points = removals.get(current) ?? [];
          if (points[points.length - 1] !== cursor) removals.set(current, [...points, cursor]);
        }
      } else {
        oldLeft -= 1;
        newLeft -= 1;
        cursor += 1;
      }
      continue;
    }
    if (line.startsWith('diff --git ')) current = undefined;
    else if (line.startsWith('+++ ')) {
      const name = line.slice(4).replace(/\t$/, '');
      current = name === '/dev/null' ? undefined : unquote(name).replace(/^b\//, '');
    } else {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      // `+c,0`: nothing on the new side; the removed lines were after line c.
      cursor = newLeft === 0 ? start + 1 : start;
      if (current !== undefined && newLeft > 0) hunks.set(current, [...(hunks.get(current) ?? []), { start, end: start + newLeft - 1 }]);
    }
  }
  return { hunks, removals };
}

/** The pull request a pull_request event is about, from its payload. */
export interface PullRequestEvent {
  number: number;
  /** owner/name of the repository the pull request is opened on. */
  repository: string;
  headSha: string;
  /** The head branch lives in another repository (a fork): the workflow gets a read-only token. */
  fork: boolean;
}

export function pullRequestOf(env: Record<string, string | undefined>): PullRequestEvent | undefined {
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pr = event?.pull_request;
  const repository = env.GITHUB_REPOSITORY || event?.repository?.full_name || pr?.base?.repo?.full_name;
  if (!pr || typeof pr.number !== 'number' || typeof pr.head?.sha !== 'string' || !repository) return undefined;
  const headRepo = pr.head.repo?.full_name;
  return { number: pr.number, repository, headSha: pr.head.sha, fork: headRepo !== undefined && headRepo !== (pr.base?.repo?.full_name ?? repository) };
}

/**
 * How the checkout relates to the pull request's head commit, whose lines review comments address: HEAD is that
 * commit, or the merge commit actions/checkout makes of it (its second parent). `sameFile` says whether a file
 * reads the same in the checkout as in the head commit (the base branch may have changed it since).
 */
export function checkoutOfHead(cwd: string, headSha: string): { ok: true; sameFile(file: string): boolean } | { ok: false; reason: string } {
  const git = gitIn(cwd);
  const head = git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])?.trim();
  if (!head) return { ok: false, reason: 'the working directory is not a git checkout' };
  const parents = git(['rev-list', '--parents', '-n', '1', 'HEAD'])?.trim().split(/\s+/) ?? [];
  if (head !== headSha && !(parents.length === 3 && parents[2] === headSha)) {
    return { ok: false, reason: `the checkout (${head.slice(0, 12)}) is neither the pull request's head commit ${headSha.slice(0, 12)} nor its merge commit` };
  }
  if (head !== headSha && git(['cat-file', '-e', `${headSha}^{commit}`]) === undefined) {
    return { ok: false, reason: `the pull request's head commit ${headSha.slice(0, 12)} is not in the local history; check out with fetch-depth: 2` };
  }
  const blob = (rev: string, file: string): string | undefined => git(['rev-parse', '--verify', '--quiet', `${rev}:${file}`])?.trim() || undefined;
  return { ok: true, sameFile: (file) => head === headSha || (blob('HEAD', file) !== undefined && blob('HEAD', file) === blob(headSha, file)) };
}
