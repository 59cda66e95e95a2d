// Python handlers: resolves `handler: app.main` to a function, follows the code it reaches (local modules and
// packages, helpers, classes) and records the same per-function facts the JavaScript analysis records: boto3
// calls with their requests, clients and connections with where they are made, module state written per request,
// files written, threads left running. The least-privilege and handler rules read those facts unchanged.
import path from 'node:path';
import type { Location } from '../../model/location.js';
import { compareLocations } from '../../model/location.js';
import type { FunctionModel } from '../../model/project.js';
import { inputFinding, INPUT_RULES, type Finding } from '../../model/finding.js';
import { archiveOf, buildOutputDirOf, handlerFinding, HANDLER_NOT_ANALYSED, HANDLER_NOT_FOUND, storedCodeOf, type SharedReason } from '../handlers.js';
import { concatenate } from '../evaluate.js';
import { quote } from '../../util/quote.js';
import { normaliseRootPath, type SourceReader } from '../source-reader.js';
import type { BackgroundWork, ClientCreation, FileOperation, FunctionUsage, SdkCall, StateWrite, StaticValue } from '../types.js';
import { CLIENT_NON_OPERATIONS, operationName, RESOURCE_TYPES, S3_TRANSFER, servicePrefix, waiterOperation } from './boto3.js';
import { assignmentParts, nameOf, PythonProgram, type Binding } from './program.js';
import { child, descendants, FUNCTION_TYPES, pyLocation, shortText, stringValue, textOf, type PyModule, type PyNode } from './syntax.js';
import { staticOf, UNKNOWN, unknownValue, type PyValue } from './values.js';

/** True when the function runs on a Python runtime (or names no runtime and its handler file is a `.py`). */
export function isPythonFunction(fn: FunctionModel, reader: SourceReader): boolean {
  const runtime = fn.runtime?.value;
  if (typeof runtime === 'string') return runtime.startsWith('python');
  const handler = fn.handler?.value;
  if (typeof handler !== 'string' || fn.codeDir === undefined) return false;
  const split = splitHandler(handler);
  if (!split) return false;
  const base = normaliseRootPath(path.posix.join(fn.codeDir, split.module));
  // With no runtime named, a JavaScript handler file beside it wins (the Serverless Framework defaults to Node.js).
  if (base === undefined || !reader.exists(`${base}.py`)) return false;
  const jsBase = normaliseRootPath(path.posix.join(fn.codeDir, handler.slice(0, handler.indexOf('.', handler.lastIndexOf('/') + 1))));
  return !['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].some((ext) => jsBase !== undefined && reader.exists(jsBase + ext));
}

/** `src/app.main` and `src.app.main` -> module path `src/app`, function `main` (the runtime splits at the last dot). */
function splitHandler(handler: string): { module: string; name: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  const slash = handler.lastIndexOf('/');
  const modulePart = handler.slice(0, dot);
  const module = slash >= 0 ? `${modulePart.slice(0, slash + 1)}${modulePart.slice(slash + 1).replace(/\./g, '/')}` : modulePart.replace(/\./g, '/');
  return { module, name: handler.slice(dot + 1) };
}

type Context = 'module' | 'invocation';

/** Where code runs and what its names are bound to. */
interface Frame {
  module: PyModule;
  /** The function (or lambda) whose body this is; undefined for module code. */
  fn: PyNode | undefined;
  /** The enclosing function's frame (closures). */
  parent: Frame | undefined;
  /** Arguments of the call that reached this function, evaluated in the caller's frame. */
  args?: Map<string, { node: PyNode; frame: Frame } | PyValue>;
  /** The instance `self` stands for in a method. */
  self?: PyValue;
}

interface Visit {
  frame: Frame;
  context: Context;
  via: Location[];
}

const MAX_DEPTH = 40;
const MAX_VISITS_PER_FUNCTION = 20;
const MAX_VISITS = 5000;

const DATABASE_CONNECTORS: Record<string, { hostArg?: number; url?: boolean }> = {
  'psycopg2.connect': { hostArg: 0 },
  'psycopg.connect': { hostArg: 0 },
  'psycopg.Connection.connect': { hostArg: 0 },
  'psycopg2.pool.SimpleConnectionPool': {},
  'psycopg2.pool.ThreadedConnectionPool': {},
  'psycopg_pool.ConnectionPool': { hostArg: 0 },
  'pg8000.connect': {},
  'pg8000.native.Connection': {},
  'pymysql.connect': {},
  'pymysql.Connect': {},
  'pymysql.connections.Connection': {},
  'MySQLdb.connect': {},
  'mysql.connector.connect': {},
  'pymongo.MongoClient': { hostArg: 0, url: true },
  'motor.motor_asyncio.AsyncIOMotorClient': { hostArg: 0, url: true },
  'redis.Redis': { hostArg: 0 },
  'redis.StrictRedis': { hostArg: 0 },
  'redis.from_url': { hostArg: 0, url: true },
  'redis.Redis.from_url': { hostArg: 0, url: true },
  'redis.StrictRedis.from_url': { hostArg: 0, url: true },
  'redis.asyncio.Redis': { hostArg: 0 },
  'redis.asyncio.from_url': { hostArg: 0, url: true },
  'sqlalchemy.create_engine': { hostArg: 0, url: true },
  'sqlalchemy.ext.asyncio.create_async_engine': { hostArg: 0, url: true },
  'elasticsearch.Elasticsearch': { hostArg: 0, url: true },
  'opensearchpy.OpenSearch': {},
  'cassandra.cluster.Cluster': {},
  'pymemcache.client.base.Client': {},
};

/** Functions decorated with these cache what they return: a client created inside is created once. */
const CACHING_DECORATORS = new Set(['functools.lru_cache', 'functools.cache', 'lru_cache', 'cache', 'functools.cached_property', 'cached_property']);

const POWERTOOLS = 'aws_lambda_powertools';

/** Shares parsed modules and scopes between the functions of one run. */
export class PythonAnalyser {
  readonly program: PythonProgram;

  constructor(reader: SourceReader) {
    this.program = new PythonProgram(reader);
  }

  analyse(fn: FunctionModel): FunctionUsage {
    return new FunctionWalk(this.program, fn).run();
  }
}

class FunctionWalk {
  private readonly usage: FunctionUsage;
  private readonly bases: string[] = [];
  private readonly visits = new Map<PyNode, Set<string>>();
  private readonly queue: Visit[] = [];
  private readonly callKeys = new Set<string>();
  private readonly clientKeys = new Set<string>();
  private readonly otherKeys = new Set<string>();
  private readonly findingKeys = new Set<string>();
  private readonly graph = new Map<string, PyModule>();
  private visitCount = 0;

  constructor(
    private readonly program: PythonProgram,
    private readonly fn: FunctionModel,
  ) {
    this.usage = { functionId: fn.id, calls: [], clients: [], files: [], findings: [], stateWrites: [], fileOperations: [], backgroundWork: [] };
  }

  private notFound(message: string, extra: { file?: string; exportName?: string } = {}, ruleId: typeof HANDLER_NOT_FOUND | typeof HANDLER_NOT_ANALYSED = HANDLER_NOT_FOUND, reason?: SharedReason): FunctionUsage {
    this.usage.findings.push(handlerFinding(this.fn, ruleId, message, reason));
    if (extra.file) this.usage.handlerFile = extra.file;
    if (extra.exportName) this.usage.handlerExport = extra.exportName;
    return this.usage;
  }

  run(): FunctionUsage {
    const fn = this.fn;
    const handler = fn.handler?.value;
    if (typeof handler !== 'string') return this.usage;
    const code = fn.properties.Code;
    if (fn.properties.InlineCode !== undefined || fn.properties.PackageType === 'Image' || (code !== null && typeof code === 'object' && ('ZipFile' in code || 'ImageUri' in code))) return this.usage;
    const name = JSON.stringify(fn.name);
    const stored = fn.codeDir === undefined ? storedCodeOf(fn) : undefined;
    if (stored !== undefined) return this.notFound(`The code of ${name} is not in the project (${quote(stored)}: uploaded before deployment), so its handler was not analysed.`, {}, HANDLER_NOT_ANALYSED, 'stored');
    if (fn.codeDir === undefined) return this.notFound(`The handler ${JSON.stringify(handler)} of ${name} cannot be analysed: its code folder is outside the project.`);
    const split = splitHandler(handler);
    if (!split) return this.notFound(`The handler ${JSON.stringify(handler)} of ${name} names no function (expected \`module.function\`).`);
    // CodeUri: ./deploy/fn.zip, package.artifact: a build output, not source in the project
    const artifact = archiveOf(fn);
    if (artifact !== undefined && !this.program.reader.exists(normaliseRootPath(path.posix.join(fn.codeDir, splitHandler(handler)!.module)) + '.py')) {
      return this.notFound(`The code of ${name} is the archive ${JSON.stringify(artifact)}, built before deployment and not source in the project, so its handler was not analysed.`, {}, HANDLER_NOT_ANALYSED, 'archive');
    }
    const base = normaliseRootPath(path.posix.join(fn.codeDir, split.module));
    if (base === undefined) return this.notFound(`The handler ${JSON.stringify(handler)} of ${name} points outside the project.`);
    const file = this.program.reader.exists(`${base}.py`) ? `${base}.py` : this.program.reader.exists(`${base}/__init__.py`) ? `${base}/__init__.py` : undefined;
    const built = file ? undefined : buildOutputDirOf(base);
    if (built !== undefined) {
      return this.notFound(`The handler of ${name} is ${quote(base)}, in the build output folder ${quote(`${built}/`)}, which is not committed: noops-lint reads source, not build output, so the function's code was not analysed.`, {}, HANDLER_NOT_ANALYSED, 'build-output');
    }
    if (!file) return this.notFound(`The handler file of ${name} was not found: no ${JSON.stringify(`${base}.py`)} exists.`);
    const module = this.program.load(file);
    if (!module) return this.notFound(`The handler file ${JSON.stringify(file)} of ${name} could not be read.`, { file, exportName: split.name });
    this.bases.push(fn.codeDir);
    const handlerDir = path.posix.dirname(file);
    if (handlerDir !== fn.codeDir && handlerDir !== '.') this.bases.push(handlerDir);

    const moduleFrame: Frame = { module, fn: undefined, parent: undefined };
    const value = this.lookupModule(module, split.name, 0);
    const roots = this.handlerRoots(value, moduleFrame);
    if (roots.length === 0) {
      const what = value.kind === 'unknown' ? 'was not found' : 'is not a function that can be followed';
      // Missing, or a literal the runtime cannot call, is the user's mistake; a value built by a library is the tool's limit.
      const missing = value.kind === 'unknown' || (value.kind === 'static' && value.value.kind !== 'unknown');
      return this.notFound(
        `The handler function \`${split.name}\` of ${fn.name} in ${file} ${what}${missing ? '' : ', so its code was not analysed'}.`,
        { file, exportName: split.name },
        missing ? HANDLER_NOT_FOUND : HANDLER_NOT_ANALYSED,
      );
    }
    this.usage.handlerFile = file;
    this.usage.handlerExport = split.name;
    this.usage.handlerLocation = pyLocation(roots[0]!.module, nameNode(roots[0]!.node));

    this.addModule(module);
    for (const root of roots) this.queue.push({ frame: { module: root.module, fn: root.node, parent: undefined, ...(root.self ? { self: root.self } : {}) }, context: 'invocation', via: [] });
    for (let i = 0; i < this.queue.length && this.visitCount < MAX_VISITS; i++) this.visit(this.queue[i]!);
    this.finish();
    return this.usage;
  }

  /** The functions the handler name stands for: a def, or the functions handed to a wrapper (`handler = Mangum(app)` has none). */
  private handlerRoots(value: PyValue, frame: Frame): { module: PyModule; node: PyNode; self?: PyValue }[] {
    if (value.kind === 'function') return [{ module: value.module, node: value.node, ...(value.self ? { self: value.self } : {}) }];
    if (value.kind === 'instance') {
      const call = this.findMethod(value.module, value.node, '__call__');
      return call ? [{ module: call.module, node: call.node, self: value }] : [];
    }
    void frame;
    return [];
  }

  // -----------------------------------------------------------------------------------------------
  // Modules and names

  /** Adds a module to the function's code and queues its top-level code (run once per container). */
  private addModule(module: PyModule, via: Location[] = []): void {
    if (this.graph.has(module.file)) return;
    this.graph.set(module.file, module);
    this.usage.findings.push(...module.findings);
    this.queue.push({ frame: { module, fn: undefined, parent: undefined }, context: 'module', via });
    // Every import in the module loads its target when it runs; follow local ones.
    for (const node of descendants(module.root)) {
      if (node.type !== 'ImportStatement') continue;
      this.resolveImportModules(module, node);
    }
  }

  private resolveImportModules(module: PyModule, node: PyNode): void {
    const kids = node.children;
    const site = pyLocation(module, node);
    if (kids[0]?.type === 'from') {
      let level = 0;
      const from: string[] = [];
      let i = 1;
      for (; i < kids.length && kids[i]!.type !== 'import'; i++) {
        // dots before the first name are levels (`from ..a.b`); dots after it separate names
        if (kids[i]!.type === '.' && from.length === 0) level++;
        else if (kids[i]!.type === 'Ellipsis' && from.length === 0) level += 3;
        else if (kids[i]!.type === 'VariableName') from.push(nameOf(kids[i])!);
      }
      const target = this.resolveModule(module, from, level, site);
      if (!target) return;
      this.addModule(target, [site]);
      // `from pkg import sub`: a submodule named in the import is loaded too
      for (i++; i < kids.length; i++) {
        const name = nameOf(kids[i]);
        if (kids[i]!.type !== 'VariableName' || kids[i - 1]?.type === 'as' || !name) continue;
        if (!this.program.scopeOf(target.root).names.has(name) && target.file.endsWith('__init__.py')) {
          const sub = this.program.findModule(path.posix.dirname(target.file), [name]);
          const loaded = sub ? this.program.load(sub) : undefined;
          if (loaded) this.addModule(loaded, [site]);
        }
      }
      return;
    }
    let parts: string[] = [];
    const flush = (): void => {
      // import a.b.c loads a, a.b and a.b.c
      for (let n = 1; n <= parts.length; n++) {
        const target = this.resolveModule(module, parts.slice(0, n), 0, site);
        if (target) this.addModule(target, [site]);
      }
      parts = [];
    };
    for (let i = 1; i < kids.length; i++) {
      const c = kids[i]!;
      if (c.type === 'as') {
        flush();
        i++;
        continue;
      }
      if (c.type !== 'VariableName') continue;
      if (kids[i - 1]?.type !== '.' && parts.length > 0) flush();
      parts.push(nameOf(c)!);
    }
    flush();
  }

  /** The local module an import names, or undefined for a package outside the project (a relative import that does not resolve is noted). */
  private resolveModule(from: PyModule, parts: string[], level: number, site: Location | undefined): PyModule | undefined {
    if (level > 0) {
      let dir = path.posix.dirname(from.file);
      for (let n = 1; n < level; n++) dir = path.posix.dirname(dir);
      const file = this.program.findModule(dir === '.' ? '' : dir, parts);
      const module = file ? this.program.load(file) : undefined;
      if (!module && site) this.unresolved(`${'.'.repeat(level)}${parts.join('.')}`, from, site, 'no such module or package beside it');
      return module;
    }
    for (const base of this.bases) {
      const file = this.program.findModule(base, parts);
      const module = file ? this.program.load(file) : undefined;
      if (module) return module;
    }
    return undefined;
  }

  private unresolved(specifier: string, module: PyModule, location: Location, reason: string): void {
    const key = `${INPUT_RULES.unresolved}|${module.file}|${specifier}`;
    if (this.findingKeys.has(key)) return;
    this.findingKeys.add(key);
    this.usage.findings.push(inputFinding(INPUT_RULES.unresolved, 'note', `Could not resolve the import ${JSON.stringify(specifier)} in ${JSON.stringify(module.file)} (${reason}); code behind it is not analysed.`, location, key));
  }

  /** A note that makes the derivation incomplete: code the analysis cannot follow. */
  private cannotFollow(module: PyModule, node: PyNode, what: string): void {
    const location = pyLocation(module, node);
    const key = `${INPUT_RULES.unresolved}|${module.file}|${location.line}|${what}`;
    if (this.findingKeys.has(key)) return;
    this.findingKeys.add(key);
    this.usage.findings.push(inputFinding(INPUT_RULES.unresolved, 'note', `${what} in ${JSON.stringify(module.file)} cannot be followed statically; the AWS calls behind it are not known.`, location, key));
  }

  /** A name at module level of `module`. */
  private lookupModule(module: PyModule, name: string, depth: number): PyValue {
    const scope = this.program.scopeOf(module.root);
    const bindings = scope.names.get(name);
    const frame: Frame = { module, fn: undefined, parent: undefined };
    if (bindings) return this.fromBindings(bindings, frame, depth);
    // `from x import *`
    for (const star of scope.names.get('*') ?? []) {
      if (star.kind !== 'import') continue;
      const target = this.resolveModule(module, star.path, star.level, undefined);
      if (target && target !== module && depth < MAX_DEPTH) {
        const value = this.lookupModule(target, name, depth + 1);
        if (value.kind !== 'unknown') return value;
      }
    }
    if (module.file.endsWith('__init__.py')) {
      const sub = this.program.findModule(path.posix.dirname(module.file), [name]);
      const loaded = sub ? this.program.load(sub) : undefined;
      if (loaded) return { kind: 'module', module: loaded };
    }
    return unknownValue(`\`${name}\` is not defined in ${module.file}`);
  }

  private fromBindings(bindings: Binding[], frame: Frame, depth: number): PyValue {
    let result: PyValue | undefined;
    // The last definition wins for defs; for assignments the first that tells something (`x = None` then `x = boto3.client()`).
    for (const binding of [...bindings].reverse()) {
      const value = this.fromBinding(binding, frame, depth);
      if (value.kind === 'unknown' || (value.kind === 'static' && value.value.kind === 'unknown')) {
        result ??= value;
        continue;
      }
      if (value.kind === 'external' && value.path[0] === 'None') {
        result ??= value;
        continue;
      }
      return value;
    }
    return result ?? UNKNOWN;
  }

  private fromBinding(binding: Binding, frame: Frame, depth: number): PyValue {
    switch (binding.kind) {
      case 'def':
        return { kind: 'function', module: frame.module, node: binding.node };
      case 'class':
        return { kind: 'class', module: frame.module, node: binding.node };
      case 'assign':
        return this.evaluate(binding.value, frame, depth + 1);
      case 'opaque':
        return unknownValue('bound by unpacking, a loop or a with statement');
      case 'import': {
        if (binding.name === undefined) {
          const target = this.resolveModule(frame.module, binding.path, 0, undefined);
          return target ? { kind: 'module', module: target } : { kind: 'external', path: binding.path };
        }
        const target = this.resolveModule(frame.module, binding.path, binding.level, undefined);
        if (!target) return binding.level > 0 ? unknownValue(`relative import ${binding.path.join('.')}`) : { kind: 'external', path: [...binding.path, binding.name] };
        if (depth > MAX_DEPTH) return UNKNOWN;
        const value = this.lookupModule(target, binding.name, depth + 1);
        if (value.kind !== 'unknown') return value;
        const sub = this.program.findModule(path.posix.dirname(target.file), [binding.name]);
        const loaded = sub && target.file.endsWith('__init__.py') ? this.program.load(sub) : undefined;
        return loaded ? { kind: 'module', module: loaded } : value;
      }
    }
  }

  private lookup(name: string, frame: Frame, depth: number): PyValue {
    if (depth > MAX_DEPTH) return UNKNOWN;
    for (let f: Frame | undefined = frame; f; f = f.parent) {
      if (!f.fn) break;
      const scope = this.program.scopeOf(f.fn);
      if (scope.globals.has(name)) break;
      const index = scope.parameters.indexOf(name);
      if (index >= 0) {
        if (index === 0 && f.self && !f.args?.has(name)) return f.self;
        const arg = f.args?.get(name);
        if (!arg) return unknownValue(`the parameter \`${name}\``);
        if ('kind' in arg) return arg;
        return this.evaluate(arg.node, arg.frame, depth + 1);
      }
      const bindings = scope.names.get(name);
      if (bindings) return this.fromBindings(bindings, f, depth);
    }
    const value = this.lookupModule(frame.module, name, depth + 1);
    if (value.kind === 'unknown' && !this.program.scopeOf(frame.module.root).names.has(name)) return { kind: 'external', path: [name] }; // builtins: open, print, getattr
    return value;
  }

  // -----------------------------------------------------------------------------------------------
  // Values

  private evaluate(node: PyNode, frame: Frame, depth: number): PyValue {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const module = frame.module;
    switch (node.type) {
      case 'String':
        return stringStatic(module, node);
      case 'FormatString':
        return { kind: 'static', value: this.formatString(node, frame, depth) };
      case 'Number': {
        const n = Number(textOf(module, node).replace(/_/g, ''));
        return Number.isFinite(n) ? { kind: 'static', value: { kind: 'number', value: n } } : UNKNOWN;
      }
      case 'Boolean':
        return { kind: 'static', value: { kind: 'boolean', value: textOf(module, node) === 'True' } };
      case 'None':
        return { kind: 'external', path: ['None'] };
      case 'ParenthesizedExpression':
        return node.children[0] ? this.evaluate(node.children[0], frame, depth + 1) : UNKNOWN;
      case 'VariableName':
        return this.lookup(nameOf(node)!, frame, depth + 1);
      case 'DictionaryExpression':
        return { kind: 'static', value: this.dictionary(node, frame, depth) };
      case 'ArrayExpression':
      case 'TupleExpression':
        if (node.children.some((c) => c.type === 'for' || c.type === '*')) return { kind: 'static', value: { kind: 'unknown', reason: 'a comprehension or unpacking' } };
        return { kind: 'static', value: { kind: 'array', items: node.children.map((c) => staticOf(this.evaluate(c, frame, depth + 1))) } };
      case 'BinaryExpression': {
        const [left, op, right] = node.children;
        if (!left || !right || !op) return UNKNOWN;
        const opText = textOf(module, op);
        if (opText === '+') {
          const a = staticOf(this.evaluate(left, frame, depth + 1));
          const b = staticOf(this.evaluate(right, frame, depth + 1));
          return { kind: 'static', value: concatenate([a, b], shortText(module, node)) };
        }
        if (opText === '%') {
          const a = staticOf(this.evaluate(left, frame, depth + 1));
          if (a.kind === 'string') return literalPrefix(a.value, /%[-#0 +]*\d*(?:\.\d+)?[sdifrxXoeEgGc%]/, shortText(module, node));
        }
        if (opText === 'or') {
          // os.environ.get('X') or 'default'
          const a = this.evaluate(left, frame, depth + 1);
          return a.kind === 'static' && a.value.kind === 'env' ? a : this.evaluate(right, frame, depth + 1);
        }
        return UNKNOWN;
      }
      case 'MemberExpression':
        return this.member(node, frame, depth);
      case 'CallExpression':
        return this.callValue(node, frame, depth);
      case 'AwaitExpression':
        return node.children[1] ? this.evaluate(node.children[1], frame, depth + 1) : UNKNOWN;
      case 'LambdaExpression':
        return { kind: 'function', module, node };
      case 'ConditionalExpression': {
        // a if c else b: the first that tells something
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const a = first ? this.evaluate(first, frame, depth + 1) : UNKNOWN;
        return a.kind !== 'unknown' ? a : last ? this.evaluate(last, frame, depth + 1) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private formatString(node: PyNode, frame: Frame, depth: number): StaticValue {
    const module = frame.module;
    const raw = textOf(module, node);
    const quoteMatch = /^[a-zA-Z]*('''|"""|'|")/.exec(raw);
    if (!quoteMatch) return { kind: 'unknown', reason: 'an f-string' };
    const open = quoteMatch[0].length;
    const close = raw.length - quoteMatch[1]!.length;
    const parts: StaticValue[] = [];
    let at = node.from + open;
    for (const replacement of node.children.filter((c) => c.type === 'FormatReplacement')) {
      parts.push({ kind: 'string', value: module.text.slice(at, replacement.from).replace(/\{\{/g, '{').replace(/\}\}/g, '}') });
      const expression = replacement.children[0];
      const extra = replacement.children.some((c) => c.type === 'FormatSpec' || c.type === 'FormatConversion');
      parts.push(expression && !extra ? staticOf(this.evaluate(expression, frame, depth + 1)) : { kind: 'unknown', reason: 'a formatted value' });
      at = replacement.to;
    }
    parts.push({ kind: 'string', value: module.text.slice(at, node.from + close).replace(/\{\{/g, '{').replace(/\}\}/g, '}') });
    return concatenate(parts, shortText(module, node));
  }

  private dictionary(node: PyNode, frame: Frame, depth: number): StaticValue {
    const properties: Record<string, StaticValue> = {};
    const kids = node.children;
    if (kids.some((c) => c.type === 'for')) return { kind: 'unknown', reason: 'a dict comprehension' };
    for (let i = 0; i < kids.length; i++) {
      const key = kids[i]!;
      if (key.type === '**') {
        const spread = kids[i + 1] ? staticOf(this.evaluate(kids[i + 1]!, frame, depth + 1)) : undefined;
        if (spread?.kind === 'object') Object.assign(properties, spread.properties);
        i++;
        continue;
      }
      const value = kids[i + 1];
      i++;
      if (!value) break;
      const k = staticOf(this.evaluate(key, frame, depth + 1));
      const text = k.kind === 'string' ? k.value : k.kind === 'number' ? String(k.value) : k.kind === 'env' ? `${k.prefix}\${env:${k.name}}${k.suffix}` : undefined;
      if (text === undefined) continue;
      Object.defineProperty(properties, text, { value: staticOf(this.evaluate(value, frame, depth + 1)), enumerable: true, writable: true, configurable: true });
    }
    return { kind: 'object', properties };
  }

  private member(node: PyNode, frame: Frame, depth: number): PyValue {
    const [objectNode, second, third] = node.children;
    if (!objectNode) return UNKNOWN;
    const object = this.evaluate(objectNode, frame, depth + 1);
    if (second?.type === '.') {
      const property = nameOf(third);
      return property === undefined ? UNKNOWN : this.attribute(object, property, frame, depth);
    }
    // subscript: os.environ['X'], CONFIG['k']
    const index = second ? staticOf(this.evaluate(second, frame, depth + 1)) : undefined;
    if (object.kind === 'external' && object.path.join('.') === 'os.environ') return envValue(index);
    if (object.kind === 'static' && object.value.kind === 'object' && index?.kind === 'string' && Object.hasOwn(object.value.properties, index.value)) return { kind: 'static', value: object.value.properties[index.value]! };
    if (object.kind === 'static' && object.value.kind === 'array' && index?.kind === 'number' && object.value.items[index.value]) return { kind: 'static', value: object.value.items[index.value]! };
    return UNKNOWN;
  }

  private attribute(object: PyValue, property: string, frame: Frame, depth: number): PyValue {
    switch (object.kind) {
      case 'external':
        return { kind: 'external', path: [...object.path, property] };
      case 'module':
        return depth > MAX_DEPTH ? UNKNOWN : this.lookupModule(object.module, property, depth + 1);
      case 'resource': {
        const types = RESOURCE_TYPES[object.service];
        const collection = types?.['']?.collections?.[property];
        if (collection) return { kind: 'collection', service: object.service, prefix: object.prefix, type: '', name: property, ids: {}, filters: {} };
        return UNKNOWN;
      }
      case 'resource-object': {
        const collection = RESOURCE_TYPES[object.service]?.[object.type]?.collections?.[property];
        if (collection) return { kind: 'collection', service: object.service, prefix: object.prefix, type: object.type, name: property, ids: object.ids, filters: {} };
        return UNKNOWN;
      }
      case 'instance':
      case 'class': {
        const method = this.findMethod(object.module, object.node, property);
        if (method) {
          // @classmethod: the first parameter is the class; @staticmethod: none; a plain method through the class: passed explicitly
          const decorators = decoratorsOf(method.node);
          if (decorators.includes('classmethod')) return { kind: 'function', module: method.module, node: method.node, self: object.kind === 'class' ? object : { kind: 'class', module: object.module, node: object.node } };
          return { kind: 'function', module: method.module, node: method.node, ...(object.kind === 'instance' && !decorators.includes('staticmethod') ? { self: object } : {}) };
        }
        const assigned = this.instanceAttribute(object.module, object.node, property, object, depth);
        return assigned;
      }
      default:
        return UNKNOWN;
    }
  }

  /** A method of a class or of its local base classes. */
  private findMethod(module: PyModule, cls: PyNode, name: string, depth = 0): { module: PyModule; node: PyNode } | undefined {
    if (depth > 10) return undefined;
    const scope = this.program.scopeOf(cls);
    const binding = scope.names.get(name)?.find((b) => b.kind === 'def');
    if (binding) return { module, node: binding.node };
    const frame: Frame = { module, fn: undefined, parent: undefined };
    for (const base of child(cls, 'ArgList')?.children ?? []) {
      const value = this.evaluate(base, frame, depth + 1);
      if (value.kind === 'class') {
        const found = this.findMethod(value.module, value.node, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** An instance of a local class made by `call`, with the arguments its `__init__` receives. */
  private construct(cls: Extract<PyValue, { kind: 'class' }>, call: PyNode, frame: Frame): Extract<PyValue, { kind: 'instance' }> {
    const instance: Extract<PyValue, { kind: 'instance' }> = { kind: 'instance', module: cls.module, node: cls.node };
    const init = this.findMethod(cls.module, cls.node, '__init__');
    if (init) {
      instance.init = init.node;
      instance.args = this.bindArguments({ kind: 'function', module: init.module, node: init.node, self: instance }, call, frame);
    }
    return instance;
  }

  /** The class and its local base classes, nearest first. */
  private classChain(module: PyModule, cls: PyNode): { module: PyModule; node: PyNode }[] {
    const chain: { module: PyModule; node: PyNode }[] = [];
    const queue = [{ module, node: cls }];
    while (queue.length > 0 && chain.length < 20) {
      const next = queue.shift()!;
      if (chain.some((c) => c.node === next.node)) continue;
      chain.push(next);
      const frame: Frame = { module: next.module, fn: undefined, parent: undefined };
      for (const base of child(next.node, 'ArgList')?.children ?? []) {
        const value = this.evaluate(base, frame, MAX_DEPTH - 5);
        if (value.kind === 'class') queue.push({ module: value.module, node: value.node });
      }
    }
    return chain;
  }

  /** `self.name = value` in any method of the class or its local bases, or a class attribute: what the attribute holds. */
  private instanceAttribute(module: PyModule, cls: PyNode, name: string, instance: PyValue, depth: number): PyValue {
    if (depth > MAX_DEPTH) return UNKNOWN;
    for (const owner of this.classChain(module, cls)) {
      const classBinding = this.program.scopeOf(owner.node).names.get(name);
      if (classBinding) return this.fromBindings(classBinding, { module: owner.module, fn: undefined, parent: undefined }, depth + 1);
      for (const method of descendants(child(owner.node, 'Body') ?? owner.node, (n) => n.type !== 'ClassDefinition')) {
        if (method.type !== 'AssignStatement') continue;
        const { targets, value } = assignmentParts(method);
        const target = targets[0];
        if (!value || targets.length !== 1 || target?.type !== 'MemberExpression') continue;
        const [self, dot, prop] = target.children;
        if (self?.type !== 'VariableName' || dot?.type !== '.' || nameOf(prop) !== name) continue;
        const fnNode = enclosingFunction(method);
        if (!fnNode || this.program.scopeOf(fnNode).parameters[0] !== nameOf(self)) continue;
        const args = instance.kind === 'instance' && instance.init === fnNode ? (instance.args as Frame['args']) : undefined;
        const result = this.evaluate(value, { module: owner.module, fn: fnNode, parent: undefined, self: instance, ...(args ? { args } : {}) }, depth + 1);
        if (result.kind !== 'unknown' && !(result.kind === 'external' && result.path[0] === 'None')) return result;
      }
    }
    return UNKNOWN;
  }

  /** Positional and keyword arguments of a call. */
  private argumentsOf(call: PyNode): { positional: PyNode[]; keywords: Map<string, PyNode>; spread: PyNode[] } {
    const list = child(call, 'ArgList');
    const positional: PyNode[] = [];
    const keywords = new Map<string, PyNode>();
    const spread: PyNode[] = [];
    const kids = list?.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      if (c.type === 'VariableName' && kids[i + 1]?.type === 'AssignOp' && kids[i + 2]) {
        keywords.set(nameOf(c)!, kids[i + 2]!);
        i += 2;
      } else if (c.type === '*' || c.type === '**') {
        if (kids[i + 1]) spread.push(kids[i + 1]!);
        i++;
      } else positional.push(c);
    }
    return { positional, keywords, spread };
  }

  /** The request of a boto3 call: its keyword arguments (and `**params` when known), with positional names where a method takes them. */
  private requestOf(call: PyNode, frame: Frame, depth: number, positionalNames: string[] = [], base: Record<string, StaticValue> = {}): StaticValue {
    const { positional, keywords, spread } = this.argumentsOf(call);
    const properties: Record<string, StaticValue> = { ...base };
    for (const node of spread) {
      const value = staticOf(this.evaluate(node, frame, depth + 1));
      if (value.kind !== 'object') return { kind: 'unknown', reason: `the request \`${shortText(frame.module, node)}\` is computed at run time` };
      Object.assign(properties, value.properties);
    }
    positional.forEach((node, i) => {
      const name = positionalNames[i];
      if (name) properties[name] = staticOf(this.evaluate(node, frame, depth + 1));
    });
    for (const [name, node] of keywords) properties[name] = staticOf(this.evaluate(node, frame, depth + 1));
    return { kind: 'object', properties };
  }

  private argument(call: PyNode, index: number, keyword: string | undefined, frame: Frame, depth: number): PyValue | undefined {
    const { positional, keywords } = this.argumentsOf(call);
    const node = (keyword !== undefined ? keywords.get(keyword) : undefined) ?? positional[index];
    return node ? this.evaluate(node, frame, depth + 1) : undefined;
  }

  /** What a call returns (pure: facts are recorded by the walk, not here). */
  private callValue(node: PyNode, frame: Frame, depth: number): PyValue {
    const callee = node.children[0];
    if (!callee) return UNKNOWN;
    const target = this.evaluate(callee, frame, depth + 1);
    const method = callee.type === 'MemberExpression' && callee.children[1]?.type === '.' ? nameOf(callee.children[2]) : undefined;
    switch (target.kind) {
      case 'external':
        return this.externalCallValue(target.path, node, frame, depth);
      case 'class':
        return this.construct(target, node, frame);
      case 'function':
        return this.returnValue(target, node, frame, depth);
      default:
        break;
    }
    if (method === undefined || callee.type !== 'MemberExpression') return UNKNOWN;
    const object = this.evaluate(callee.children[0]!, frame, depth + 1);
    return this.methodValue(object, method, node, frame, depth);
  }

  private methodValue(object: PyValue, method: string, node: PyNode, frame: Frame, depth: number): PyValue {
    switch (object.kind) {
      case 'session':
        if (method === 'client' || method === 'resource') return this.sdkValue(method, node, frame, depth);
        return UNKNOWN;
      case 'client': {
        if (method === 'get_paginator' || method === 'get_waiter') {
          const name = staticOf(this.argument(node, 0, method === 'get_paginator' ? 'operation_name' : 'waiter_name', frame, depth) ?? UNKNOWN);
          if (name.kind !== 'string') return UNKNOWN;
          const operation = method === 'get_paginator' ? operationName(object.prefix, name.value) : waiterOperation(object.prefix, name.value);
          return operation ? { kind: method === 'get_paginator' ? 'paginator' : 'waiter', prefix: object.prefix, operation } : UNKNOWN;
        }
        return UNKNOWN;
      }
      case 'resource': {
        const types = RESOURCE_TYPES[object.service];
        const type = types?.[method];
        if (type && method !== '') return { kind: 'resource-object', service: object.service, prefix: object.prefix, type: method, ids: this.identifiers(type.identifiers, node, frame, depth, {}) };
        if (object.service === 'sqs' && method === 'get_queue_by_name') {
          const name = staticOf(this.argument(node, -1, 'QueueName', frame, depth) ?? UNKNOWN);
          return { kind: 'resource-object', service: 'sqs', prefix: 'sqs', type: 'Queue', ids: { QueueUrl: name } };
        }
        return UNKNOWN;
      }
      case 'resource-object': {
        const type = RESOURCE_TYPES[object.service]?.[object.type];
        const sub = type?.subresources?.[method];
        const subType = sub ? RESOURCE_TYPES[object.service]?.[sub] : undefined;
        if (sub && subType) return { kind: 'resource-object', service: object.service, prefix: object.prefix, type: sub, ids: this.identifiers(subType.identifiers, node, frame, depth, object.ids) };
        if (object.type === 'Table' && method === 'batch_writer') return { kind: 'batch-writer', prefix: object.prefix, table: object.ids.TableName ?? { kind: 'unknown', reason: 'no table' } };
        return UNKNOWN;
      }
      case 'collection':
        if (['all', 'filter', 'limit', 'page_size'].includes(method)) {
          const request = this.requestOf(node, frame, depth);
          const filters = request.kind === 'object' ? request.properties : {};
          return { ...object, filters: { ...object.filters, ...filters } };
        }
        return UNKNOWN;
      case 'provider':
        return UNKNOWN;
      case 'thread':
        return object;
      default:
        return UNKNOWN;
    }
  }

  /** Resource identifiers: the parent's, then the constructor's positional or keyword arguments. */
  private identifiers(names: string[], node: PyNode, frame: Frame, depth: number, inherited: Record<string, StaticValue>): Record<string, StaticValue> {
    const ids: Record<string, StaticValue> = {};
    const { positional, keywords } = this.argumentsOf(node);
    let next = 0;
    for (const name of names) {
      if (Object.hasOwn(inherited, name)) {
        ids[name] = inherited[name]!;
        continue;
      }
      const lower = name.charAt(0).toLowerCase() + name.slice(1);
      const arg = keywords.get(name) ?? keywords.get(lower) ?? keywords.get(snake(name)) ?? positional[next++];
      ids[name] = arg ? staticOf(this.evaluate(arg, frame, depth + 1)) : { kind: 'unknown', reason: `no ${name}` };
    }
    return ids;
  }

  private sdkValue(kind: 'client' | 'resource', node: PyNode, frame: Frame, depth: number): PyValue {
    const service = staticOf(this.argument(node, 0, 'service_name', frame, depth) ?? UNKNOWN);
    if (service.kind !== 'string') return UNKNOWN;
    return { kind, service: service.value, prefix: servicePrefix(service.value) };
  }

  private externalCallValue(pathParts: string[], node: PyNode, frame: Frame, depth: number): PyValue {
    const name = pathParts.join('.');
    if (name === 'boto3.client' || name === 'boto3.resource') return this.sdkValue(pathParts[1] as 'client' | 'resource', node, frame, depth);
    if (name === 'boto3.Session' || name === 'boto3.session.Session') return { kind: 'session', perRequest: false };
    if (name === 'os.getenv' || name === 'os.environ.get') return envValue(staticOf(this.argument(node, 0, 'key', frame, depth) ?? UNKNOWN));
    if (name === 'str') return this.argument(node, 0, undefined, frame, depth) ?? UNKNOWN;
    if (name === 'threading.Thread' || name === 'threading.Timer') return { kind: 'thread' };
    if (pathParts[0] === POWERTOOLS) {
      const last = pathParts[pathParts.length - 1]!;
      const input = (key: string): StaticValue => staticOf(this.argument(node, -1, key, frame, depth) ?? UNKNOWN);
      if (last === 'SSMProvider') return { kind: 'provider', service: 'ssm', operation: 'GetParameter', input: { kind: 'unknown', reason: 'per call' }, multiple: 'GetParametersByPath' };
      if (last === 'SecretsProvider') return { kind: 'provider', service: 'secretsmanager', operation: 'GetSecretValue', input: { kind: 'unknown', reason: 'per call' } };
      if (last === 'DynamoDBProvider') return { kind: 'provider', service: 'dynamodb', operation: 'GetItem', input: { kind: 'object', properties: { tableName: input('table_name') } } };
      if (last === 'DynamoDBPersistenceLayer') return { kind: 'persistence', table: input('table_name') };
    }
    return { kind: 'external', path: [...pathParts, '()'] };
  }

  /** What a local function returns: followed for small factories (`def get_table(): return boto3.resource(...).Table(...)`). */
  private returnValue(target: Extract<PyValue, { kind: 'function' }>, call: PyNode, frame: Frame, depth: number): PyValue {
    if (depth > MAX_DEPTH / 2) return UNKNOWN;
    const body = target.node.type === 'LambdaExpression' ? undefined : child(target.node, 'Body');
    const calleeFrame: Frame = { module: target.module, fn: target.node, parent: undefined, args: this.bindArguments(target, call, frame), ...(target.self ? { self: target.self } : {}) };
    if (target.node.type === 'LambdaExpression') {
      const expression = target.node.children[target.node.children.length - 1];
      return expression ? this.evaluate(expression, calleeFrame, depth + 1) : UNKNOWN;
    }
    for (const node of descendants(body ?? target.node, (n) => !FUNCTION_TYPES.has(n.type) && n.type !== 'ClassDefinition')) {
      if (node.type !== 'ReturnStatement' || !node.children[1]) continue;
      const value = this.evaluate(node.children[1], calleeFrame, depth + 1);
      if (value.kind !== 'unknown' && !(value.kind === 'external' && value.path[0] === 'None')) return value;
    }
    return UNKNOWN;
  }

  private bindArguments(target: Extract<PyValue, { kind: 'function' }>, call: PyNode, frame: Frame): Map<string, { node: PyNode; frame: Frame }> {
    const parameters = this.program.scopeOf(target.node).parameters;
    const { positional, keywords } = this.argumentsOf(call);
    const args = new Map<string, { node: PyNode; frame: Frame }>();
    const offset = target.self ? 1 : 0;
    positional.forEach((node, i) => {
      const name = parameters[i + offset];
      if (name) args.set(name, { node, frame });
    });
    for (const [name, node] of keywords) if (parameters.includes(name)) args.set(name, { node, frame });
    return args;
  }

  // -----------------------------------------------------------------------------------------------
  // The walk: facts from each body reached

  private visit(item: Visit): void {
    const { frame, context } = item;
    const owner = frame.fn ?? frame.module.root;
    const seen = this.visits.get(owner) ?? new Set<string>();
    this.visits.set(owner, seen);
    const withArgs = (frame.args?.size ?? 0) > 0 || frame.self !== undefined;
    const key = withArgs && seen.size < MAX_VISITS_PER_FUNCTION ? `${context}@${item.via.map((l) => `${l.file}:${l.line}:${l.column}`).join('<')}` : context;
    if (seen.has(key) || (withArgs && seen.size >= MAX_VISITS_PER_FUNCTION && seen.has(context))) return;
    seen.add(key);
    this.visitCount++;
    const module = frame.module;
    if (frame.fn && context === 'invocation') this.decoratorFacts(frame, item);
    const body = frame.fn ? (frame.fn.type === 'LambdaExpression' ? frame.fn : child(frame.fn, 'Body')) : module.root;
    if (!body) return;
    // Module code: class bodies run on import, function bodies only when called. Function code: nested
    // functions and lambdas are callbacks of this body, run as part of it.
    const nodes = descendants(body, (n) => (frame.fn && context === 'invocation' ? n.type !== 'ClassDefinition' : !FUNCTION_TYPES.has(n.type)));
    for (const node of nodes) {
      const inner = this.frameAt(node, frame);
      if (node.type === 'CallExpression') this.callFacts(node, inner, item);
      if (context === 'invocation' && frame.fn) this.stateFacts(node, inner, item);
    }
    void module;
  }

  /** The frame of a nested function or lambda `node` is written in, within `frame`'s body. */
  private frameAt(node: PyNode, frame: Frame): Frame {
    if (!frame.fn) return frame;
    const chain: PyNode[] = [];
    for (let p = node.parent; p && p !== frame.fn; p = p.parent) if (FUNCTION_TYPES.has(p.type)) chain.unshift(p);
    let current = frame;
    for (const fnNode of chain) current = { module: frame.module, fn: fnNode, parent: current };
    return current;
  }

  private via(item: Visit): Location[] {
    return item.via;
  }

  private callFacts(node: PyNode, frame: Frame, item: Visit): void {
    const module = frame.module;
    const callee = node.children[0];
    if (!callee) return;
    const target = this.evaluate(callee, frame, 0);
    const site = pyLocation(module, node);
    switch (target.kind) {
      case 'function':
        this.queue.push({ frame: { module: target.module, fn: target.node, parent: undefined, args: this.bindArguments(target, node, frame), ...(target.self ? { self: target.self } : {}) }, context: item.context, via: [...item.via, site] });
        break;
      case 'class': {
        const instance = this.construct(target, node, frame);
        if (instance.init) this.queue.push({ frame: { module: instance.module, fn: instance.init, parent: undefined, args: instance.args as Frame['args'], self: instance }, context: item.context, via: [...item.via, site] });
        break;
      }
      case 'external':
        this.externalCallFacts(target.path, node, frame, item);
        break;
      default:
        break;
    }
    if (callee.type === 'MemberExpression' && callee.children[1]?.type === '.') {
      const method = nameOf(callee.children[2]);
      if (method !== undefined) this.methodFacts(this.evaluate(callee.children[0]!, frame, 0), method, node, frame, item);
    }
    // getattr(client, name)(...): a dynamic operation on an AWS client
    if (callee.type === 'CallExpression') {
      const inner = callee.children[0];
      if (inner?.type === 'VariableName' && nameOf(inner) === 'getattr') {
        const object = this.argument(callee, 0, undefined, frame, 0);
        const name = this.argument(callee, 1, undefined, frame, 0);
        const known = name?.kind === 'static' && name.value.kind === 'string' ? name.value.value : undefined;
        if (object && (object.kind === 'client' || object.kind === 'resource-object')) {
          if (known !== undefined) this.methodFacts(object, known, node, frame, item);
          else this.cannotFollow(module, node, `\`${shortText(module, callee)}\` (an AWS call whose operation is computed at run time)`);
        }
      }
    }
  }

  private addCall(prefix: string, operation: string, style: SdkCall['style'], input: StaticValue, node: PyNode, frame: Frame, item: Visit): void {
    const location = pyLocation(frame.module, node);
    const key = `${location.file}:${location.line}:${location.column}:${prefix}:${operation}:${JSON.stringify(input)}`;
    if (this.callKeys.has(key)) return;
    this.callKeys.add(key);
    this.usage.calls.push({ service: prefix, operation, style, input, location, via: this.via(item) });
  }

  private methodFacts(object: PyValue, method: string, node: PyNode, frame: Frame, item: Visit): void {
    const module = frame.module;
    switch (object.kind) {
      case 'session':
        if (method === 'client' || method === 'resource') this.clientFact(node, frame, item, object.perRequest);
        return;
      case 'client': {
        if (CLIENT_NON_OPERATIONS.has(method)) return;
        if (method === 'generate_presigned_url') {
          const clientMethod = staticOf(this.argument(node, 0, 'ClientMethod', frame, 0) ?? UNKNOWN);
          const params = staticOf(this.argument(node, 1, 'Params', frame, 0) ?? { kind: 'static', value: { kind: 'object', properties: {} } });
          if (clientMethod.kind === 'string') this.addCall(object.prefix, operationName(object.prefix, clientMethod.value), 'presign', params, node, frame, item);
          else this.cannotFollow(module, node, `\`${shortText(module, node)}\` (a presigned URL for an operation computed at run time)`);
          return;
        }
        if (method === 'generate_presigned_post') {
          this.addCall(object.prefix, 'PutObject', 'presign', this.requestOf(node, frame, 0, ['Bucket', 'Key']), node, frame, item);
          return;
        }
        const transfer = object.prefix === 's3' ? S3_TRANSFER[method] : undefined;
        if (transfer) {
          this.addCall('s3', transfer.operation, 'boto3', this.requestOf(node, frame, 0, transfer.positional), node, frame, item);
          return;
        }
        if (!/^[a-z][a-z0-9_]*$/.test(method)) return;
        this.addCall(object.prefix, operationName(object.prefix, method), 'boto3', this.requestOf(node, frame, 0), node, frame, item);
        return;
      }
      case 'paginator':
        if (method === 'paginate') this.addCall(object.prefix, object.operation, 'boto3', this.requestOf(node, frame, 0), node, frame, item);
        return;
      case 'waiter':
        if (method === 'wait') this.addCall(object.prefix, object.operation, 'boto3', this.requestOf(node, frame, 0), node, frame, item);
        return;
      case 'resource': {
        const types = RESOURCE_TYPES[object.service];
        if (types?.[method] || method === 'get_queue_by_name') {
          if (method === 'get_queue_by_name') this.addCall('sqs', 'GetQueueUrl', 'boto3', this.requestOf(node, frame, 0), node, frame, item);
          return;
        }
        if (/^[A-Z]/.test(method)) {
          this.cannotFollow(module, node, `\`${shortText(module, node)}\` (a boto3 ${object.service} resource noops-lint does not model)`);
          return;
        }
        if (method === 'meta') return;
        this.addCall(object.prefix, operationName(object.prefix, method), 'boto3', this.requestOf(node, frame, 0), node, frame, item);
        return;
      }
      case 'resource-object': {
        const type = RESOURCE_TYPES[object.service]?.[object.type];
        if (!type || type.subresources?.[method] || method === 'batch_writer' || method === 'meta') return;
        const action = type.actions?.[method];
        if (/^[A-Z]/.test(method)) {
          this.cannotFollow(module, node, `\`${shortText(module, node)}\` (a boto3 ${object.service} resource noops-lint does not model)`);
          return;
        }
        const operation = action ? action.operation : operationName(object.prefix, method);
        this.addCall(object.prefix, operation, 'boto3', this.requestOf(node, frame, 0, action?.positional ?? [], object.ids), node, frame, item);
        return;
      }
      case 'collection': {
        const spec = RESOURCE_TYPES[object.service]?.[object.type]?.collections?.[object.name];
        if (!spec) return;
        if (['all', 'filter', 'limit', 'page_size'].includes(method)) {
          const request = this.requestOf(node, frame, 0);
          const filters = request.kind === 'object' ? request.properties : {};
          this.addCall(object.prefix, spec.operation, 'boto3', { kind: 'object', properties: { ...object.ids, ...object.filters, ...filters } }, node, frame, item);
          return;
        }
        const batch = spec.batch?.[method];
        if (batch) {
          this.addCall(object.prefix, spec.operation, 'boto3', { kind: 'object', properties: { ...object.ids, ...object.filters } }, node, frame, item);
          this.addCall(object.prefix, batch, 'boto3', { kind: 'object', properties: { ...object.ids } }, node, frame, item);
        }
        return;
      }
      case 'batch-writer': {
        const operation = method === 'put_item' ? 'PutRequest' : method === 'delete_item' ? 'DeleteRequest' : undefined;
        if (!operation) return;
        const table = object.table;
        const key = table.kind === 'string' ? table.value : table.kind === 'env' ? `${table.prefix}\${env:${table.name}}${table.suffix}` : undefined;
        const input: StaticValue = key === undefined ? { kind: 'unknown', reason: 'the table of the batch writer is computed at run time' } : { kind: 'object', properties: { RequestItems: { kind: 'object', properties: { [key]: { kind: 'array', items: [{ kind: 'object', properties: { [operation]: { kind: 'object', properties: {} } } }] } } } } };
        this.addCall(object.prefix, 'BatchWriteItem', 'boto3', input, node, frame, item);
        return;
      }
      case 'provider': {
        const argument = staticOf(this.argument(node, 0, 'name', frame, 0) ?? UNKNOWN);
        if (method === 'get') this.addCall(object.service, object.operation, 'library', object.service === 'dynamodb' ? object.input : argument, node, frame, item);
        else if (method === 'get_multiple' && object.multiple) this.addCall(object.service, object.multiple, 'library', staticOf(this.argument(node, 0, 'path', frame, 0) ?? UNKNOWN), node, frame, item);
        else if (method === 'get_multiple' && object.service === 'dynamodb') this.addCall('dynamodb', 'Query', 'boto3', { kind: 'object', properties: { TableName: object.input.kind === 'object' ? (object.input.properties.tableName ?? UNKNOWN_STATIC) : UNKNOWN_STATIC } }, node, frame, item);
        return;
      }
      case 'thread':
        if (method === 'start' && item.context === 'invocation') this.threadFact(node, frame, item);
        return;
      default:
        return;
    }
  }

  private clientFact(node: PyNode, frame: Frame, item: Visit, perRequestSession: boolean): void {
    const module = frame.module;
    const value = this.callValue(node, frame, 0);
    if (value.kind !== 'client' && value.kind !== 'resource') return;
    const { keywords } = this.argumentsOf(node);
    const credentials = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'].some((k) => keywords.has(k) && this.evaluate(keywords.get(k)!, frame, 0).kind !== 'static');
    const name = `boto3.${value.kind}('${value.service}')`;
    this.addClient({ name, kind: 'aws-sdk', scope: this.scopeOfCreation(node, frame, item.context), location: pyLocation(module, node), via: this.via(item), ...(credentials || perRequestSession ? { configuredPerRequest: true } : {}) });
  }

  private addClient(client: ClientCreation): void {
    const key = `${client.location.file}:${client.location.line}:${client.location.column}:${client.scope}`;
    if (this.clientKeys.has(key)) return;
    this.clientKeys.add(key);
    this.usage.clients.push(client);
  }

  /** `lazy` when the result is kept in a module variable (`global _client`), a module dict, or the function caches its result. */
  private scopeOfCreation(node: PyNode, frame: Frame, context: Context): ClientCreation['scope'] {
    if (context === 'module') return 'module';
    for (let f: Frame | undefined = frame; f?.fn; f = f.parent) if (this.decoratorNames(f).some((d) => CACHING_DECORATORS.has(d))) return 'lazy';
    let statement: PyNode | undefined = node.parent;
    while (statement && !statement.type.endsWith('Statement') && statement.type !== 'NamedExpression') statement = statement.parent;
    if (statement?.type === 'AssignStatement' || statement?.type === 'NamedExpression') {
      const { targets } = statement.type === 'AssignStatement' ? assignmentParts(statement) : { targets: [statement.children[0]!] };
      for (const target of targets) {
        if (target.type === 'VariableName' && frame.fn && this.program.scopeOf(frame.fn).globals.has(nameOf(target)!)) return 'lazy';
        if (target.type === 'MemberExpression' && target.children[1]?.type !== '.') {
          const root = target.children[0];
          if (root?.type === 'VariableName' && this.isModuleName(nameOf(root)!, frame)) return 'lazy';
        }
      }
    }
    return 'invocation';
  }

  private isModuleName(name: string, frame: Frame): boolean {
    for (let f: Frame | undefined = frame; f?.fn; f = f.parent) {
      const scope = this.program.scopeOf(f.fn);
      if (scope.globals.has(name)) return true;
      if (scope.names.has(name) || scope.parameters.includes(name)) return false;
    }
    return this.program.scopeOf(frame.module.root).names.has(name);
  }

  private decoratorNames(frame: Frame): string[] {
    const fnNode = frame.fn;
    if (!fnNode || fnNode.parent?.type !== 'DecoratedStatement') return [];
    const out: string[] = [];
    for (const decorator of fnNode.parent.children) {
      if (decorator.type !== 'Decorator') continue;
      const value = this.decoratorHead(decorator, { module: frame.module, fn: undefined, parent: undefined });
      if (value.kind === 'external') out.push(value.path.join('.'));
      out.push(decoratorText(decorator));
    }
    return out;
  }

  /** Powertools idempotency on the handler or a helper: each invocation reads and writes its record in the table. */
  private decoratorFacts(frame: Frame, item: Visit): void {
    const fnNode = frame.fn;
    if (!fnNode || fnNode.parent?.type !== 'DecoratedStatement') return;
    const moduleFrame: Frame = { module: frame.module, fn: undefined, parent: undefined };
    for (const decorator of fnNode.parent.children) {
      if (decorator.type !== 'Decorator') continue;
      // `@idempotent(...)`: the decorator's name parts and its ArgList are children of the Decorator node
      const expression = decorator;
      if (!child(decorator, 'ArgList')) continue;
      const head = this.decoratorHead(decorator, moduleFrame);
      const name = head.kind === 'external' ? head.path[head.path.length - 1] : undefined;
      if (head.kind !== 'external' || head.path[0] !== POWERTOOLS || (name !== 'idempotent' && name !== 'idempotent_function')) continue;
      const store = this.argument(expression, -1, 'persistence_store', moduleFrame, 0);
      if (store?.kind !== 'persistence') {
        this.cannotFollow(frame.module, expression, `\`${shortText(frame.module, expression)}\` (an idempotency store noops-lint cannot see)`);
        continue;
      }
      for (const operation of ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem']) this.addCall('dynamodb', operation, 'library', { kind: 'object', properties: { tableName: store.table } }, expression, moduleFrame, item);
    }
  }

  /** What `@a.b.c(...)` names: the dotted name before its arguments. */
  private decoratorHead(decorator: PyNode, frame: Frame): PyValue {
    let value: PyValue | undefined;
    for (const part of decorator.children) {
      if (part.type === 'VariableName' && value === undefined) value = this.lookup(nameOf(part)!, frame, 0);
      else if ((part.type === 'VariableName' || part.type === 'PropertyName') && value !== undefined) value = this.attribute(value, nameOf(part)!, frame, 0);
      else if (part.type !== 'At' && part.type !== '.') break;
    }
    return value ?? UNKNOWN;
  }

  private externalCallFacts(pathParts: string[], node: PyNode, frame: Frame, item: Visit): void {
    const module = frame.module;
    const name = pathParts.join('.');
    if (name === 'boto3.client' || name === 'boto3.resource') {
      this.clientFact(node, frame, item, false);
      return;
    }
    if (pathParts[0] === POWERTOOLS) {
      const last = pathParts[pathParts.length - 1]!;
      const arg = (i: number, key: string): StaticValue => staticOf(this.argument(node, i, key, frame, 0) ?? UNKNOWN);
      if (last === 'get_parameter') this.addCall('ssm', 'GetParameter', 'library', arg(0, 'name'), node, frame, item);
      else if (last === 'get_parameters') this.addCall('ssm', 'GetParametersByPath', 'library', arg(0, 'path'), node, frame, item);
      else if (last === 'get_parameters_by_name') this.addCall('ssm', 'GetParameters', 'library', arg(0, 'parameters'), node, frame, item);
      else if (last === 'get_secret') this.addCall('secretsmanager', 'GetSecretValue', 'library', arg(0, 'name'), node, frame, item);
      else if (last === 'set_parameter') this.addCall('ssm', 'PutParameter', 'library', arg(0, 'name'), node, frame, item);
      return;
    }
    const database = DATABASE_CONNECTORS[name];
    if (database) {
      this.addClient({ name, kind: 'database', scope: this.scopeOfCreation(node, frame, item.context), location: pyLocation(module, node), via: this.via(item), ...this.hostOf(node, frame, database) });
      return;
    }
    if (name === 'importlib.import_module' || name === '__import__' || name === 'exec' || name === 'eval') {
      const arg = staticOf(this.argument(node, 0, undefined, frame, 0) ?? UNKNOWN);
      if (arg.kind !== 'string' || name === 'exec' || name === 'eval') this.cannotFollow(module, node, `\`${shortText(module, node)}\``);
      else {
        const target = this.resolveModule(module, arg.value.split('.'), 0, undefined);
        if (target) this.addModule(target, [...item.via, pyLocation(module, node)]);
      }
      return;
    }
    if (item.context !== 'invocation') return;
    this.fileFacts(name, node, frame, item);
  }

  private hostOf(node: PyNode, frame: Frame, spec: { hostArg?: number; url?: boolean }): { host?: string } {
    const { positional, keywords } = this.argumentsOf(node);
    for (const key of ['host', 'hostname', 'url', 'dsn', 'conninfo', 'hosts']) {
      const arg = keywords.get(key);
      if (!arg) continue;
      const value = staticOf(this.evaluate(arg, frame, 0));
      const host = value.kind === 'string' ? hostInText(value.value, key === 'host' || key === 'hostname') : undefined;
      if (host) return { host };
    }
    if (spec.hostArg !== undefined && positional[spec.hostArg]) {
      const value = staticOf(this.evaluate(positional[spec.hostArg]!, frame, 0));
      const host = value.kind === 'string' ? hostInText(value.value, !spec.url) : undefined;
      if (host) return { host };
    }
    return {};
  }

  private threadFact(node: PyNode, frame: Frame, item: Visit): void {
    // Joined in the same function (`t.join()`, `for t in threads: t.join()`): waited for.
    const body = frame.fn ? (child(frame.fn, 'Body') ?? frame.fn) : frame.module.root;
    const joined = descendants(body).some((n) => n.type === 'CallExpression' && n.children[0]?.type === 'MemberExpression' && nameOf(n.children[0].children[2]) === 'join' && n.children[0].children[0]?.type === 'VariableName' && (child(n, 'ArgList')?.children.length ?? 0) === 0);
    if (joined) return;
    this.addBackground({ kind: 'thread', text: shortText(frame.module, node), scope: 'invocation', location: pyLocation(frame.module, node), via: this.via(item) });
  }

  private addBackground(work: BackgroundWork): void {
    const key = `bg|${work.location.file}:${work.location.line}:${work.location.column}`;
    if (this.otherKeys.has(key)) return;
    this.otherKeys.add(key);
    this.usage.backgroundWork!.push(work);
  }

  /** open(path, 'w'), os.makedirs, shutil copies, pathlib writes: where per-request code writes files. */
  private fileFacts(name: string, node: PyNode, frame: Frame, item: Visit): void {
    const module = frame.module;
    let target: PyNode | undefined;
    let operation = name;
    const { positional, keywords } = this.argumentsOf(node);
    if (name === 'open' || name === 'io.open' || name === 'codecs.open') {
      const mode = keywords.get('mode') ?? positional[1];
      const text = mode ? staticOf(this.evaluate(mode, frame, 0)) : undefined;
      if (!text || text.kind !== 'string' || !/[wax+]/.test(text.value)) return;
      target = keywords.get('file') ?? positional[0];
      operation = `open(..., ${JSON.stringify(text.value)})`;
    } else if (['os.makedirs', 'os.mkdir', 'os.remove', 'os.unlink', 'os.rename', 'os.replace'].includes(name)) {
      target = positional[name === 'os.rename' || name === 'os.replace' ? 1 : 0];
    } else if (['shutil.copy', 'shutil.copyfile', 'shutil.copy2', 'shutil.copytree', 'shutil.move'].includes(name)) {
      target = positional[1] ?? keywords.get('dst');
    } else return;
    if (!target) return;
    const where = this.pathOf(target, frame, 0);
    const area: FileOperation['area'] = where === undefined ? 'unknown' : where.text === '/tmp' || where.text.startsWith('/tmp/') ? 'tmp' : 'read-only';
    const location = pyLocation(module, node);
    const key = `file|${location.file}:${location.line}:${location.column}`;
    if (this.otherKeys.has(key)) return;
    this.otherKeys.add(key);
    this.usage.fileOperations!.push({ kind: 'write', operation, path: where?.text ?? '', complete: where?.complete ?? false, area, guarded: false, scope: 'invocation', body: `${module.file}:${frame.fn?.from ?? 0}`, position: node.from, location, via: this.via(item) });
  }

  /** A path as far as it is known: literal text, `/tmp` from tempfile, `<code>` for the code folder (`__file__`, a relative path). */
  private pathOf(node: PyNode, frame: Frame, depth: number): { text: string; complete: boolean } | undefined {
    if (depth > 10) return undefined;
    if (node.type === 'CallExpression') {
      const callee = this.evaluate(node.children[0]!, frame, depth + 1);
      const name = callee.kind === 'external' ? callee.path.join('.') : '';
      const { positional } = this.argumentsOf(node);
      if (name === 'os.path.join' || name === 'pathlib.Path' || name === 'Path') {
        const parts = positional.map((p) => this.pathOf(p, frame, depth + 1));
        if (parts.length === 0 || !parts[0]) return undefined;
        // an absolute later part replaces what comes before
        let text = parts[0].text;
        let complete = parts[0].complete;
        for (const part of parts.slice(1)) {
          if (!part) return complete ? { text, complete: false } : { text, complete: false };
          text = part.text.startsWith('/') ? part.text : `${text}/${part.text}`;
          complete = complete && part.complete;
        }
        return { text, complete };
      }
      if (name === 'os.path.dirname' || name === 'os.path.abspath' || name === 'os.path.realpath') return positional[0] ? this.pathOf(positional[0], frame, depth + 1) : undefined;
      if (name === 'tempfile.gettempdir' || name === 'tempfile.mkdtemp' || name === 'tempfile.mkstemp') return { text: '/tmp', complete: false };
      if (name === 'os.getcwd') return { text: '<code>', complete: false };
      return undefined;
    }
    if (node.type === 'VariableName' && nameOf(node) === '__file__') return { text: '<code>', complete: false };
    const value = staticOf(this.evaluate(node, frame, depth + 1));
    if (value.kind === 'string') return value.value.startsWith('/') ? { text: value.value, complete: true } : { text: `<code>/${value.value}`, complete: true };
    if (value.kind === 'partial' && value.prefix.startsWith('/')) return { text: value.prefix, complete: false };
    return undefined;
  }

  /** Module state written by per-request code: `CACHE.append(x)`, `SEEN[k] = v`, `COUNT += 1` on module variables. */
  private stateFacts(node: PyNode, frame: Frame, item: Visit): void {
    const module = frame.module;
    let target: PyNode | undefined;
    let kind: StateWrite['kind'] | undefined;
    if (node.type === 'AssignStatement' || node.type === 'UpdateStatement' || node.type === 'DeleteStatement') {
      const targets = node.type === 'AssignStatement' ? assignmentParts(node).targets : node.type === 'DeleteStatement' ? node.children.slice(1) : [node.children[0]!];
      for (const t of targets) {
        if (t.type === 'MemberExpression') {
          const root = rootName(t);
          if (!root) continue;
          target = root;
          kind = t.children[1]?.type === '.' ? 'property' : 'collection';
        } else if (t.type === 'VariableName' && frame.fn && this.program.scopeOf(frame.fn).globals.has(nameOf(t)!)) {
          target = t;
          if (node.type === 'UpdateStatement') kind = textOf(module, node.children[1]!) === '+=' && /^\d+$/.test(textOf(module, node.children[2] ?? node)) ? 'counter' : 'accumulate';
          else {
            const value = assignmentParts(node).value;
            kind = value && (value.type === 'ArrayExpression' || value.type === 'DictionaryExpression') && value.children.length === 0 ? 'reset' : undefined;
          }
        }
      }
    } else if (node.type === 'CallExpression') {
      const callee = node.children[0];
      if (callee?.type !== 'MemberExpression' || callee.children[1]?.type !== '.') return;
      const method = nameOf(callee.children[2]);
      const object = callee.children[0];
      if (object?.type !== 'VariableName' || method === undefined) return;
      if (['append', 'extend', 'insert', 'add', 'update', 'setdefault', 'appendleft', 'extendleft'].includes(method)) kind = 'collection';
      else if (method === 'clear') kind = 'reset';
      else return;
      target = object;
    }
    if (!target || !kind) return;
    const name = nameOf(target)!;
    if (!this.isModuleName(name, frame)) return;
    const declaration = this.moduleDeclaration(module, name);
    if (!declaration) return;
    // Only containers and counters the module itself makes (not imported modules, functions or clients).
    const value = declaration.kind === 'assign' ? declaration.value : undefined;
    if (kind !== 'counter' && kind !== 'accumulate' && kind !== 'reset' && !(value && isContainer(module, value))) return;
    const statement = enclosingStatement(node);
    const location = pyLocation(module, statement ?? node);
    const key = `state|${location.file}:${location.line}:${location.column}`;
    if (this.otherKeys.has(key)) return;
    this.otherKeys.add(key);
    // A memo: `if key not in CACHE: CACHE[key] = ...`
    if (kind === 'collection' && node.type === 'AssignStatement' && isMembershipGuarded(module, node, name)) kind = 'cache';
    this.usage.stateWrites!.push({ variable: name, declaration: pyLocation(module, declaration.node), kind, text: shortText(module, statement ?? node), location, via: this.via(item) });
  }

  private moduleDeclaration(module: PyModule, name: string): Binding | undefined {
    return this.program.scopeOf(module.root).names.get(name)?.[0];
  }

  private finish(): void {
    const usage = this.usage;
    usage.files = [...this.graph.keys()].sort();
    usage.calls.sort((a, b) => compareLocations(a.location, b.location));
    usage.clients.sort((a, b) => compareLocations(a.location, b.location) || a.scope.localeCompare(b.scope));
    usage.stateWrites!.sort((a, b) => compareLocations(a.location, b.location));
    usage.fileOperations!.sort((a, b) => compareLocations(a.location, b.location));
    usage.backgroundWork!.sort((a, b) => compareLocations(a.location, b.location));
  }
}

const UNKNOWN_STATIC: StaticValue = { kind: 'unknown', reason: 'computed at run time' };

function decoratorText(decorator: PyNode): string {
  return decorator.children
    .filter((c) => c.type === 'VariableName' || c.type === 'PropertyName')
    .map((c) => c.name)
    .join('.');
}

function nameNode(node: PyNode): PyNode {
  return child(node, 'VariableName') ?? node;
}

/** The plain names of a function's decorators (`staticmethod`, `classmethod`). */
function decoratorsOf(node: PyNode): string[] {
  if (node.parent?.type !== 'DecoratedStatement') return [];
  return node.parent.children.filter((d) => d.type === 'Decorator').map(decoratorText);
}

function enclosingFunction(node: PyNode): PyNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'FunctionDefinition') return p;
  return undefined;
}

function enclosingStatement(node: PyNode): PyNode | undefined {
  for (let p: PyNode | undefined = node; p; p = p.parent) if (p.type.endsWith('Statement')) return p;
  return undefined;
}

function rootName(node: PyNode): PyNode | undefined {
  let current: PyNode | undefined = node;
  while (current?.type === 'MemberExpression') current = current.children[0];
  return current?.type === 'VariableName' ? current : undefined;
}

function isContainer(module: PyModule, value: PyNode): boolean {
  if (value.type === 'ArrayExpression' || value.type === 'DictionaryExpression' || value.type === 'SetExpression') return true;
  if (value.type === 'CallExpression') {
    const callee = textOf(module, value.children[0]!);
    return ['list', 'dict', 'set', 'defaultdict', 'collections.defaultdict', 'deque', 'collections.deque', 'OrderedDict', 'collections.OrderedDict', 'Counter', 'collections.Counter'].includes(callee);
  }
  return false;
}

function isMembershipGuarded(module: PyModule, node: PyNode, name: string): boolean {
  for (let p = node.parent; p && !FUNCTION_TYPES.has(p.type); p = p.parent) {
    if (p.type !== 'IfStatement') continue;
    const condition = p.children[1];
    if (condition && new RegExp(`\\bnot\\s+in\\s+${name}\\b|\\b${name}\\.get\\(`).test(textOf(module, condition))) return true;
  }
  return false;
}

function stringStatic(module: PyModule, node: PyNode): PyValue {
  const value = stringValue(module, node);
  return { kind: 'static', value: value === undefined ? { kind: 'unknown', reason: 'a bytes or unusual string literal' } : { kind: 'string', value } };
}

function envValue(name: StaticValue | undefined): PyValue {
  if (name?.kind !== 'string') return { kind: 'static', value: { kind: 'unknown', reason: 'an environment variable whose name is computed' } };
  return { kind: 'static', value: { kind: 'env', name: name.value, prefix: '', suffix: '' } };
}

function literalPrefix(text: string, placeholder: RegExp, what: string): PyValue {
  const match = placeholder.exec(text);
  if (!match) return { kind: 'static', value: { kind: 'string', value: text } };
  const prefix = text.slice(0, match.index);
  return { kind: 'static', value: prefix ? { kind: 'partial', prefix, reason: `${what} is formatted at run time` } : { kind: 'unknown', reason: `${what} is formatted at run time` } };
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The host a connection string or host argument names: `postgresql://u:p@localhost:5432/db`, `host=localhost dbname=x`, `localhost`. */
export function hostInText(text: string, plain: boolean): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#,]+)/i.exec(text.trim());
  if (url) return url[1];
  const keyword = /(?:^|\s)host\s*=\s*'?([^\s']+)/i.exec(text);
  if (keyword) return keyword[1];
  if (plain && /^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:]+\]?$/.test(text.trim())) return text.trim();
  return undefined;
}
