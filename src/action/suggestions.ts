// `suggest-fixes`: the `fix` command's changes (the SARIF fixes of the reported IAM findings) posted as ONE
// pull-request review whose comments are ```suggestion blocks on the lines the pull request changed. Changes that
// cannot be anchored on the diff, and everything when posting is not possible, go to the job summary with their diff.
// Posting never changes the step's result: a failure is a warning and a line in the summary.
import { createHash } from 'node:crypto';
import type { FindingFix } from '../fix/finding-fixes.js';
import { findingId } from '../fix/finding-fixes.js';
import type { Finding } from '../model/finding.js';
import { checkoutOfHead, pullRequestOf, reviewDiff, type ChangedFilesResult, type LineRange } from './changed-files.js';
import { GitHubApiError, gitHubClient, type FetchLike } from './github-api.js';
import { cell, code } from './summary.js';

/** One whole-line replacement: lines `startLine`..`endLine` of `file` (as in the pull request's head) become `after`. */
export interface Suggestion {
  /** Path relative to the git top-level, forward slashes. */
  file: string;
  startLine: number;
  endLine: number;
  /** The lines replaced and their replacement, without line breaks (`after` empty: the lines are removed). */
  before: string[];
  after: string[];
  description: string;
  /** Rule ids of the reported findings the change addresses, sorted. */
  rules: string[];
  /** Identity across runs, independent of line numbers: file, lines replaced, replacement (and which occurrence). */
  key: string;
  /** The lines replaced end with CRLF. */
  crlf?: boolean;
}

export interface Unposted {
  suggestion: Suggestion;
  /** Why this one cannot be anchored on the diff; undefined when posting failed or was not possible at all. */
  reason?: string;
}

export interface SuggestOutcome {
  /** Suggestions worked out for the reported findings. */
  total: number;
  posted: Suggestion[];
  /** Already on the pull request: an earlier run posted the same change (found by its marker). */
  already: Suggestion[];
  /** Not posted, each with why (outside the diff, or posting was not possible). */
  unposted: Unposted[];
  /** Why nothing was posted at all, when that is the case. */
  problem?: string;
  /** `problem` is a failure (a warning annotation), not an expected situation such as a push event. */
  warn: boolean;
  reviewUrl?: string;
}

export interface SuggestContext {
  env: Record<string, string | undefined>;
  cwd: string;
  findings: readonly Finding[];
  fixes: readonly FindingFix[];
  /** File text by top-level-relative path. */
  read(file: string): string | undefined;
  /** The changed-files result of this run (undefined when it was not computed). */
  diff: ChangedFilesResult | undefined;
  token: string;
  fetch: FetchLike;
  userAgent: string;
  timeoutMs?: number;
}

/** Marks the Action's comments, so a re-run finds what it posted before. Never shown (an HTML comment). */
const MARKER_PREFIX = '<!-- noops-lint-suggestion ';
const MARKER = /<!-- noops-lint-suggestion ([0-9a-f]{24}) -->/g;
const REVIEW_MARKER = '<!-- noops-lint-review -->';
/** GitHub refuses comment bodies over 65,536 characters; one review with too many comments times out. */
const MAX_COMMENT_CHARS = 60_000;
export const MAX_SUGGESTIONS_PER_REVIEW = 50;

/**
 * The suggestions of the reported findings' fixes: each replacement once (several findings share the fix of their
 * statement), with the rules it addresses. Fixes of baselined or suppressed findings are not suggested.
 */
export function collectSuggestions(findings: readonly Finding[], fixes: readonly FindingFix[], read: (file: string) => string | undefined): Suggestion[] {
  const reported = new Map(findings.map((f) => [findingId(f), f]));
  const byPlace = new Map<string, Suggestion>();
  const texts = new Map<string, string[] | undefined>();
  /** The file's lines, each with its CR when it ends with CRLF. */
  const linesOf = (file: string): string[] | undefined => {
    if (!texts.has(file)) {
      const text = read(file);
      texts.set(file, text === undefined ? undefined : (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n'));
    }
    return texts.get(file);
  };
  for (const { finding, fix } of fixes) {
    const reportedFinding = reported.get(finding);
    if (!reportedFinding) continue;
    const lines = linesOf(fix.file);
    if (!lines) continue;
    for (const replacement of fix.replacements) {
      if (replacement.startLine < 1 || replacement.endLine < replacement.startLine || replacement.endLine > lines.length) continue;
      const replaced = lines.slice(replacement.startLine - 1, replacement.endLine);
      const before = replaced.map((line) => line.replace(/\r$/, ''));
      const crlf = replaced.some((line) => line.endsWith('\r'));
      let text = replacement.text;
      if (replacement.lineBreak && text.endsWith('\n')) text = text.slice(0, text.endsWith('\r\n') ? -2 : -1);
      const after = replacement.text === '' ? [] : text.split(/\r?\n/);
      const place = JSON.stringify([fix.file, replacement.startLine, replacement.endLine, after]);
      const known = byPlace.get(place);
      if (known) {
        if (!known.rules.includes(reportedFinding.ruleId)) known.rules = [...known.rules, reportedFinding.ruleId].sort();
        continue;
      }
      byPlace.set(place, { file: fix.file, startLine: replacement.startLine, endLine: replacement.endLine, before, after, description: fix.description, rules: [reportedFinding.ruleId], key: '', ...(crlf ? { crlf } : {}) });
    }
  }
  const suggestions = [...byPlace.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.startLine - b.startLine || a.endLine - b.endLine || compareText(a.after.join('\n'), b.after.join('\n'))));
  // The same change in two places of a file (two functions' identical statements) gets two keys: the occurrence
  // counts, the line numbers do not.
  const occurrences = new Map<string, number>();
  for (const s of suggestions) {
    const content = JSON.stringify([s.file, s.before, s.after]);
    const n = occurrences.get(content) ?? 0;
    occurrences.set(content, n + 1);
    s.key = createHash('sha256').update(n === 0 ? content : `${content}#${n}`).digest('hex').slice(0, 24);
  }
  return suggestions;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface DiffView {
  /** Changed (added or modified) lines per file. */
  changed: Map<string, LineRange[]>;
  /** The diff's hunks with three lines of context per file: where a comment can be anchored. */
  hunks: Map<string, LineRange[]>;
  /** Where lines were removed, per file: the line after each removal point. */
  removals: Map<string, number[]>;
  /** The file reads the same in the checkout as in the pull request's head commit. */
  sameFile(file: string): boolean;
}

/**
 * A suggestion is posted when it touches a line the pull request added or modified, or a line next to lines it
 * removed, and lies inside one hunk of its diff (GitHub anchors a multi-line comment inside one hunk); otherwise it
 * is listed in the summary, with why.
 */
export function placeSuggestions(suggestions: readonly Suggestion[], view: DiffView): { post: Suggestion[]; outside: Unposted[] } {
  const post: Suggestion[] = [];
  const outside: Unposted[] = [];
  for (const s of suggestions) {
    const changed = view.changed.get(s.file);
    const removals = view.removals.get(s.file) ?? [];
    let reason: string | undefined;
    if (!changed && removals.length === 0) reason = 'the pull request does not change this file';
    else if (!(changed ?? []).some((r) => r.start <= s.endLine && r.end >= s.startLine) && !removals.some((after) => s.startLine <= after && s.endLine >= after - 1)) {
      reason = 'the pull request does not change these lines';
    }
    else if (!(view.hunks.get(s.file) ?? []).some((h) => h.start <= s.startLine && h.end >= s.endLine)) reason = "the lines reach outside the pull request's diff";
    else if (!view.sameFile(s.file)) reason = "the base branch changed this file since the pull request's head, so its lines differ";
    // A suggestion's text has plain line breaks; committing it could leave the file with mixed line endings.
    else if (s.crlf) reason = 'the file has CRLF line endings, which a suggestion committed on GitHub may not keep (noops-lint fix keeps them)';
    else if (commentBody(s).length > MAX_COMMENT_CHARS) reason = 'too long for a review comment';
    if (reason) outside.push({ suggestion: s, reason });
    else post.push(s);
  }
  return { post, outside };
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((line) => Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length))));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The comment: what changes and which findings it addresses, the suggestion block, the hidden marker. */
export function commentBody(s: Suggestion): string {
  const f = fence(s.after);
  return [
    `**noops-lint** (${s.rules.map((r) => `\`${r}\``).join(', ')}): ${cell(s.description)}`,
    '',
    `${f}suggestion`,
    ...s.after,
    f,
    '',
    `${MARKER_PREFIX}${s.key} -->`,
  ].join('\n');
}

export interface ReviewRequest {
  commit_id: string;
  event: 'COMMENT';
  body: string;
  comments: Array<{ path: string; body: string; line: number; side: 'RIGHT'; start_line?: number; start_side?: 'RIGHT' }>;
}

export function reviewRequest(post: readonly Suggestion[], headSha: string, elsewhere: { count: number; runUrl?: string }): ReviewRequest {
  const noun = post.length === 1 ? 'change' : 'changes';
  const body = [
    `**noops-lint** suggests ${post.length} least-privilege IAM ${noun} on the lines this pull request changes: the permissions the function code uses, on the resources it uses. Commit them from the comments, or run \`noops-lint fix\`.`,
  ];
  if (elsewhere.count > 0) {
    const where = elsewhere.runUrl ? `[the job summary](${elsewhere.runUrl})` : 'the job summary';
    body.push('', `${elsewhere.count} more ${elsewhere.count === 1 ? 'change falls' : 'changes fall'} outside this pull request's diff: see ${where}.`);
  }
  body.push('', REVIEW_MARKER);
  return {
    commit_id: headSha,
    event: 'COMMENT',
    body: body.join('\n'),
    comments: post.map((s) => ({
      path: s.file,
      body: commentBody(s),
      ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}),
      line: s.endLine,
      side: 'RIGHT' as const,
    })),
  };
}

/** Keys of the suggestions already posted on the pull request (by any earlier run). */
export function postedKeys(comments: ReadonlyArray<{ body?: unknown }>): Set<string> {
  const keys = new Set<string>();
  for (const comment of comments) {
    if (typeof comment.body !== 'string') continue;
    for (const match of comment.body.matchAll(MARKER)) keys.add(match[1]!);
  }
  return keys;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** Plans, places and posts the suggestions; never throws for a GitHub or git problem (it is in `problem`). */
export async function suggestFixes(ctx: SuggestContext): Promise<SuggestOutcome> {
  const suggestions = collectSuggestions(ctx.findings, ctx.fixes, ctx.read);
  const outcome: SuggestOutcome = { total: suggestions.length, posted: [], already: [], unposted: [], warn: false };
  const giveUp = (problem: string, warn: boolean, rest: readonly Suggestion[] = suggestions): SuggestOutcome => {
    outcome.problem = problem;
    outcome.warn = warn;
    outcome.unposted.push(...rest.map((suggestion) => ({ suggestion })));
    return outcome;
  };
  const event = ctx.env.GITHUB_EVENT_NAME;
  if (event !== 'pull_request') return giveUp(`review suggestions are posted on pull_request events; this run is ${event ? `a ${event} event` : 'not a workflow event'}`, false);
  if (suggestions.length === 0) return outcome;
  const pr = pullRequestOf(ctx.env);
  if (!pr || !REPOSITORY.test(pr.repository) || !Number.isSafeInteger(pr.number) || !/^[0-9a-f]{40,64}$/.test(pr.headSha)) {
    return giveUp('the event payload names no pull request (number, head commit and repository)', true);
  }
  if (!ctx.diff) return giveUp("the pull request's diff was not read", true);
  if (!ctx.diff.ok) return giveUp(ctx.diff.reason, true);
  const checkout = checkoutOfHead(ctx.cwd, pr.headSha);
  if (!checkout.ok) return giveUp(checkout.reason, true);
  const changed = ctx.diff.changed;
  const diff = reviewDiff(ctx.cwd, changed.base, [...new Set(suggestions.map((s) => s.file))].filter((file) => changed.files.includes(file)));
  if (!diff) return giveUp(`git diff ${changed.range} failed`, true);
  const { post, outside } = placeSuggestions(suggestions, { changed: changed.lines, hunks: diff.hunks, removals: diff.removals, sameFile: checkout.sameFile });
  outcome.unposted.push(...outside);
  if (post.length === 0) return outcome;

  const postGiveUp = (problem: string, notPosted: readonly Suggestion[] = post): SuggestOutcome => {
    outcome.problem = problem;
    outcome.warn = true;
    outcome.unposted.unshift(...notPosted.map((suggestion) => ({ suggestion })));
    return outcome;
  };
  if (!ctx.token) return postGiveUp('no GitHub token: the github-token input is empty and GITHUB_TOKEN is not set');
  const client = gitHubClient({ fetch: ctx.fetch, token: ctx.token, apiUrl: ctx.env.GITHUB_API_URL, userAgent: ctx.userAgent, timeoutMs: ctx.timeoutMs });
  const base = `/repos/${pr.repository}/pulls/${pr.number}`;
  const explain = (error: unknown, doing: string): string => {
    if (!(error instanceof GitHubApiError)) return `${doing}: ${(error as Error).message}`;
    if (error.rateLimited || error.status === undefined) return `${doing}: ${error.message}`;
    if ((error.status === 403 || error.status === 404) && pr.fork) {
      return `${doing}: ${error.message}; this pull request comes from a fork, and GitHub gives workflows of fork pull requests a read-only token`;
    }
    if (error.status === 401) return `${doing}: ${error.message}; the token is not valid`;
    if (error.status === 403 || error.status === 404) return `${doing}: ${error.message}; the job needs \`permissions: pull-requests: write\``;
    return `${doing}: ${error.message}`;
  };
  let posted: Set<string>;
  try {
    posted = postedKeys(await client.paginate<{ body?: unknown }>(`${base}/comments`));
  } catch (error) {
    return postGiveUp(explain(error, "could not read the pull request's review comments"));
  }
  const notYet = post.filter((s) => !posted.has(s.key));
  outcome.already = post.filter((s) => posted.has(s.key));
  // One review stays readable and within GitHub's limits; the rest are listed (a re-run posts the next ones).
  const fresh = notYet.slice(0, MAX_SUGGESTIONS_PER_REVIEW);
  outcome.unposted.push(...notYet.slice(MAX_SUGGESTIONS_PER_REVIEW).map((suggestion) => ({ suggestion, reason: `over the ${MAX_SUGGESTIONS_PER_REVIEW} suggestions one review carries` })));
  if (fresh.length === 0) return outcome;
  const server = ctx.env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl = ctx.env.GITHUB_RUN_ID && REPOSITORY.test(ctx.env.GITHUB_REPOSITORY ?? '') ? `${server}/${ctx.env.GITHUB_REPOSITORY}/actions/runs/${ctx.env.GITHUB_RUN_ID}` : undefined;
  try {
    const review = await client.request<{ html_url?: unknown }>('POST', `${base}/reviews`, reviewRequest(fresh, pr.headSha, { count: outcome.unposted.length, ...(runUrl ? { runUrl } : {}) }));
    if (typeof review?.html_url === 'string' && /^https:\/\//.test(review.html_url)) outcome.reviewUrl = review.html_url;
  } catch (error) {
    return postGiveUp(explain(error, 'could not post the review'), fresh);
  }
  outcome.posted = fresh;
  return outcome;
}

/** One line for the log. */
export function suggestionLogLine(outcome: SuggestOutcome): string {
  const parts: string[] = [];
  if (outcome.posted.length > 0) parts.push(`posted a review with ${count(outcome.posted.length, 'suggestion')}${outcome.reviewUrl ? ` (${outcome.reviewUrl})` : ''}`);
  if (outcome.already.length > 0) parts.push(`${count(outcome.already.length, 'suggestion')} already on the pull request`);
  if (outcome.problem) parts.push(`nothing posted: ${outcome.problem}`);
  const outside = outcome.unposted.filter((u) => u.reason !== undefined).length;
  if (outside > 0) parts.push(`${count(outside, 'change')} outside the diff, listed in the job summary`);
  if (parts.length === 0) parts.push(outcome.total === 0 ? 'no fix to suggest' : 'nothing to post');
  return `noops-lint: suggest-fixes: ${parts.join('; ')}.`;
}

/**
 * The changes not posted, for the log (also when the job summary is off): a collapsed group with each change's
 * place, why, and its lines as a diff. Plain text; the caller makes it safe for the log.
 */
export function unpostedLogGroup(outcome: SuggestOutcome, limitBytes = SECTION_LIMIT_BYTES): string[] {
  if (outcome.unposted.length === 0) return [];
  const lines = [`::group::noops-lint: ${count(outcome.unposted.length, 'change')} not posted as review suggestions`];
  let size = 0;
  for (const [index, { suggestion: s, reason }] of outcome.unposted.entries()) {
    const block = [
      `Change at ${s.file}:${s.startLine}${s.endLine > s.startLine ? `-${s.endLine}` : ''} (${s.rules.join(', ')}): ${s.description}${reason ? ` (not posted: ${reason})` : ''}`,
      ...diffLines(s),
    ];
    size += Buffer.byteLength(block.join('\n'));
    if (size > limitBytes) {
      lines.push(`… and ${count(outcome.unposted.length - index, 'more change')}: run noops-lint fix --dry-run to see them.`);
      break;
    }
    lines.push(...block);
  }
  lines.push('::endgroup::');
  return lines;
}

function diffLines(s: Suggestion): string[] {
  return [`@@ -${s.startLine},${s.before.length} +${s.startLine},${s.after.length} @@`, ...s.before.map((l) => `-${l}`), ...s.after.map((l) => `+${l}`)];
}

const SECTION_LIMIT_BYTES = 200_000;

/**
 * The job summary's section: what was posted, and every change not posted with its diff and why, within
 * `limitBytes` (what the rest of the summary leaves of GitHub's 1 MiB) and at most 200 kB.
 */
export function renderSuggestionSummary(outcome: SuggestOutcome, options: { blobBase?: string; limitBytes?: number } = {}): string {
  const blobBase = options.blobBase;
  const limit = Math.min(SECTION_LIMIT_BYTES, options.limitBytes ?? SECTION_LIMIT_BYTES);
  const out: string[] = ['### Suggested fixes', ''];
  if (outcome.posted.length > 0) {
    const review = outcome.reviewUrl ? `[a review](${outcome.reviewUrl})` : 'a review';
    out.push(`Posted ${review} with ${count(outcome.posted.length, 'suggestion')} on the lines this pull request changes.`, '');
  }
  if (outcome.already.length > 0) out.push(`${count(outcome.already.length, 'suggestion')} already posted by an earlier run (not posted again).`, '');
  if (outcome.problem) out.push(`${outcome.warn ? '> [!WARNING]\n> ' : ''}Review suggestions not posted: ${cell(outcome.problem)}.`, '');
  if (outcome.total === 0) out.push('No fix to suggest: `noops-lint fix` would change nothing for the reported findings.', '');
  if (outcome.unposted.length > 0) {
    out.push(`${count(outcome.unposted.length, 'change')} not posted as review suggestions; apply with \`noops-lint fix\`, or by hand:`, '');
    let size = Buffer.byteLength(out.join('\n'));
    for (const [index, { suggestion: s, reason }] of outcome.unposted.entries()) {
      const block = unpostedBlock(s, reason, blobBase);
      size += Buffer.byteLength(block);
      if (size > limit - 200) {
        out.push(`… and ${count(outcome.unposted.length - index, 'more change')}: run \`noops-lint fix --dry-run\` to see them.`, '');
        break;
      }
      out.push(block);
    }
  }
  return out.join('\n') + '\n';
}

function unpostedBlock(s: Suggestion, reason: string | undefined, blobBase?: string): string {
  const label = code(`${s.file}:${s.startLine}${s.endLine > s.startLine ? `-${s.endLine}` : ''}`);
  const href = blobBase ? `${blobBase}${s.file.split('/').map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/')}#L${s.startLine}${s.endLine > s.startLine ? `-L${s.endLine}` : ''}` : undefined;
  const lines = diffLines(s);
  const f = fence(lines);
  const why = reason === undefined ? '' : ` (not posted: ${cell(reason)})`;
  return [`- ${href ? `[${label}](${href})` : label} (${s.rules.map((r) => code(r)).join(', ')}): ${cell(s.description)}${why}`, '', `  ${f}diff`, ...lines.map((l) => `  ${l}`), `  ${f}`, ''].join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
