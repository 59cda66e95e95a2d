// The GitHub Action: inputs → the same CLI run users get → report in the log, SARIF, annotations, job summary, outputs.
import { appendFileSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCliArguments, UsageError } from '../cli/args.js';
import type { CliIo } from '../cli/io.js';
import { executeLint, findProjectRoot, noSuchPath, withoutToolNotes, type CliLintOutcome } from '../cli/run-cli.js';
import { BaselineError } from '../engine/baseline.js';
import { ConfigError } from '../engine/config.js';
import { RuleFileError } from '../engine/declarative.js';
import type { Severity } from '../model/finding.js';
import { RuleOptionsError } from '../engine/lint.js';
import { countSeverities } from '../report/findings.js';
import { REPORTERS } from '../report/index.js';
import { OutputFileError, writeOutputFile } from '../util/output-file.js';
import { toolVersion } from '../util/package-root.js';
import { printable, printableLine } from '../util/quote.js';
import { escapeData } from '../report/github.js';
import { annotationLines } from './annotations.js';
import { changedFiles, type ChangedFiles } from './changed-files.js';
import type { FetchLike } from './github-api.js';
import { cliArguments, readInputs, type ActionInputs } from './inputs.js';
import { renderSuggestionSummary, suggestFixes, suggestionLogLine, unpostedLogGroup, type SuggestOutcome } from './suggestions.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from './summary.js';

export interface ActionIo {
  env: Record<string, string | undefined>;
  /** The runner's cwd (GITHUB_WORKSPACE on GitHub). */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  now?: Date;
  /** For the GitHub API (suggest-fixes); the runtime's fetch by default. */
  fetch?: FetchLike;
  /** Per GitHub API request. */
  apiTimeoutMs?: number;
}

/**
 * Runs the Action and returns the exit code for the step: 0 pass, 1 findings at the fail level, 2 could not run.
 * Posting review suggestions (suggest-fixes) never changes it.
 */
export async function runAction(io: ActionIo): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env);
  } catch (error) {
    return fail(io, (error as Error).message);
  }
  const workspace = path.resolve(io.cwd, io.env.GITHUB_WORKSPACE ?? '.');
  const cwd = path.resolve(workspace, inputs.workingDirectory);
  const root = findProjectRoot(cwd);
  // Paths are already relative to the git top-level (the project root), so no prefix.
  const cwdPrefix = undefined;

  const isPullRequest = io.env.GITHUB_EVENT_NAME === 'pull_request' || io.env.GITHUB_EVENT_NAME === 'pull_request_target';
  // Changed lines order the annotations on pull requests even when every finding is reported.
  const diff = inputs.onlyChanged || isPullRequest ? changedFiles(cwd, io.env) : undefined;
  const changed: ChangedFiles | undefined = diff?.ok ? diff.changed : undefined;
  let changedUnavailable: string | undefined;
  if (inputs.onlyChanged && diff && !diff.ok) {
    changedUnavailable = diff.reason;
    io.stdout(`::warning title=noops-lint::${escapeData(`only-changed: ${diff.reason}; reporting every finding.`)}\n`);
  }

  // A path that does not exist is a mistake in the workflow, also when only changed files are checked.
  const missing = inputs.paths.find((p) => !lstatSync(path.resolve(cwd, p), { throwIfNoEntry: false }));
  if (missing !== undefined) return fail(io, noSuchPath(missing));
  let paths = inputs.paths;
  if (inputs.onlyChanged && changed) {
    const wanted = inputs.paths.map((p) => path.resolve(cwd, p));
    paths = changed.files
      .map((file) => path.join(root, ...file.split('/')))
      .filter((abs) => wanted.some((w) => abs === w || abs.startsWith(w.endsWith(path.sep) ? w : w + path.sep)));
  }

  const sarifAbsolute = inputs.sarifFile ? path.resolve(cwd, inputs.sarifFile) : undefined;
  const cliIo: CliIo = { cwd, env: io.env, stdout: io.stdout, stderr: io.stderr, isTTY: false, now: io.now };

  let outcome: CliLintOutcome | undefined;
  if (inputs.onlyChanged && changed && paths.length === 0) {
    io.stdout('noops-lint: no changed file under the given paths; nothing to check.\n');
    try {
      if (sarifAbsolute) writeOutputFile({ file: sarifAbsolute, purpose: 'SARIF file', display: inputs.sarifFile, root }, emptySarif(root, inputs));
    } catch (error) {
      if (error instanceof OutputFileError) return fail(io, error.message);
      throw error;
    }
  } else {
    try {
      outcome = executeLint(parseCliArguments(cliArguments(inputs, paths)), cliIo, { functionReports: inputs.summary, fixes: inputs.suggestFixes });
    } catch (error) {
      if (error instanceof UsageError || error instanceof ConfigError || error instanceof RuleOptionsError || error instanceof BaselineError || error instanceof RuleFileError || error instanceof OutputFileError) {
        return fail(io, error.message);
      }
      return fail(io, `internal error: ${(error as Error).stack ?? String(error)}`);
    }
  }

  const findings = outcome?.result.findings ?? [];
  const exitCode = outcome?.exitCode ?? 0;
  let suggested: SuggestOutcome | undefined;
  if (inputs.suggestFixes) {
    try {
      suggested = await suggestFixes({
        env: io.env,
        cwd,
        findings,
        fixes: outcome?.result.fixes ?? [],
        read: (file) => {
          try {
            return readFileSync(path.join(root, ...file.split('/')), 'utf8');
          } catch {
            return undefined;
          }
        },
        diff,
        token: inputs.githubToken || io.env.GITHUB_TOKEN || '',
        fetch: io.fetch ?? (globalThis.fetch as unknown as FetchLike),
        userAgent: `noops-lint/${toolVersion()}`,
        ...(io.apiTimeoutMs !== undefined ? { timeoutMs: io.apiTimeoutMs } : {}),
      });
    } catch (error) {
      // A defect of this step must not turn into the lint result.
      suggested = { total: 0, posted: [], already: [], unposted: [], warn: true, problem: `internal error: ${(error as Error).message}` };
    }
    io.stdout(`${printable(suggestionLogLine(suggested))}\n`);
    // Each line made safe on its own: a line of the user's file can never become a workflow command.
    const group = unpostedLogGroup(suggested);
    if (group.length > 0) io.stdout(`${[group[0]!, ...group.slice(1, -1).map((line) => printableLine(line)), group[group.length - 1]!].join('\n')}\n`);
    // Before the findings' annotations, so the runner's ten-warning limit cannot drop it.
    if (suggested.warn && suggested.problem) io.stdout(`::warning title=noops-lint suggest-fixes::${escapeData(`Review suggestions not posted: ${suggested.problem}. The lint result is unaffected; the changes are listed in ${inputs.summary && io.env.GITHUB_STEP_SUMMARY ? 'the job summary' : 'the log'}.`)}\n`);
  }
  if (inputs.annotations && inputs.format !== 'github') {
    const more = inputs.summary ? 'the job summary and code scanning' : 'the log and code scanning';
    // Notes about the tool's limits (input/unresolved, input/handler-not-analysed) are not a place to fix: no
    // annotation (SARIF and the job summary still list them).
    for (const line of annotationLines(withoutToolNotes({ findings }, false).shown.findings, { changed, cwdPrefix, moreAt: more })) io.stdout(`${line}\n`);
  }
  if (inputs.summary && io.env.GITHUB_STEP_SUMMARY) {
    const server = io.env.GITHUB_SERVER_URL ?? 'https://github.com';
    const blobBase = io.env.GITHUB_REPOSITORY && io.env.GITHUB_SHA ? `${server}/${io.env.GITHUB_REPOSITORY}/blob/${io.env.GITHUB_SHA}/` : undefined;
    const summary = renderSummary({
      findings,
      suppressed: outcome?.result.suppressed ?? [],
      failOn: outcome?.failOn ?? ((inputs.failOn || 'error') as Severity | 'never'),
      exitCode,
      cwdPrefix,
      permissions: outcome?.result.permissions,
      ...(inputs.onlyChanged && changed ? { changedScope: { files: paths.length, range: changed.range } } : {}),
      ...(changedUnavailable ? { changedUnavailable } : {}),
      ...(blobBase ? { blobBase } : {}),
      ...(sarifAbsolute ? { sarifFile: displayPath(workspace, sarifAbsolute) } : {}),
    });
    const section = suggested ? renderSuggestionSummary(suggested, { ...(blobBase ? { blobBase } : {}), limitBytes: SUMMARY_LIMIT_BYTES - Buffer.byteLength(summary) }) : '';
    appendFileSync(io.env.GITHUB_STEP_SUMMARY, section ? `${summary}\n${section}` : summary);
  }
  const counts = countSeverities(findings);
  setOutputs(io, {
    'sarif-file': sarifAbsolute ? displayPath(workspace, sarifAbsolute) : '',
    errors: String(counts.errors),
    warnings: String(counts.warnings),
    notes: String(counts.notes),
  });
  return exitCode;
}

/** Relative to the workspace when inside it (what upload-sarif's sarif_file expects), else absolute. */
function displayPath(workspace: string, file: string): string {
  const rel = path.relative(workspace, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

function setOutputs(io: ActionIo, outputs: Record<string, string>): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(file, Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join(''));
}

function fail(io: ActionIo, message: string): number {
  io.stderr(`noops-lint: ${printable(message)}\n`);
  io.stdout(`::error title=noops-lint::${escapeData(message)}\n`);
  return 2;
}

/** A valid SARIF log with no results, the exact shape of a clean run, for a pull request that touches no checked file. */
function emptySarif(root: string, inputs: ActionInputs): string {
  return REPORTERS.sarif({ root, findings: [], rules: [], files: [], notifications: [], toolVersion: toolVersion() }, { color: false, sarifCategory: inputs.category || undefined });
}
