// One run, the only one: load, analyse, rules, inline and Metadata suppressions, scope, baseline and configured
// severities. The CLI, the Action and the policy command call lint() and only format what it returns. A small
// project is checked in one pass; a large one, or a cached run, service by service on several threads; either
// way the units' plain results are merged the same way, so the result is the same whatever the thread count.
import { resetPatternBudget } from './pattern-budget.js';
import path from 'node:path';
import { discoverManifests } from '../load/discover.js';
import { ProjectFiles } from '../load/files.js';
import { foldSamePlace } from './fold.js';
import type { DerivedFunctionPolicy } from '../analyse/policy-output.js';
import type { PermissionRow } from '../analyse/permission-table.js';
import { applyBaseline, type BaselineFile } from './baseline.js';
import { LintCache, fileFingerprint, type CacheSettings } from './cache.js';
import { checkProject } from './check.js';
import { EMPTY_CONFIG, withRuleFoldersIgnored, type Config } from './config.js';
import { compareFindings, INPUT_RULES, type Finding } from '../model/finding.js';
import { cacheKey, largestFirst, memo, mergeUnits, runUnitsInParallel, threadRules, unitOf, type CustomRuleSources } from './parallel.js';
import type { LintResult, SuppressedFinding, ToolNotification } from './result.js';
import type { AnyRule } from '../../rules/kit.js';
import { reportedRules, selectRules } from './rule-selection.js';
import { filterToScope, resolveScope, type Scope } from './scope.js';
import { RuleRegistry } from './rule-registry.js';
import { applySuppressions } from './suppressions.js';
import { toolVersion } from '../util/package-root.js';
import type { UnitResult, UnitSettings } from './unit.js';
import { releaseIdleWorkers, resolveConcurrency, type Concurrency } from './worker-pool.js';
import { summariseToolFindings } from './tool-summary.js';
import { foldSameCode } from './same-code.js';
export { compareFindings };
export { RuleOptionsError, selectRules, reportedRules, type EnabledRule } from './rule-selection.js';
export { sourceReader, checkProject } from './check.js';

export interface LintOptions {
  /** Absolute project root. */
  root: string;
  /**
   * Root-relative paths (default: the whole root). A folder is analysed and reported whole; a file names the
   * service that owns it, and only findings touching the file are reported.
   */
  paths?: string[];
  config?: Config;
  /** Run only these rule ids (tests, `--rule`). */
  onlyRules?: string[];
  /** The rules to run, from the caller: the built-in list (the CLI) or the rules under test. */
  rules: readonly AnyRule[];
  /** Where the team's declarative rules come from (the CLI); every thread loads them itself, beside `rules`. */
  customRules?: CustomRuleSources;
  now?: Date;
  resolveEnv?: boolean;
  env?: Record<string, string | undefined>;
  stage?: string;
  gitignore?: boolean;
  /** Apply `noops-lint-disable*` comments and resource Metadata suppressions (default true; off in auditor mode). */
  inlineSuppressions?: boolean;
  /** Report only findings this baseline does not record; `display` names it in messages. */
  baseline?: { file: BaselineFile; display: string };
  /** Derive each function's least-privilege policy and permission table (`policies`, `permissions`). */
  functionReports?: boolean;
  /** Plan the `fix` command's change for each IAM finding it addresses (`fixes`, for SARIF). */
  fixes?: boolean;
  /** Threads: a number, 'auto' (min(cores, 4)) or 'off'. Default 'auto'. */
  concurrency?: Concurrency;
  /** The cache file and the secret that signs it; undefined runs without a cache. */
  cache?: CacheSettings;
  /** A worker module that runs the same `rules` (the CLI's lint-worker.js); without one the run stays on this thread. */
  workerUrl?: URL;
  /** Candidate files below which no worker is started and a project without cache is checked in one pass. */
  minUnitsForWorkers?: number;
  /** Told how a run checked file by file goes: candidate manifests done (the cached ones first), of the total. */
  onProgress?: (done: number, total: number) => void;
  /** The confined reader to use. */
  files?: ProjectFiles;
}

export interface LintRun extends LintResult {
  /** Findings held back by suppressions or the baseline, sorted like `findings`. */
  suppressed: SuppressedFinding[];
  /** The scope the paths made: which files findings had to touch. */
  scope: Scope;
  /** Source files the handlers reach. */
  sourceFiles: string[];
  /** The manifests of the services analysed, sorted; none means there was nothing to analyse. */
  services: string[];
  /** Functions of the run, by service id (manifest) and name. */
  functions: Array<{ service: string; name: string }>;
  /** With `functionReports`: each function's derived policy, by manifest. */
  policies?: DerivedFunctionPolicy[];
  /** With `functionReports`: each function's needed and granted actions, by manifest. */
  permissions?: PermissionRow[];
  /** How the run went (`--debug` prints it): candidate files, those answered from the cache, workers used (0: one pass). */
  stats: { candidates: number; cached: number; workers: number; onePass: boolean };
}

const DEFAULT_MIN_UNITS = 20;

export function lint(options: LintOptions): LintRun {
  resetPatternBudget();
  const config = withRuleFoldersIgnored(options.root, options.config ?? EMPTY_CONFIG);
  const files = options.files ?? new ProjectFiles(options.root);
  const rules = threadRules(options.rules, options.customRules);
  const registry = new RuleRegistry(rules);
  const enabled = selectRules(rules, config, options.onlyRules);
  const suppressions = options.inlineSuppressions ?? true;
  const scope = resolveScope(files, options.paths?.length ? options.paths : ['']);
  const settings: UnitSettings = {
    root: options.root,
    config,
    onlyRules: options.onlyRules,
    now: options.now ?? new Date(),
    resolveEnv: options.resolveEnv ?? false,
    env: options.env ?? {},
    stage: options.stage,
    gitignore: options.gitignore ?? true,
    customRules: options.customRules,
    suppressions,
    functionReports: options.functionReports ?? false,
    record: options.cache !== undefined,
    ...(options.fixes ? { fixes: true } : {}),
  };

  const units = checkUnits(options, settings, files, enabled, scope.analyse, rules);
  const merged = mergeUnits(units.results);
  let findings = sortFindings(foldSameCode(summariseToolFindings([...units.discovery, ...merged.findings])));
  const notifications = notificationsOf(findings);
  let suppressed: SuppressedFinding[] = [];
  let reported = reportedRules(enabled);
  if (suppressions) {
    const outcome = applySuppressions({
      findings,
      files,
      scanFiles: [...merged.files, ...merged.sourceFiles],
      functions: merged.functions,
      metadata: merged.metadata,
      knownRuleIds: new Set(registry.ids()),
      ranRuleIds: new Set(reported.map((r) => r.id)),
      now: settings.now,
      withoutDirectives: merged.withoutDirectives,
    });
    // Problems with suppressions are findings like any other: the config may turn them off or re-grade them.
    findings = sortFindings(
      outcome.findings.flatMap((f) => {
        const setting = registry.kindOf(f.ruleId) === 'suppression' ? config.rules[f.ruleId] : undefined;
        if (!setting?.severity) return [f];
        return setting.severity === 'off' ? [] : [{ ...f, severity: setting.severity }];
      }),
    );
    suppressed = outcome.suppressed;
    reported = reportedRules(enabled, registry.of('suppression'));
  }
  // --rule: the findings of the named rules and suppression ids, and the tool's own notes about its input.
  const only = options.onlyRules;
  if (only) findings = findings.filter((f) => registry.kindOf(f.ruleId) === 'tool' || only.includes(f.ruleId));
  findings = filterToScope(findings, scope);
  suppressed = suppressed.filter((s) => filterToScope([s.finding], scope).length > 0);
  if (options.baseline) {
    const outcome = applyBaseline(findings, options.baseline.file, files, options.baseline.display);
    findings = outcome.findings;
    suppressed = [...suppressed, ...outcome.suppressed];
  }
  suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
  return {
    root: options.root,
    findings,
    suppressed,
    rules: reported,
    files: merged.files,
    notifications,
    toolVersion: toolVersion(),
    scope,
    sourceFiles: merged.sourceFiles,
    services: merged.services,
    functions: merged.functions,
    ...(merged.policies ? { policies: merged.policies, permissions: merged.permissions } : {}),
    ...(merged.fixes ? { fixes: merged.fixes } : {}),
    stats: units.stats,
  };
}

/**
 * The units of the run. A small project without a cache, or a run with rules that cannot cross threads: one pass
 * over the analysed paths. Otherwise manifests are discovered once, and each candidate file is checked on its own
 * (services share no roles, resources or functions), by this thread and the workers taking the next candidate in
 * turn, or taken from the cache. A large project goes service by service even on one thread: each service's
 * parsed code is dropped when it is done, which takes less memory and less time collecting garbage.
 */
function checkUnits(
  options: LintOptions,
  settings: UnitSettings,
  files: ProjectFiles,
  enabled: ReturnType<typeof selectRules>,
  paths: string[],
  rules: AnyRule[],
): { results: UnitResult[]; discovery: Finding[]; stats: LintRun['stats'] } {
  const workerUrl = options.workerUrl;
  const minUnits = options.minUnitsForWorkers ?? DEFAULT_MIN_UNITS;
  const onePass = (): { results: UnitResult[]; discovery: Finding[]; stats: LintRun['stats'] } => {
    releaseIdleWorkers();
    const checked = checkProject({ ...settings, files, enabled, paths });
    return { results: [unitOf('', checked, settings, files)], discovery: [], stats: { candidates: checked.project.services.length, cached: 0, workers: 0, onePass: true } };
  };
  if (options.cache === undefined && !workerUrl) return onePass();
  const discovered = discoverManifests(files, { paths, ignores: settings.config.ignores, gitignore: settings.gitignore, buildOutput: settings.config.buildOutput ?? 'skip' });
  if (options.cache === undefined && discovered.candidates.length <= minUnits) return onePass();

  const cache = options.cache === undefined ? undefined : LintCache.open(options.cache, cacheKey(settings, rules));
  const results = new Map<string, UnitResult>();
  const pending: string[] = [];
  const fingerprint = memo((rel: string) => fileFingerprint(files, rel));
  for (const candidate of discovered.candidates) {
    const hit = cache?.lookup(candidate, fingerprint);
    if (hit) results.set(candidate, hit);
    else pending.push(candidate);
  }
  const threads = resolveConcurrency(options.concurrency);
  const workers = workerUrl && pending.length > minUnits ? Math.min(threads - 1, Math.ceil(pending.length / Math.max(1, minUnits))) : 0;
  const total = discovered.candidates.length;
  const cached = total - pending.length;
  options.onProgress?.(cached, total);
  const parallel = runUnitsInParallel(largestFirst(files, pending), settings, files, enabled, workers, workerUrl, (done) => options.onProgress?.(cached + done, total));
  for (const result of parallel.results) {
    results.set(result.candidate, result);
    if (cache && result.dependencies) cache.store(result.candidate, result);
  }
  cache?.save();
  releaseIdleWorkers();
  return { results: [...results.values()], discovery: discovered.findings, stats: { candidates: discovered.candidates.length, cached: discovered.candidates.length - pending.length, workers: parallel.workers, onePass: false } };
}

/**
 * Sorted, de-duplicated, and one IAM finding per place (see fold.ts): the one order every reporter prints, however
 * the findings were gathered.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  return foldSamePlace(dedupe(findings.sort(compareFindings)));
}

export function notificationsOf(sorted: readonly Finding[]): ToolNotification[] {
  return sorted
    .filter((f) => f.ruleId === INPUT_RULES.parseError || f.ruleId === INPUT_RULES.skippedFile)
    .map((f) => ({ ruleId: f.ruleId, message: f.message, file: f.location.file, line: f.location.line }));
}

/**
 * One finding per identical report. Services checked apart can report the same place (a runtime set in a file several
 * serverless.yml include): the one kept carries the related locations of all of them.
 */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const id = `${f.ruleId}|${f.location.file}|${f.location.line}|${f.location.column}|${f.message}|${f.key}`;
    const at = seen.get(id);
    if (at === undefined) {
      seen.set(id, kept.length);
      kept.push(f);
      continue;
    }
    const first = kept[at]!;
    const known = new Set(first.related.map(relatedId));
    const added = f.related.filter((r) => !known.has(relatedId(r)));
    if (added.length > 0) kept[at] = { ...first, related: [...first.related, ...added] };
  }
  return kept;
}

function relatedId(related: Finding['related'][number]): string {
  return `${related.location.file}|${related.location.line}|${related.location.column}|${related.message}`;
}
