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
  return { ok: true, changed: { files: [...files].sort(), lines: changedLines, range: `${base.slice(0, 12)}..HEAD` } };
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
  pull_request?: { base?: { sha?: string } };
}

function readEvent(file: string | undefined): EventPayload | undefined {
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
