// Works out what an expression refers to (a package export, a local function or class, an AWS client, a command) without running it.
import ts from './typescript.js';
import type { AnalysisContext } from './context.js';
import { definitionOf, exportDefinition, requiredDefinition, type Definition } from './definitions.js';
import { isDynamicImport, isRequireCall } from './module-info.js';
import { classifySdkExport, type ClientFlavour } from './sdk-catalog.js';
import { LIBRARY_OBJECTS, libraryExport } from '../data/aws-libraries.js';
import type { SourceModule } from './source-files.js';
import { findDeclaration } from './scope.js';

export type FunctionNode = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

export type Reference =
  | { kind: 'package'; name: string; path: string[] }
  | { kind: 'module'; module: SourceModule }
  | { kind: 'function'; node: FunctionNode }
  | { kind: 'class'; node: ts.ClassLikeDeclaration }
  | { kind: 'instance'; node: ts.ClassLikeDeclaration }
  /** `credentials`: the client signs with credentials the code supplies (from the request, an AssumeRole result), not the function's role. */
  | { kind: 'aws-client'; service: string; flavour: ClientFlavour; name: string; credentials?: 'supplied' }
  | { kind: 'command'; service: string; operation: string; className: string; input?: ts.Expression }
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  /** An object made by a library that reaches AWS itself (a dynamoose model, a QLDB driver, a keyring; src/data/aws-libraries.ts). */
  | { kind: 'library-object'; object: string; creation: ts.CallExpression | ts.NewExpression }
  /** A method of such an object taken off it (`const { encrypt } = buildClient(...)`). */
  | { kind: 'library-method'; object: string; creation: ts.CallExpression | ts.NewExpression; method: string }
  /** `injected`: a class field set from a constructor parameter whose argument at the `new` sites was not followed. */
  | { kind: 'unknown'; reason: string; injected?: 'typed' | 'untyped' };

const MAX_DEPTH = 40;

export function hasBody(node: ts.Node): node is FunctionNode {
  return ts.isFunctionLike(node) && 'body' in node && node.body !== undefined;
}

/** Strips wrappers that do not change what an expression refers to. */
export function skipWrappers(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else return current;
  }
}

export function propertyNameText(name: ts.PropertyName | ts.MemberName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** Resolves expressions to references, memoised per node for the whole run. */
export class ReferenceResolver {
  private readonly memo = new Map<ts.Node, Reference>();
  private readonly active = new Set<ts.Node>();

  constructor(readonly context: AnalysisContext) {}

  resolve(expression: ts.Expression, depth = 0): Reference {
    const cached = this.memo.get(expression);
    if (cached) return cached;
    if (this.active.has(expression) || depth > MAX_DEPTH) return { kind: 'unknown', reason: 'a circular or too deep definition' };
    this.active.add(expression);
    const result = this.compute(expression, depth + 1);
    this.active.delete(expression);
    this.memo.set(expression, result);
    return result;
  }

  fromDefinition(definition: Definition, depth: number): Reference {
    switch (definition.kind) {
      case 'expression': {
        const candidates = [...(definition.expression ? [definition.expression] : []), ...definition.assigned];
        let last: Reference = { kind: 'unknown', reason: `\`${definition.name}\` has no value` };
        for (const candidate of candidates) {
          let reference = this.resolve(candidate, depth);
          for (const part of definition.path) reference = this.member(reference, part, depth);
          if (reference.kind !== 'unknown') return reference;
          last = reference;
        }
        return last;
      }
      case 'declaration':
        if (ts.isClassLike(definition.node)) return { kind: 'class', node: definition.node };
        return hasBody(definition.node) ? { kind: 'function', node: definition.node } : { kind: 'unknown', reason: 'a function without a body' };
      case 'parameter': {
        // `(controller: Controller) => controller.handle(request)`: an object of the project's own type handed in by
        // the callers, not followed; in code that uses AWS, it may be what reaches it.
        const typed = definition.path.length === 0 ? projectTyped(this.context, definition.node) : undefined;
        if (typed) return { kind: 'unknown', reason: `\`${definition.name}\`, a parameter of type ${shortText(definition.node.type!)} whose object noops-lint does not follow`, injected: 'typed' };
        return { kind: 'unknown', reason: `\`${definition.name}\` is a parameter` };
      }
      case 'module':
        return { kind: 'module', module: definition.module };
      case 'package':
        return { kind: 'package', name: definition.name, path: definition.path };
      case 'global':
        return { kind: 'unknown', reason: `\`${definition.name}\` is a global` };
      case 'unknown':
        return definition;
    }
  }

  /** What `reference.name` refers to. */
  member(reference: Reference, name: string, depth: number): Reference {
    // `const a = { ...b }; const b = { ...a }`: spreads that lead back to themselves.
    if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'a circular or too deep definition' };
    switch (reference.kind) {
      case 'package':
        return { kind: 'package', name: reference.name, path: name === 'default' && reference.path.length === 0 ? [] : [...reference.path, name] };
      case 'module':
        return this.fromDefinition(exportDefinition(this.context, reference.module, name), depth);
      case 'object':
        return this.objectMember(reference.node, name, depth);
      case 'class':
        return this.classMember(reference.node, name, true, depth);
      case 'instance':
        return this.classMember(reference.node, name, false, depth);
      case 'library-object':
        if (Object.hasOwn(LIBRARY_OBJECTS[reference.object]?.methods ?? {}, name)) return { kind: 'library-method', object: reference.object, creation: reference.creation, method: name };
        return { kind: 'unknown', reason: `\`${name}\` of a ${LIBRARY_OBJECTS[reference.object]?.name ?? reference.object}` };
      default:
        return { kind: 'unknown', reason: `\`${name}\` of a value not followed` };
    }
  }

  private objectMember(node: ts.ObjectLiteralExpression, name: string, depth: number): Reference {
    // Later properties win, as at run time.
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const property = node.properties[i]!;
      if (ts.isSpreadAssignment(property)) {
        const spread = this.member(this.resolve(property.expression, depth + 1), name, depth + 1);
        if (spread.kind !== 'unknown') return spread;
        continue;
      }
      if (!property.name || propertyNameText(property.name) !== name) continue;
      if (ts.isPropertyAssignment(property)) return this.resolve(property.initializer, depth);
      if (ts.isShorthandPropertyAssignment(property)) return this.fromDefinition(definitionOf(this.context, property.name), depth);
      if (ts.isMethodDeclaration(property) && hasBody(property)) return { kind: 'function', node: property };
      return { kind: 'unknown', reason: `accessor \`${name}\`` };
    }
    return { kind: 'unknown', reason: `no property \`${name}\`` };
  }

  private classMember(node: ts.ClassLikeDeclaration, name: string, isStatic: boolean, depth: number): Reference {
    for (const member of node.members) {
      if (!member.name || propertyNameText(member.name) !== name) continue;
      const memberStatic = (ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
      if (memberStatic !== isStatic) continue;
      if (ts.isMethodDeclaration(member) && hasBody(member)) return { kind: 'function', node: member };
      if (ts.isPropertyDeclaration(member) && member.initializer) return this.resolve(member.initializer, depth);
    }
    if (!isStatic) {
      // this.name = expr in the constructor
      const constructor = node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
      let found: Reference | undefined;
      let parameter: number | undefined;
      const visit = (child: ts.Node): void => {
        if (found || (ts.isFunctionLike(child) && child !== constructor)) return;
        if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(child.left) && child.left.expression.kind === ts.SyntaxKind.ThisKeyword && child.left.name.text === name) {
          found = this.resolve(child.right, depth);
          const right = skipWrappers(child.right);
          if (found.kind === 'unknown' && constructor && ts.isIdentifier(right)) {
            const declaration = findDeclaration(right);
            const index = declaration?.kind === 'parameter' && declaration.path.length === 0 ? constructor.parameters.findIndex((p) => p === declaration.node) : -1;
            if (index >= 0) parameter = index;
          }
          return;
        }
        ts.forEachChild(child, visit);
      };
      if (constructor?.body) ts.forEachChild(constructor.body, visit);
      // constructor(private readonly repository: Repository): a parameter property
      if (!found && constructor) {
        const index = constructor.parameters.findIndex((p) => ts.isParameterPropertyDeclaration(p, constructor) && ts.isIdentifier(p.name) && p.name.text === name);
        if (index >= 0) parameter = index;
      }
      // The object the class stores comes from its callers: the arguments at its `new` sites.
      if (parameter !== undefined && !constructor!.parameters[parameter]!.dotDotDotToken) return this.constructorArgument(node, parameter, name, depth);
      if (found) return found;
    }
    if (node.heritageClauses) return { kind: 'unknown', reason: `\`${name}\` may be inherited` };
    return { kind: 'unknown', reason: `no member \`${name}\`` };
  }

  /**
   * What the `new` sites of a class (in the modules read so far) pass as one constructor parameter: the one
   * object they all agree on; unknown and `injected` when a site's argument is not followed or the sites disagree.
   */
  private constructorArgument(node: ts.ClassLikeDeclaration, index: number, field: string, depth: number): Reference {
    const className = node.name?.text;
    const parameter = node.members.find(ts.isConstructorDeclaration)?.parameters[index];
    const typed = parameter ? projectTyped(this.context, parameter) : undefined;
    // A parameter typed with a package's type (a logger, a cache) or a primitive is not where AWS is reached.
    const injected = (why: string): Reference =>
      typed === false ? { kind: 'unknown', reason: `\`this.${field}\` is an argument not followed` } : { kind: 'unknown', reason: `\`this.${field}\`, which the constructor of ${className ?? 'a class'} receives ${why}`, injected: typed ? 'typed' : 'untyped' };
    if (!className) return injected('from callers noops-lint cannot find');
    let agreed: Reference | undefined;
    let sites = 0;
    for (const module of this.context.sources.modules()) {
      for (const site of module.nodes?.news ?? []) {
        const callee = skipWrappers(site.expression);
        const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (calleeName !== className) continue;
        const target = this.resolve(callee, depth);
        if (target.kind !== 'class' || target.node !== node) continue;
        sites++;
        const argument = site.arguments?.[index];
        if (!argument) return injected(`without an argument at ${module.file}:${lineOf(site)}`);
        const value = this.resolve(argument, depth);
        if (value.kind === 'unknown') return injected(`as ${shortText(argument)} at ${module.file}:${lineOf(site)}, an argument noops-lint cannot follow`);
        if (agreed && !sameReference(agreed, value)) return injected(`as different objects at its \`new\` sites`);
        agreed ??= value;
      }
    }
    return agreed && sites > 0 ? agreed : injected('from callers noops-lint cannot find');
  }

  private compute(expression: ts.Expression, depth: number): Reference {
    const node = skipWrappers(expression);
    if (node !== expression) return this.resolve(node, depth);
    if (ts.isIdentifier(node)) return this.fromDefinition(definitionOf(this.context, node), depth);
    if (ts.isPropertyAccessExpression(node)) return this.member(this.resolve(node.expression, depth), node.name.text, depth);
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return this.member(this.resolve(node.expression, depth), node.argumentExpression.text, depth);
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { kind: 'function', node };
    if (ts.isClassExpression(node)) return { kind: 'class', node };
    if (ts.isObjectLiteralExpression(node)) return { kind: 'object', node };
    if (node.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = ts.findAncestor(node.parent, (n) => ts.isClassLike(n) || (ts.isFunctionLike(n) && !ts.isArrowFunction(n) && !ts.isMethodDeclaration(n) && !ts.isConstructorDeclaration(n) && !ts.isAccessor(n)));
      return owner && ts.isClassLike(owner) ? { kind: 'instance', node: owner } : { kind: 'unknown', reason: '`this` outside a class' };
    }
    if (ts.isNewExpression(node)) return this.resolveNew(node, depth);
    if (ts.isCallExpression(node)) return this.resolveCall(node, depth);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken) {
        const left = this.resolve(node.left, depth);
        return left.kind !== 'unknown' && operator !== ts.SyntaxKind.EqualsToken ? left : this.resolve(node.right, depth);
      }
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        const left = this.resolve(node.left, depth);
        return left.kind !== 'unknown' ? left : this.resolve(node.right, depth);
      }
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.CommaToken) return this.resolve(node.right, depth);
      return { kind: 'unknown', reason: 'an operator expression' };
    }
    if (ts.isConditionalExpression(node)) {
      const whenTrue = this.resolve(node.whenTrue, depth);
      return whenTrue.kind !== 'unknown' ? whenTrue : this.resolve(node.whenFalse, depth);
    }
    return { kind: 'unknown', reason: 'computed at run time' };
  }

  private resolveNew(node: ts.NewExpression, depth: number): Reference {
    const callee = this.resolve(node.expression, depth);
    if (callee.kind === 'class') return { kind: 'instance', node: callee.node };
    if (callee.kind !== 'package') return { kind: 'unknown', reason: 'an instance of a class not followed' };
    const sdk = classifySdkExport(callee.name, callee.path);
    if (sdk?.kind === 'client-class' || sdk?.kind === 'document-factory') {
      const supplied = suppliesCredentials(node.arguments?.[0]);
      return { kind: 'aws-client', service: sdk.kind === 'client-class' ? sdk.service : 'dynamodb', flavour: sdk.flavour, name: sdk.name, ...(supplied ? { credentials: 'supplied' as const } : {}) };
    }
    if (sdk?.kind === 'command-class') {
      const input = node.arguments?.[0];
      return { kind: 'command', service: sdk.service, operation: sdk.operation, className: callee.path.join('.'), ...(input ? { input } : {}) };
    }
    const library = libraryExport(callee.name, callee.path, 'new');
    if (library?.returns) return { kind: 'library-object', object: library.returns, creation: node };
    return { kind: 'unknown', reason: `an instance of ${callee.name}` };
  }

  private resolveCall(node: ts.CallExpression, depth: number): Reference {
    const module = this.context.moduleOf(node);
    if (module && (isRequireCall(node) || isDynamicImport(node))) {
      const required = this.fromDefinition(requiredDefinition(this.context, module, (node.arguments[0] as ts.StringLiteralLike).text), depth);
      // `module.exports = new AWS.DynamoDB.DocumentClient()`: the module is the value it exports.
      if (required.kind === 'module' && isRequireCall(node)) {
        const exported = this.context.info(required.module).commonJsExport;
        if (exported) {
          const value = this.resolve(exported, depth);
          if (value.kind === 'aws-client' || value.kind === 'instance' || value.kind === 'function' || value.kind === 'class') return value;
        }
      }
      return required;
    }
    const callee = node.expression;
    // AWSXRay.captureAWSv3Client(client), tracer.captureAWSClient(new S3()), captureAWS(require('aws-sdk'))
    if (ts.isPropertyAccessExpression(callee) && /^captureAWS(v3Client|Client)?$/.test(callee.name.text) && node.arguments[0]) {
      return this.resolve(node.arguments[0], depth);
    }
    // handlerObject.handle.bind(handlerObject)
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') {
      const bound = this.resolve(callee.expression, depth);
      if (bound.kind === 'function') return bound;
    }
    const target = this.resolve(callee, depth);
    if (target.kind === 'package') {
      const owner = target.path.slice(0, -1);
      const method = target.path[target.path.length - 1];
      const sdk = classifySdkExport(target.name, owner);
      if (sdk?.kind === 'document-factory' && method === 'from') {
        // DynamoDBDocumentClient.from(client) signs as the client it wraps.
        const wrapped = node.arguments[0] ? this.resolve(node.arguments[0], depth) : undefined;
        const credentials = wrapped?.kind === 'aws-client' ? wrapped.credentials : undefined;
        return { kind: 'aws-client', service: 'dynamodb', flavour: sdk.flavour, name: sdk.name, ...(credentials ? { credentials } : {}) };
      }
      const library = libraryExport(target.name, target.path, 'call');
      if (library?.returns) return { kind: 'library-object', object: library.returns, creation: node };
      // co.wrap(function* () {}), util.promisify(fn), middy(fn): calling the result runs the function handed over.
      const wrapped = functionWrapped(target, node);
      if (wrapped) {
        const inner = this.resolve(wrapped, depth);
        if (inner.kind === 'function') return inner;
      }
      return { kind: 'unknown', reason: `the result of ${[target.name, ...target.path].join('.')}()` };
    }
    if (target.kind === 'function') return this.returnValue(target.node, depth);
    return { kind: 'unknown', reason: 'the result of a call not followed' };
  }

  /** What a local function returns: the first return expression that resolves. */
  private returnValue(fn: FunctionNode, depth: number): Reference {
    if (!ts.isBlock(fn.body)) return this.resolve(fn.body, depth);
    let result: Reference = { kind: 'unknown', reason: 'a function result not followed' };
    const visit = (child: ts.Node): boolean => {
      if (ts.isFunctionLike(child) || ts.isClassLike(child)) return false;
      if (ts.isReturnStatement(child) && child.expression) {
        const value = this.resolve(child.expression, depth);
        if (value.kind !== 'unknown') {
          result = value;
          return true;
        }
      }
      return ts.forEachChild(child, visit) ?? false;
    };
    ts.forEachChild(fn.body, visit);
    return result;
  }
}

/**
 * Whether a parameter's type is the project's own (an interface or class of its files, reached by a relative import,
 * a tsconfig `paths` alias or a workspace package, or an AWS SDK type; an import that cannot be resolved counts too):
 * true; a package's type or a primitive: false; no type written: undefined.
 */
function projectTyped(context: AnalysisContext, parameter: ts.ParameterDeclaration): boolean | undefined {
  const type = parameter.type;
  if (!type) return undefined;
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.left;
  if (!ts.isIdentifier(name)) return false;
  for (const statement of parameter.getSourceFile().statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name?.text === name.text) return true;
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    const names = [clause?.name?.text, ...(clause?.namedBindings ? (ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((e) => e.name.text) : [clause.namedBindings.name.text]) : [])];
    if (!names.includes(name.text)) continue;
    const from = statement.moduleSpecifier.text;
    if (from.startsWith('.') || from.startsWith('/') || from.includes('aws-sdk')) return true;
    // A tsconfig `paths` alias (`@/domain/...`) or a workspace package resolves to a project file: the project's own type.
    const module = context.moduleOf(parameter);
    if (!module) return false;
    const target = context.resolveSpecifier(module, from);
    return target.kind === 'module' || target.kind === 'unknown';
  }
  return false;
}

function lineOf(node: ts.Node): number {
  const sourceFile = node.getSourceFile();
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Two references to the same object kind: the same class's instances, clients of one service, the same node. */
function sameReference(a: Reference, b: Reference): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'instance' || a.kind === 'class' || a.kind === 'function' || a.kind === 'object') return a.node === (b as typeof a).node;
  if (a.kind === 'aws-client') return a.service === (b as typeof a).service && a.flavour === (b as typeof a).flavour && a.credentials === (b as typeof a).credentials;
  if (a.kind === 'package') return a.name === (b as typeof a).name && a.path.join('.') === (b as typeof a).path.join('.');
  return false;
}

/** Package functions that return a function running the one they are given (first argument). */
const FUNCTION_WRAPPERS: Record<string, string[][]> = {
  co: [['wrap']],
  bluebird: [['coroutine'], ['promisify'], ['method']],
  util: [['promisify']],
  'node:util': [['promisify']],
  '@middy/core': [[]],
  middy: [[]],
  'p-retry': [[]],
  'p-memoize': [[]],
  'lodash': [['memoize'], ['once']],
  'lodash/memoize': [[]],
  'lodash/once': [[]],
};

function functionWrapped(target: { name: string; path: string[] }, call: ts.CallExpression): ts.Expression | undefined {
  const forms = FUNCTION_WRAPPERS[target.name];
  if (!forms || !forms.some((form) => form.length === target.path.length && form.every((part, i) => part === target.path[i]))) return undefined;
  return call.arguments[0];
}

/** Credential providers that resolve the function's own role (environment, container): not supplied credentials. */
const ROLE_PROVIDERS = /^(fromEnv|fromNodeProviderChain|defaultProvider|fromContainerMetadata|fromInstanceMetadata|fromIni|fromProcess)$/;

/**
 * The client options set credentials the code supplies: `{ credentials: { accessKeyId, ... } }`, `{ credentials }`
 * from an AssumeRole result, v2 `{ accessKeyId, secretAccessKey }`. Its calls are not made with the function's role.
 */
function suppliesCredentials(options: ts.Expression | undefined): boolean {
  const node = options ? skipWrappers(options) : undefined;
  if (!node || !ts.isObjectLiteralExpression(node)) return false;
  for (const property of node.properties) {
    const name = property.name ? propertyNameText(property.name) : undefined;
    if ((name === 'accessKeyId' || name === 'secretAccessKey') && (ts.isShorthandPropertyAssignment(property) ? isFunctionLocal(property.name) : ts.isPropertyAssignment(property) && mentionsFunctionLocal(property.initializer))) return true;
    if (name !== 'credentials') continue;
    if (ts.isShorthandPropertyAssignment(property)) return isFunctionLocal(property.name);
    if (!ts.isPropertyAssignment(property)) return false;
    const value = skipWrappers(property.initializer);
    if (ts.isCallExpression(value)) {
      const callee = skipWrappers(value.expression);
      const called = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      // fromTemporaryCredentials({ params: { RoleArn } }) assumes another role: its calls use that role.
      if (ROLE_PROVIDERS.test(called)) return false;
    }
    return mentionsFunctionLocal(value);
  }
  return false;
}

/**
 * Credentials count as supplied only when they come from the handler's own values (the event, an AssumeRole result
 * in a local): literal or module-level credentials are usually a local-development switch, and the deployed
 * function then signs with its role.
 */
function mentionsFunctionLocal(node: ts.Node): boolean {
  if (ts.isIdentifier(node)) return isFunctionLocal(node);
  if (ts.isConditionalExpression(node)) return false;
  return ts.forEachChild(node, (child) => mentionsFunctionLocal(child) || undefined) ?? false;
}

function isFunctionLocal(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === identifier) return false;
  const declaration = findDeclaration(identifier);
  return declaration?.kind === 'parameter' || (declaration?.kind === 'variable' && !declaration.moduleLevel);
}
