// GraphQL servers and schemas built in the handler's code (Apollo, graphql-yoga, graphql-tools, type-graphql): their
// resolvers and the functions in their options (context, plugins) run per request, so they are handler code.
import ts from './typescript.js';
import type { AnalysisContext } from './context.js';
import { shortText, type Unfollowed } from './function-summary.js';
import { hasBody, skipWrappers, type FunctionNode, type ReferenceResolver } from './references.js';
import { exportDefinition } from './definitions.js';
import { findDeclaration } from './scope.js';
import { nodeLocation, type SourceModule } from './source-files.js';

interface SchemaBuilder {
  packages: string[];
  /** Export path (`[]` = the module itself or its default export). */
  path: string[];
  how: 'new' | 'call';
}

/** Constructors and functions whose first argument holds resolvers (or a schema built from them) and per-request callbacks. */
const SCHEMA_BUILDERS: SchemaBuilder[] = [
  { packages: ['apollo-server-lambda', 'apollo-server', 'apollo-server-express', 'apollo-server-koa', 'apollo-server-fastify', '@apollo/server'], path: ['ApolloServer'], how: 'new' },
  { packages: ['graphql-yoga'], path: ['createYoga'], how: 'call' },
  { packages: ['graphql-yoga'], path: ['createSchema'], how: 'call' },
  { packages: ['@graphql-tools/schema', 'graphql-tools'], path: ['makeExecutableSchema'], how: 'call' },
  { packages: ['@apollo/subgraph'], path: ['buildSubgraphSchema'], how: 'call' },
  { packages: ['type-graphql'], path: ['buildSchema'], how: 'call' },
  { packages: ['type-graphql'], path: ['buildSchemaSync'], how: 'call' },
  { packages: ['graphql'], path: ['graphql'], how: 'call' },
  { packages: ['graphql-helix'], path: ['processRequest'], how: 'call' },
];

/** Lambda handlers built from a GraphQL server: `server.createHandler()`, `startServerAndCreateLambdaHandler(server, ...)`. */
const LAMBDA_ADAPTERS = new Set(['@as-integrations/aws-lambda']);
const CREATE_HANDLER_PACKAGES = new Set(['apollo-server-lambda']);

const GRAPHQL_PACKAGES = new Set(SCHEMA_BUILDERS.flatMap((b) => b.packages));

function isBuilder(packageName: string, path: readonly string[], how: 'new' | 'call'): boolean {
  return SCHEMA_BUILDERS.some((b) => b.how === how && b.packages.includes(packageName) && b.path.length === path.length && b.path.every((p, i) => p === path[i]));
}

/** `server.createHandler()` on an apollo-server-lambda server, or a GraphQL Lambda adapter call: the handler runs the resolvers. */
export function isGraphqlLambdaAdapter(references: ReferenceResolver, expression: ts.Expression): boolean {
  const node = skipWrappers(expression);
  if (!ts.isCallExpression(node)) return false;
  const callee = skipWrappers(node.expression);
  const target = references.resolve(callee);
  if (target.kind === 'package' && LAMBDA_ADAPTERS.has(target.name)) return true;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'createHandler') return false;
  const server = createdBy(references, callee.expression);
  return server !== undefined && CREATE_HANDLER_PACKAGES.has(server);
}

/** The package whose export built `expression` (`new ApolloServer(...)` held in a variable). */
function createdBy(references: ReferenceResolver, expression: ts.Expression): string | undefined {
  let node = skipWrappers(expression);
  for (let i = 0; i < 5 && ts.isIdentifier(node); i++) {
    const initializer = variableInitializer(node);
    if (!initializer) return undefined;
    node = skipWrappers(initializer);
  }
  if (!ts.isNewExpression(node)) return undefined;
  const target = references.resolve(node.expression);
  return target.kind === 'package' ? target.name : undefined;
}

export interface GraphqlCode {
  /** Resolvers and per-request callbacks of the GraphQL servers and schemas built in the modules. */
  roots: FunctionNode[];
  /** Resolver sets that cannot be listed (built at run time, loaded from files): the derivation is incomplete. */
  unfollowed: Unfollowed[];
}

const cache = new WeakMap<SourceModule, GraphqlCode>();

/** The resolvers of every GraphQL server or schema built in `modules`. */
export function graphqlCode(context: AnalysisContext, references: ReferenceResolver, modules: Iterable<SourceModule>): GraphqlCode {
  const out: GraphqlCode = { roots: [], unfollowed: [] };
  for (const module of modules) {
    let code = cache.get(module);
    if (!code) {
      code = scanModule(context, references, module);
      cache.set(module, code);
    }
    for (const root of code.roots) if (!out.roots.includes(root)) out.roots.push(root);
    out.unfollowed.push(...code.unfollowed);
  }
  return out;
}

function importsGraphql(context: AnalysisContext, module: SourceModule): boolean {
  const info = context.info(module);
  for (const binding of info.imports.values()) if (GRAPHQL_PACKAGES.has(binding.specifier)) return true;
  return info.dependencies.some((d) => GRAPHQL_PACKAGES.has(d.specifier));
}

function scanModule(context: AnalysisContext, references: ReferenceResolver, module: SourceModule): GraphqlCode {
  const code: GraphqlCode = { roots: [], unfollowed: [] };
  if (!importsGraphql(context, module)) return code;
  const visit = (node: ts.Node): void => {
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments && node.arguments.length > 0) {
      const target = references.resolve(node.expression);
      if (target.kind === 'package' && isBuilder(target.name, target.path, ts.isNewExpression(node) ? 'new' : 'call')) {
        const collector = new FunctionCollector(context, references, module, code);
        collector.collect(node.arguments[0]!, 0);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(module.sourceFile);
  return code;
}

const MAX_DEPTH = 12;

/** Package functions that merge the resolver maps they are given (a `new` of a package class, `GraphQLScalarType`, is read the same way). */
const MERGE_FUNCTIONS = new Set([
  '@graphql-tools/merge.mergeResolvers', 'graphql-tools.mergeResolvers', 'lodash.merge', 'lodash/merge', 'lodash.merge.default', 'deepmerge',
  'deepmerge.all', 'lodash.mergeWith', 'ramda.mergeDeepRight', '@graphql-tools/schema.mergeSchemas',
]);

/** Every function a resolver map (or server options) holds, through objects, arrays, spreads, imports and merges. */
class FunctionCollector {
  private readonly seen = new Set<ts.Node>();

  constructor(
    private readonly context: AnalysisContext,
    private readonly references: ReferenceResolver,
    private readonly module: SourceModule,
    private readonly code: GraphqlCode,
  ) {}

  collect(expression: ts.Expression, depth: number): void {
    const node = skipWrappers(expression);
    if (depth > MAX_DEPTH || this.seen.has(node)) return;
    this.seen.add(node);
    if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isNumericLiteral(node)) return;
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return;
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.add(node);
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property)) this.collect(property.initializer, depth + 1);
        else if (ts.isShorthandPropertyAssignment(property)) this.collect(property.name, depth + 1);
        else if (ts.isSpreadAssignment(property)) this.collect(property.expression, depth + 1);
        else if ((ts.isMethodDeclaration(property) || ts.isAccessor(property)) && hasBody(property)) this.add(property);
      }
      return;
    }
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) this.collect(ts.isSpreadElement(element) ? element.expression : element, depth + 1);
      return;
    }
    const reference = this.references.resolve(node);
    switch (reference.kind) {
      case 'function':
        return this.add(reference.node);
      case 'object':
        return this.collect(reference.node, depth + 1);
      case 'class':
        // type-graphql resolver classes: each method may answer a field.
        for (const member of reference.node.members) if ((ts.isMethodDeclaration(member) || ts.isAccessor(member)) && hasBody(member)) this.add(member);
        return;
      case 'module': {
        // import * as resolvers from './resolvers': every export
        const info = this.context.info(reference.module);
        for (const name of info.exports.keys()) {
          const exported = this.references.fromDefinition(exportDefinition(this.context, reference.module, name), depth + 1);
          if (exported.kind === 'function') this.add(exported.node);
          else if (exported.kind === 'object') this.collect(exported.node, depth + 1);
        }
        if (info.commonJsExport) this.collect(info.commonJsExport, depth + 1);
        return;
      }
      case 'package':
        return;
      default:
        break;
    }
    // merge(a, b), mergeResolvers([a, b]), Object.assign({}, a, b), new GraphQLScalarType({ serialize }), a variable's value
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = this.references.resolve(node.expression);
      const merges =
        (callee.kind === 'package' &&
          (ts.isNewExpression(node) || MERGE_FUNCTIONS.has([callee.name, ...callee.path].join('.')) || isBuilder(callee.name, callee.path, 'call'))) ||
        /^Object\.assign$/.test(node.expression.getText());
      if (!merges) {
        this.unfollow(node, `the GraphQL resolvers built by ${shortText(node)} are not known statically`);
        return;
      }
      for (const arg of node.arguments ?? []) this.collect(ts.isSpreadElement(arg) ? arg.expression : arg, depth + 1);
      return;
    }
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const initializer = ts.isIdentifier(node) ? variableInitializer(node) : undefined;
      if (initializer) return this.collect(initializer, depth + 1);
      this.unfollow(node, `the GraphQL resolvers in ${shortText(node)} are not known statically`);
      return;
    }
    this.unfollow(node, `the GraphQL resolvers in ${shortText(node)} are not known statically`);
  }

  private add(fn: FunctionNode): void {
    if (!this.code.roots.includes(fn)) this.code.roots.push(fn);
  }

  private unfollow(node: ts.Node, reason: string): void {
    const module = this.context.moduleOf(node) ?? this.module;
    this.code.unfollowed.push({ location: nodeLocation(module, node), reason });
  }
}

/** `const x = expr` / `let x = expr` (not destructured) -> expr. */
function variableInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = findDeclaration(identifier);
  return declaration?.kind === 'variable' && declaration.path.length === 0 ? declaration.node.initializer : undefined;
}
