// The CLI's work, testable without a process: parse arguments, load config, lint, report, return an exit code.
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES } from '../../rules/index.js';
import { ConfigError, findConfigFile, loadConfigFile, EMPTY_CONFIG, type Config } from '../engine/config.js';
import { INPUT_RULES, SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { BaselineError, createBaseline, parseBaseline, serializeBaseline, type BaselineFile } from '../engine/baseline.js';
import { cacheFilePath, defaultCacheLocation, loadCacheSecret, type CacheSettings } from '../engine/cache.js';
import { lint, RuleOptionsError, type LintRun } from '../engine/lint.js';
import type { SuppressionRecord } from '../engine/result.js';
import { loadCustomRules, LOCAL_RULES_DIR, RuleFileError } from '../engine/declarative.js';
import { testRules } from '../engine/test-rules.js';
import { readConfinedText } from '../load/confined-file.js';
import { ProjectFiles } from '../load/files.js';
import { artifactUri, countSeverities, fingerprint } from '../report/findings.js';
import { buildSarifLog, FINGERPRINT_KEY, SRCROOT } from '../report/sarif.js';
import type { AnyRule } from '../../rules/kit.js';
import { docsUri } from '../util/docs-link.js';
import { RuleRegistry } from '../engine/rule-registry.js';
import { REPORTERS } from '../report/index.js';
import { toolVersion } from '../util/package-root.js';
import { OutputFileError, prepareOutputFile, writeOutputFile, type OutputTarget } from '../util/output-file.js';
import { plural } from '../util/plural.js';
import { jsonText, printable, quote } from '../util/quote.js';
import { HELP, parseCliArguments, UsageError, type CliArguments } from './args.js';
import { CDK_NOT_SYNTHESIZED } from '../load/discover.js';
import { initConfigText } from './init-config.js';
import type { CliIo } from './io.js';
import { lintWorkerUrl } from './lint-worker-url.js';
import { runPolicy } from './policy-command.js';
import { runFix } from './fix-command.js';

/** Every rule id noops-lint itself knows; a project's custom rules are added to it. */
const BUILTIN_REGISTRY = new RuleRegistry(BUILTIN_RULES);

export function runCli(argv: string[], io: CliIo): number {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`noops-lint: ${printable(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  try {
    switch (args.command) {
      case 'rules':
        return listRules(args, io);
      case 'explain':
        return explainRule(args, io);
      case 'init':
        return initConfig(io);
      case 'test-rules':
        return runTestRules(args, io);
      case 'policy':
        return runPolicy(args, io, findProjectRoot(io.cwd), loadConfig(args, io, findProjectRoot(io.cwd)));
      case 'fix':
        return runFix(args, io, findProjectRoot(io.cwd), loadConfig(args, io, findProjectRoot(io.cwd)));
      default:
        return runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof RuleOptionsError || error instanceof RuleFileError || error instanceof OutputFileError) {
      // Messages quote the user's files (config keys, rule files, paths): printable() keeps them on their lines.
      io.stderr(`noops-lint: ${printable(error.message)}\n`);
      return 2;
    }
    io.stderr(`noops-lint: internal error: ${printable((error as Error).message)}\n${args.debug ? `${printable((error as Error).stack ?? '')}\n` : 'Run again with --debug for details, and please report it.\n'}`);
    return 2;
  }
}

/** The project root: the git top-level above the working directory, else the working directory. */
export function findProjectRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

function runLint(args: CliArguments, io: CliIo): number {
  return executeLint(args, io).exitCode;
}

export interface CliLintOutcome {
  exitCode: number;
  /** What was reported: suppressed and baselined findings are in `suppressed`, out-of-scope ones are gone. */
  result: LintRun;
  /** The fail level in force (flag, then config, then error). */
  failOn: Severity | 'never';
}

/**
 * The lint command: analyse, apply suppressions and the baseline, keep the findings in scope, write the
 * report(s). The Action calls this too, then adds annotations and a job summary from `result`.
 */
export function executeLint(args: CliArguments, io: CliIo, options: { functionReports?: boolean; fixes?: boolean } = {}): CliLintOutcome {
  const root = findProjectRoot(io.cwd);
  const config = loadConfig(args, io, root);
  const customRuleSources = customRulesOf(root, config);
  const registry = BUILTIN_REGISTRY.withCustom(loadCustomRules(customRuleSources));
  if (args.rules.length) {
    const unknown = args.rules.filter((r) => !registry.has(r));
    if (unknown.length) throw new UsageError(`Unknown rule ${unknown.join(', ')}. Run noops-lint rules to list them.`);
  }
  const paths = (args.paths.length ? args.paths : ['.']).map((p) => {
    const abs = path.resolve(io.cwd, p);
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UsageError(`${p} is outside the project root ${root}; run noops-lint from inside the project.`);
    }
    if (!lstatSync(abs, { throwIfNoEntry: false })) throw new UsageError(noSuchPath(p));
    return rel.split(path.sep).join('/');
  });
  const foldersOnly = paths.every((rel) => statSync(path.join(root, rel), { throwIfNoEntry: false })?.isDirectory() === true);
  const baseline = args.baseline && !args.writeBaseline ? { file: readBaseline(path.resolve(io.cwd, args.baseline), args.baseline, root), display: args.baseline } : undefined;
  const failOn = args.failOn ?? config.failOn ?? 'error';
  // Every file the run will write is checked (and its folders created) before the analysis, so a bad path costs no time.
  const target = (file: string | undefined, purpose: string): OutputTarget | undefined =>
    file === undefined ? undefined : { file: path.resolve(io.cwd, file), purpose, display: file, root };
  const reportTarget = target(args.outputFile, 'report');
  const sarifTarget = target(args.sarifFile, 'SARIF file');
  const baselineTarget = target(args.writeBaseline, 'baseline');
  const cache = args.cache ? cacheSettings(args, io, root) : undefined;
  for (const output of [reportTarget, sarifTarget, baselineTarget, cache && { file: cacheFilePath(cache.location), purpose: 'cache', display: cache.display, root }]) {
    if (output) prepareOutputFile(output);
  }

  const progress = io.stderrIsTTY === true && !io.env.CI ? progressLine(io, paths) : undefined;
  let run: LintRun;
  try {
    run = lint({
      rules: BUILTIN_RULES,
      workerUrl: lintWorkerUrl(),
      root,
      paths,
      config,
      customRules: customRuleSources,
      concurrency: args.concurrency,
      cache,
      inlineSuppressions: args.inlineSuppressions,
      baseline,
      functionReports: options.functionReports,
      // With --sarif-fixes, SARIF results carry the fix command's change of the statements they are about (planning
      // the fix re-reads every manifest with IAM findings: about 15 % of a cold run, so only when asked).
      // The Action's suggest-fixes plans them too (then its SARIF file carries them as well).
      fixes: options.fixes === true || (args.sarifFixes && (args.format === 'sarif' || args.sarifFile !== undefined)),
      onlyRules: args.rules.length ? args.rules : undefined,
      now: io.now,
      resolveEnv: args.resolveEnv,
      env: io.env,
      stage: args.stage,
      gitignore: args.gitignore,
      ...(progress ? { onProgress: progress.update } : {}),
    });
  } finally {
    progress?.end();
  }
  // A CDK app without synthesized output has nothing to check: a usage error, never a green run. Beside other
  // services (a monorepo) those are still reported, and the run ends with exit code 2 all the same.
  const unsynthesized = run.findings.filter((f) => f.ruleId === CDK_NOT_SYNTHESIZED);
  const unsynthesizedMessage = unsynthesized.map((f) => f.message).join('\n');
  if (unsynthesized.length > 0 && run.services.length === 0) throw new UsageError(unsynthesizedMessage);
  // Folders without a service are a mistake (a wrong folder, everything ignored), never a green run; a manifest
  // that could not be read says so in its own findings. A file that no service owns is no mistake: pre-commit names
  // every staged YAML, JSON and source file.
  const problems = [...run.findings, ...run.suppressed.map((s) => s.finding)].filter((f) => f.severity !== 'note');
  if (foldersOnly && run.services.length === 0 && problems.length === 0) {
    throw new UsageError(nothingToAnalyse(paths, run, config, args.gitignore));
  }
  if (args.debug) {
    const stats = run.stats;
    io.stderr(
      !stats.onePass
        ? `noops-lint: ${stats.candidates} candidate files, ${stats.cached} from the cache, linted service by service on ${plural(1 + stats.workers, 'thread')}.\n`
        : `noops-lint: linted in one pass on one thread.\n`,
    );
  }

  if (baselineTarget) {
    const written = createBaseline(run.findings, new ProjectFiles(root));
    writeOutputFile(baselineTarget, serializeBaseline(written));
    const count = written.findings.reduce((sum, entry) => sum + entry.count, 0);
    io.stderr(`noops-lint: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${args.writeBaseline}; commit it, then run with --baseline ${args.writeBaseline}.\n`);
    return { exitCode: 0, result: run, failOn };
  }
  const findings = run.findings;
  // --quiet hides warnings and notes from the report (ESLint's behaviour); they still count for --fail-on and
  // --max-warnings, and the summary says how many were hidden.
  const result: LintRun = args.quiet ? { ...run, findings: findings.filter((f) => f.severity === 'error') } : run;
  const counts = countSeverities(findings);
  const hidden = args.quiet ? { warnings: counts.warnings, notes: counts.notes } : undefined;

  const color = args.outputFile ? false : (args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb')) || (args.color === undefined && !!io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0');
  const format = args.format ?? 'stylish';
  const sarifText = () => sarifReport(result, args);
  // Values known only at deployment and code noops-lint cannot follow are the tool's limits, not the user's problem:
  // people reading stylish or github output see how many there were, json and SARIF (and --verbose) list each.
  const { shown, unresolved, notAnalysed } =
    format === 'stylish' || format === 'github' ? withoutToolNotes(result, args.verbose) : { shown: result, unresolved: 0, notAnalysed: 0 };
  const toTerminal = !reportTarget && io.isTTY;
  const report =
    format === 'sarif'
      ? sarifText()
      : REPORTERS[format](shown, {
          color,
          sarifCategory: args.sarifCategory,
          hidden,
          unresolved,
          notAnalysed,
          width: toTerminal && io.columns ? io.columns : undefined,
          hyperlinks: toTerminal && color && supportsHyperlinks(io.env),
        });
  if (reportTarget) writeOutputFile(reportTarget, report);
  else io.stdout(report);
  if (sarifTarget) writeOutputFile(sarifTarget, sarifText());
  if (result.findings.length > 5000 && (format === 'sarif' || args.sarifFile)) io.stderr('noops-lint: more than 5,000 results; GitHub code scanning shows only the first 5,000.\n');
  if (args.maxWarnings >= 0 && counts.warnings > args.maxWarnings) {
    io.stderr(`noops-lint: too many warnings: ${counts.warnings}, maximum ${args.maxWarnings} (--max-warnings).\n`);
  }
  if (unsynthesized.length > 0) {
    io.stderr(`noops-lint: ${unsynthesizedMessage}\n`);
    return { exitCode: 2, result, failOn };
  }
  return { exitCode: exitCode(findings, failOn, args.maxWarnings), result, failOn };
}

/**
 * The progress line on a terminal (stderr, outside CI). lint() is synchronous, so no timer can fire during it: the
 * line is written when the run starts and rewritten as manifests are done, with the count once the run has taken a
 * second. It is written with its newline and rewritten in place (cursor up), so a run interrupted with Ctrl-C leaves
 * the shell on a fresh line; a finished run erases it.
 */
export function progressLine(
  io: Pick<CliIo, 'stderr'>,
  paths: string[],
  clock: () => number = Date.now,
): { update: (done: number, total: number) => void; end: () => void } {
  const what = `noops-lint: analysing ${paths.map((p) => p || '.').join(', ')}`;
  const start = clock();
  let last = start;
  io.stderr(`${what} …\n`);
  return {
    update(done, total) {
      const now = clock();
      // At most ten rewrites a second, and none before a second has passed.
      if (total === 0 || now - start < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      io.stderr(`\x1b[1A\r\x1b[K${what}: ${done}/${total} manifests done\n`);
    },
    end() {
      io.stderr('\x1b[1A\r\x1b[K');
    },
  };
}

/**
 * Terminals known to show OSC 8 hyperlinks (others would print the escape codes). FORCE_HYPERLINK=1 or 0 decides
 * either way, as in the supports-hyperlinks package.
 */
export function supportsHyperlinks(env: Record<string, string | undefined>): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== '0';
  if (env.CI || env.TERM === 'dumb' || env.TERM_PROGRAM === 'Apple_Terminal') return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.WEZTERM_PANE || env.KONSOLE_VERSION) return true;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(env.TERM_PROGRAM ?? '')) return true;
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}

/**
 * The report without the notes about the tool's own limits (unless --verbose): input/unresolved (values read only at
 * deployment) and input/handler-not-analysed (code noops-lint cannot follow), and how many of each were left out.
 */
export function withoutToolNotes<T extends { findings: Finding[] }>(result: T, verbose: boolean): { shown: T; unresolved: number; notAnalysed: number } {
  if (verbose) return { shown: result, unresolved: 0, notAnalysed: 0 };
  const count = (ruleId: string): number => result.findings.filter((f) => f.ruleId === ruleId).length;
  const findings = result.findings.filter((f) => f.ruleId !== INPUT_RULES.unresolved && f.ruleId !== INPUT_RULES.handlerNotAnalysed);
  return { shown: { ...result, findings }, unresolved: count(INPUT_RULES.unresolved), notAnalysed: count(INPUT_RULES.handlerNotAnalysed) };
}

/** The usage error for a path that does not exist (the CLI's arguments, the Action's `paths:`). */
export function noSuchPath(p: string): string {
  return `No file or folder matches ${quote(p)}. Check the path: noops-lint takes folders (every service manifest below them) and files (checked with the service that owns them).`;
}

/** The usage error of a run over folders that found no service: what was looked for, and what to do. */
function nothingToAnalyse(paths: string[], run: LintRun, config: Config, gitignore: boolean): string {
  const where = paths.map((p) => quote(p || '.')).join(', ');
  const lines = [
    `Nothing to analyse in ${where}: no service manifest was found.`,
    'noops-lint looks for serverless.yml (or serverless.ts, .js, .json), SAM and CloudFormation templates (YAML or JSON), CDK apps (cdk.json with their synthesized cdk.out) and kind: Service manifests.',
  ];
  const leftOut = [...(config.ignores.length ? [`the configuration's ignores`] : []), ...(gitignore ? ['.gitignore', '.git/info/exclude'] : [])];
  if (leftOut.length) {
    const list = leftOut.length === 1 ? leftOut[0] : `${leftOut.slice(0, -1).join(', ')} or ${leftOut.at(-1)}`;
    lines.push(`Files that ${list} leave out are not read${gitignore ? ' (--no-gitignore reads what git ignores)' : ''}.`);
  }
  lines.push('Run noops-lint in the folder of a service, or name it: noops-lint path/to/service.');
  const skipped = run.findings.slice(0, 3).map((f) => `  ${f.location.file}: ${f.message}`);
  if (skipped.length) lines.push('What was skipped:', ...skipped);
  return lines.join('\n');
}

/**
 * Where --cache keeps its file and the secret that signs it. Without a secret (no writable user cache folder) the
 * run goes on without a cache and says why: an unsigned cache could be one committed with a pull request.
 */
function cacheSettings(args: CliArguments, io: CliIo, root: string): CacheSettings | undefined {
  const secret = loadCacheSecret(io.env);
  if (!secret.ok) {
    io.stderr(`noops-lint: running without the cache: ${secret.reason}.\n`);
    return undefined;
  }
  // A folder given with a trailing separator, or the default folder, holds the cache file.
  // path.resolve drops a trailing separator, which is what says "a folder" (ESLint's rule).
  const location = args.cacheLocation !== undefined ? `${path.resolve(io.cwd, args.cacheLocation)}${/[\\/]$/.test(args.cacheLocation) ? path.sep : ''}` : defaultCacheLocation(root);
  const display = args.cacheLocation ?? (path.relative(io.cwd, location).split(path.sep).join('/') || location);
  return { location, display, root, secret: secret.secret };
}

/** Baselines of very large projects stay far below this; a bigger file is refused before it is read. */
const BASELINE_MAX_BYTES = 64 * 1024 * 1024;

function readBaseline(file: string, display: string, root: string): BaselineFile {
  // Inside the project the file may be a committed link (to /proc/self/environ): it must stay inside the root.
  const read = readConfinedText(file, { root, maxBytes: BASELINE_MAX_BYTES, allowOutside: true });
  if (!read.ok) {
    if (read.reason.startsWith('it does not exist')) throw new UsageError(`The baseline ${quote(display)} does not exist; create it with --write-baseline ${display}.`);
    throw new UsageError(`Cannot read the baseline ${quote(display)}: ${read.reason}.`);
  }
  try {
    return parseBaseline(read.text, quote(display));
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * SARIF for the run. Suppressed findings stay out (GitHub code scanning ignores `suppressions` and would open
 * alerts), unless --include-suppressed asks for them, each with its `suppressions` for other consumers.
 */
function sarifReport(result: LintRun, args: CliArguments): string {
  const options = { color: false, sarifCategory: args.sarifCategory };
  const held = result.suppressed ?? [];
  if (!args.includeSuppressed || held.length === 0) return REPORTERS.sarif(result, options);
  const log = buildSarifLog({ ...result, findings: [...result.findings, ...held.map((s) => s.finding)] }, options);
  const byFingerprint = new Map<string, SuppressionRecord[][]>();
  for (const entry of held) {
    const print = fingerprint(entry.finding, artifactUri(entry.finding.location.file));
    byFingerprint.set(print, [...(byFingerprint.get(print) ?? []), entry.suppressions]);
  }
  for (const sarifResult of log.runs[0]!.results as Array<Record<string, unknown> & { partialFingerprints: Record<string, string> }>) {
    const queue = byFingerprint.get(sarifResult.partialFingerprints[FINGERPRINT_KEY]!);
    const records = queue?.shift();
    if (!records) continue;
    sarifResult.suppressions = records.map((record) => ({
      kind: record.kind,
      status: 'accepted',
      justification: record.justification,
      ...(record.location
        ? {
            location: {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(record.location.file), uriBaseId: SRCROOT },
                region: { startLine: record.location.line, startColumn: record.location.column },
              },
            },
          }
        : {}),
    }));
  }
  return jsonText(log, 2) + '\n';
}

function loadConfig(args: CliArguments, io: CliIo, root: string): Config {
  if (args.config) {
    const file = path.resolve(io.cwd, args.config);
    if (!existsSync(file)) throw new UsageError(`The configuration file ${args.config} does not exist.`);
    return loadConfigFile(file, args.config, root);
  }
  const found = findConfigFile(io.cwd);
  if (!found) return EMPTY_CONFIG;
  const display = path.relative(root, found).split(path.sep).join('/') || found;
  return loadConfigFile(found, display.startsWith('..') ? found : display, root);
}

export function exitCode(findings: Finding[], failOn: Severity | 'never', maxWarnings: number): number {
  if (failOn !== 'never' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])) return 1;
  if (maxWarnings >= 0 && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

/** The team's declarative rules: .noops-lint/rules/, the config's rulePaths and extends. */
function customRules(root: string, config: Config): AnyRule[] {
  return loadCustomRules(customRulesOf(root, config));
}

/** Where the team's declarative rules come from (worker threads load them again from this). */
function customRulesOf(root: string, config: Config): Parameters<typeof loadCustomRules>[0] {
  return {
    root,
    baseDir: config.file ? path.dirname(config.file) : root,
    configName: config.file ? path.relative(root, config.file).split(path.sep).join('/') : undefined,
    rulePaths: config.rulePaths,
    extends: config.extends,
    reserved: BUILTIN_REGISTRY.reserved(),
  };
}

/** Every rule id of this project: built-in, the tool's own, suppression/* and the team's custom rules. */
function registryInEffect(args: CliArguments, io: CliIo): RuleRegistry {
  const root = findProjectRoot(io.cwd);
  return BUILTIN_REGISTRY.withCustom(customRules(root, loadConfig(args, io, root)));
}

function listRules(args: CliArguments, io: CliIo): number {
  // Every id a finding may carry: the rules, and noops-lint's own input/*, internal/* and suppression/* ids.
  const rules = registryInEffect(args, io).all();
  if (args.format === 'json') {
    const list = rules.map((rule) => {
      const docs = docsUri(rule);
      return { id: rule.id, severity: rule.severity, description: rule.description, ...(docs ? { docs } : {}) };
    });
    io.stdout(jsonText(list, 2) + '\n');
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length), 10);
  // A custom rule's description comes from the project's rule files: one line, printable.
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${printable(r.description).replace(/\n/g, ' ')}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function explainRule(args: CliArguments, io: CliIo): number {
  const id = args.paths[0];
  if (!id) throw new UsageError('explain takes a rule id, for example: noops-lint explain iam/wildcard-action');
  const rule = registryInEffect(args, io).get(id);
  if (!rule) throw new UsageError(`Unknown rule "${id}". Run noops-lint rules to list them.`);
  const docs = docsUri(rule);
  io.stdout(`${printable(`${rule.id} (${rule.severity})\n\n${rule.description}\n\n${rule.fullDescription}\n\nHow to fix:\n${rule.help}${docs ? `\n\n${docs}` : ''}`)}\n`);
  return 0;
}

/** `noops-lint test-rules [dir ...]`: runs each custom rule's good/bad cases. */
function runTestRules(args: CliArguments, io: CliIo): number {
  const root = findProjectRoot(io.cwd);
  let targets = args.paths.map((p) => path.resolve(io.cwd, p));
  if (targets.length === 0) {
    const config = loadConfig(args, io, root);
    const baseDir = config.file ? path.dirname(config.file) : root;
    targets = [path.join(root, ...LOCAL_RULES_DIR.split('/')), ...config.rulePaths.map((p) => path.resolve(baseDir, p))].filter((t) => existsSync(t));
    if (targets.length === 0) throw new UsageError(`No rules to test: ${LOCAL_RULES_DIR}/ does not exist and the configuration lists no rulePaths.`);
  }
  const display = (absolute: string): string => {
    const rel = path.relative(root, absolute);
    return !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') || '.' : absolute;
  };
  const outcome = testRules({ targets, display, root, reserved: BUILTIN_REGISTRY.reserved(), now: io.now });
  io.stdout(`${printable(outcome.text.replace(/\n$/, ''))}\n`);
  return outcome.exitCode;
}

function initConfig(io: CliIo): number {
  const file = path.join(io.cwd, '.noops-lint.yaml');
  if (lstatSync(file, { throwIfNoEntry: false })) throw new UsageError('.noops-lint.yaml already exists; edit it or delete it first.');
  writeOutputFile({ file, purpose: 'configuration', display: '.noops-lint.yaml', root: findProjectRoot(io.cwd) }, initConfigText(BUILTIN_REGISTRY.of('built-in')));
  io.stdout('Wrote .noops-lint.yaml\n');
  return 0;
}
