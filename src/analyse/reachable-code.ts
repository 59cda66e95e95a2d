// The code a function or a container runs: the module graph its entry file loads, and what the code reachable from
// its entry points does (AWS calls, clients, state, file operations), per request or once per container.
import type { Location } from '../model/location.js';
import { compareLocations } from '../model/location.js';
import { inputFinding, INPUT_RULES, type Finding } from '../model/finding.js';
import type { ClientCreation, FunctionUsage, SdkCall } from './types.js';
import { AnalysisContext, type ModuleTarget } from './context.js';
import ts from './typescript.js';
import { evaluateCallInput, literalHost, Summariser, type CodeRoot, type LocalSdkCall } from './function-summary.js';
import { StaticEvaluator, type Bindings } from './evaluate.js';
import type { FunctionNode } from './references.js';
import { CodeFacts } from './state.js';
import { nodeLocation, type SourceModule } from './source-files.js';
import type { SourceReader } from './source-reader.js';

/** Files followed per function before the module graph is cut short. */
export const MAX_FILES_PER_FUNCTION = 10_000;

type Context = 'module' | 'invocation';

/** Call sites as a shared linked list: deep call chains would make copied arrays quadratic. */
interface ViaChain {
  site: Location;
  parent: ViaChain | undefined;
}

function chain(parent: ViaChain | undefined, sites: Location[]): ViaChain | undefined {
  return sites.reduce<ViaChain | undefined>((acc, site) => ({ site, parent: acc }), parent);
}

function toArray(via: ViaChain | undefined): Location[] {
  const sites: Location[] = [];
  for (let node = via; node; node = node.parent) sites.push(node.site);
  return sites.reverse();
}

function viaKey(via: ViaChain | undefined): string {
  const parts: string[] = [];
  for (let node = via; node; node = node.parent) parts.push(`${node.site.file}:${node.site.line}:${node.site.column}`);
  return parts.join('<');
}

interface QueueItem {
  root: CodeRoot;
  context: Context;
  via: ViaChain | undefined;
  /** Arguments of the call that reached `root`, for helpers called with constants. */
  bindings?: Bindings;
}

/** Visits of one function with different arguments, before its call sites stop being told apart. */
const MAX_VISITS_WITH_ARGUMENTS = 20;

/** Parsed files, summaries and per-body facts shared by every analysis of one run (functions and container services). */
export class CodeAnalyser {
  readonly context: AnalysisContext;
  readonly summariser: Summariser;
  readonly facts: CodeFacts;

  constructor(reader: SourceReader) {
    this.context = new AnalysisContext(reader);
    this.summariser = new Summariser(this.context);
    this.facts = new CodeFacts(this.context, this.summariser.references);
  }
}

/** Who the code belongs to, for messages about the module graph. */
export interface CodeOwner {
  name: string;
  location: Location;
}

/**
 * Fills `usage` from the code reachable from `roots` (run on every request) and from loading `start` and
 * what it imports (run once per container).
 */
export function analyseReachableCode(analyser: CodeAnalyser, usage: FunctionUsage, start: SourceModule, roots: FunctionNode[], owner: CodeOwner, known?: ModuleGraph): void {
  const { context, summariser, facts } = analyser;
  const graph = known ?? moduleGraph(context, start, owner);
  // Code written in a manifest is read from the manifest.
  usage.files = [...new Set([...graph.modules.values()].map((entry) => entry.module.inline?.manifest ?? entry.module.file))].sort();
  usage.packages = graph.packages;
  usage.findings.push(...graph.findings);

  // Handler code first, so a helper reached both ways is attributed through the handler.
  const queue: QueueItem[] = roots.map((root) => ({ root, context: 'invocation', via: undefined }));
  for (const [, entry] of graph.modules) queue.push({ root: entry.module.sourceFile, context: 'module', via: entry.via });
  const visited = new Map<CodeRoot, Set<string>>();
  const callKeys = new Set<string>();
  const clientKeys = new Set<string>();
  const unfollowedKeys = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i]!;
    const summary = summariser.summarise(item.root);
    const seen = visited.get(item.root) ?? new Set<string>();
    visited.set(item.root, seen);
    // A helper whose requests use its parameters, or that passes arguments on (`wrap = (t) => read(t)`), is
    // visited once per call site, so each caller's constants count. Past the limit one visit without the
    // arguments stands for the remaining sites: their requests become unknown rather than taken from another site.
    const usesArguments =
      item.bindings !== undefined &&
      (summary.calls.some((c) => c.usesParameters) ||
        summary.dynamicMethods.length > 0 ||
        summary.clients.some((c) => c.hostArguments) ||
        summary.edges.some((e) => (e.call?.arguments?.length ?? 0) > 0));
    const perSite = usesArguments && seen.size < MAX_VISITS_WITH_ARGUMENTS;
    const visitKey = perSite ? `${item.context}@${viaKey(item.via)}` : usesArguments ? `${item.context}#unbound` : item.context;
    if (seen.has(visitKey)) continue;
    seen.add(visitKey);
    let sites: Location[] | undefined;
    const via = (): Location[] => (sites ??= toArray(item.via));
    facts.record(usage, item.root, item.context, via);
    const bound = perSite ? item.bindings : undefined;
    const evaluator = bound ? new StaticEvaluator(context, bound) : undefined;
    let calls = summary.calls;
    let unfollowed = summary.unfollowed;
    for (const dynamic of summary.dynamicMethods) {
      const resolved = summariser.resolveDynamicMethod(dynamic, evaluator);
      calls = [...calls, ...resolved.calls];
      unfollowed = [...unfollowed, ...resolved.unfollowed];
    }
    for (const call of calls) {
      const { inputNode, inputProperty, usesParameters, ...rest } = call;
      const evaluated = evaluator && usesParameters;
      const input = evaluated ? evaluateCallInput(evaluator, inputNode, inputProperty) : call.input;
      const key = evaluated ? callKey(call, input) : summaryCallKey(call);
      if (callKeys.has(key)) continue;
      callKeys.add(key);
      usage.calls.push({ ...rest, input, via: via() } satisfies SdkCall);
    }
    for (const place of unfollowed) {
      const key = `${place.location.file}:${place.location.line}:${place.location.column}`;
      if (unfollowedKeys.has(key)) continue;
      unfollowedKeys.add(key);
      (usage.unfollowed ??= []).push(place);
    }
    for (const client of summary.clients) {
      const scope: ClientCreation['scope'] = client.lazy ? 'lazy' : item.context === 'module' ? 'module' : 'invocation';
      const { lazy: _lazy, hostArguments, ...rest } = client;
      const host = hostArguments && evaluator ? boundHost(context, evaluator, hostArguments) : undefined;
      const key = `${client.location.file}:${client.location.line}:${client.location.column}:${scope}:${host?.host ?? ''}`;
      if (clientKeys.has(key)) continue;
      clientKeys.add(key);
      usage.clients.push({ ...rest, ...host, scope, via: via() });
    }
    for (const edge of summary.edges) {
      // Callbacks and nested functions at module level are not run by loading the module.
      if (edge.nested && item.context === 'module') continue;
      const bindings = edge.call ? bindArguments(edge.target, edge.call, bound) : undefined;
      queue.push({ root: edge.target, context: item.context, via: chain(item.via, [edge.site]), ...(bindings ? { bindings } : {}) });
    }
  }
  usage.calls.sort((a, b) => compareLocations(a.location, b.location));
  usage.unfollowed?.sort((a, b) => compareLocations(a.location, b.location));
  usage.clients.sort((a, b) => compareLocations(a.location, b.location) || a.scope.localeCompare(b.scope));
  facts.sort(usage);
}

/** What tells two calls apart: the place, the operation and the request. */
function callKey(call: LocalSdkCall, input: unknown): string {
  return `${call.location.file}:${call.location.line}:${call.location.column}:${call.service}:${call.operation}:${JSON.stringify(input)}`;
}

/** callKey of a summary's call with its own input, computed once: every function reaching the code asks again. */
const summaryKeys = new WeakMap<LocalSdkCall, string>();
function summaryCallKey(call: LocalSdkCall): string {
  let key = summaryKeys.get(call);
  if (key === undefined) {
    key = callKey(call, call.input);
    summaryKeys.set(call, key);
  }
  return key;
}

/**
 * The literal host a database client's options take from the caller's arguments (`new Database('localhost')` whose
 * constructor runs `new Pool({ host })`), and where the caller wrote it.
 */
function boundHost(context: AnalysisContext, evaluator: StaticEvaluator, args: readonly ts.Expression[]): { host: string; hostLocation?: Location } | undefined {
  const trace: ts.Expression[] = [];
  const host = literalHost(evaluator.tracing(trace), args);
  if (host === undefined) return undefined;
  // The outermost argument read is where the value entered the chain of calls.
  const origin = trace[trace.length - 1];
  const module = origin ? context.moduleOf(origin) : undefined;
  return origin && module ? { host, hostLocation: nodeLocation(module, origin) } : { host };
}

/** Parameters of `target` (a class: its constructor's) bound to the call's arguments (plain positions only; spreads stop the binding). */
function bindArguments(target: CodeRoot, call: ts.CallExpression | ts.NewExpression, outer: Bindings | undefined): Bindings | undefined {
  if (ts.isSourceFile(target)) return undefined;
  const fn = ts.isClassLike(target) ? target.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined) : target;
  if (!fn) return undefined;
  const args = call.arguments ?? [];
  const bindings: Bindings = new Map();
  for (const [index, parameter] of fn.parameters.entries()) {
    const arg = args[index];
    if (parameter.dotDotDotToken || args.slice(0, index + 1).some(ts.isSpreadElement)) break;
    // An argument not passed is bound too: the parameter then has its default, or no value.
    bindings.set(parameter, { expression: arg, outer });
  }
  return bindings.size > 0 ? bindings : undefined;
}

export interface ModuleGraph {
  /** Reachable modules by file, with the import sites that lead to each from the handler file. */
  modules: Map<string, { module: SourceModule; via: ViaChain | undefined }>;
  /** Packages (not project files) the reachable modules import, by package name, sorted. */
  packages: string[];
  findings: Finding[];
}

interface ResolvedDependency {
  specifier: string;
  target: ModuleTarget;
  /** The import or require that names it. */
  location: Location;
}

/** A module's imports, resolved and located once per run: every function whose code reaches the module asks again. */
const dependencyCache = new WeakMap<SourceModule, ResolvedDependency[]>();

function resolvedDependencies(context: AnalysisContext, module: SourceModule): ResolvedDependency[] {
  let list = dependencyCache.get(module);
  if (!list) {
    list = context.info(module).dependencies.map((dependency) => ({
      specifier: dependency.specifier,
      target: context.resolveSpecifier(module, dependency.specifier),
      location: nodeLocation(module, dependency.node),
    }));
    dependencyCache.set(module, list);
  }
  return list;
}

/** `@aws-sdk/client-s3/dist` -> `@aws-sdk/client-s3`, `sharp/lib/x` -> `sharp`, `node:fs` stays. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every project module the handler file loads, directly or through other modules (breadth first, cycles allowed). */
export function moduleGraph(context: AnalysisContext, start: SourceModule, owner: CodeOwner): ModuleGraph {
  const graph: ModuleGraph = { modules: new Map([[start.file, { module: start, via: undefined }]]), packages: [], findings: [...start.findings] };
  const packages = new Set<string>();
  const queue: SourceModule[] = [start];
  let truncated = false;
  for (let i = 0; i < queue.length; i++) {
    const module = queue[i]!;
    const via = graph.modules.get(module.file)!.via;
    for (const { specifier, target, location } of resolvedDependencies(context, module)) {
      if (target.kind === 'unknown') {
        const finding = inputFinding(
          INPUT_RULES.unresolved,
          'note',
          `Could not resolve the import ${JSON.stringify(specifier)} in ${JSON.stringify(module.file)} (${target.reason}); code behind it is not analysed.`,
          location,
          `${INPUT_RULES.unresolved}|${module.file}|${specifier}`,
        );
        graph.findings.push(finding);
        continue;
      }
      if (target.kind === 'package') packages.add(packageName(target.name));
      if (target.kind !== 'module' || graph.modules.has(target.module.file)) continue;
      if (graph.modules.size >= MAX_FILES_PER_FUNCTION) {
        truncated = true;
        break;
      }
      graph.modules.set(target.module.file, { module: target.module, via: chain(via, [location]) });
      graph.findings.push(...target.module.findings);
      queue.push(target.module);
    }
  }
  graph.packages = [...packages].sort();
  if (truncated) {
    const message = `The code of ${JSON.stringify(owner.name)} reaches more than ${MAX_FILES_PER_FUNCTION} files; the rest is not analysed.`;
    graph.findings.push(inputFinding(INPUT_RULES.skippedFile, 'warning', message, owner.location));
  }
  return graph;
}
