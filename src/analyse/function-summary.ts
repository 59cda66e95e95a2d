// What one body of code does by itself: SDK calls, client creations, and the local functions it calls or hands on.
import { withArticle } from '../util/plural.js';
import ts from './typescript.js';
import type { Location } from '../model/location.js';
import type { ClientCreation, SdkCall, StaticValue } from './types.js';
import type { AnalysisContext } from './context.js';
import { databaseFactoryName } from './database-clients.js';
import { StaticEvaluator } from './evaluate.js';
import { libraryExport, libraryOperations, type LibraryObjectRef } from './library-calls.js';
import { LIBRARY_OBJECTS, type LibraryBehaviour } from '../data/aws-libraries.js';
import { isAssignment, isAssignmentOperator } from './module-info.js';
import { hasBody, ReferenceResolver, skipWrappers, type FunctionNode, type Reference } from './references.js';
import { findDeclaration } from './scope.js';
import { classifySdkExport, clientMethodOperation, upperFirst, waiterOperation } from './sdk-catalog.js';
import { nodeLocation, type SourceModule } from './source-files.js';

/** A body that runs as a unit: a function, a class construction (constructor + field initializers), or a module's top level. */
export type CodeRoot = FunctionNode | ts.ClassLikeDeclaration | ts.SourceFile;

export interface LocalSdkCall extends Omit<SdkCall, 'via'> {
  /** The request expression (and the option holding it, for `new Upload({ params })`), re-evaluated per call site when it uses parameters. */
  inputNode?: ts.Expression;
  inputProperty?: string;
  usesParameters: boolean;
}

export interface LocalClientCreation extends Omit<ClientCreation, 'via' | 'scope'> {
  /** Assigned to a module variable behind a check (`if (!pool) pool = ...`, `??=`). */
  lazy: boolean;
  /** A database client's options that use the enclosing function's parameters: the host is re-evaluated per call site. */
  hostArguments?: readonly ts.Expression[];
}

export interface Edge {
  target: CodeRoot;
  site: Location;
  /** The call, for binding arguments to the target's parameters. */
  call?: ts.CallExpression | ts.NewExpression;
  /** A callback or nested function: runs when its enclosing function runs, not at module load. */
  nested: boolean;
}

/** A place where the code may reach AWS in a way the analysis could not follow: the derivation is then incomplete. */
export interface Unfollowed {
  location: Location;
  reason: string;
}

/** `doc[action](params)` whose key is a parameter of the enclosing function: resolved at each call site with its arguments. */
export interface DynamicMethodCall {
  call: ts.CallExpression;
  receiver: Extract<Reference, { kind: 'aws-client' }>;
  key: ts.Expression;
}

export interface Summary {
  calls: LocalSdkCall[];
  clients: LocalClientCreation[];
  edges: Edge[];
  unfollowed: Unfollowed[];
  dynamicMethods: DynamicMethodCall[];
}

export class Summariser {
  private readonly summaries = new Map<CodeRoot, Summary>();
  readonly references: ReferenceResolver;
  readonly evaluator: StaticEvaluator;

  constructor(private readonly context: AnalysisContext) {
    this.references = new ReferenceResolver(context);
    this.evaluator = new StaticEvaluator(context);
  }

  summarise(root: CodeRoot): Summary {
    let summary = this.summaries.get(root);
    if (!summary) {
      summary = this.compute(root);
      this.summaries.set(root, summary);
    }
    return summary;
  }

  private compute(root: CodeRoot): Summary {
    const summary: Summary = { calls: [], clients: [], edges: [], unfollowed: [], dynamicMethods: [] };
    const module = this.context.moduleOf(root);
    if (!module) return summary;
    const visit = (node: ts.Node): void => {
      if (node !== root && (ts.isFunctionLike(node) || ts.isClassLike(node))) {
        if (hasBody(node) && !ts.isFunctionDeclaration(node) && !ts.isMethodDeclaration(node) && !ts.isConstructorDeclaration(node) && !ts.isAccessor(node)) {
          summary.edges.push({ target: node, site: nodeLocation(module, node), nested: true });
        } else if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent) && hasBody(node)) {
          summary.edges.push({ target: node, site: nodeLocation(module, node), nested: true });
        }
        return;
      }
      if (ts.isCallExpression(node)) this.onCall(module, node, summary, root);
      else if (ts.isNewExpression(node)) this.onNew(module, node, summary, root);
      ts.forEachChild(node, visit);
    };
    if (ts.isSourceFile(root)) ts.forEachChild(root, visit);
    else if (ts.isClassLike(root)) {
      for (const member of root.members) {
        const isStatic = (ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
        if (ts.isConstructorDeclaration(member) && member.body) ts.forEachChild(member.body, visit);
        else if (ts.isPropertyDeclaration(member) && member.initializer && !isStatic) visit(member.initializer);
      }
    } else visit(root.body);
    return summary;
  }

  private addCall(
    summary: Summary,
    module: SourceModule,
    call: ts.CallExpression | ts.NewExpression,
    fields: { service: string; operation: string; style: SdkCall['style']; inputNode: ts.Expression | undefined; inputProperty?: string; input?: StaticValue },
  ): void {
    const callee = call.expression;
    const start = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isElementAccessExpression(callee) ? callee.argumentExpression : call;
    const { inputNode, inputProperty, input: given, ...rest } = fields;
    const input = given ?? evaluateCallInput(this.evaluator, inputNode, inputProperty);
    summary.calls.push({
      ...rest,
      input,
      location: nodeLocation(module, call, start),
      ...(inputNode ? { inputNode } : {}),
      ...(inputProperty ? { inputProperty } : {}),
      usesParameters: mentionsParameter(input),
    });
  }

  /** Some module read so far loads an AWS SDK. */
  private reachesAws(): boolean {
    return this.context.sources.modules().some((m) => /['"](@aws-sdk\/|aws-sdk['"\/])/.test(m.sourceFile.text));
  }

  private unfollowed(summary: Summary, module: SourceModule, node: ts.Node, reason: string): void {
    summary.unfollowed.push({ location: nodeLocation(module, node), reason });
  }

  private onCall(module: SourceModule, call: ts.CallExpression, summary: Summary, root: CodeRoot): void {
    const callee = skipWrappers(call.expression);
    const args = call.arguments;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = this.references.resolve(callee.expression);
      // Calls signed with credentials the code supplies do not use the function's role.
      if (receiver.kind === 'aws-client' && receiver.credentials === 'supplied') return;
      if (method === 'send' && args[0]) {
        const command = this.references.resolve(args[0]);
        if (command.kind === 'command') {
          this.addCall(summary, module, call, { service: command.service, operation: command.operation, style: 'v3-command', inputNode: command.input });
          return;
        }
        // client.send(new COMMANDS[op](input)): each command the table can give.
        const table = this.commandTable(args[0]);
        if (table && 'commands' in table) {
          for (const choice of table.commands) this.addCall(summary, module, call, { service: choice.service, operation: choice.operation, style: 'v3-command', inputNode: table.input });
          return;
        }
        if (table) {
          this.unfollowed(summary, module, call, table.reason);
          return;
        }
      }
      if (receiver.kind === 'aws-client') {
        if (this.onClientMethod(module, call, receiver, method, summary)) return;
        if (method === 'send') {
          this.unfollowed(summary, module, call, `the command sent by ${shortText(call)} is not known statically`);
          return;
        }
        // docClient.get(params) on a client whose methods are not operations (DynamoDBDocumentClient): not understood.
        if ((receiver.flavour === 'v3' || receiver.flavour === 'v3-document') && !V3_CLIENT_METHODS.has(method)) {
          this.unfollowed(summary, module, call, `${shortText(call)} calls ${method} on ${withArticle(receiver.name)}, which noops-lint cannot map to an operation`);
          return;
        }
      } else if (receiver.kind === 'library-object') {
        this.onLibraryMethod(module, call, receiver, method, summary);
        return;
      }
      // this.repository.get(id) on an object the constructor stores from an argument not followed: in code that uses
      // AWS, the object may be what reaches it.
      if (receiver.kind === 'unknown' && (receiver.injected === 'typed' || (receiver.injected === 'untyped' && this.reachesAws()))) {
        this.unfollowed(summary, module, call, `${shortText(call)} calls ${method} on ${receiver.reason}`);
        return;
      }
      // `x.get(params).promise()`: the AWS SDK v2 request shape on a client the analysis did not follow.
      if (method === 'promise' && args.length === 0 && ts.isCallExpression(skipWrappers(callee.expression))) {
        const inner = skipWrappers(callee.expression) as ts.CallExpression;
        const innerCallee = skipWrappers(inner.expression);
        if ((ts.isPropertyAccessExpression(innerCallee) || ts.isElementAccessExpression(innerCallee)) && this.references.resolve(innerCallee.expression).kind !== 'aws-client') {
          this.unfollowed(summary, module, inner, `${shortText(inner)}.promise() looks like an AWS SDK v2 request on a client noops-lint could not follow`);
        }
      }
    }
    if (ts.isElementAccessExpression(callee) && !ts.isStringLiteralLike(callee.argumentExpression)) {
      // doc[action](params): each method the key can name, when the set is known.
      const receiver = this.references.resolve(callee.expression);
      if (receiver.kind === 'aws-client') {
        if (receiver.credentials === 'supplied') return;
        const names = possibleStrings(this.evaluator, callee.argumentExpression);
        if (names !== undefined) {
          for (const name of names) this.onClientMethod(module, call, receiver, name, summary);
        } else if (mentionsParameter(this.evaluator.evaluateInput(callee.argumentExpression))) {
          // `(action, params) => doc[action](params)`: the callers' arguments name the method.
          summary.dynamicMethods.push({ call, receiver, key: callee.argumentExpression });
        } else {
          this.unfollowed(summary, module, call, dynamicMethodReason(call));
        }
        return;
      }
    }
    const extension = this.extensionRequest(module, call, summary);
    if (extension) return;
    const target = this.references.resolve(callee);
    if (target.kind === 'library-method') {
      // const { encrypt } = buildClient(...); encrypt(keyring, data)
      this.onLibraryMethod(module, call, target, target.method, summary);
      return;
    }
    if (target.kind === 'package') {
      this.onPackageCall(module, call, target, summary, root);
    } else if (target.kind === 'function') {
      summary.edges.push({ target: target.node, site: nodeLocation(module, call, ts.isPropertyAccessExpression(callee) ? callee.name : call), nested: false, call });
    }
    // Functions handed to other calls (`items.map(save)`, `middy(handler)`) run when the caller runs.
    for (const arg of args) {
      const inner = skipWrappers(arg);
      if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) continue;
      if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner)) continue;
      const reference = this.references.resolve(inner);
      if (reference.kind === 'function') summary.edges.push({ target: reference.node, site: nodeLocation(module, arg), nested: true });
    }
  }

  /**
   * The calls a dynamic method call makes at one call site, its key evaluated with that site's arguments; an
   * unfollowed place when the key is not known there.
   */
  resolveDynamicMethod(dynamic: DynamicMethodCall, evaluator: StaticEvaluator | undefined): { calls: LocalSdkCall[]; unfollowed: Unfollowed[] } {
    const summary: Summary = { calls: [], clients: [], edges: [], unfollowed: [], dynamicMethods: [] };
    const module = this.context.moduleOf(dynamic.call);
    if (!module) return summary;
    const names = evaluator ? possibleStrings(evaluator, dynamic.key) : undefined;
    if (names === undefined) this.unfollowed(summary, module, dynamic.call, dynamicMethodReason(dynamic.call));
    else for (const name of names) this.onClientMethod(module, dynamic.call, dynamic.receiver, name, summary);
    return summary;
  }

  /**
   * `new COMMANDS[op](input)` (possibly through a constant) where COMMANDS is an object of SDK v3 command classes:
   * the commands the key can pick when its values are known, else every command of the table. A table whose
   * values cannot all be seen gives the reason instead; undefined when the expression is not a table lookup.
   */
  private commandTable(expression: ts.Expression): { commands: Array<{ service: string; operation: string }>; input: ts.Expression | undefined } | { reason: string } | undefined {
    const created = constantValue(expression);
    if (!ts.isNewExpression(created)) return undefined;
    const callee = constantValue(created.expression);
    if (!ts.isElementAccessExpression(callee) || ts.isStringLiteralLike(callee.argumentExpression)) return undefined;
    const table = this.references.resolve(callee.expression);
    const reason = `the command created by ${shortText(created)} is chosen at run time from ${shortText(callee.expression)}, whose values noops-lint cannot list`;
    const keys = possibleStrings(this.evaluator, callee.argumentExpression);
    let values: Reference[] | undefined;
    if (keys) values = keys.map((key) => this.references.member(table, key, 0));
    else if (table.kind === 'object') values = this.objectValues(table.node, 0);
    if (!values) return { reason };
    const commands: Array<{ service: string; operation: string }> = [];
    for (const value of values) {
      if (value.kind === 'unknown') return { reason };
      if (value.kind !== 'package') continue;
      const sdk = classifySdkExport(value.name, value.path);
      if (sdk?.kind === 'command-class' && !commands.some((c) => c.service === sdk.service && c.operation === sdk.operation)) commands.push({ service: sdk.service, operation: sdk.operation });
    }
    // A table of something else (handlers, validators) is not a command table.
    if (commands.length === 0) return keys ? undefined : { reason };
    return { commands, input: created.arguments?.[0] };
  }

  /** Every value of an object literal (spreads of other literals included); undefined when a spread cannot be seen. */
  private objectValues(node: ts.ObjectLiteralExpression, depth: number): Reference[] | undefined {
    if (depth > 4) return undefined;
    const values: Reference[] = [];
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.references.resolve(property.expression);
        const inner = spread.kind === 'object' ? this.objectValues(spread.node, depth + 1) : undefined;
        if (!inner) return undefined;
        values.push(...inner);
      } else if (ts.isPropertyAssignment(property)) values.push(this.references.resolve(property.initializer));
      else if (ts.isShorthandPropertyAssignment(property)) values.push(this.references.resolve(property.name));
    }
    return values;
  }

  private onClientMethod(module: SourceModule, call: ts.CallExpression, client: Extract<Reference, { kind: 'aws-client' }>, method: string, summary: Summary): boolean {
    const args = call.arguments;
    const service = client.service;
    if (client.flavour === 'v2') {
      const literal = args[0] && ts.isStringLiteralLike(args[0]) ? args[0].text : undefined;
      if (method === 'upload' && service === 's3') {
        this.addCall(summary, module, call, { service, operation: 'Upload', style: 'v2', inputNode: args[0] });
        return true;
      }
      if ((method === 'getSignedUrl' || method === 'getSignedUrlPromise') && literal) {
        this.addCall(summary, module, call, { service, operation: upperFirst(literal), style: 'presign', inputNode: args[1] });
        return true;
      }
      if (method === 'createPresignedPost' && service === 's3') {
        this.addCall(summary, module, call, { service, operation: 'PutObject', style: 'presign', inputNode: args[0] });
        return true;
      }
      if (method === 'waitFor' && literal) {
        const operation = waiterOperation(literal);
        if (operation) this.addCall(summary, module, call, { service, operation, style: 'v2', inputNode: args[1] });
        return true;
      }
      if (method === 'makeRequest' && literal) {
        this.addCall(summary, module, call, { service, operation: upperFirst(literal), style: 'v2', inputNode: args[1] });
        return true;
      }
    }
    const operation = clientMethodOperation(client.flavour, method);
    if (!operation) return false;
    this.addCall(summary, module, call, { service, operation: operation.operation, style: operation.style, inputNode: args[0] });
    return true;
  }

  private onPackageCall(module: SourceModule, call: ts.CallExpression, target: Extract<Reference, { kind: 'package' }>, summary: Summary, root: CodeRoot): void {
    const args = call.arguments;
    const sdk = classifySdkExport(target.name, target.path);
    if (sdk?.kind === 'paginator' || sdk?.kind === 'waiter') {
      // paginateQuery({ client }, input), waitUntilObjectExists({ client, maxWaitTime }, input)
      this.addCall(summary, module, call, { service: sdk.service, operation: sdk.operation, style: 'v3-paginator', inputNode: args[1] });
      return;
    }
    if (sdk?.kind === 'presigner' && args[1]) {
      const command = this.references.resolve(args[1]);
      if (command.kind === 'command') {
        this.addCall(summary, module, call, { service: command.service, operation: command.operation, style: 'presign', inputNode: command.input });
      }
      return;
    }
    if (sdk?.kind === 'presigned-post') {
      this.addCall(summary, module, call, { service: 's3', operation: 'PutObject', style: 'presign', inputNode: args[1] });
      return;
    }
    const database = databaseFactoryName(target.name, target.path, 'call');
    if (database) {
      this.addClient(module, call, summary, root, { name: database, kind: 'database' });
      return;
    }
    const library = libraryExport(target.name, target.path, 'call');
    if (library) {
      this.onLibrary(module, call, library, undefined, summary);
      return;
    }
    if (!sdk) this.clientHandedOver(module, call, target, summary);
  }

  /** An AWS client given to a library the analysis does not model (a data mapper, an ORM): its calls are not seen. */
  private clientHandedOver(module: SourceModule, call: ts.CallExpression | ts.NewExpression, target: { name: string; path: string[] }, summary: Summary): void {
    if (PASS_THROUGH_PACKAGES.test(target.name)) return;
    const values: ts.Expression[] = [];
    // nodemailer.createTransport({ SES: { ses: client, aws } }): options nest the client.
    const add = (expression: ts.Expression, depth: number): void => {
      const inner = skipWrappers(expression);
      if (!ts.isObjectLiteralExpression(inner)) {
        values.push(inner);
        return;
      }
      if (depth > 2) return;
      for (const property of inner.properties) {
        if (ts.isPropertyAssignment(property)) add(property.initializer, depth + 1);
        else if (ts.isShorthandPropertyAssignment(property)) values.push(property.name);
      }
    };
    for (const arg of call.arguments ?? []) add(arg, 0);
    for (const value of values) {
      if (!ts.isIdentifier(value) && !ts.isPropertyAccessExpression(value) && !ts.isNewExpression(value) && !ts.isCallExpression(value)) continue;
      const reference = this.references.resolve(value);
      if (reference.kind !== 'aws-client') continue;
      this.unfollowed(summary, module, call, `the ${reference.name} client is handed to ${[target.name, ...target.path].join('.')}, whose AWS calls noops-lint does not follow`);
      return;
    }
  }

  /** A method of a library object (`Model.get(key)`, `driver.executeLambda(...)`, `client.encrypt(keyring, data)`). */
  private onLibraryMethod(module: SourceModule, call: ts.CallExpression, object: LibraryObjectRef, method: string, summary: Summary): void {
    const spec = LIBRARY_OBJECTS[object.object];
    if (!spec) return;
    const behaviour = Object.hasOwn(spec.methods, method) ? spec.methods[method] : undefined;
    if (!behaviour) {
      if (spec.otherMethods === 'incomplete') this.unfollowed(summary, module, call, `${shortText(call)} calls ${method} on a ${spec.name}, which noops-lint cannot map to AWS operations`);
      return;
    }
    this.onLibrary(module, call, behaviour, { object: object.object, creation: object.creation }, summary);
  }

  /** The AWS operations a library call performs (src/data/aws-libraries.ts), or the reason it cannot be followed. */
  private onLibrary(module: SourceModule, call: ts.CallExpression | ts.NewExpression, behaviour: LibraryBehaviour, receiver: LibraryObjectRef | undefined, summary: Summary): void {
    const outcome = libraryOperations(behaviour, { call, ...(receiver ? { receiver } : {}) }, this.references, this.evaluator);
    if ('unfollowed' in outcome) {
      this.unfollowed(summary, module, call, outcome.unfollowed);
      return;
    }
    for (const operation of outcome.calls) {
      this.addCall(summary, module, call, {
        service: operation.service,
        operation: operation.operation,
        style: operation.style,
        inputNode: operation.inputNode,
        ...(operation.input ? { input: operation.input } : {}),
      });
    }
  }

  /**
   * Requests to the Lambda extensions on localhost: the Parameters and Secrets extension (2773) and the AppConfig
   * agent (2772) call AWS with the function's role.
   */
  private extensionRequest(module: SourceModule, call: ts.CallExpression, summary: Summary): boolean {
    const first = call.arguments[0];
    if (!first) return false;
    const url = skipWrappers(first);
    const head = ts.isTemplateExpression(url) ? url.head.text : ts.isStringLiteralLike(url) ? url.text : undefined;
    if (head === undefined) return false;
    const match = /^https?:\/\/(?:localhost|127\.0\.0\.1):(2772|2773)(\/[^?]*)?/.exec(head);
    if (!match) return false;
    const path = match[2] ?? '';
    if (match[1] === '2772') {
      for (const operation of ['StartConfigurationSession', 'GetLatestConfiguration']) {
        this.addCall(summary, module, call, { service: 'appconfig', operation, style: 'library', inputNode: undefined, input: { kind: 'unknown', reason: 'the AppConfig agent URL names the configuration' } });
      }
      return true;
    }
    const query = path.startsWith('/secretsmanager/get') ? { name: 'secretId', service: 'secretsmanager', operation: 'GetSecretValue' }
      : path.startsWith('/systemsmanager/parameters/get') ? { name: 'name', service: 'ssm', operation: 'GetParameter' } : undefined;
    if (!query) {
      this.unfollowed(summary, module, call, `the extension request ${shortText(call)} is not one noops-lint knows`);
      return true;
    }
    // The value after `secretId=`: a literal in the URL or the template part that follows it.
    let inputNode: ts.Expression | undefined;
    let input: StaticValue | undefined;
    const literal = new RegExp(`[?&]${query.name}=([^&]+)`).exec(head);
    if (literal) input = { kind: 'string', value: decodeURIComponent(literal[1]!) };
    else if (ts.isTemplateExpression(url) && url.head.text.endsWith(`${query.name}=`)) inputNode = unwrapEncode(url.templateSpans[0]!.expression);
    else input = { kind: 'unknown', reason: `the ${query.name} of ${shortText(call)} is not known statically` };
    this.addCall(summary, module, call, { service: query.service, operation: query.operation, style: 'library', inputNode, ...(input ? { input } : {}) });
    return true;
  }

  private onNew(module: SourceModule, node: ts.NewExpression, summary: Summary, root: CodeRoot): void {
    const callee = this.references.resolve(node.expression);
    if (callee.kind === 'class') {
      summary.edges.push({ target: callee.node, site: nodeLocation(module, node), nested: false, call: node });
      return;
    }
    if (callee.kind !== 'package') return;
    const args = node.arguments ?? [];
    const sdk = classifySdkExport(callee.name, callee.path);
    if (sdk?.kind === 'client-class') {
      this.addClient(module, node, summary, root, { name: sdk.name, kind: 'aws-sdk' });
      return;
    }
    if (sdk?.kind === 'upload') {
      // new Upload({ client, params: { Bucket, Key, Body } })
      this.addCall(summary, module, node, { service: 's3', operation: 'Upload', style: sdk.style, inputNode: args[0], inputProperty: 'params' });
      return;
    }
    const database = databaseFactoryName(callee.name, callee.path, 'new');
    if (database) {
      this.addClient(module, node, summary, root, { name: database, kind: 'database' });
      return;
    }
    const library = libraryExport(callee.name, callee.path, 'new');
    if (library) {
      this.onLibrary(module, node, library, undefined, summary);
      return;
    }
    if (!sdk) this.clientHandedOver(module, node, callee, summary);
  }

  private addClient(module: SourceModule, node: ts.NewExpression | ts.CallExpression, summary: Summary, root: CodeRoot, fields: { name: string; kind: ClientCreation['kind'] }): void {
    const args = node.arguments ?? [];
    const host = fields.kind === 'database' ? literalHost(this.evaluator, args) : undefined;
    // new Pool({ host }) inside `constructor(host)`: the caller's argument decides.
    const hostArguments = fields.kind === 'database' && host === undefined && args.some((arg) => mentionsParameter(this.evaluator.evaluateInput(arg)));
    const configuredPerRequest = (node.arguments ?? []).some(usesLocalValues);
    summary.clients.push({
      ...fields,
      lazy: !ts.isSourceFile(root) && isLazyCreation(node),
      location: nodeLocation(module, node),
      ...(host !== undefined ? { host } : {}),
      ...(hostArguments ? { hostArguments: args.slice(0, 4) } : {}),
      ...(configuredPerRequest ? { configuredPerRequest } : {}),
    });
  }
}

/** The literal host a database client connects to: `{ host }`, `{ connectionString }`, a URL argument. */
export function literalHost(evaluator: StaticEvaluator, args: readonly ts.Expression[]): string | undefined {
  let previous: StaticValue | undefined;
  for (const arg of args.slice(0, 4)) {
    const value = evaluator.evaluateInput(arg);
    // new Redis(6379, 'cache.internal'): a host after a port
    if (previous?.kind === 'number' && value.kind === 'string' && !value.value.includes('://')) return value.value;
    const host = hostIn(value, 0);
    if (host !== undefined) return host;
    previous = value;
  }
  return undefined;
}

/** Evaluates a request (or one option of it), with the bindings the evaluator carries. */
export function evaluateCallInput(evaluator: StaticEvaluator, node: ts.Expression | undefined, property: string | undefined): StaticValue {
  const value = evaluator.evaluateInput(node);
  if (!property || value.kind !== 'object') return value;
  return value.properties[property] ?? { kind: 'unknown', reason: `no \`${property}\`` };
}

function mentionsParameter(value: StaticValue): boolean {
  switch (value.kind) {
    case 'unknown':
    case 'partial':
      return value.reason.includes('is a parameter');
    case 'object':
      return Object.values(value.properties).some(mentionsParameter);
    case 'array':
      return value.items.some(mentionsParameter);
    default:
      return false;
  }
}

function hostFromUrl(text: string): string | undefined {
  if (!text.includes('://')) return undefined;
  try {
    const hostname = new URL(text).hostname;
    return hostname || undefined;
  } catch {
    // mongodb://a:1,b:2/db lists several hosts, which URL refuses: take the first.
    const match = /:\/\/(?:[^@/]*@)?([^:/,?]+)/.exec(text);
    return match?.[1];
  }
}

function hostIn(value: StaticValue, depth: number): string | undefined {
  if (value.kind === 'string') return hostFromUrl(value.value);
  if (value.kind !== 'object' || depth > 2) return undefined;
  for (const key of ['host', 'hostname', 'server']) {
    const entry = value.properties[key];
    if (entry?.kind === 'string' && entry.value) return entry.value;
  }
  for (const key of ['connectionString', 'url', 'uri', 'datasourceUrl']) {
    const entry = value.properties[key];
    if (entry?.kind === 'string') return hostFromUrl(entry.value);
  }
  for (const key of ['connection', 'socket', 'config', 'datasources', 'db']) {
    const entry = value.properties[key];
    if (entry) {
      const found = hostIn(entry, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Mentions a parameter or a function-local variable (`{ region: event.region }`, `{ credentials }`). */
function usesLocalValues(node: ts.Node): boolean {
  if (ts.isIdentifier(node)) {
    const parent = node.parent;
    if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node) return false;
    const declaration = findDeclaration(node);
    return declaration?.kind === 'parameter' || (declaration?.kind === 'variable' && !declaration.moduleLevel);
  }
  return ts.forEachChild(node, (child) => usesLocalValues(child) || undefined) ?? false;
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | ts.ThisExpression | undefined {
  let current = skipWrappers(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipWrappers(current.expression);
  if (ts.isIdentifier(current)) return current;
  if (current.kind === ts.SyntaxKind.ThisKeyword) return current as ts.ThisExpression;
  return undefined;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  if (node.kind === ts.SyntaxKind.ThisKeyword && name === 'this') return true;
  return ts.forEachChild(node, (child) => mentions(child, name) || undefined) ?? false;
}

/** `if (!pool) pool = new Pool()`, `client ??= new S3Client()`, `return cached ?? (cached = connect())`. */
function isLazyCreation(creation: ts.Node): boolean {
  let child: ts.Node = creation;
  let parent = creation.parent;
  while (
    ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isAwaitExpression(parent) ||
    ts.isConditionalExpression(parent) || (ts.isCallExpression(parent) && parent.arguments.includes(child as ts.Expression)) ||
    (ts.isBinaryExpression(parent) && !isAssignmentOperator(parent.operatorToken))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (!isAssignment(parent) || parent.right !== child) return isInCachingInitialiser(creation);
  const target = rootIdentifier(parent.left);
  if (!target) return false;
  if (ts.isIdentifier(target)) {
    const declaration = findDeclaration(target);
    const cachedAcrossCalls = (declaration?.kind === 'variable' || declaration?.kind === 'class') && declaration.moduleLevel;
    if (!cachedAcrossCalls) return false;
  }
  if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return true;
  const name = ts.isIdentifier(target) ? target.text : 'this';
  // Look for the guard between the assignment and the enclosing function.
  for (let node: ts.Node = parent; node && !ts.isFunctionLike(node) && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isIfStatement(node) && mentions(node.expression, name)) return true;
    if (ts.isConditionalExpression(node) && mentions(node.condition, name)) return true;
    if (ts.isBinaryExpression(node) && !isAssignmentOperator(node.operatorToken) && mentions(node.left, name)) return true;
  }
  // `if (pool) return pool;` earlier in the same function
  const fn = ts.findAncestor(parent, ts.isFunctionLike);
  if (fn && hasBody(fn) && ts.isBlock(fn.body)) {
    for (const statement of fn.body.statements) {
      if (statement.pos >= parent.pos) break;
      if (ts.isIfStatement(statement) && mentions(statement.expression, name) && containsReturn(statement.thenStatement)) return true;
    }
  }
  return false;
}

/**
 * The creation sits in a function that caches its result in a module variable behind a check of that variable:
 * `if (cachedDb) return cachedDb; const client = await MongoClient.connect(uri); cachedDb = client.db();`.
 */
function isInCachingInitialiser(creation: ts.Node): boolean {
  const fn = ts.findAncestor(creation.parent, ts.isFunctionLike);
  if (!fn || !hasBody(fn)) return false;
  const cached = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (isAssignment(node) && ts.isIdentifier(node.left)) {
      const declaration = findDeclaration(node.left);
      if (declaration?.kind === 'variable' && declaration.moduleLevel) cached.add(node.left.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(fn.body);
  for (const name of cached) {
    for (let node: ts.Node = creation; node !== fn; node = node.parent) {
      if (ts.isIfStatement(node.parent) && node.parent.expression !== node && mentions(node.parent.expression, name)) return true;
    }
    if (ts.isBlock(fn.body)) {
      for (const statement of fn.body.statements) {
        if (statement.pos >= creation.pos) break;
        if (ts.isIfStatement(statement) && mentions(statement.expression, name) && containsReturn(statement.thenStatement)) return true;
      }
    }
  }
  return false;
}

function containsReturn(node: ts.Node): boolean {
  if (ts.isReturnStatement(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => containsReturn(child) || undefined) ?? false;
}

/** Methods of a v3 client that are not operations. */
const V3_CLIENT_METHODS = new Set(['send', 'destroy', 'middlewareStack', 'config', 'resolveMiddleware', 'then']);

/** Packages that hand a client back unchanged (tracing) or only configure it. */
const PASS_THROUGH_PACKAGES = /^(aws-xray-sdk(-core)?|@aws-lambda-powertools\/tracer|@aws-sdk\/.*|aws-sdk(\/.*)?)$/;

/** A node's source on one line, cut at 60 characters: how messages quote code. */
export function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `encodeURIComponent(x)` -> x. */
function unwrapEncode(expression: ts.Expression): ts.Expression {
  const inner = skipWrappers(expression);
  if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && /^encodeURI(Component)?$/.test(inner.expression.text) && inner.arguments[0]) return inner.arguments[0];
  return inner;
}

function dynamicMethodReason(call: ts.CallExpression): string {
  return `the method called by ${shortText(call)} is chosen at run time`;
}

/** The expression a constant holds (`const C = COMMANDS[op]` -> `COMMANDS[op]`), followed a few steps. */
function constantValue(expression: ts.Expression): ts.Expression {
  let node = skipWrappers(expression);
  for (let i = 0; i < 5 && ts.isIdentifier(node); i++) {
    const declaration = findDeclaration(node);
    if (declaration?.kind !== 'variable' || !declaration.isConst || declaration.path.length > 0 || !declaration.node.initializer) break;
    node = skipWrappers(declaration.node.initializer);
  }
  return node;
}

/** Every string an expression can be, when the set is known: literals, conditionals, `a || b`, constants holding them. */
function possibleStrings(evaluator: StaticEvaluator, expression: ts.Expression, depth = 0): string[] | undefined {
  if (depth > 8) return undefined;
  const node = skipWrappers(expression);
  if (ts.isConditionalExpression(node)) {
    const a = possibleStrings(evaluator, node.whenTrue, depth + 1);
    const b = possibleStrings(evaluator, node.whenFalse, depth + 1);
    return a && b ? [...new Set([...a, ...b])] : undefined;
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node);
    if (declaration?.kind === 'variable' && declaration.isConst && declaration.path.length === 0 && declaration.node.initializer) {
      return possibleStrings(evaluator, declaration.node.initializer, depth + 1);
    }
  }
  const value = evaluator.evaluateInput(node);
  return value.kind === 'string' ? [value.value] : undefined;
}
