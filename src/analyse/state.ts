// Facts about each body of code for the state rules: module variables it writes, files it touches, timers, unawaited promises and servers it starts.
import ts from './typescript.js';
import type { Location } from '../model/location.js';
import { compareLocations } from '../model/location.js';
import type { AnalysisContext } from './context.js';
import { definitionOf } from './definitions.js';
import { StaticEvaluator } from './evaluate.js';
import type { CodeRoot } from './function-summary.js';
import { isAssignmentOperator } from './module-info.js';
import { hasBody, skipWrappers, type FunctionNode, type ReferenceResolver } from './references.js';
import { findDeclaration } from './scope.js';
import { packageBase, serverKind } from './servers.js';
import { nodeLocation, type SourceModule } from './source-files.js';
import type { BackgroundWork, FileOperation, FunctionUsage, StateWrite } from './types.js';

type LocalWrite = Omit<StateWrite, 'via'>;
type LocalFileOperation = Omit<FileOperation, 'via' | 'scope'>;
type LocalBackgroundWork = Omit<BackgroundWork, 'via' | 'scope'>;

interface BodyFacts {
  writes: LocalWrite[];
  files: LocalFileOperation[];
  background: LocalBackgroundWork[];
}

type ContainerKind = 'array' | 'map' | 'set' | 'object';

/** Members whose use anywhere in the file shows a collection is kept bounded. */
const BOUNDING_MEMBERS = ['delete', 'clear', 'size', 'length', 'shift', 'splice'] as const;
/** Members that remove entries from a Map or Set. */
const EVICTING_MEMBERS = ['delete', 'clear'] as const;
const ARRAY_MUTATORS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'copyWithin']);

/** fs methods that create or change files, and the argument holding the target path. */
const FILE_WRITES: Record<string, number> = {
  writeFile: 0, writeFileSync: 0, appendFile: 0, appendFileSync: 0, mkdir: 0, mkdirSync: 0, createWriteStream: 0,
  outputFile: 0, outputFileSync: 0, outputJson: 0, outputJsonSync: 0, writeJson: 0, writeJsonSync: 0, writeJSON: 0,
  ensureDir: 0, ensureDirSync: 0, ensureFile: 0, ensureFileSync: 0, mkdirp: 0, mkdirs: 0,
  copyFile: 1, copyFileSync: 1, cp: 1, cpSync: 1, copy: 1, copySync: 1, move: 1, moveSync: 1, rename: 1, renameSync: 1,
};
const FILE_READS = new Set(['readFile', 'readFileSync', 'createReadStream', 'readJson', 'readJsonSync', 'readJSON']);
const FILE_CHECKS = new Set(['existsSync', 'exists', 'access', 'accessSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'pathExists', 'pathExistsSync']);
const FS_PACKAGES = new Set(['fs', 'fs/promises', 'graceful-fs', 'fs-extra']);

/** Where a path points, as far as the code says: a `<code>` prefix stands for the deployed code folder (read-only in Lambda). */
interface KnownPath {
  text: string;
  complete: boolean;
}

const CODE_DIR = '<code>';
const MAX_PATH_DEPTH = 10;

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isAsync(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let current = skipWrappers(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipWrappers(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => mentions(child, name) || undefined) ?? false;
}

function containsExit(node: ts.Node): boolean {
  if (ts.isReturnStatement(node) || ts.isThrowStatement(node) || ts.isContinueStatement(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => containsExit(child) || undefined) ?? false;
}

/** The outermost function around `node` in its file (the whole handler for a callback inside it). */
function outermostFunction(node: ts.Node): ts.Node {
  let found: ts.Node = node.getSourceFile();
  for (let current: ts.Node | undefined = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isFunctionLike(current)) found = current;
  }
  return found;
}

function callsGlobal(scope: ts.Node, name: string): boolean {
  const visit = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(scope);
}

/**
 * A write behind a check of the same variable: `if (!pool) pool = ...`, `cache.get(k) ?? cache.set(k, v)`,
 * or after `if (cached) return cached;` in the same function. Memoisation, computed once per container.
 */
function isGuarded(write: ts.Node, name: string): boolean {
  for (let node: ts.Node = write; !ts.isFunctionLike(node) && !ts.isSourceFile(node); node = node.parent) {
    const parent = node.parent;
    if (ts.isIfStatement(parent) && parent.expression !== node && mentions(parent.expression, name)) return true;
    if (ts.isConditionalExpression(parent) && parent.condition !== node && mentions(parent.condition, name)) return true;
    if (ts.isBinaryExpression(parent) && parent.right === node && !isAssignmentOperator(parent.operatorToken) && mentions(parent.left, name)) return true;
  }
  const fn = ts.findAncestor(write, ts.isFunctionLike);
  if (fn && hasBody(fn) && ts.isBlock(fn.body)) {
    for (const statement of fn.body.statements) {
      if (statement.pos >= write.pos) break;
      if (ts.isIfStatement(statement) && mentions(statement.expression, name) && containsExit(statement.thenStatement)) return true;
    }
  }
  return false;
}

function containerOf(declaration: ts.VariableDeclaration): ContainerKind | undefined {
  const init = declaration.initializer ? skipWrappers(declaration.initializer) : undefined;
  if (init) {
    if (ts.isArrayLiteralExpression(init)) return 'array';
    if (ts.isObjectLiteralExpression(init)) return 'object';
    if (ts.isNewExpression(init) && ts.isIdentifier(init.expression)) {
      return ({ Map: 'map', Set: 'set', Array: 'array', Object: 'object' } as Record<string, ContainerKind>)[init.expression.text];
    }
    if (ts.isCallExpression(init)) {
      const text = init.expression.getText();
      if (text === 'Array' || text === 'Array.from' || text === 'Array.of') return 'array';
      if (text === 'Object.create') return 'object';
    }
    return undefined;
  }
  // let items: string[];  let seen: Set<string>;
  const type = declaration.type;
  if (!type) return undefined;
  if (ts.isArrayTypeNode(type)) return 'array';
  if (ts.isTypeLiteralNode(type)) return 'object';
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    return ({ Array: 'array', Map: 'map', Set: 'set', Record: 'object' } as Record<string, ContainerKind>)[type.typeName.text];
  }
  return undefined;
}

/** `[]`, `{}`, `new Map()`: a fresh, empty value. */
function isEmptyContainer(expression: ts.Expression): boolean {
  const node = skipWrappers(expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.length === 0;
  if (ts.isObjectLiteralExpression(node)) return node.properties.length === 0;
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ['Map', 'Set', 'Array', 'Object'].includes(node.expression.text) && (node.arguments?.length ?? 0) === 0;
}

export class CodeFacts {
  private readonly bodies = new Map<CodeRoot, BodyFacts>();
  private readonly keys = new WeakMap<FunctionUsage, Set<string>>();
  private readonly evaluator: StaticEvaluator;

  constructor(
    private readonly context: AnalysisContext,
    private readonly references: ReferenceResolver,
  ) {
    this.evaluator = new StaticEvaluator(context);
  }

  /** Adds what `root` does to `usage`; module-scope variable writes count only in code that runs per request. */
  record(usage: FunctionUsage, root: CodeRoot, scope: 'module' | 'invocation', via: () => Location[]): void {
    const facts = this.of(root);
    if (facts.writes.length + facts.files.length + facts.background.length === 0) return;
    const keys = this.keys.get(usage) ?? new Set<string>();
    this.keys.set(usage, keys);
    const where = (location: Location): string => `${location.file}:${location.line}:${location.column}:${scope}`;
    const sites = via();
    if (scope === 'invocation') {
      for (const write of facts.writes) {
        const key = `w:${where(write.location)}:${write.kind}`;
        if (keys.has(key)) continue;
        keys.add(key);
        (usage.stateWrites ??= []).push({ ...write, via: sites });
      }
    }
    for (const file of facts.files) {
      const key = `f:${where(file.location)}:${file.kind}`;
      if (keys.has(key)) continue;
      keys.add(key);
      (usage.fileOperations ??= []).push({ ...file, scope, via: sites });
    }
    for (const work of facts.background) {
      // A timer or promise started while the module loads is not left behind by an invocation; a server started
      // in a helper that module code calls may sit behind `if (require.main === module)` at the call, so only top-level listens count.
      if (scope === 'module' && (work.kind !== 'listen' || !ts.isSourceFile(root))) continue;
      const key = `b:${where(work.location)}:${work.kind}`;
      if (keys.has(key)) continue;
      keys.add(key);
      (usage.backgroundWork ??= []).push({ ...work, scope, via: sites });
    }
  }

  sort(usage: FunctionUsage): void {
    usage.stateWrites?.sort((a, b) => compareLocations(a.location, b.location));
    usage.fileOperations?.sort((a, b) => compareLocations(a.location, b.location) || a.scope.localeCompare(b.scope));
    usage.backgroundWork?.sort((a, b) => compareLocations(a.location, b.location) || a.scope.localeCompare(b.scope));
  }

  of(root: CodeRoot): BodyFacts {
    let facts = this.bodies.get(root);
    if (!facts) {
      facts = this.compute(root);
      this.bodies.set(root, facts);
    }
    return facts;
  }

  private compute(root: CodeRoot): BodyFacts {
    const facts: BodyFacts = { writes: [], files: [], background: [] };
    const module = this.context.moduleOf(root);
    if (!module) return facts;
    const isFunction = !ts.isSourceFile(root) && !ts.isClassLike(root);
    const bodyId = `${module.file}:${root.pos}`;
    const visit = (node: ts.Node): void => {
      if (node !== root && (ts.isFunctionLike(node) || ts.isClassLike(node))) return;
      if (isFunction) this.onStateNode(module, node, root as FunctionNode, facts);
      if (ts.isCallExpression(node)) {
        this.onFileCall(module, node, root, bodyId, facts);
        this.onBackgroundCall(module, node, root, facts);
      }
      if (ts.isExpressionStatement(node) && isFunction) this.onStatement(module, node, root as FunctionNode, facts);
      ts.forEachChild(node, visit);
    };
    if (ts.isSourceFile(root)) ts.forEachChild(root, visit);
    else if (ts.isClassLike(root)) {
      for (const member of root.members) {
        const isStatic = (ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
        if (ts.isConstructorDeclaration(member) && member.body) ts.forEachChild(member.body, visit);
        else if (ts.isPropertyDeclaration(member) && member.initializer && !isStatic) visit(member.initializer);
      }
    } else if (hasBody(root)) visit(root.body);
    return facts;
  }

  // ---- module-scope state -------------------------------------------------------------------------

  /** The module-level variable `identifier` names in its own file, if any. */
  private moduleVariable(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
    const declaration = findDeclaration(identifier);
    if (declaration?.kind !== 'variable' || !declaration.moduleLevel || declaration.path.length > 0) return undefined;
    return declaration.node;
  }

  /** A value that carries nothing from the request: a literal, an environment variable, a constant. */
  private isStable(expression: ts.Expression): boolean {
    const node = skipWrappers(expression);
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return true;
    if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) return true;
    const value = this.evaluator.evaluateInput(node);
    return value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' || value.kind === 'env';
  }

  private addWrite(module: SourceModule, facts: BodyFacts, declaration: ts.VariableDeclaration, kind: StateWrite['kind'], node: ts.Node): void {
    const name = declaration.name as ts.Identifier;
    facts.writes.push({ variable: name.text, declaration: nodeLocation(module, name), kind, text: shortText(node), location: nodeLocation(module, node) });
  }

  private onStateNode(module: SourceModule, node: ts.Node, root: FunctionNode, facts: BodyFacts): void {
    if (ts.isBinaryExpression(node) && (isAssignmentOperator(node.operatorToken) || isCompoundAssignment(node.operatorToken.kind))) {
      this.onAssignment(module, node, root, facts);
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      // count++, stats.hits++
      const target = rootIdentifier(node.operand);
      const declaration = target && this.moduleVariable(target);
      if (!declaration) return;
      if (!ts.isIdentifier(skipWrappers(node.operand)) && !containerOf(declaration)) return;
      this.addWrite(module, facts, declaration, 'counter', node);
    } else if (ts.isDeleteExpression(node)) {
      // delete sessions[id]
      const target = rootIdentifier(node.expression);
      const declaration = target && this.moduleVariable(target);
      if (declaration && containerOf(declaration)) this.addWrite(module, facts, declaration, 'property', node);
    } else if (ts.isCallExpression(node)) {
      this.onMutatingCall(module, node, facts);
    }
  }

  private onAssignment(module: SourceModule, node: ts.BinaryExpression, root: FunctionNode, facts: BodyFacts): void {
    const operator = node.operatorToken.kind;
    const left = skipWrappers(node.left);
    const target = rootIdentifier(left);
    const declaration = target && this.moduleVariable(target);
    if (!target || !declaration) return;
    const name = target.text;
    // pool ??= new Pool(), config ||= load(): lazy initialisation
    if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken || operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken) {
      if (!ts.isIdentifier(left) && this.isRequestKeyed(left)) this.addWrite(module, facts, declaration, 'cache', node);
      return;
    }
    if (ts.isIdentifier(left)) {
      if (operator !== ts.SyntaxKind.EqualsToken) {
        // total += order.total; count += 1
        this.addWrite(module, facts, declaration, this.isStable(node.right) && !mentions(node.right, name) ? 'counter' : 'accumulate', node);
        return;
      }
      if (isEmptyContainer(node.right)) return this.addWrite(module, facts, declaration, 'reset', node);
      if (isGuarded(node, name) || isSelfDefault(node.right, name)) return;
      if (mentions(node.right, name)) return this.addWrite(module, facts, declaration, 'accumulate', node);
      const right = skipWrappers(node.right);
      if (this.isStable(right) || ts.isNewExpression(right)) return;
      // last = event.user is harmless if always written before it is read; reading it first sees the previous request.
      if (this.readBefore(root, declaration, node)) this.addWrite(module, facts, declaration, 'reassign', node);
      return;
    }
    const container = containerOf(declaration);
    if (!container) return;
    if (ts.isPropertyAccessExpression(left) && left.name.text === 'length' && left.expression === target) {
      if (ts.isNumericLiteral(node.right) && node.right.text === '0') this.addWrite(module, facts, declaration, 'reset', node);
      return;
    }
    if (operator !== ts.SyntaxKind.EqualsToken) return this.addWrite(module, facts, declaration, 'counter', node);
    if (isGuarded(node, name)) {
      if (this.isRequestKeyed(left) && !this.isBounded(declaration, name)) this.addWrite(module, facts, declaration, 'cache', node);
      return;
    }
    if (this.isStable(node.right) && !this.isRequestKeyed(left)) return;
    this.addWrite(module, facts, declaration, 'property', node);
  }

  /** `cache[event.id]`: an element keyed by something that is not a constant. */
  private isRequestKeyed(target: ts.Expression): boolean {
    return ts.isElementAccessExpression(target) && !this.isStable(target.argumentExpression);
  }

  /** The code elsewhere in the file removes entries or checks the size: the collection is bounded. */
  private isBounded(declaration: ts.VariableDeclaration, name: string, members: readonly string[] = BOUNDING_MEMBERS): boolean {
    const file = declaration.getSourceFile();
    const visit = (node: ts.Node): boolean => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name && members.includes(node.name.text)) {
        const declared = findDeclaration(node.expression);
        if (declared?.kind === 'variable' && declared.node === declaration) return true;
      }
      if (ts.isDeleteExpression(node) && rootIdentifier(node.expression)?.text === name) return true;
      return ts.forEachChild(node, visit) ?? false;
    };
    return visit(file);
  }

  /** `name.size` compared with a limit somewhere in the file (`if (seen.size > MAX) ...`). */
  private isSizeLimited(declaration: ts.VariableDeclaration, name: string): boolean {
    const visit = (node: ts.Node): boolean => {
      if (ts.isBinaryExpression(node) && isSizeComparison(node.operatorToken.kind)) {
        for (const side of [node.left, node.right]) {
          const operand = skipWrappers(side);
          if (ts.isPropertyAccessExpression(operand) && operand.name.text === 'size' && ts.isIdentifier(operand.expression) && operand.expression.text === name) {
            const declared = findDeclaration(operand.expression);
            if (declared?.kind === 'variable' && declared.node === declaration) return true;
          }
        }
      }
      return ts.forEachChild(node, visit) ?? false;
    };
    return visit(declaration.getSourceFile());
  }

  private readBefore(root: FunctionNode, declaration: ts.VariableDeclaration, write: ts.BinaryExpression): boolean {
    const name = (declaration.name as ts.Identifier).text;
    const visit = (node: ts.Node): boolean => {
      if (node.pos >= write.pos) return false;
      if (ts.isIdentifier(node) && node.text === name && node !== write.left) {
        const parent = node.parent;
        const isWriteTarget = ts.isBinaryExpression(parent) && parent.left === node && isAssignmentOperator(parent.operatorToken);
        const declared = findDeclaration(node);
        if (!isWriteTarget && declared?.kind === 'variable' && declared.node === declaration) return true;
      }
      return ts.forEachChild(node, visit) ?? false;
    };
    return hasBody(root) ? visit(root.body) : false;
  }

  private onMutatingCall(module: SourceModule, call: ts.CallExpression, facts: BodyFacts): void {
    const callee = skipWrappers(call.expression);
    // Object.assign(state, event.detail)
    if (ts.isPropertyAccessExpression(callee) && callee.getText() === 'Object.assign' && call.arguments[0]) {
      const target = rootIdentifier(call.arguments[0]);
      const declaration = target && this.moduleVariable(target);
      if (declaration && containerOf(declaration)) this.addWrite(module, facts, declaration, 'property', call);
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const receiver = skipWrappers(callee.expression);
    const target = rootIdentifier(receiver);
    const declaration = target && this.moduleVariable(target);
    if (!target || !declaration) return;
    const container = containerOf(declaration);
    if (!container) return;
    // state.items.push(x): a collection inside a module object
    const kind: ContainerKind | 'nested' = receiver === target ? container : 'nested';
    if (method === 'clear' && (kind === 'map' || kind === 'set' || kind === 'nested')) return this.addWrite(module, facts, declaration, 'reset', call);
    if (ARRAY_MUTATORS.has(method) && (kind === 'array' || kind === 'nested')) return this.addWrite(module, facts, declaration, 'collection', call);
    // processed.add(id) with `if (processed.size > 1000) processed.delete(oldest)` elsewhere: a deliberately shared set
    // or map kept to a size (deduplication, a cache), not state that grows with every request. Removal alone (a session
    // map emptied on logout) is still state kept between invocations.
    const evicted = receiver === target && this.isSizeLimited(declaration, target.text) && this.isBounded(declaration, target.text, EVICTING_MEMBERS);
    if (method === 'add' && (kind === 'set' || kind === 'nested')) {
      if (evicted) return;
      return this.addWrite(module, facts, declaration, 'collection', call);
    }
    if (method === 'set' && (kind === 'map' || kind === 'nested')) {
      if (!isGuarded(call, target.text)) {
        if (evicted) return;
        return this.addWrite(module, facts, declaration, 'collection', call);
      }
      // if (!cache.has(key)) cache.set(key, value): a memo, harmless when keyed by a constant or bounded
      const key = call.arguments[0];
      if (key && !this.isStable(key) && !this.isBounded(declaration, target.text)) this.addWrite(module, facts, declaration, 'cache', call);
    }
  }

  // ---- files --------------------------------------------------------------------------------------

  /** `fs.writeFileSync`, `fsp.writeFile`, `fs.promises.readFile` -> the method name, or undefined when not an fs call. */
  private fsMethod(call: ts.CallExpression): { method: string; text: string } | undefined {
    const target = this.references.resolve(call.expression);
    if (target.kind !== 'package') return undefined;
    const name = packageBase(target.name);
    if (!FS_PACKAGES.has(name)) return undefined;
    const path = target.path[0] === 'promises' ? target.path.slice(1) : target.path;
    if (path.length !== 1) return undefined;
    return { method: path[0]!, text: shortText(call.expression) };
  }

  private onFileCall(module: SourceModule, call: ts.CallExpression, root: CodeRoot, body: string, facts: BodyFacts): void {
    const target = this.references.resolve(call.expression);
    // exec('tar -xzf layer.tgz -C /tmp') writes files the analysis cannot see
    if (target.kind === 'package' && packageBase(target.name) === 'child_process') {
      facts.files.push({ kind: 'write', operation: `child_process.${target.path.join('.')}`, path: '', complete: false, area: 'unknown', guarded: false, body, position: call.pos, location: nodeLocation(module, call) });
      return;
    }
    const fs = this.fsMethod(call);
    if (!fs) return;
    const writeArgument = FILE_WRITES[fs.method];
    const isRead = FILE_READS.has(fs.method);
    if (writeArgument === undefined && !isRead) return;
    const argument = call.arguments[writeArgument ?? 0];
    const known = argument ? this.evaluatePath(argument, 0) : undefined;
    const area = known ? classifyPath(known) : 'unknown';
    facts.files.push({
      kind: isRead ? 'read' : 'write',
      operation: fs.text,
      path: known?.text ?? '',
      complete: known?.complete ?? false,
      area,
      guarded: isRead && known !== undefined && this.isReadGuarded(call, root, known),
      body,
      position: call.pos,
      location: nodeLocation(module, call),
    });
  }

  /** Inside a `try`, or the same body checks the path exists first. */
  private isReadGuarded(call: ts.CallExpression, root: CodeRoot, path: KnownPath): boolean {
    for (let node: ts.Node = call; node !== root && !ts.isSourceFile(node); node = node.parent) {
      if (ts.isTryStatement(node.parent) && node.parent.tryBlock === node && node.parent.catchClause) return true;
      // readFile(...).catch(() => undefined)
      if (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node && node.parent.name.text === 'catch') return true;
    }
    const visit = (node: ts.Node): boolean => {
      if (ts.isCallExpression(node)) {
        const fs = this.fsMethod(node);
        if (fs && FILE_CHECKS.has(fs.method) && node.arguments[0]) {
          const checked = this.evaluatePath(node.arguments[0], 0);
          if (checked && checked.text === path.text) return true;
        }
      }
      return ts.forEachChild(node, visit) ?? false;
    };
    return visit(outermostFunction(call));
  }

  /** The path an expression builds, as far as it is known. */
  private evaluatePath(expression: ts.Expression, depth: number): KnownPath | undefined {
    if (depth > MAX_PATH_DEPTH) return undefined;
    const node = skipWrappers(expression);
    if (ts.isIdentifier(node)) {
      if ((node.text === '__dirname' || node.text === '__filename') && !findDeclaration(node)) return { text: CODE_DIR, complete: true };
      const definition = definitionOf(this.context, node);
      if (definition.kind === 'expression' && definition.constant && definition.expression && definition.path.length === 0) {
        return this.evaluatePath(definition.expression, depth + 1);
      }
    }
    // import.meta.dirname
    if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && (node.name.text === 'dirname' || node.name.text === 'filename')) return { text: CODE_DIR, complete: true };
    if (ts.isCallExpression(node)) {
      const target = this.references.resolve(node.expression);
      if (target.kind === 'package') {
        const name = packageBase(target.name);
        const method = target.path.filter((part) => part !== 'posix').join('.');
        if (name === 'os' && method === 'tmpdir') return { text: '/tmp', complete: true };
        if (name === 'path' && (method === 'join' || method === 'resolve')) return this.joinPaths(node.arguments, depth);
      }
      // process.cwd(): /var/task in Lambda
      if (node.expression.getText() === 'process.cwd') return { text: CODE_DIR, complete: true };
      return undefined;
    }
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const part = this.evaluatePath(span.expression, depth + 1);
        if (!part) return { text, complete: false };
        text += part.text;
        if (!part.complete) return { text, complete: false };
        text += span.literal.text;
      }
      return { text, complete: true };
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.evaluatePath(node.left, depth + 1);
      if (!left || !left.complete) return left;
      const right = this.evaluatePath(node.right, depth + 1);
      return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
    }
    const value = this.evaluator.evaluateInput(node);
    if (value.kind === 'string') return { text: value.value, complete: true };
    if (value.kind === 'partial') return { text: value.prefix, complete: false };
    if (value.kind === 'env' && value.name === 'LAMBDA_TASK_ROOT') return { text: CODE_DIR + value.suffix, complete: true };
    return undefined;
  }

  private joinPaths(parts: readonly ts.Expression[], depth: number): KnownPath | undefined {
    let text = '';
    for (const [index, part] of parts.entries()) {
      const value = this.evaluatePath(part, depth + 1);
      if (!value) return index === 0 ? undefined : { text, complete: false };
      // path.join('/a', '/tmp') is /a/tmp, but path.resolve('/a', '/tmp') is /tmp: an absolute later part is not judged.
      text = index === 0 ? value.text : `${text.replace(/\/+$/, '')}/${value.text.replace(/^\/+/, '')}`;
      if (index > 0 && value.text.startsWith('/')) return undefined;
      if (!value.complete) return { text, complete: false };
    }
    return { text, complete: true };
  }

  // ---- background work ----------------------------------------------------------------------------

  private onBackgroundCall(module: SourceModule, call: ts.CallExpression, root: CodeRoot, facts: BodyFacts): void {
    const callee = skipWrappers(call.expression);
    if (ts.isIdentifier(callee) && !findDeclaration(callee)) {
      if (callee.text === 'setInterval' && !callsGlobal(outermostFunction(call), 'clearInterval')) {
        facts.background.push({ kind: 'interval', text: shortText(call), location: nodeLocation(module, call) });
      } else if (callee.text === 'setTimeout' && this.isLeftTimeout(call, root)) {
        facts.background.push({ kind: 'timeout', text: shortText(call), location: nodeLocation(module, call) });
      }
      return;
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'listen' && !isConditional(call, root)) {
      if (serverKind(this.context, this.references, callee.expression)) {
        facts.background.push({ kind: 'listen', text: shortText(call), location: nodeLocation(module, call) });
      }
    }
  }

  /** setTimeout(flush, 100) as a statement of its own, not inside a promise's executor and never cleared. */
  private isLeftTimeout(call: ts.CallExpression, root: CodeRoot): boolean {
    if (!ts.isExpressionStatement(call.parent)) return false;
    if (isPromiseExecutor(root)) return false;
    return !callsGlobal(outermostFunction(call), 'clearTimeout');
  }

  /** A statement that starts async work and drops the promise: `publish(event);` in an async function. */
  private onStatement(module: SourceModule, statement: ts.ExpressionStatement, root: FunctionNode, facts: BodyFacts): void {
    let expression = skipParentheses(statement.expression);
    if (ts.isVoidExpression(expression)) expression = skipParentheses(expression.expression);
    if (!ts.isCallExpression(expression)) return;
    const callee = skipWrappers(expression.expression);
    // items.forEach(async (item) => { await save(item); }): forEach does not wait for the callbacks
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'forEach') {
      const callback = expression.arguments[0] && skipWrappers(expression.arguments[0]);
      if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && isAsync(callback)) {
        facts.background.push({ kind: 'promise', text: shortText(expression), location: nodeLocation(module, expression) });
      }
      return;
    }
    if (!isAsync(root) || isPromiseExecutor(root)) return;
    if (this.returnsPromise(expression)) facts.background.push({ kind: 'promise', text: shortText(expression), location: nodeLocation(module, expression) });
  }

  private returnsPromise(call: ts.CallExpression): boolean {
    const callee = skipWrappers(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'then' || method === 'catch' || method === 'finally') return true;
      if (method === 'promise' && call.arguments.length === 0) return true;
      if (method === 'send' && call.arguments[0] && this.references.resolve(call.arguments[0]).kind === 'command') return true;
    }
    if (ts.isIdentifier(callee) && callee.text === 'fetch' && !findDeclaration(callee)) return true;
    const target = this.references.resolve(callee);
    return target.kind === 'function' && isAsync(target.node);
  }
}

/** `db = db || await connect()`, `config = config ? config : load()`: lazy initialisation written out. */
function isSelfDefault(right: ts.Expression, name: string): boolean {
  const node = skipWrappers(right);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return mentions(node.left, name);
  }
  return ts.isConditionalExpression(node) && mentions(node.condition, name);
}

function isCompoundAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstCompoundAssignment && kind <= ts.SyntaxKind.LastCompoundAssignment;
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** new Promise((resolve) => setTimeout(resolve, 100)): the timer is awaited through the promise. */
function isPromiseExecutor(root: CodeRoot): boolean {
  const parent = root.parent;
  return !!parent && ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Promise';
}

/** `if (require.main === module) app.listen(3000)`, `isLocal && app.listen()`: started only outside Lambda. */
function isConditional(node: ts.Node, root: CodeRoot): boolean {
  for (let current: ts.Node = node; current !== root && !ts.isSourceFile(current); current = current.parent) {
    const parent = current.parent;
    if (ts.isIfStatement(parent) && parent.expression !== current) return true;
    if (ts.isConditionalExpression(parent) && parent.condition !== current) return true;
    if (ts.isBinaryExpression(parent) && parent.right === current && !isAssignmentOperator(parent.operatorToken)) return true;
  }
  return false;
}

/** Where a known path points: `/tmp` (writable), a read-only place (the code folder, the working directory, other fixed paths), or unknown. */
export function classifyPath(path: KnownPath): FileOperation['area'] {
  const text = path.text;
  if (text.startsWith(CODE_DIR)) return /(^|\/)\.\.(\/|$)/.test(text) ? 'unknown' : 'read-only';
  if (text === '/tmp' || text.startsWith('/tmp/')) return /(^|\/)\.\.(\/|$)/.test(text) ? 'unknown' : 'tmp';
  if (text.startsWith('/')) {
    const segment = /^\/([^/]+)(\/|$)/.exec(text);
    // the first folder must be known: `/t` + name could be /tmp
    if (!segment || (!path.complete && segment[2] === '')) return 'unknown';
    // EFS mounts (/mnt), devices and /proc are writable or not files at all
    if (['mnt', 'dev', 'proc', 'tmp', 'sys'].includes(segment[1]!)) return 'unknown';
    return 'read-only';
  }
  // a relative path resolves against the working directory, /var/task in Lambda
  if (text === '' || /^[~$<]|:/.test(text)) return 'unknown';
  return 'read-only';
}

/** `>`, `>=`, `<`, `<=`: the operators that compare a size with a limit. */
function isSizeComparison(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.GreaterThanToken || kind === ts.SyntaxKind.GreaterThanEqualsToken || kind === ts.SyntaxKind.LessThanToken || kind === ts.SyntaxKind.LessThanEqualsToken;
}
