// Units of a run: lint() checks one candidate file (a service's manifest) at a time on this thread and on worker
// threads, or takes it from the --cache; each unit's result is plain data of one shape, merged into one run.
import { findingFixes, type FindingFix } from '../fix/finding-fixes.js';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { ProjectFiles } from '../load/files.js';
import { derivedPolicies, type DerivedFunctionPolicy } from '../analyse/policy-output.js';
import { permissionRows, type PermissionRow } from '../analyse/permission-table.js';
import { checkProject, type CheckedProject } from './check.js';
import { loadCustomRules, type CustomRuleSources, type DeclarativeRule } from './declarative.js';
import type { Finding } from '../model/finding.js';
import { collectMetadataSuppressions, holdsInlineDirective, type MetadataSuppressions } from './suppressions.js';
import { fileFingerprint } from './cache.js';
import { selectRules, type EnabledRule } from './rule-selection.js';
import type { AnyRule } from '../../rules/kit.js';
import type { UnitResult, UnitSettings } from './unit.js';
import { toolVersion } from '../util/package-root.js';
import { takeWorker, type Concurrency } from './worker-pool.js';
export { type Concurrency };

export type { CustomRuleSources, UnitResult, UnitSettings };

/** A worker's share of a run: the settings, the candidates in the order to take them, and how to report back. */
export interface WorkerTask {
  base: UnitSettings;
  candidates: string[];
  /** Int32Array over the slots NEXT, POSTED and DONE. */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

export type WorkerReply = { ok: true; results: UnitResult[] } | { ok: false; error: string };

/** Slots of the shared Int32Array: next candidate to take, replies posted, candidates finished by workers. */
export const NEXT = 0;
export const POSTED = 1;
export const DONE = 2;
/** How long the main thread waits without any worker finishing a candidate before doing the rest itself. */
const WORKER_PATIENCE_MS = 2 * 60 * 1000;

/** The rules one thread runs: those its caller gave it (the built-in ones) and the team's, which it loads itself. */
export function threadRules(given: readonly AnyRule[], custom: CustomRuleSources | undefined): AnyRule[] {
  return custom ? [...given, ...loadCustomRules(custom)] : [...given];
}

/** The enabled rules of a worker thread: the rules it was given and the team's, selected by the run's settings. */
export function workerRules(given: readonly AnyRule[], settings: UnitSettings): EnabledRule[] {
  return selectRules(threadRules(given, settings.customRules), settings.config, settings.onlyRules);
}

/** One unit's plain result from a checked project (or service). */
export function unitOf(candidate: string, checked: CheckedProject, settings: UnitSettings, files: ProjectFiles): UnitResult {
  const { project, analysis } = checked;
  // Also without suppressions: the summary's "in N files" counts the handler sources read.
  const sourceFiles = [...new Set(project.functions.flatMap((fn) => analysis.usageOf(fn)?.files ?? []))].sort();
  return {
    candidate,
    findings: checked.findings,
    files: project.files,
    sourceFiles,
    ...(settings.suppressions ? { directiveFiles: [...project.files, ...sourceFiles].filter((rel) => mayHoldDirective(files, rel)) } : {}),
    services: project.services.map((service) => service.manifest),
    functions: project.functions.map((fn) => ({ service: fn.service.id, name: fn.name })),
    metadata: settings.suppressions ? collectMetadataSuppressions(project) : { suppressions: [], problems: [] },
    ...(settings.functionReports ? { policies: derivedPolicies(project, analysis).functions, permissions: permissionRows(project, analysis) ?? [] } : {}),
    ...(settings.fixes ? { fixes: findingFixes(project, analysis, checked.findings, { read: (rel) => readText(files, rel) }) } : {}),
  };
}

function readText(files: ProjectFiles, rel: string): string | undefined {
  const text = files.read(rel);
  return text.ok ? text.text : undefined;
}

/** Bigger files first, so no thread is left with a large service at the end; ties by path. */
export function largestFirst(files: ProjectFiles, candidates: string[]): string[] {
  const size = (rel: string): number => {
    try {
      return statSync(files.absolute(rel)).size;
    } catch {
      return 0;
    }
  };
  return candidates
    .map((rel) => ({ rel, size: size(rel) }))
    .sort((a, b) => b.size - a.size || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    .map((c) => c.rel);
}

/**
 * This thread and `workers` workers take candidates from one shared counter until none is left. The wait is
 * synchronous (Atomics.wait and receiveMessageOnPort) so lint stays a plain function call for the CLI. Returns the
 * units' results and how many workers answered with theirs.
 */
export function runUnitsInParallel(
  candidates: string[],
  settings: UnitSettings,
  files: ProjectFiles,
  rules: readonly EnabledRule[],
  workers: number,
  workerUrl: URL | undefined,
  /** Told, as candidates finish on any thread, how many of `candidates` are done. */
  onProgress?: (done: number) => void,
): { results: UnitResult[]; workers: number } {
  const shared = new SharedArrayBuffer(12);
  const counters = new Int32Array(shared);
  const started: Array<{ worker: Worker; port: MessagePort }> = [];
  // A missing worker file would only fail in the worker's own event loop, which this thread never sees.
  const usable = workerUrl !== undefined && (workerUrl.protocol !== 'file:' || existsSync(fileURLToPath(workerUrl)));
  for (let i = 0; i < workers && usable; i++) {
    const { port1, port2 } = new MessageChannel();
    const task: WorkerTask = { base: settings, candidates, shared, port: port2 };
    try {
      const worker = takeWorker(workerUrl!);
      worker.postMessage(task, [port2]);
      started.push({ worker, port: port1 });
    } catch {
      port1.close();
      break;
    }
  }

  let own = 0;
  const results = runUnits(() => nextIndex(counters, candidates), candidates, settings, files, rules, () => {
    own += 1;
    onProgress?.(own + Atomics.load(counters, DONE));
  });
  const failed: boolean[] = [];
  let answered = 0;
  const waiting = new Set(started.map((_, index) => index));
  // A worker that dies (out of memory) cannot say so while this thread blocks; it only stops making progress.
  let progress = Atomics.load(counters, DONE);
  let deadline = Date.now() + WORKER_PATIENCE_MS;
  while (waiting.size > 0 && Date.now() < deadline) {
    const posted = Atomics.load(counters, POSTED);
    for (const index of [...waiting]) {
      const message = receiveMessageOnPort(started[index]!.port);
      if (!message) continue;
      waiting.delete(index);
      const reply = message.message as WorkerReply;
      if (reply.ok) {
        results.push(...reply.results);
        answered += 1;
      } else failed[index] = true;
    }
    if (waiting.size === 0) break;
    Atomics.wait(counters, POSTED, posted, 500);
    const done = Atomics.load(counters, DONE);
    if (done !== progress) {
      progress = done;
      onProgress?.(own + done);
      deadline = Date.now() + WORKER_PATIENCE_MS;
    }
  }
  for (const { worker, port } of started) {
    port.close();
    void worker.terminate();
  }
  // A worker that failed or never answered: its candidates are the ones missing; do them here.
  if (waiting.size > 0 || failed.some(Boolean)) {
    const done = new Set(results.map((r) => r.candidate));
    const missing = candidates.filter((c) => !done.has(c));
    let i = 0;
    results.push(...runUnits(() => (i < missing.length ? candidates.indexOf(missing[i++]!) : -1), candidates, settings, files, rules));
  }
  return { results, workers: answered };
}

function nextIndex(counters: Int32Array, candidates: string[]): number {
  const index = Atomics.add(counters, NEXT, 1);
  return index < candidates.length ? index : -1;
}

/** Checks candidates one at a time (`next` returns an index into `candidates`, or -1 when there are none left). */
export function runUnits(next: () => number, candidates: readonly string[], settings: UnitSettings, files: ProjectFiles, rules: readonly EnabledRule[], onDone?: () => void): UnitResult[] {
  const results: UnitResult[] = [];
  for (let index = next(); index >= 0; index = next()) {
    const candidate = candidates[index]!;
    const recorded = settings.record ? files.startRecording() : undefined;
    const checked = checkProject({ ...settings, files, enabled: rules, paths: [''], manifests: [candidate] });
    const unit = unitOf(candidate, checked, settings, files);
    files.stopRecording();
    results.push(recorded ? { ...unit, dependencies: Object.fromEntries([...recorded].sort().map((rel) => [rel, fileFingerprint(files, rel)])) } : unit);
    onDone?.();
  }
  return results;
}

/** The units of a run, merged: in candidate order, so the same whatever the thread that checked each. */
export interface MergedUnits {
  findings: Finding[];
  files: string[];
  sourceFiles: string[];
  /** Files read by the thread that checked them and known to hold no inline suppression comment. */
  withoutDirectives: Set<string>;
  /** The manifests of the services analysed, sorted. */
  services: string[];
  functions: Array<{ service: string; name: string }>;
  metadata: MetadataSuppressions;
  policies?: DerivedFunctionPolicy[];
  permissions?: PermissionRow[];
  fixes?: FindingFix[];
}

export function mergeUnits(units: readonly UnitResult[]): MergedUnits {
  const ordered = [...units].sort((a, b) => compare(a.candidate, b.candidate));
  const byManifest = <T extends { manifest: string }>(list: T[]): T[] => list.sort((a, b) => compare(a.manifest, b.manifest));
  const reports = ordered.some((u) => u.policies !== undefined);
  return {
    findings: ordered.flatMap((u) => u.findings),
    files: [...new Set(ordered.flatMap((u) => u.files))].sort(),
    sourceFiles: [...new Set(ordered.flatMap((u) => u.sourceFiles))].sort(),
    withoutDirectives: filesWithoutDirectives(ordered),
    services: [...new Set(ordered.flatMap((u) => u.services))].sort(),
    functions: ordered.flatMap((u) => u.functions),
    metadata: { suppressions: ordered.flatMap((u) => u.metadata.suppressions), problems: ordered.flatMap((u) => u.metadata.problems) },
    // A stable sort by manifest keeps each service's functions in the order its manifest lists them.
    ...(reports ? { policies: byManifest(ordered.flatMap((u) => u.policies ?? [])), permissions: byManifest(ordered.flatMap((u) => u.permissions ?? [])) } : {}),
    ...(ordered.some((u) => u.fixes !== undefined) ? { fixes: ordered.flatMap((u) => u.fixes ?? []) } : {}),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True unless the file was read and holds no inline suppression comment. */
function mayHoldDirective(files: ProjectFiles, rel: string): boolean {
  const text = files.read(rel);
  return !text.ok || holdsInlineDirective(text.text);
}

/** Files the units read and found without an inline suppression comment (a unit that did not look adds none). */
function filesWithoutDirectives(units: readonly UnitResult[]): Set<string> {
  const holding = new Set(units.flatMap((u) => u.directiveFiles ?? []));
  const without = new Set<string>();
  for (const unit of units) {
    if (!unit.directiveFiles) continue;
    for (const rel of [...unit.files, ...unit.sourceFiles]) if (!holding.has(rel)) without.add(rel);
  }
  return without;
}

/** Everything a cached result depends on besides its files: the tool build, the settings and the rules. */
export function cacheKey(settings: UnitSettings, rules: readonly AnyRule[]): string {
  let build = '';
  try {
    const stat = statSync(fileURLToPath(import.meta.url));
    build = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    build = 'unknown';
  }
  const custom = rules.filter((r): r is DeclarativeRule => 'definition' in r).map((r) => [r.id, r.definition, r.severity]);
  const key = {
    tool: toolVersion(),
    build,
    node: process.versions.node,
    rules: rules.map((r) => r.id).sort(),
    custom,
    config: { ...settings.config, file: undefined },
    onlyRules: settings.onlyRules,
    stage: settings.stage,
    resolveEnv: settings.resolveEnv,
    // ${env:X} is resolved only on request; then the environment is an input.
    env: settings.resolveEnv ? settings.env : undefined,
    gitignore: settings.gitignore,
    suppressions: settings.suppressions,
    functionReports: settings.functionReports,
    fixes: settings.fixes ?? false,
    // Date-dependent rules (runtime deprecations, suppression expiry) may answer differently tomorrow.
    day: settings.now.toISOString().slice(0, 10),
  };
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

export function memo<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}
