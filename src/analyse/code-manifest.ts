// Reads a Serverless Framework configuration written as code (serverless.ts, serverless.js) without running it: the
// exported value is evaluated as static data (literals, const bindings, spreads, imports of project modules, and
// calls of small pure helpers such as the template's handlerPath(__dirname)); everything else becomes an Unresolved
// value with a note where it is written. Values keep the position of the code that wrote them, in whichever module.
import path from 'node:path';
import type * as TS from 'typescript';
import ts, { loadTypeScriptNow } from './typescript.js';
import { SourceCache, type SourceModule } from './source-files.js';
import { ModuleResolver } from './module-resolution.js';
import type { SourceReader } from './source-reader.js';
import { inputFinding, INPUT_RULES, type Finding } from '../model/finding.js';
import { locationAtStart, type Location } from '../model/location.js';
import { locationOf, locationOfKey, locationOfValue, recordMember, recordPosition } from '../model/positions.js';
import { Unresolved } from '../model/values.js';
import { quote } from '../util/quote.js';
import { parseYaml } from '../load/yaml.js';
import type { ProjectFiles } from '../load/files.js';
import type { CodeManifest, LoadOptions } from '../load/manifests/context.js';

export const CODE_MANIFEST_LIMITS = {
  /** Project modules one configuration may import (directly or not). */
  maxModules: 200,
  /** Expressions evaluated per configuration: a generous bound, far above any real one. */
  maxSteps: 200_000,
  /** Nesting of evaluated expressions (objects in objects, calls in calls). */
  maxDepth: 200,
  /** Calls of helper functions inside calls. */
  maxCallDepth: 24,
  /** Items an evaluated array may hold (`Array(1e9)`-like code cannot grow one). */
  maxArrayItems: 100_000,
};

/**
 * Evaluates the configuration `file` (root-relative) exports; the engine hands it to the project loader (it needs
 * TypeScript's parser and the module resolution of the analysis, which the loader layer does not import). Never runs it: only the expressions listed in README's
 * "Serverless configurations written as code" are evaluated, reading project files through `files` (confined to the root).
 */
export function readCodeManifest(files: ProjectFiles, file: string, options: LoadOptions): CodeManifest {
  loadTypeScriptNow();
  return new CodeManifestReader(files, file, options).read();
}

/** The virtual absolute path of the project root: `__dirname` and `process.cwd()` are paths below it. */
const ROOT = '/__noops_lint_project_root__';

class BudgetExceeded extends Error {}

/** Characters of one evaluated string (a recursive helper doubling a string stops here). */
const MAX_STRING = 100_000;

// ---- values beside plain data ----

interface Scope {
  /** Root-relative module file. */
  file: string;
  dir: string;
  module: SourceModule;
  declarations: Map<string, TS.Node>;
  /** Top-level bindings evaluated so far (IN_PROGRESS while their initializer is evaluated). */
  values: Map<string, Evaluated | typeof IN_PROGRESS>;
  /** `default`, `module.exports` and `exports.x` evaluated so far. */
  exportValues: Map<string, Evaluated | typeof IN_PROGRESS>;
  /** `export { a as b }`, `export const b`: exported name → local name. */
  localExports: Map<string, string>;
  /** `export { a as b } from './x'`: exported name → the module and its export (`*` for a namespace). */
  reexports: Map<string, { specifier: string; name: string }>;
  starExports: string[];
  defaultExport?: TS.Expression;
  /** `module.exports = x` / `export = x` (the last one). */
  moduleExports?: TS.Expression;
  /** `exports.a = x` / `module.exports.a = x`. */
  cjsExports: Map<string, TS.Expression>;
  /** Statements that change a top-level binding after it is declared, by the binding's name. */
  mutations: Map<string, Mutation[]>;
  /** Names assigned again (`x = …`) somewhere in the module: their initializer may not be the value. */
  reassigned: Map<string, TS.Node>;
}

interface Mutation {
  expression: TS.Expression;
  /** Inside an if, a loop, a function: it may or may not run. */
  conditional: boolean;
}

const IN_PROGRESS = Symbol('in progress');

/** A function written in a project module: called by interpreting its body when it only computes a value. */
class FunctionValue {
  constructor(
    readonly node: TS.FunctionLikeDeclaration,
    readonly scope: Scope,
    readonly env: Env | undefined,
  ) {}
}

/** `import * as ns from './x'`. */
class Namespace {
  constructor(readonly scope: Scope) {}
}

/** Objects of the runtime the evaluator knows a few members of. */
class Builtin {
  constructor(readonly name: 'process' | 'process.env' | 'path' | 'Object' | 'JSON' | 'String' | 'require') {}
}

class Env {
  private readonly vars = new Map<string, Evaluated>();
  constructor(readonly parent: Env | undefined) {}
  get(name: string): Evaluated | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }
  set(name: string, value: Evaluated): void {
    this.vars.set(name, value);
  }
}

/** `process.env.X` not read (no --resolve-env): a `||` or `??` default after it is assumed, as for `${env:X, default}`. */
class EnvironmentValue extends Unresolved {}

type Value = unknown;

interface Evaluated {
  value: Value;
  /** Where the value was written (for a scalar, the literal; for an object, the object). */
  at: Location;
}

interface Context {
  scope: Scope;
  env: Env | undefined;
  depth: number;
  calls: number;
  /**
   * Inside a helper called from the configuration: where the outermost call is written. What the helper builds
   * (`httpApiEvent('post', '/users')`) is placed there, where the user reads and changes it, not in the helper.
   */
  site?: Location;
}

const STRING_METHODS = new Set(['split', 'substring', 'substr', 'slice', 'replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'concat', 'startsWith', 'endsWith', 'includes', 'padStart', 'padEnd', 'repeat', 'indexOf', 'at', 'charAt', 'toString']);
const ARRAY_METHODS = new Set(['join', 'concat', 'slice', 'flat', 'includes', 'indexOf', 'at', 'map', 'filter', 'reverse']);
const PATH_METHODS = new Set(['join', 'resolve', 'relative', 'dirname', 'basename', 'extname', 'normalize']);
const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'set', 'delete', 'add', 'clear']);

class CodeManifestReader {
  private readonly findings: Finding[] = [];
  private readonly scopes = new Map<string, Scope | undefined>();
  private readonly cache: SourceCache;
  private readonly resolver: ModuleResolver;
  private readonly serviceDir: string;
  private readonly reported = new WeakSet<Unresolved>();
  private readonly reportedKeys = new Set<string>();
  private steps = 0;
  private readonly jsonModules = new Map<string, Evaluated | null>();
  private readonly jsonFiles = new Set<string>();

  constructor(
    private readonly files: ProjectFiles,
    private readonly file: string,
    private readonly options: LoadOptions,
  ) {
    const reader: SourceReader = {
      read: (rel) => files.read(rel),
      exists: (rel) => files.isFile(rel),
    };
    this.cache = new SourceCache(reader);
    this.resolver = new ModuleResolver(reader);
    this.serviceDir = dirOf(file);
  }

  read(): CodeManifest {
    const scope = this.scopeOf(this.file);
    const files = (): string[] => [...[...this.scopes.keys()].filter((file) => this.scopes.get(file) !== undefined), ...this.jsonFiles].sort();
    if (!scope) return { ok: false, findings: this.findings, files: files() };
    if (scope.module.findings.some((finding) => finding.ruleId === INPUT_RULES.parseError)) return { ok: false, findings: this.findings, files: files() };
    let value: unknown;
    try {
      const exported = this.exportedConfiguration(scope);
      if (exported === undefined) {
        this.findings.push(
          inputFinding(
            INPUT_RULES.invalidManifest,
            'warning',
            `${quote(this.file)} exports no configuration: the Serverless Framework reads \`module.exports = …\` or \`export default …\`, so nothing in it was checked.`,
            locationAtStart(this.file),
          ),
        );
        return { ok: false, findings: this.findings, files: files() };
      }
      value = this.data(exported, { scope, env: undefined, depth: 0, calls: 0 });
    } catch (error) {
      if (!(error instanceof BudgetExceeded) && !(error instanceof RangeError)) throw error;
      const reason = error instanceof BudgetExceeded ? error.message : 'it is nested too deeply';
      // What was noted before the budget ran out belongs to a reading that did not finish.
      const kept = this.findings.filter((finding) => finding.ruleId !== INPUT_RULES.unresolved);
      this.findings.length = 0;
      this.findings.push(...kept);
      this.findings.push(inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(this.file)}: ${reason}.`, locationAtStart(this.file)));
      return { ok: false, findings: this.findings, files: files() };
    }
    return { ok: true, value, findings: this.findings, files: files() };
  }

  // ---- modules ----

  private scopeOf(file: string): Scope | undefined {
    if (this.scopes.has(file)) return this.scopes.get(file);
    if (this.scopes.size >= CODE_MANIFEST_LIMITS.maxModules) throw new BudgetExceeded(`the configuration imports more than ${CODE_MANIFEST_LIMITS.maxModules} modules`);
    const loaded = this.cache.load(file);
    if (!loaded.ok) {
      if (file === this.file) this.findings.push(loaded.finding);
      this.scopes.set(file, undefined);
      return undefined;
    }
    // Syntax errors of the configuration are reported; an imported module's are its own (its values become unresolved).
    if (file === this.file) this.findings.push(...loaded.module.findings);
    const scope = buildScope(loaded.module);
    this.scopes.set(file, scope);
    return scope;
  }

  /** The expression the framework takes as the configuration: `module.exports = x`, `export = x`, `export default x`, else one `const x: AWS = {…}`. */
  private exportedConfiguration(scope: Scope): TS.Expression | undefined {
    if (scope.moduleExports) return scope.moduleExports;
    if (scope.defaultExport) return scope.defaultExport;
    const typed = [...scope.declarations.values()].filter(
      (node): node is TS.VariableDeclaration => ts.isVariableDeclaration(node) && node.initializer !== undefined && node.type !== undefined && /^(AWS|Serverless)\b/.test(node.type.getText(scope.module.sourceFile)),
    );
    return typed.length === 1 ? typed[0]!.initializer : undefined;
  }

  private importModule(ctx: Context, specifier: string, node: TS.Node): Scope | Evaluated {
    if (specifier === 'path' || specifier === 'node:path' || specifier === 'path/posix' || specifier === 'node:path/posix') return { value: new Builtin('path'), at: this.loc(ctx, node) };
    const resolved = this.resolver.resolve(ctx.scope.file, specifier);
    if (resolved.kind === 'file') {
      const scope = this.scopeOf(resolved.file);
      if (scope) return scope;
      return this.unresolved(ctx, node, `${quote(resolved.file)} could not be read`);
    }
    if (resolved.kind === 'data') {
      if (!resolved.file.endsWith('.json')) return this.unresolved(ctx, node, `${quote(resolved.file)} is not code`);
      return this.jsonModule(ctx, resolved.file, node);
    }
    if (resolved.kind === 'package') return this.unresolved(ctx, node, `it comes from the package ${quote(resolved.name)}, which noops-lint does not read`);
    return this.unresolved(ctx, node, resolved.reason);
  }

  /** A JSON module, parsed once with the positions of its values (the manifest parser reads JSON too). */
  private jsonModule(ctx: Context, file: string, node: TS.Node): Evaluated {
    let parsed = this.jsonModules.get(file);
    if (parsed === undefined) {
      const read = this.files.read(file);
      const yaml = read.ok ? parseYaml(read.text, file) : undefined;
      parsed = yaml?.ok ? { value: yaml.value, at: locationOf(yaml.value) ?? locationAtStart(file) } : null;
      this.jsonModules.set(file, parsed);
      if (parsed) this.jsonFiles.add(file);
    }
    return parsed ?? this.unresolved(ctx, node, `${quote(file)} could not be read as JSON`);
  }

  /** The value of an export of `scope` (`default` included), or undefined when it has none. */
  private exportOf(scope: Scope, name: string, from: Context, node: TS.Node, seen = new Set<string>()): Evaluated | undefined {
    const key = `${scope.file}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const ctx: Context = { scope, env: undefined, depth: from.depth + 1, calls: from.calls };
    if (name === 'default' && scope.defaultExport) return this.exportExpression(ctx, 'default', scope.defaultExport);
    const local = scope.localExports.get(name);
    if (local !== undefined) return this.binding(ctx, local, node);
    const re = scope.reexports.get(name);
    if (re) {
      const target = this.importModule(ctx, re.specifier, node);
      if (!isScope(target)) return target;
      if (re.name === '*') return { value: new Namespace(target), at: locationAtStart(target.file) };
      return this.exportOf(target, re.name, ctx, node, seen) ?? this.unresolved(ctx, node, `${quote(target.file)} has no export ${quote(re.name)}`);
    }
    const cjs = scope.cjsExports.get(name);
    if (cjs) return this.exportExpression(ctx, `exports.${name}`, cjs);
    if (scope.moduleExports) {
      const whole = this.exportExpression(ctx, 'module.exports', scope.moduleExports);
      // A CommonJS module: its default import is module.exports (esModuleInterop), a named import one of its keys.
      if (name === 'default') return whole;
      return this.member(ctx, whole, name, node);
    }
    for (const specifier of scope.starExports) {
      const target = this.importModule(ctx, specifier, node);
      if (!isScope(target)) continue;
      const found = this.exportOf(target, name, ctx, node, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** An exported expression, evaluated once per module (so a module imported twice gives the same value), cycles stopped. */
  private exportExpression(ctx: Context, key: string, expression: TS.Expression): Evaluated {
    const cached = ctx.scope.exportValues.get(key);
    if (cached === IN_PROGRESS) return this.unresolved(ctx, expression, `${quote(ctx.scope.file)} imports itself through a cycle of modules`);
    if (cached) return cached;
    ctx.scope.exportValues.set(key, IN_PROGRESS);
    let result: Evaluated;
    try {
      result = this.evaluate(expression, ctx);
    } catch (error) {
      ctx.scope.exportValues.delete(key);
      throw error;
    }
    ctx.scope.exportValues.set(key, result);
    return result;
  }

  /** The named exports of a module, as one object (a namespace used as data). */
  private namespaceObject(ns: Namespace, ctx: Context, node: TS.Node): Evaluated {
    const object: Record<string, unknown> = {};
    const at = locationAtStart(ns.scope.file);
    recordPosition(object, at);
    const names = new Set([...ns.scope.localExports.keys(), ...ns.scope.reexports.keys(), ...ns.scope.cjsExports.keys()]);
    if (ns.scope.defaultExport) names.add('default');
    for (const name of [...names].sort()) {
      const value = this.exportOf(ns.scope, name, ctx, node);
      if (value) this.setMember(object, name, value, undefined, ctx);
    }
    return { value: object, at };
  }

  // ---- bindings ----

  private binding(ctx: Context, name: string, node: TS.Node): Evaluated {
    const local = ctx.env?.get(name);
    if (local) return local;
    const scope = ctx.scope;
    const cached = scope.values.get(name);
    if (cached === IN_PROGRESS) return this.unresolved(ctx, node, `${quote(name)} refers to itself`);
    if (cached) return cached;
    const declaration = scope.declarations.get(name);
    if (!declaration) return this.global(ctx, name, node);
    scope.values.set(name, IN_PROGRESS);
    let result: Evaluated;
    try {
      result = this.declared(ctx, name, declaration, node);
    } catch (error) {
      scope.values.delete(name);
      throw error;
    }
    scope.values.set(name, result);
    this.applyMutations(scope, name, result, ctx);
    return result;
  }

  private declared(ctx: Context, name: string, declaration: TS.Node, node: TS.Node): Evaluated {
    const scope = ctx.scope;
    const top: Context = { scope, env: undefined, depth: ctx.depth + 1, calls: ctx.calls };
    const reassigned = scope.reassigned.get(name);
    if (reassigned) return this.unresolved(ctx, node, `${quote(name)} is assigned again at line ${this.loc(top, reassigned).line}`);
    if (ts.isFunctionDeclaration(declaration)) return { value: new FunctionValue(declaration, scope, undefined), at: this.loc(top, declaration) };
    if (ts.isVariableDeclaration(declaration)) {
      if (!declaration.initializer) return { value: undefined, at: this.loc(top, declaration) };
      return this.evaluate(declaration.initializer, top);
    }
    if (ts.isBindingElement(declaration)) return this.bindingElement(top, declaration);
    if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration) || ts.isImportSpecifier(declaration) || ts.isImportEqualsDeclaration(declaration)) {
      return this.imported(top, declaration, node);
    }
    if (ts.isEnumDeclaration(declaration)) return this.enumObject(top, declaration);
    if (ts.isClassDeclaration(declaration)) return this.unresolved(ctx, node, `${quote(name)} is a class, whose code noops-lint does not run`);
    return this.unresolved(ctx, node, `${quote(name)} is not a value noops-lint evaluates`);
  }

  /** `const { a, b: c } = x` and `const [a] = x`, one level or more. */
  private bindingElement(ctx: Context, element: TS.BindingElement): Evaluated {
    const pattern = element.parent;
    const holder = pattern.parent;
    let source: Evaluated;
    if (ts.isVariableDeclaration(holder)) {
      if (!holder.initializer) return { value: undefined, at: this.loc(ctx, element) };
      source = this.evaluate(holder.initializer, ctx);
    } else if (ts.isBindingElement(holder)) {
      source = this.bindingElement(ctx, holder);
    } else {
      return this.unresolved(ctx, element, 'it is a parameter');
    }
    let value: Evaluated;
    if (ts.isArrayBindingPattern(pattern)) {
      if (element.dotDotDotToken) return this.unresolved(ctx, element, 'rest elements are not evaluated');
      value = this.member(ctx, source, pattern.elements.indexOf(element), element);
    } else {
      if (element.dotDotDotToken) return this.unresolved(ctx, element, 'rest elements are not evaluated');
      const key = element.propertyName ? this.propertyKey(ctx, element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
      if (key === undefined || isUnresolvedValue(key)) return this.unresolved(ctx, element, 'its property name is computed');
      value = this.member(ctx, source, key, element);
    }
    if (value.value === undefined && element.initializer) return this.evaluate(element.initializer, ctx);
    return value;
  }

  private imported(ctx: Context, declaration: TS.ImportClause | TS.NamespaceImport | TS.ImportSpecifier | TS.ImportEqualsDeclaration, node: TS.Node): Evaluated {
    let specifierNode: TS.Expression | undefined;
    let name: string;
    if (ts.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.moduleReference;
      if (!ts.isExternalModuleReference(reference)) return this.unresolved(ctx, declaration, 'it is not a module import');
      specifierNode = reference.expression;
      name = '=';
    } else if (ts.isImportClause(declaration)) {
      specifierNode = declaration.parent.moduleSpecifier;
      name = 'default';
    } else if (ts.isNamespaceImport(declaration)) {
      specifierNode = declaration.parent.parent.moduleSpecifier;
      name = '*';
    } else {
      specifierNode = declaration.parent.parent.parent.moduleSpecifier;
      name = (declaration.propertyName ?? declaration.name).text;
    }
    if (!specifierNode || !ts.isStringLiteralLike(specifierNode)) return this.unresolved(ctx, declaration, 'the module name is not a string');
    const target = this.importModule(ctx, specifierNode.text, declaration);
    if (!isScope(target)) {
      if (isUnresolvedValue(target.value) || name === '=' || name === '*' || name === 'default') return target;
      return this.member(ctx, target, name, node);
    }
    if (name === '*') return { value: new Namespace(target), at: locationAtStart(target.file) };
    if (name === '=') return target.moduleExports ? this.exportOf(target, 'default', ctx, node)! : { value: new Namespace(target), at: locationAtStart(target.file) };
    return this.exportOf(target, name, ctx, node) ?? this.unresolved(ctx, node, `${quote(target.file)} has no export ${quote(name)}`);
  }

  private enumObject(ctx: Context, declaration: TS.EnumDeclaration): Evaluated {
    const object: Record<string, unknown> = {};
    const at = this.loc(ctx, declaration);
    recordPosition(object, at);
    let next = 0;
    for (const member of declaration.members) {
      const key = this.propertyKey(ctx, member.name);
      if (typeof key !== 'string') continue;
      let value: Evaluated;
      if (member.initializer) value = this.evaluate(member.initializer, ctx);
      else value = { value: next, at: this.loc(ctx, member) };
      if (typeof value.value === 'number') next = value.value + 1;
      this.setMember(object, key, value, this.loc(ctx, member.name), ctx);
    }
    return { value: object, at };
  }

  private global(ctx: Context, name: string, node: TS.Node): Evaluated {
    const at = this.loc(ctx, node);
    switch (name) {
      case 'undefined':
        return { value: undefined, at };
      case 'NaN':
        return { value: Number.NaN, at };
      case 'Infinity':
        return { value: Number.POSITIVE_INFINITY, at };
      case '__dirname':
        return { value: ctx.scope.dir === '' ? ROOT : `${ROOT}/${ctx.scope.dir}`, at };
      case '__filename':
        return { value: `${ROOT}/${ctx.scope.file}`, at };
      case 'process':
      case 'Object':
      case 'JSON':
      case 'String':
      case 'require':
        return { value: new Builtin(name), at };
      default:
        return this.unresolved(ctx, node, `${quote(name)} is not declared in ${quote(ctx.scope.file)}`);
    }
  }

  /**
   * Top-level statements that change a binding after its declaration (`fns.events.push(…)`, `config.x = …`): the
   * unconditional ones are applied in order; one that may or may not run is noted, and the value is read without it.
   */
  private applyMutations(scope: Scope, name: string, result: Evaluated, ctx: Context): void {
    const mutations = scope.mutations.get(name);
    if (!mutations) return;
    const top: Context = { scope, env: undefined, depth: ctx.depth + 1, calls: ctx.calls };
    for (const mutation of mutations) {
      if (mutation.conditional || !this.applyMutation(top, result, mutation.expression)) {
        const at = this.loc(top, mutation.expression);
        const why = mutation.conditional ? 'code that may or may not run' : 'code noops-lint does not evaluate';
        this.note(at, `${quote(name)} is changed at line ${at.line} by ${why}; noops-lint read it as declared.`);
      }
    }
  }

  private applyMutation(ctx: Context, result: Evaluated, expression: TS.Expression): boolean {
    if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
      const method = expression.expression.name.text;
      if (method === 'assign' && ts.isIdentifier(expression.expression.expression) && expression.expression.expression.text === 'Object') {
        const [target, ...sources] = expression.arguments;
        const into = target && this.evaluate(target, ctx).value;
        if (!isRecord(into)) return false;
        for (const source of sources) this.spreadInto(into, this.evaluate(source, ctx), source, ctx);
        return true;
      }
      if (method !== 'push' && method !== 'unshift') return false;
      const target = this.evaluate(expression.expression.expression, ctx).value;
      if (!Array.isArray(target)) return false;
      const items: Evaluated[] = [];
      for (const argument of expression.arguments) {
        if (ts.isSpreadElement(argument)) {
          const spread = this.evaluate(argument.expression, ctx);
          if (Array.isArray(spread.value)) spread.value.forEach((item, index) => items.push({ value: item, at: locationOfValue(spread.value, index) ?? spread.at }));
          else items.push(this.silent(ctx, argument, spread));
        } else items.push(this.evaluate(argument, ctx));
      }
      if (method === 'push') {
        for (const item of items) this.pushItem(target, item, ctx);
        return true;
      }
      const before = target.map((item, index) => ({ value: item, at: locationOfValue(target, index) ?? result.at }));
      target.length = 0;
      for (const item of [...items, ...before]) this.pushItem(target, item, ctx);
      return true;
    }
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = expression.left;
      if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return false;
      const holder = this.evaluate(left.expression, ctx).value;
      if (!isRecord(holder)) return false;
      const key = ts.isPropertyAccessExpression(left) ? left.name.text : this.evaluate(left.argumentExpression, ctx).value;
      if (typeof key !== 'string' && typeof key !== 'number') return false;
      const value = this.evaluate(expression.right, ctx);
      this.setMember(holder, String(key), value, this.loc(ctx, left), ctx);
      return true;
    }
    return false;
  }

  // ---- expressions ----

  /** An expression's value as data: functions and other runtime objects become unresolved, undefined stays undefined. */
  private data(expression: TS.Expression, ctx: Context): unknown {
    const evaluated = this.evaluate(expression, ctx);
    return this.asData(evaluated, ctx, expression);
  }

  private asData(evaluated: Evaluated, ctx: Context, node?: TS.Node): unknown {
    const value = evaluated.value;
    const text = (): string => (node ? snippet(ctx, node) : typeof value === 'string' ? value.replace(ROOT, '<project>') : 'a function');
    if (value instanceof Namespace) return this.namespaceObject(value, ctx, node ?? value.scope.module.sourceFile).value;
    if (value instanceof FunctionValue || value instanceof Builtin || value instanceof BuiltinMember || value instanceof BoundMethod || value instanceof RegExp || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      const unresolved = new Unresolved(text(), 'it is code, not a value');
      this.report(unresolved, evaluated.at);
      return unresolved;
    }
    if (typeof value === 'string' && value.includes(ROOT)) {
      const unresolved = new Unresolved(text(), 'it is an absolute path on the machine that deploys');
      this.report(unresolved, evaluated.at);
      return unresolved;
    }
    if (value instanceof Unresolved) this.report(value, evaluated.at);
    return value;
  }

  /** One unit of work: an expression evaluated, or a value copied into a list or an object. */
  private tick(): void {
    if (++this.steps > CODE_MANIFEST_LIMITS.maxSteps) throw new BudgetExceeded(`evaluating it took more than ${CODE_MANIFEST_LIMITS.maxSteps} steps`);
  }

  private evaluate(node: TS.Expression, ctx: Context): Evaluated {
    this.tick();
    if (ctx.depth > CODE_MANIFEST_LIMITS.maxDepth) throw new BudgetExceeded(`its values are nested more than ${CODE_MANIFEST_LIMITS.maxDepth} levels deep`);
    const inner: Context = { ...ctx, depth: ctx.depth + 1 };
    const at = (): Location => this.loc(ctx, node);
    switch (node.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.NonNullExpression:
        return this.evaluate((node as TS.ParenthesizedExpression).expression, inner);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return { value: (node as TS.StringLiteral).text, at: at() };
      case ts.SyntaxKind.NumericLiteral:
        return { value: Number((node as TS.NumericLiteral).text), at: at() };
      case ts.SyntaxKind.TrueKeyword:
        return { value: true, at: at() };
      case ts.SyntaxKind.FalseKeyword:
        return { value: false, at: at() };
      case ts.SyntaxKind.NullKeyword:
        return { value: null, at: at() };
      case ts.SyntaxKind.RegularExpressionLiteral:
        return this.regExp(node as TS.RegularExpressionLiteral, ctx);
      case ts.SyntaxKind.TemplateExpression:
        return this.template(node as TS.TemplateExpression, inner);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.object(node as TS.ObjectLiteralExpression, inner);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.array(node as TS.ArrayLiteralExpression, inner);
      case ts.SyntaxKind.Identifier:
        return this.binding(ctx, (node as TS.Identifier).text, node);
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as TS.PropertyAccessExpression;
        return this.member(inner, this.evaluate(access.expression, inner), access.name.text, node);
      }
      case ts.SyntaxKind.ElementAccessExpression: {
        const access = node as TS.ElementAccessExpression;
        const object = this.evaluate(access.expression, inner);
        const key = this.evaluate(access.argumentExpression, inner);
        if (typeof key.value !== 'string' && typeof key.value !== 'number') return this.propagate(ctx, node, key, 'the key is not known');
        return this.member(inner, object, key.value, node);
      }
      case ts.SyntaxKind.CallExpression:
        return this.call(node as TS.CallExpression, inner);
      case ts.SyntaxKind.ConditionalExpression: {
        const conditional = node as TS.ConditionalExpression;
        const test = this.evaluate(conditional.condition, inner);
        if (isKnown(test.value)) return this.evaluate(test.value ? conditional.whenTrue : conditional.whenFalse, inner);
        return this.propagate(ctx, node, test, 'it depends on a condition noops-lint cannot evaluate');
      }
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(node as TS.BinaryExpression, inner);
      case ts.SyntaxKind.PrefixUnaryExpression: {
        const unary = node as TS.PrefixUnaryExpression;
        const operand = this.evaluate(unary.operand, inner);
        if (!isKnown(operand.value)) return this.propagate(ctx, node, operand, 'its operand is not known');
        if (unary.operator === ts.SyntaxKind.MinusToken && typeof operand.value === 'number') return { value: -operand.value, at: at() };
        if (unary.operator === ts.SyntaxKind.PlusToken && typeof operand.value === 'number') return { value: operand.value, at: at() };
        if (unary.operator === ts.SyntaxKind.ExclamationToken) return { value: !truthy(operand.value), at: at() };
        return this.unresolved(ctx, node, 'noops-lint does not evaluate this operator');
      }
      case ts.SyntaxKind.VoidExpression:
        return { value: undefined, at: at() };
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        return { value: new FunctionValue(node as TS.FunctionLikeDeclaration, ctx.scope, ctx.env), at: at() };
      case ts.SyntaxKind.ClassExpression:
        return this.unresolved(ctx, node, 'it is a class, whose code noops-lint does not run');
      case ts.SyntaxKind.NewExpression:
        return this.unresolved(ctx, node, `it creates ${snippet(ctx, (node as TS.NewExpression).expression)} with new, which only running the code does`);
      case ts.SyntaxKind.AwaitExpression:
        return this.unresolved(ctx, node, 'it waits for a promise, which only running the code settles');
      default:
        return this.unresolved(ctx, node, 'noops-lint does not evaluate this kind of expression');
    }
  }

  private regExp(node: TS.RegularExpressionLiteral, ctx: Context): Evaluated {
    const text = node.text;
    const slash = text.lastIndexOf('/');
    const source = text.slice(1, slash);
    const flags = text.slice(slash + 1);
    // Only patterns without quantified groups or back-references: nothing that can backtrack for long.
    if (/\)[*+?{]|\\[1-9]|\(\?<?[=!]/.test(source)) return this.unresolved(ctx, node, 'noops-lint evaluates only simple regular expressions');
    try {
      return { value: new RegExp(source, flags), at: this.loc(ctx, node) };
    } catch {
      return this.unresolved(ctx, node, 'the regular expression is invalid');
    }
  }

  private template(node: TS.TemplateExpression, ctx: Context): Evaluated {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const part = this.evaluate(span.expression, ctx);
      if (!isInterpolable(part.value)) return this.propagate(ctx, node, part, 'a part of it is not known');
      text += String(part.value) + span.literal.text;
      if (text.length > MAX_STRING) return this.unresolved(ctx, node, `it grows beyond ${MAX_STRING} characters`);
    }
    return { value: text, at: this.loc(ctx, node) };
  }

  private object(node: TS.ObjectLiteralExpression, ctx: Context): Evaluated {
    const object: Record<string, unknown> = {};
    const at = this.loc(ctx, node);
    recordPosition(object, at);
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = this.propertyKey(ctx, property.name);
        if (isUnresolvedValue(key)) {
          this.report(new Unresolved(snippet(ctx, property), 'its property name is computed'), this.loc(ctx, property.name));
          continue;
        }
        this.setMember(object, key, this.evaluate(property.initializer, ctx), this.loc(ctx, property.name), ctx, property.initializer);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        this.setMember(object, property.name.text, this.binding(ctx, property.name.text, property.name), this.loc(ctx, property.name), ctx, property.name);
      } else if (ts.isSpreadAssignment(property)) {
        this.spreadInto(object, this.evaluate(property.expression, ctx), property, ctx);
      } else if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property) || ts.isSetAccessorDeclaration(property)) {
        const key = this.propertyKey(ctx, property.name);
        if (typeof key === 'string') this.setMember(object, key, this.unresolved(ctx, property, 'it is code, not a value'), this.loc(ctx, property.name), ctx);
      }
    }
    return { value: object, at };
  }

  private spreadInto(object: Record<string, unknown>, source: Evaluated, node: TS.Node, ctx: Context): void {
    let value = source.value;
    if (value instanceof Namespace) value = this.namespaceObject(value, ctx, node).value;
    if (value === undefined || value === null) return;
    if (isRecord(value) || Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        this.tick();
        const member = (value as Record<string, unknown>)[key];
        defineMember(object, key, member);
        recordMember(object, key, locationOfKey(value, key), locationOfValue(value, key) ?? source.at);
      }
      return;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
    // Its keys are unknown: the object is read without them.
    this.report(value instanceof Unresolved ? value : new Unresolved(snippet(ctx, node), 'it is code, not a value'), this.loc(ctx, node));
  }

  private setMember(object: Record<string, unknown>, key: string, evaluated: Evaluated, keyAt: Location | undefined, ctx: Context, node?: TS.Node): void {
    const value = this.asData(evaluated, ctx, node);
    // undefined leaves the key out, as a property the framework never sees.
    if (value === undefined) {
      delete object[key];
      return;
    }
    defineMember(object, key, value);
    recordMember(object, key, keyAt, locationOf(value) ?? evaluated.at);
  }

  private array(node: TS.ArrayLiteralExpression, ctx: Context): Evaluated {
    const array: unknown[] = [];
    const at = this.loc(ctx, node);
    recordPosition(array, at);
    for (const element of node.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.evaluate(element.expression, ctx);
        if (Array.isArray(spread.value)) {
          spread.value.forEach((item, index) => this.pushItem(array, { value: item, at: locationOfValue(spread.value, index) ?? spread.at }, ctx));
        } else if (typeof spread.value === 'string') {
          for (const character of spread.value) this.pushItem(array, { value: character, at: spread.at }, ctx);
        } else {
          // Its items are unknown: one unresolved item stands for them (a statement list is then incomplete).
          this.pushItem(array, this.silent(ctx, element, spread), ctx, element);
        }
      } else if (ts.isOmittedExpression(element)) {
        this.pushItem(array, { value: null, at: this.loc(ctx, element) }, ctx);
      } else {
        this.pushItem(array, this.evaluate(element, ctx), ctx, element);
      }
    }
    return { value: array, at };
  }

  private pushItem(array: unknown[], item: Evaluated, ctx: Context, node?: TS.Node): void {
    this.tick();
    if (array.length >= CODE_MANIFEST_LIMITS.maxArrayItems) throw new BudgetExceeded(`a list holds more than ${CODE_MANIFEST_LIMITS.maxArrayItems} items`);
    const value = this.asData(item, ctx, node);
    array.push(value === undefined ? null : value);
    recordMember(array, array.length - 1, undefined, locationOf(value) ?? item.at);
  }

  private member(ctx: Context, object: Evaluated, key: string | number, node: TS.Node): Evaluated {
    const value = object.value;
    if (value instanceof Unresolved) return this.propagate(ctx, node, object, value.reason);
    if (value instanceof Builtin) {
      if (value.name === 'process' && key === 'env') return { value: new Builtin('process.env'), at: object.at };
      if (value.name === 'process.env' && typeof key === 'string') return this.environment(ctx, key, node);
      if (value.name === 'path' && (key === 'sep' || key === 'delimiter')) return { value: key === 'sep' ? '/' : ':', at: this.loc(ctx, node) };
      if (value.name === 'path' && (key === 'posix' || key === 'default')) return object;
      return { value: new BuiltinMember(value, String(key)), at: this.loc(ctx, node) };
    }
    if (value instanceof Namespace) {
      return this.exportOf(value.scope, String(key), ctx, node) ?? { value: undefined, at: this.loc(ctx, node) };
    }
    if (typeof value === 'string') {
      if (key === 'length') return { value: value.length, at: object.at };
      if (typeof key === 'number' || /^\d+$/.test(key)) return { value: value[Number(key)], at: object.at };
      if (STRING_METHODS.has(key)) return { value: new BoundMethod(value, key), at: object.at };
    }
    if (Array.isArray(value)) {
      if (key === 'length') return { value: value.length, at: object.at };
      if (typeof key === 'number' || /^\d+$/.test(String(key))) {
        const index = Number(key);
        return { value: value[index], at: locationOfValue(value, index) ?? object.at };
      }
      if (ARRAY_METHODS.has(String(key))) return { value: new BoundMethod(value, String(key)), at: object.at };
    }
    if (isRecord(value)) {
      const name = String(key);
      if (Object.hasOwn(value, name)) return { value: value[name], at: locationOfValue(value, name) ?? object.at };
      return { value: undefined, at: this.loc(ctx, node) };
    }
    if (value === undefined || value === null) return this.unresolved(ctx, node, `it reads ${quote(String(key))} of ${String(value)}`);
    return this.unresolved(ctx, node, `noops-lint does not evaluate ${quote(String(key))} of this value`);
  }

  private environment(ctx: Context, name: string, node: TS.Node): Evaluated {
    const at = this.loc(ctx, node);
    if (this.options.resolveEnv) return { value: this.options.env[name], at };
    return { value: new EnvironmentValue(snippet(ctx, node), 'the environment is read when the configuration runs (noops-lint reads it only with --resolve-env)'), at };
  }

  private binary(node: TS.BinaryExpression, ctx: Context): Evaluated {
    const operator = node.operatorToken.kind;
    const left = this.evaluate(node.left, ctx);
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      if (left.value instanceof EnvironmentValue) {
        const fallback = this.evaluate(node.right, ctx);
        if (isKnown(fallback.value)) {
          const shown = typeof fallback.value === 'string' ? quote(fallback.value) : JSON.stringify(fallback.value);
          this.note(this.loc(ctx, node), `${quote(left.value.text)} reads the environment when the configuration runs; without --resolve-env noops-lint assumed its default ${shown}.`);
        }
        return fallback;
      }
      if (!isKnown(left.value)) return this.propagate(ctx, node, left, 'it depends on a value noops-lint cannot evaluate');
      const useLeft = operator === ts.SyntaxKind.BarBarToken ? truthy(left.value) : left.value !== undefined && left.value !== null;
      return useLeft ? left : this.evaluate(node.right, ctx);
    }
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      if (!isKnown(left.value)) return this.propagate(ctx, node, left, 'it depends on a value noops-lint cannot evaluate');
      return truthy(left.value) ? this.evaluate(node.right, ctx) : left;
    }
    const right = this.evaluate(node.right, ctx);
    if (!isKnown(left.value)) return this.propagate(ctx, node, left, 'a part of it is not known');
    if (!isKnown(right.value)) return this.propagate(ctx, node, right, 'a part of it is not known');
    const a = left.value;
    const b = right.value;
    const at = this.loc(ctx, node);
    switch (operator) {
      case ts.SyntaxKind.PlusToken:
        if (typeof a === 'number' && typeof b === 'number') return { value: a + b, at };
        if (isInterpolable(a) && isInterpolable(b)) {
          const text = String(a) + String(b);
          return text.length > MAX_STRING ? this.unresolved(ctx, node, `it grows beyond ${MAX_STRING} characters`) : { value: text, at };
        }
        break;
      case ts.SyntaxKind.EqualsEqualsEqualsToken:
        return { value: a === b, at };
      case ts.SyntaxKind.ExclamationEqualsEqualsToken:
        return { value: a !== b, at };
      case ts.SyntaxKind.EqualsEqualsToken:
        // eslint-disable-next-line eqeqeq
        return isScalar(a) && isScalar(b) ? { value: a == b, at } : this.unresolved(ctx, node, 'it compares objects');
      case ts.SyntaxKind.ExclamationEqualsToken:
        // eslint-disable-next-line eqeqeq
        return isScalar(a) && isScalar(b) ? { value: a != b, at } : this.unresolved(ctx, node, 'it compares objects');
      case ts.SyntaxKind.MinusToken:
      case ts.SyntaxKind.AsteriskToken:
      case ts.SyntaxKind.SlashToken:
        if (typeof a === 'number' && typeof b === 'number') {
          return { value: operator === ts.SyntaxKind.MinusToken ? a - b : operator === ts.SyntaxKind.AsteriskToken ? a * b : a / b, at };
        }
        break;
      default:
        break;
    }
    return this.unresolved(ctx, node, 'noops-lint does not evaluate this operator');
  }

  // ---- calls ----

  private call(node: TS.CallExpression, ctx: Context): Evaluated {
    const callee = node.expression;
    if (ts.isIdentifier(callee) && callee.text === 'require' && !ctx.env?.get('require') && !ctx.scope.declarations.has('require')) {
      const [argument] = node.arguments;
      if (!argument || !ts.isStringLiteralLike(argument)) return this.unresolved(ctx, node, 'the module name is not a string');
      const target = this.importModule(ctx, argument.text, node);
      if (!isScope(target)) return target;
      return target.moduleExports ? this.exportOf(target, 'default', ctx, node)! : { value: new Namespace(target), at: locationAtStart(target.file) };
    }
    const describe = `it calls ${snippet(ctx, callee)}(), which noops-lint does not run`;
    let fn: Evaluated;
    if (ts.isPropertyAccessExpression(callee)) {
      // `unknown.method()`: the reason the receiver is unknown is the one to fix.
      const receiver = this.evaluate(callee.expression, ctx);
      if (receiver.value instanceof Unresolved) return this.propagate(ctx, node, receiver, describe);
      fn = this.member(ctx, receiver, callee.name.text, callee);
    } else fn = this.evaluate(callee, ctx);
    if (fn.value instanceof Unresolved) return this.unresolved(ctx, node, describe);
    const args: Evaluated[] = [];
    for (const argument of node.arguments) {
      if (ts.isSpreadElement(argument)) {
        const spread = this.evaluate(argument.expression, ctx);
        if (!Array.isArray(spread.value)) return this.propagate(ctx, node, spread, describe);
        spread.value.forEach((item, index) => args.push({ value: item, at: locationOfValue(spread.value, index) ?? spread.at }));
      } else args.push(this.evaluate(argument, ctx));
    }
    const at = this.loc(ctx, node);
    if (fn.value instanceof FunctionValue) return this.callFunction(fn.value, args, node, ctx);
    // A runtime method given a value that is not known: that value's reason is the one to fix.
    const unknown = args.find((arg) => arg.value instanceof Unresolved);
    if (unknown) return this.propagate(ctx, node, unknown, describe);
    if (fn.value instanceof BoundMethod) return this.method(fn.value, args, node, ctx) ?? this.unresolved(ctx, node, describe);
    if (fn.value instanceof BuiltinMember) return this.builtin(fn.value, args, at, ctx) ?? this.unresolved(ctx, node, describe);
    if (fn.value instanceof Builtin && fn.value.name === 'String' && args.length === 1 && isKnown(args[0]!.value) && isScalar(args[0]!.value)) {
      return { value: String(args[0]!.value), at };
    }
    return this.unresolved(ctx, node, describe);
  }

  /**
   * A function written in the project, called by evaluating what it returns with its parameters bound: an expression
   * body, or a block of `const` declarations ending in `return`. Anything else (loops, assignments, other statements)
   * is not evaluated.
   */
  private callFunction(fn: FunctionValue, args: Evaluated[], node: TS.CallExpression, ctx: Context): Evaluated {
    if (ctx.calls >= CODE_MANIFEST_LIMITS.maxCallDepth) return this.unresolved(ctx, node, `calls are nested more than ${CODE_MANIFEST_LIMITS.maxCallDepth} deep`);
    const declaration = fn.node;
    const name = declaration.name && ts.isIdentifier(declaration.name) ? declaration.name.text : snippet(ctx, node.expression);
    const notEvaluated = (why: string): Evaluated => this.unresolved(ctx, node, `it calls ${name}(), whose result noops-lint cannot evaluate (${why})`);
    if (declaration.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) || declaration.asteriskToken) return notEvaluated('it is asynchronous or a generator');
    const env = new Env(fn.env);
    const inner: Context = { scope: fn.scope, env, depth: ctx.depth + 1, calls: ctx.calls + 1, site: ctx.site ?? this.loc(ctx, node) };
    for (const [index, parameter] of declaration.parameters.entries()) {
      if (!ts.isIdentifier(parameter.name)) return notEvaluated('a parameter is destructured');
      if (parameter.dotDotDotToken) {
        const rest: unknown[] = [];
        recordPosition(rest, this.loc(inner, parameter));
        for (const arg of args.slice(index)) this.pushItem(rest, arg, inner);
        env.set(parameter.name.text, { value: rest, at: this.loc(inner, parameter) });
        continue;
      }
      let arg = args[index] ?? { value: undefined, at: this.loc(inner, parameter) };
      if (arg.value === undefined && parameter.initializer) arg = this.evaluate(parameter.initializer, inner);
      env.set(parameter.name.text, arg);
    }
    const result = this.functionBody(declaration, inner, (why) => ({ value: new Unresolved(name, why), at: this.loc(ctx, node) }));
    // A result that is not known is noted where the helper is called, not inside the helper.
    if (result.value instanceof Unresolved && !(result.value instanceof EnvironmentValue)) return notEvaluated(result.value.reason);
    return result;
  }

  private functionBody(declaration: TS.FunctionLikeDeclaration, inner: Context, notEvaluated: (why: string) => Evaluated): Evaluated {
    const body = declaration.body;
    if (!body) return notEvaluated('it has no body');
    if (!ts.isBlock(body)) return this.evaluate(body as TS.Expression, inner);
    for (const statement of body.statements) {
      if (ts.isVariableStatement(statement)) {
        if (!(statement.declarationList.flags & ts.NodeFlags.Const)) return notEvaluated('it declares a variable that may change');
        for (const declared of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declared.name) || !declared.initializer) return notEvaluated('it destructures a value');
          inner.env!.set(declared.name.text, this.evaluate(declared.initializer, inner));
        }
      } else if (ts.isReturnStatement(statement)) {
        return statement.expression ? this.evaluate(statement.expression, inner) : { value: undefined, at: this.loc(inner, statement) };
      } else if (!ts.isEmptyStatement(statement) && !ts.isTypeAliasDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) {
        return notEvaluated('it does more than compute a value');
      }
    }
    return { value: undefined, at: this.loc(inner, body) };
  }

  private method(bound: BoundMethod, args: Evaluated[], node: TS.CallExpression, ctx: Context): Evaluated | undefined {
    const at = this.loc(ctx, node);
    const values = args.map((arg) => arg.value);
    if (values.some((value) => value instanceof Unresolved)) return this.propagate(ctx, node, args.find((arg) => arg.value instanceof Unresolved)!, 'an argument is not known');
    const receiver = bound.receiver;
    const name = bound.name;
    if (typeof receiver === 'string') {
      const strings = values.every((value) => value === undefined || typeof value === 'string' || typeof value === 'number' || value instanceof RegExp);
      if (!strings) return undefined;
      switch (name) {
        case 'split':
          return this.list(receiver.split(values[0] as string, values[1] as number | undefined), at);
        case 'replace':
        case 'replaceAll':
          if (typeof values[1] !== 'string') return undefined;
          if (name === 'replaceAll' && values[0] instanceof RegExp && !values[0].global) return undefined;
          return { value: name === 'replace' ? receiver.replace(values[0] as string, values[1]) : receiver.replaceAll(values[0] as string, values[1]), at };
        case 'repeat':
          if (typeof values[0] !== 'number' || values[0] < 0 || values[0] * receiver.length > 100_000) return undefined;
          return { value: receiver.repeat(values[0]), at };
        case 'padStart':
        case 'padEnd':
          if (typeof values[0] !== 'number' || values[0] > 100_000) return undefined;
          return { value: receiver[name](values[0], values[1] as string | undefined), at };
        default: {
          if (values.some((value) => value instanceof RegExp)) return undefined;
          const method = (receiver as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
          if (typeof method !== 'function') return undefined;
          const result = method.apply(receiver, values);
          if (typeof result === 'string' && result.length > MAX_STRING) return this.unresolved(ctx, node, `it grows beyond ${MAX_STRING} characters`);
          return { value: result, at };
        }
      }
    }
    if (Array.isArray(receiver)) {
      switch (name) {
        case 'join':
          if (!receiver.every((item) => isInterpolable(item) || item === null || item === undefined)) return this.unresolved(ctx, node, 'a joined item is not known');
          if (values[0] !== undefined && typeof values[0] !== 'string') return undefined;
          return { value: receiver.join(values[0] as string | undefined), at };
        case 'concat': {
          const list: unknown[] = [];
          recordPosition(list, at);
          receiver.forEach((item, index) => this.pushItem(list, { value: item, at: locationOfValue(receiver, index) ?? at }, ctx));
          for (const arg of args) {
            if (Array.isArray(arg.value)) arg.value.forEach((item, index) => this.pushItem(list, { value: item, at: locationOfValue(arg.value, index) ?? arg.at }, ctx));
            else this.pushItem(list, arg, ctx);
          }
          return { value: list, at };
        }
        case 'map':
        case 'filter': {
          const callback = values[0];
          if (!(callback instanceof FunctionValue)) return undefined;
          const list: unknown[] = [];
          recordPosition(list, at);
          for (const [index, item] of receiver.entries()) {
            const itemAt = locationOfValue(receiver, index) ?? at;
            const result = this.callFunction(callback, [{ value: item, at: itemAt }, { value: index, at }], node, ctx);
            if (name === 'map') this.pushItem(list, result, ctx);
            else if (!isKnown(result.value)) return this.propagate(ctx, node, result, 'the filter is not known');
            else if (truthy(result.value)) this.pushItem(list, { value: item, at: itemAt }, ctx);
          }
          return { value: list, at };
        }
        case 'includes':
        case 'indexOf':
          return { value: name === 'includes' ? receiver.includes(values[0]) : receiver.indexOf(values[0]), at };
        case 'at':
          return typeof values[0] === 'number' ? { value: receiver.at(values[0]), at } : undefined;
        case 'slice':
        case 'flat':
        case 'reverse': {
          const result = name === 'slice' ? receiver.slice(values[0] as number | undefined, values[1] as number | undefined) : name === 'flat' ? receiver.flat() : [...receiver].reverse();
          return this.list(result, at);
        }
        default:
          return undefined;
      }
    }
    return undefined;
  }

  private builtin(member: BuiltinMember, args: Evaluated[], at: Location, ctx: Context): Evaluated | undefined {
    const values = args.map((arg) => arg.value);
    const owner = member.owner.name;
    if (owner === 'process' && member.name === 'cwd' && args.length === 0) return { value: this.serviceDir === '' ? ROOT : `${ROOT}/${this.serviceDir}`, at };
    if (owner === 'path' && PATH_METHODS.has(member.name)) {
      if (!values.every((value) => typeof value === 'string')) return undefined;
      const strings = values as string[];
      const cwd = this.serviceDir === '' ? ROOT : `${ROOT}/${this.serviceDir}`;
      switch (member.name) {
        case 'join':
          return { value: path.posix.join(...strings), at };
        case 'resolve':
          return { value: path.posix.resolve(cwd, ...strings), at };
        case 'relative':
          return strings.length === 2 ? { value: path.posix.relative(path.posix.resolve(cwd, strings[0]!), path.posix.resolve(cwd, strings[1]!)), at } : undefined;
        case 'dirname':
          return { value: path.posix.dirname(strings[0] ?? '.'), at };
        case 'basename':
          return { value: path.posix.basename(strings[0] ?? '', strings[1]), at };
        case 'extname':
          return { value: path.posix.extname(strings[0] ?? ''), at };
        case 'normalize':
          return { value: path.posix.normalize(strings[0] ?? '.'), at };
        default:
          return undefined;
      }
    }
    if (owner === 'Object') {
      const [first] = values;
      if ((member.name === 'keys' || member.name === 'values' || member.name === 'entries') && (isRecord(first) || Array.isArray(first))) {
        const keys = Object.keys(first);
        if (member.name === 'keys') return this.list(keys, at);
        const list: unknown[] = [];
        recordPosition(list, at);
        for (const key of keys) {
          const item = (first as Record<string, unknown>)[key];
          const itemAt = locationOfValue(first, key) ?? at;
          if (member.name === 'values') this.pushItem(list, { value: item, at: itemAt }, ctx);
          else this.pushItem(list, this.list([key, item], itemAt), ctx);
        }
        return { value: list, at };
      }
      if (member.name === 'assign' && isRecord(first)) {
        for (const [index, arg] of args.entries()) if (index > 0) this.spreadInto(first, arg, ctx.scope.module.sourceFile, ctx);
        return args[0];
      }
      if (member.name === 'fromEntries' && Array.isArray(first)) {
        const object: Record<string, unknown> = {};
        recordPosition(object, at);
        for (const [index, entry] of first.entries()) {
          if (!Array.isArray(entry) || (typeof entry[0] !== 'string' && typeof entry[0] !== 'number')) return undefined;
          this.setMember(object, String(entry[0]), { value: entry[1], at: locationOfValue(entry, 1) ?? locationOfValue(first, index) ?? at }, locationOfValue(entry, 0), ctx);
        }
        return { value: object, at };
      }
      if (member.name === 'freeze' && args.length === 1) return args[0];
    }
    if (owner === 'JSON' && member.name === 'stringify' && args.length === 1 && !containsUnresolved(values[0], 0)) {
      const text = JSON.stringify(values[0]);
      return text === undefined ? undefined : { value: text, at };
    }
    return undefined;
  }

  private list(items: unknown[], at: Location): Evaluated {
    const list = [...items];
    recordPosition(list, at);
    list.forEach((item, index) => recordMember(list, index, undefined, locationOf(item) ?? at));
    return { value: list, at };
  }

  // ---- keys, locations, notes ----

  private propertyKey(ctx: Context, name: TS.PropertyName): string | Unresolved {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
      return ts.isNumericLiteral(name) ? String(Number(name.text)) : name.text;
    }
    if (ts.isComputedPropertyName(name)) {
      const key = this.evaluate(name.expression, ctx).value;
      if (typeof key === 'string' || typeof key === 'number') return String(key);
    }
    return new Unresolved(snippet(ctx, name), 'its property name is computed');
  }

  private loc(ctx: Context, node: TS.Node): Location {
    return ctx.site ?? nodeLocation(node);
  }

  /** A value that cannot be known statically, noted where it is used as data (see asData). */
  private unresolved(ctx: Context, node: TS.Node, reason: string): Evaluated {
    return { value: new Unresolved(snippet(ctx, node), reason), at: this.loc(ctx, node) };
  }

  /**
   * An expression built from a value that is not known: unresolved as a whole, with the first reason. When the part
   * already stands for an environment variable, the whole keeps its text (`process.env.X` is what the user looks for).
   */
  private propagate(ctx: Context, node: TS.Node, part: Evaluated, reason: string): Evaluated {
    const inner = part.value instanceof Unresolved ? part.value : undefined;
    return { value: new Unresolved(snippet(ctx, node), inner?.reason ?? reason), at: this.loc(ctx, node) };
  }

  /** An item that stands for values not known (a spread of an unknown list), as an unresolved value. */
  private silent(ctx: Context, node: TS.Node, part: Evaluated): Evaluated {
    return this.propagate(ctx, node, part, 'its items are not known');
  }

  private report(value: Unresolved, at: Location): void {
    if (this.reported.has(value)) return;
    this.reported.add(value);
    this.note(at, `Could not resolve ${quote(value.text)}: ${value.reason}.`);
  }

  private note(at: Location, message: string): void {
    const key = `${INPUT_RULES.unresolved}|${at.file}:${at.line}:${at.column}|${message}`;
    if (this.reportedKeys.has(key)) return;
    this.reportedKeys.add(key);
    this.findings.push(inputFinding(INPUT_RULES.unresolved, 'note', message, at, key));
  }
}

/** A method of a known string or array, before it is called. */
class BoundMethod {
  constructor(
    readonly receiver: string | unknown[],
    readonly name: string,
  ) {}
}

/** `path.join`, `process.cwd`, `Object.keys`, … before they are called. */
class BuiltinMember {
  constructor(
    readonly owner: Builtin,
    readonly name: string,
  ) {}
}

// ---- the module's top level ----

function buildScope(module: SourceModule): Scope {
  const sourceFile = module.sourceFile;
  const scope: Scope = {
    file: module.file,
    dir: dirOf(module.file),
    module,
    declarations: new Map(),
    values: new Map(),
    exportValues: new Map(),
    localExports: new Map(),
    reexports: new Map(),
    starExports: [],
    cjsExports: new Map(),
    mutations: new Map(),
    reassigned: new Map(),
  };
  const isExported = (node: TS.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: TS.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  const declareBindingNames = (name: TS.BindingName, declaration: TS.Node, exported: boolean): void => {
    if (ts.isIdentifier(name)) {
      scope.declarations.set(name.text, declaration);
      if (exported) scope.localExports.set(name.text, name.text);
      return;
    }
    for (const element of name.elements) {
      if (ts.isOmittedExpression(element)) continue;
      declareBindingNames(element.name, ts.isIdentifier(element.name) ? element : declaration, exported);
    }
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) scope.declarations.set(clause.name.text, clause);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) scope.declarations.set(bindings.name.text, bindings);
      else if (bindings) for (const element of bindings.elements) if (!element.isTypeOnly) scope.declarations.set(element.name.text, element);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      scope.declarations.set(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      const exported = isExported(statement);
      for (const declaration of statement.declarationList.declarations) declareBindingNames(declaration.name, declaration, exported);
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      const name = statement.name?.text;
      if (name !== undefined) scope.declarations.set(name, statement);
      if (isExported(statement)) {
        if (isDefault(statement)) {
          if (name !== undefined) scope.localExports.set('default', name);
        } else if (name !== undefined) scope.localExports.set(name, name);
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) scope.moduleExports = statement.expression;
      else scope.defaultExport = statement.expression;
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier !== undefined) scope.starExports.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier !== undefined) scope.reexports.set(clause.name.text, { specifier, name: '*' });
      } else {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const local = (element.propertyName ?? element.name).text;
          if (specifier !== undefined) scope.reexports.set(element.name.text, { specifier, name: local });
          else scope.localExports.set(element.name.text, local);
        }
      }
    } else if (ts.isExpressionStatement(statement)) {
      topLevelExpression(scope, statement.expression);
    }
  }
  // Changes to top-level bindings anywhere below the top level (inside ifs, loops, functions) may or may not run.
  const visit = (node: TS.Node, nested: boolean): void => {
    if (nested && (ts.isBinaryExpression(node) || ts.isCallExpression(node) || ts.isDeleteExpression(node) || ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node))) {
      recordChange(scope, node, true);
    }
    ts.forEachChild(node, (child) => visit(child, nested || isNestedBody(child)));
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement)) {
      // Its own top-level change is recorded above; calls and functions inside it are nested.
      ts.forEachChild(statement.expression, (child) => visit(child, isNestedBody(child)));
    } else if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) {
      visit(statement, !ts.isVariableStatement(statement) && !ts.isExportAssignment(statement));
    }
  }
  return scope;
}

/** A node whose code runs later or maybe: a function, a class, or a statement body other than the top level. */
function isNestedBody(node: TS.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isBlock(node) || ts.isIfStatement(node) || ts.isIterationStatement(node, false) || ts.isTryStatement(node) || ts.isSwitchStatement(node);
}

/** `module.exports = x`, `exports.a = x`, or an unconditional change to a binding. */
function topLevelExpression(scope: Scope, expression: TS.Expression): void {
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = expression.left;
    if (isModuleExports(left)) {
      scope.moduleExports = expression.right;
      return;
    }
    if (ts.isPropertyAccessExpression(left) && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) {
      scope.cjsExports.set(left.name.text, expression.right);
      return;
    }
  }
  recordChange(scope, expression, false);
}

function isModuleExports(node: TS.Node): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}

/** Records `root.a.b = x`, `root.list.push(x)`, `Object.assign(root, x)`, `delete root.a`, `root = x` on a top-level binding. */
function recordChange(scope: Scope, node: TS.Node, conditional: boolean): void {
  let target: TS.Expression | undefined;
  let reassignment = false;
  if (ts.isBinaryExpression(node) && isAssignmentKind(node.operatorToken.kind)) {
    target = node.left;
    reassignment = ts.isIdentifier(node.left);
  } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const callee = node.expression;
    if (callee.name.text === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object') target = node.arguments[0];
    else if (MUTATING_METHODS.has(callee.name.text)) target = callee.expression;
  } else if (ts.isDeleteExpression(node)) {
    target = node.expression;
  } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    target = node.operand;
    reassignment = ts.isIdentifier(node.operand);
  }
  if (!target) return;
  const root = rootName(target);
  if (root === undefined || !scope.declarations.has(root)) return;
  if (reassignment) {
    if (!scope.reassigned.has(root)) scope.reassigned.set(root, node);
    return;
  }
  if (conditional && isInsideOwnFunction(node, root)) return;
  const list = scope.mutations.get(root) ?? [];
  list.push({ expression: node as TS.Expression, conditional });
  scope.mutations.set(root, list);
}

/** True when `name` inside the function around `node` is a parameter or local of that function, not the top-level binding. */
function isInsideOwnFunction(node: TS.Node, name: string): boolean {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isFunctionLike(current)) {
      if (current.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name)) return true;
      const body = (current as TS.FunctionLikeDeclaration).body;
      if (body && ts.isBlock(body) && body.statements.some((statement) => ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name))) return true;
    }
  }
  return false;
}

function rootName(node: TS.Expression): string | undefined {
  let current: TS.Expression = node;
  for (;;) {
    if (ts.isIdentifier(current)) return current.text;
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else return undefined;
  }
}

function isAssignmentKind(kind: TS.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

// ---- small helpers ----

function isScope(value: Scope | Evaluated): value is Scope {
  return (value as Scope).declarations !== undefined;
}

function dirOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function isUnresolvedValue(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

/** A value the evaluator knows (not unresolved, not a stand-in for code). */
function isKnown(value: unknown): boolean {
  return !(value instanceof Unresolved) && !(value instanceof BoundMethod) && !(value instanceof BuiltinMember);
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isInterpolable(value: unknown): value is string | number | boolean | null | undefined {
  return isScalar(value);
}

function truthy(value: unknown): boolean {
  return Boolean(value);
}

function containsUnresolved(value: unknown, depth: number): boolean {
  if (value instanceof Unresolved || depth > 64) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((item) => containsUnresolved(item, depth + 1));
}

function defineMember(object: Record<string, unknown>, key: string, value: unknown): void {
  // A key named __proto__ stays data.
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The code of `node` on one line, shortened for a message. */
function snippet(_ctx: Context, node: TS.Node): string {
  if (ts.isSourceFile(node)) return node.fileName;
  const text = node.getText(node.getSourceFile()).replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Where `node` is written, in its own module (nodes know their file through their parents). */
function nodeLocation(node: TS.Node): Location {
  const sourceFile = node.getSourceFile();
  if (ts.isSourceFile(node)) return locationAtStart(sourceFile.fileName);
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(Math.max(node.getStart(sourceFile), node.end));
  return { file: sourceFile.fileName, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
