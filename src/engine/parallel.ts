// Runs lint() one service at a time, on several threads and through the --cache, and merges the results into one run.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { BUILTIN_RULES } from '../../rules/index.js';
import { discoverManifests } from '../load/discover.js';
import { ProjectFiles } from '../load/files.js';
import type { Location } from '../model/location.js';
import { locationOf, locationOfKey, locationOfValue, recordMember, recordPosition } from '../model/positions.js';
import type { FunctionModel, Project, ResourceModel, ServiceModel } from '../model/project.js';
import type { ProjectAnalysis } from '../analyse/analysis-types.js';
import { EMPTY_CONFIG } from './config.js';
import { loadCustomRules, type DeclarativeRule } from './declarative.js';
import type { Finding } from './finding.js';
import { holdsInlineDirective } from './suppressions.js';
import { lint, notificationsOf, reportedRules, selectRules, sortFindings, type LintOptions, type LintRun } from './lint.js';
import { LintCache, fileFingerprint, type CacheSettings } from './cache.js';
import type { AnyRule } from './rule.js';
import { toolVersion } from '../util/package-root.js';
import { defaultWorkerUrl, releaseIdleWorkers, resolveConcurrency, takeWorker, type Concurrency } from './worker-pool.js';
export { resolveConcurrency, type Concurrency };

export type CustomRuleSources = Parameters<typeof loadCustomRules>[0];

export interface ProjectLintOptions extends Omit<LintOptions, 'rules' | 'manifests' | 'files'> {
  /** Where the team's declarative rules come from; every thread loads them itself (rules hold functions). */
  customRules?: CustomRuleSources;
  /** Threads to use: a number, 'auto' (min(cores, 4)) or 'off' (one thread). Default 'auto'. */
  concurrency?: Concurrency;
  /** The cache file and its secret; undefined runs without a cache. */
  cache?: CacheSettings;
  /** Collect the source files each service's handlers reach (inline suppressions are read from them). */
  sourceFiles?: boolean;
  /** The worker module (tests); default lint-worker.js beside this file, when it exists (not in the bundled Action). */
  workerUrl?: URL;
  /** Units below which no worker is started: a thread costs more than a few services take. */
  minUnitsForWorkers?: number;
}

/** What one candidate file (a service's manifest, or a YAML/JSON file that is not one) contributes to a run: plain data. */
export interface UnitResult {
  candidate: string;
  findings: Finding[];
  /** Manifests and included files read, as in `Project.files`. */
  files: string[];
  /** Source files the handlers reach. */
  sourceFiles: string[];
  /**
   * Of `files` and `sourceFiles`, those that hold an inline suppression comment (only when source files are
   * collected): the thread that read them says so, and the main thread reads just these again.
   */
  directiveFiles?: string[];
  functions: Array<{ service: string; name: string }>;
  /** Resources with a `Metadata.noops-lint` block, with the positions suppressions need. */
  metadata: EncodedResource[];
  /** Every file read or probed, with its fingerprint (only when caching). */
  dependencies?: Record<string, string>;
}

/** A worker's share of a run: the settings of lint(), the candidates in the order to take them, and how to report back. */
export interface WorkerTask {
  base: UnitSettings;
  candidates: string[];
  /** Int32Array over the slots NEXT, POSTED and DONE. */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

export type WorkerReply = { ok: true; results: UnitResult[] } | { ok: false; error: string };

/** lint()'s options that cross a thread boundary (structured-clone safe). */
export interface UnitSettings extends Omit<ProjectLintOptions, 'concurrency' | 'cache' | 'workerUrl' | 'minUnitsForWorkers'> {
  record: boolean;
}

const DEFAULT_MIN_UNITS = 20;
/** Slots of the shared Int32Array: next candidate to take, replies posted, candidates finished by workers. */
export const NEXT = 0;
export const POSTED = 1;
export const DONE = 2;
/** How long the main thread waits without any worker finishing a candidate before doing the rest itself. */
const WORKER_PATIENCE_MS = 2 * 60 * 1000;

/**
 * The lint command's run. A small project without a cache is lint() itself. Otherwise manifests are discovered once,
 * each candidate file is linted on its own (services share no roles, resources or functions), by this thread
 * and the workers taking the next candidate in turn, or taken from the cache; the findings are merged in the
 * one sorted order, so the output is the same byte for byte whatever the number of threads.
 */
export function lintProject(options: ProjectLintOptions): LintRun {
  const threads = resolveConcurrency(options.concurrency);
  const config = options.config ?? EMPTY_CONFIG;
  const rules = ruleSet(options.customRules);
  const enabled = selectRules(rules, config, options.onlyRules);
  const files = new ProjectFiles(options.root);
  const discovered = discoverManifests(files, { paths: options.paths?.length ? options.paths : [''], ignores: config.ignores, gitignore: options.gitignore ?? true });
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const minUnits = options.minUnitsForWorkers ?? DEFAULT_MIN_UNITS;
  // A small project, or no worker module (the bundled Action), without a cache: one lint(), which also keeps the
  // full analysis on the result for callers that read it (the Action's permission table). A large project goes
  // service by service even on one thread: each service's parsed code is dropped when it is done, which takes
  // less memory and less time collecting garbage than holding every tree until the end.
  if (options.cache === undefined && (discovered.candidates.length <= minUnits || !workerUrl)) {
    releaseIdleWorkers();
    return lint({ ...options, rules, files });
  }

  const settings: UnitSettings = {
    root: options.root,
    paths: options.paths,
    config,
    onlyRules: options.onlyRules,
    now: options.now ?? new Date(),
    resolveEnv: options.resolveEnv,
    env: options.env,
    stage: options.stage,
    gitignore: options.gitignore,
    customRules: options.customRules,
    sourceFiles: options.sourceFiles,
    record: options.cache !== undefined,
  };
  const cache = options.cache === undefined ? undefined : LintCache.open(options.cache, cacheKey(settings, rules));
  const results = new Map<string, UnitResult>();
  const pending: string[] = [];
  const fingerprint = memo((rel: string) => fileFingerprint(files, rel));
  for (const candidate of discovered.candidates) {
    const hit = cache?.lookup(candidate, fingerprint);
    if (hit) results.set(candidate, hit);
    else pending.push(candidate);
  }

  const workers = workerUrl && pending.length > minUnits ? Math.min(threads - 1, Math.ceil(pending.length / minUnits)) : 0;
  const parallel = runUnitsInParallel(largestFirst(files, pending), settings, files, rules, workers, workerUrl);
  for (const result of parallel.results) {
    results.set(result.candidate, result);
    if (cache && result.dependencies) cache.store(result.candidate, result);
  }
  cache?.save();
  releaseIdleWorkers();
  const merged = mergeUnits(options.root, discovered.findings, [...results.values()], reportedRules(enabled));
  return { ...merged, stats: { candidates: discovered.candidates.length, cached: discovered.candidates.length - pending.length, workers: parallel.workers } };
}

function ruleSet(custom: CustomRuleSources | undefined): AnyRule[] {
  return custom ? [...BUILTIN_RULES, ...loadCustomRules(custom)] : [...BUILTIN_RULES];
}

/** Bigger files first, so no thread is left with a large service at the end; ties by path. */
function largestFirst(files: ProjectFiles, candidates: string[]): string[] {
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
function runUnitsInParallel(
  candidates: string[],
  settings: UnitSettings,
  files: ProjectFiles,
  rules: AnyRule[],
  workers: number,
  workerUrl: URL | undefined,
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

  const results = runUnits(() => nextIndex(counters, candidates), candidates, settings, files, rules);
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

/** Lints candidates one at a time (`next` returns an index into `candidates`, or -1 when there are none left). */
export function runUnits(next: () => number, candidates: readonly string[], settings: UnitSettings, files: ProjectFiles, rules?: AnyRule[], onDone?: () => void): UnitResult[] {
  const ruleList = rules ?? ruleSet(settings.customRules);
  const results: UnitResult[] = [];
  for (let index = next(); index >= 0; index = next()) {
    const candidate = candidates[index]!;
    const recorded = settings.record ? files.startRecording() : undefined;
    const run = lint({ ...settings, manifests: [candidate], files, rules: ruleList });
    const sourceFiles = settings.sourceFiles ? [...new Set(run.project.functions.flatMap((fn) => run.analysis.usageOf(fn)?.files ?? []))].sort() : [];
    const directiveFiles = settings.sourceFiles ? [...run.files, ...sourceFiles].filter((rel) => mayHoldDirective(files, rel)) : undefined;
    files.stopRecording();
    results.push({
      candidate,
      findings: run.findings,
      files: run.files,
      sourceFiles,
      ...(directiveFiles ? { directiveFiles } : {}),
      functions: run.project.functions.map((fn) => ({ service: fn.service.id, name: fn.name })),
      metadata: run.project.resources.filter((r) => r.metadata?.['noops-lint'] !== undefined).map(encodeResource),
      ...(recorded ? { dependencies: Object.fromEntries([...recorded].sort().map((rel) => [rel, fileFingerprint(files, rel)])) } : {}),
    });
    onDone?.();
  }
  return results;
}

/**
 * One run out of the services' results. The project holds what inline and Metadata suppressions read (files,
 * function names, resources with a Metadata block); the per-function analysis stays in the threads that made
 * it, so `analysis` answers nothing: callers that need it (the policy command, the Action's permission table)
 * call lint() itself.
 */
export function mergeUnits(root: string, discoveryFindings: Finding[], units: UnitResult[], rules: AnyRule[]): LintRun {
  const ordered = [...units].sort((a, b) => (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  const findings = sortFindings([...discoveryFindings, ...ordered.flatMap((u) => u.findings)]);
  const services = new Map<string, ServiceModel>();
  const serviceOf = (id: string): ServiceModel => {
    let service = services.get(id);
    if (!service) {
      service = { id } as ServiceModel;
      services.set(id, service);
    }
    return service;
  };
  const functions = ordered.flatMap((u) => u.functions.map((f) => ({ name: f.name, service: serviceOf(f.service) }) as FunctionModel));
  const resources = ordered.flatMap((u) => u.metadata.map((r) => decodeResource(r, serviceOf(r.service))));
  const files = [...new Set(ordered.flatMap((u) => u.files))].sort();
  const project: Project = { root, services: [], functions, roles: [], resources, inputFindings: [], files };
  const analysis: ProjectAnalysis = { usageOf: () => undefined, permissionsOf: () => undefined, codeFindings: () => [] };
  return {
    root,
    project,
    analysis,
    findings,
    rules,
    files,
    notifications: notificationsOf(findings),
    toolVersion: toolVersion(),
    sourceFiles: [...new Set(ordered.flatMap((u) => u.sourceFiles))].sort(),
    withoutDirectives: filesWithoutDirectives(ordered),
  };
}

/** True unless the file was read and holds no inline suppression comment. */
function mayHoldDirective(files: ProjectFiles, rel: string): boolean {
  const text = files.read(rel);
  return !text.ok || holdsInlineDirective(text.text);
}

/** Files the units read and found without an inline suppression comment (a unit that did not look adds none). */
function filesWithoutDirectives(units: UnitResult[]): Set<string> {
  const holding = new Set(units.flatMap((u) => u.directiveFiles ?? []));
  const without = new Set<string>();
  for (const unit of units) {
    if (!unit.directiveFiles) continue;
    for (const rel of [...unit.files, ...unit.sourceFiles]) if (!holding.has(rel)) without.add(rel);
  }
  return without;
}

/** Everything a cached result depends on besides its files: the tool build, the settings and the rules. */
function cacheKey(settings: UnitSettings, rules: AnyRule[]): string {
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
    resolveEnv: settings.resolveEnv ?? false,
    // ${env:X} is resolved only on request; then the environment is an input.
    env: settings.resolveEnv ? settings.env : undefined,
    sourceFiles: settings.sourceFiles ?? false,
    // Date-dependent rules (runtime deprecations, suppression expiry) may answer differently tomorrow.
    day: (settings.now ?? new Date()).toISOString().slice(0, 10),
  };
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}

/** A value from a manifest with the positions recorded on its objects, as JSON-safe data. */
type EncodedValue =
  | null
  | string
  | number
  | boolean
  | { date: string }
  | { array: EncodedValue[]; at?: EncodedPositions }
  | { object: Array<[string, EncodedValue]>; at?: EncodedPositions };

interface EncodedPositions {
  self: Location;
  members: Array<[string | number, Location | undefined, Location | undefined]>;
}

export interface EncodedResource {
  service: string;
  logicalId: string;
  location: Location;
  properties?: Location;
  metadata: EncodedValue;
}

function encodeResource(resource: ResourceModel): EncodedResource {
  const metadata = resource.metadata as Record<string, unknown>;
  // Only the noops-lint block is read by suppressions; the rest of Metadata stays behind.
  const trimmed: Record<string, unknown> = { 'noops-lint': metadata['noops-lint'] };
  const self = locationOf(metadata);
  const at = self ? { self, members: [['noops-lint', locationOfKey(metadata, 'noops-lint'), locationOfValue(metadata, 'noops-lint')] as [string, Location | undefined, Location | undefined]] } : undefined;
  return {
    service: resource.service.id,
    logicalId: resource.logicalId,
    location: resource.location,
    properties: locationOf(resource.properties),
    metadata: { object: [['noops-lint', encodeValue(trimmed['noops-lint'])]], ...(at ? { at } : {}) },
  };
}

function decodeResource(encoded: EncodedResource, service: ServiceModel): ResourceModel {
  const properties = {};
  if (encoded.properties) recordPosition(properties, encoded.properties);
  return { service, logicalId: encoded.logicalId, location: encoded.location, properties, metadata: decodeValue(encoded.metadata) } as unknown as ResourceModel;
}

function encodeValue(value: unknown): EncodedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: value.toISOString() };
  if (typeof value !== 'object') return String(value);
  const self = locationOf(value);
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  const at = self ? { self, members: keys.map((k) => [k, locationOfKey(value, k), locationOfValue(value, k)] as [string | number, Location | undefined, Location | undefined]) } : undefined;
  if (Array.isArray(value)) return { array: value.map(encodeValue), ...(at ? { at } : {}) };
  return { object: Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, encodeValue(v)]), ...(at ? { at } : {}) };
}

function decodeValue(encoded: EncodedValue): unknown {
  if (encoded === null || typeof encoded !== 'object') return encoded;
  if ('date' in encoded) return new Date(encoded.date);
  const value: unknown[] | Record<string, unknown> = 'array' in encoded ? encoded.array.map(decodeValue) : Object.fromEntries(encoded.object.map(([k, v]) => [k, decodeValue(v)]));
  if (encoded.at) {
    recordPosition(value, encoded.at.self);
    for (const [key, keyLocation, valueLocation] of encoded.at.members) if (valueLocation) recordMember(value, key, keyLocation, valueLocation);
  }
  return value;
}
