// What one body of code does by itself: SDK calls, client creations, and the local functions it calls or hands on.
import ts from './typescript.js';
import { databaseFactoryName } from './database-clients.js';
import { StaticEvaluator } from './evaluate.js';
import { libraryCall } from './library-calls.js';
import { isAssignment, isAssignmentOperator } from './module-info.js';
import { hasBody, ReferenceResolver, skipWrappers } from './references.js';
import { findDeclaration } from './scope.js';
import { classifySdkExport, clientMethodOperation, upperFirst, waiterOperation } from './sdk-catalog.js';
import { nodeLocation } from './source-files.js';
export class Summariser {
    context;
    summaries = new Map();
    references;
    evaluator;
    constructor(context) {
        this.context = context;
        this.references = new ReferenceResolver(context);
        this.evaluator = new StaticEvaluator(context);
    }
    summarise(root) {
        let summary = this.summaries.get(root);
        if (!summary) {
            summary = this.compute(root);
            this.summaries.set(root, summary);
        }
        return summary;
    }
    compute(root) {
        const summary = { calls: [], clients: [], edges: [] };
        const module = this.context.moduleOf(root);
        if (!module)
            return summary;
        const visit = (node) => {
            if (node !== root && (ts.isFunctionLike(node) || ts.isClassLike(node))) {
                if (hasBody(node) && !ts.isFunctionDeclaration(node) && !ts.isMethodDeclaration(node) && !ts.isConstructorDeclaration(node) && !ts.isAccessor(node)) {
                    summary.edges.push({ target: node, site: nodeLocation(module, node), nested: true });
                }
                else if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent) && hasBody(node)) {
                    summary.edges.push({ target: node, site: nodeLocation(module, node), nested: true });
                }
                return;
            }
            if (ts.isCallExpression(node))
                this.onCall(module, node, summary, root);
            else if (ts.isNewExpression(node))
                this.onNew(module, node, summary, root);
            ts.forEachChild(node, visit);
        };
        if (ts.isSourceFile(root))
            ts.forEachChild(root, visit);
        else if (ts.isClassLike(root)) {
            for (const member of root.members) {
                const isStatic = (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
                if (ts.isConstructorDeclaration(member) && member.body)
                    ts.forEachChild(member.body, visit);
                else if (ts.isPropertyDeclaration(member) && member.initializer && !isStatic)
                    visit(member.initializer);
            }
        }
        else
            visit(root.body);
        return summary;
    }
    addCall(summary, module, call, fields) {
        const callee = call.expression;
        const start = ts.isPropertyAccessExpression(callee) ? callee.name : call;
        const { inputNode, inputProperty, ...rest } = fields;
        const input = evaluateCallInput(this.evaluator, inputNode, inputProperty);
        summary.calls.push({
            ...rest,
            input,
            location: nodeLocation(module, call, start),
            ...(inputNode ? { inputNode } : {}),
            ...(inputProperty ? { inputProperty } : {}),
            usesParameters: mentionsParameter(input),
        });
    }
    onCall(module, call, summary, root) {
        const callee = skipWrappers(call.expression);
        const args = call.arguments;
        if (ts.isPropertyAccessExpression(callee)) {
            const method = callee.name.text;
            if (method === 'send' && args[0]) {
                const command = this.references.resolve(args[0]);
                if (command.kind === 'command') {
                    this.addCall(summary, module, call, { service: command.service, operation: command.operation, style: 'v3-command', inputNode: command.input });
                    return;
                }
            }
            const receiver = this.references.resolve(callee.expression);
            if (receiver.kind === 'aws-client') {
                if (this.onClientMethod(module, call, receiver, method, summary))
                    return;
            }
        }
        const target = this.references.resolve(callee);
        if (target.kind === 'package') {
            this.onPackageCall(module, call, target, summary, root);
        }
        else if (target.kind === 'function') {
            summary.edges.push({ target: target.node, site: nodeLocation(module, call, ts.isPropertyAccessExpression(callee) ? callee.name : call), nested: false, call });
        }
        // Functions handed to other calls (`items.map(save)`, `middy(handler)`) run when the caller runs.
        for (const arg of args) {
            const inner = skipWrappers(arg);
            if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner))
                continue;
            if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner))
                continue;
            const reference = this.references.resolve(inner);
            if (reference.kind === 'function')
                summary.edges.push({ target: reference.node, site: nodeLocation(module, arg), nested: true });
        }
    }
    onClientMethod(module, call, client, method, summary) {
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
                if (operation)
                    this.addCall(summary, module, call, { service, operation, style: 'v2', inputNode: args[1] });
                return true;
            }
            if (method === 'makeRequest' && literal) {
                this.addCall(summary, module, call, { service, operation: upperFirst(literal), style: 'v2', inputNode: args[1] });
                return true;
            }
        }
        const operation = clientMethodOperation(client.flavour, method);
        if (!operation)
            return false;
        this.addCall(summary, module, call, { service, operation: operation.operation, style: operation.style, inputNode: args[0] });
        return true;
    }
    onPackageCall(module, call, target, summary, root) {
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
        const library = libraryCall(target.name, target.path, 'call');
        if (library) {
            for (const operation of library.operations) {
                this.addCall(summary, module, call, { service: operation.service, operation: operation.operation, style: 'library', inputNode: args[library.inputArgument] });
            }
        }
    }
    onNew(module, node, summary, root) {
        const callee = this.references.resolve(node.expression);
        if (callee.kind === 'class') {
            summary.edges.push({ target: callee.node, site: nodeLocation(module, node), nested: false });
            return;
        }
        if (callee.kind !== 'package')
            return;
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
        const library = libraryCall(callee.name, callee.path, 'new');
        if (library) {
            for (const operation of library.operations) {
                this.addCall(summary, module, node, { service: operation.service, operation: operation.operation, style: 'library', inputNode: args[library.inputArgument] });
            }
        }
    }
    addClient(module, node, summary, root, fields) {
        const host = fields.kind === 'database' ? this.hostOf(node.arguments ?? []) : undefined;
        const configuredPerRequest = (node.arguments ?? []).some(usesLocalValues);
        summary.clients.push({
            ...fields,
            lazy: !ts.isSourceFile(root) && isLazyCreation(node),
            location: nodeLocation(module, node),
            ...(host !== undefined ? { host } : {}),
            ...(configuredPerRequest ? { configuredPerRequest } : {}),
        });
    }
    /** The literal host a database client connects to: `{ host }`, `{ connectionString }`, a URL argument. */
    hostOf(args) {
        let previous;
        for (const arg of args.slice(0, 4)) {
            const value = this.evaluator.evaluateInput(arg);
            // new Redis(6379, 'cache.internal'): a host after a port
            if (previous?.kind === 'number' && value.kind === 'string' && !value.value.includes('://'))
                return value.value;
            const host = hostIn(value, 0);
            if (host !== undefined)
                return host;
            previous = value;
        }
        return undefined;
    }
}
/** Evaluates a request (or one option of it), with the bindings the evaluator carries. */
export function evaluateCallInput(evaluator, node, property) {
    const value = evaluator.evaluateInput(node);
    if (!property || value.kind !== 'object')
        return value;
    return value.properties[property] ?? { kind: 'unknown', reason: `no \`${property}\`` };
}
function mentionsParameter(value) {
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
function hostFromUrl(text) {
    if (!text.includes('://'))
        return undefined;
    try {
        const hostname = new URL(text).hostname;
        return hostname || undefined;
    }
    catch {
        // mongodb://a:1,b:2/db lists several hosts, which URL refuses: take the first.
        const match = /:\/\/(?:[^@/]*@)?([^:/,?]+)/.exec(text);
        return match?.[1];
    }
}
function hostIn(value, depth) {
    if (value.kind === 'string')
        return hostFromUrl(value.value);
    if (value.kind !== 'object' || depth > 2)
        return undefined;
    for (const key of ['host', 'hostname', 'server']) {
        const entry = value.properties[key];
        if (entry?.kind === 'string' && entry.value)
            return entry.value;
    }
    for (const key of ['connectionString', 'url', 'uri', 'datasourceUrl']) {
        const entry = value.properties[key];
        if (entry?.kind === 'string')
            return hostFromUrl(entry.value);
    }
    for (const key of ['connection', 'socket', 'config', 'datasources', 'db']) {
        const entry = value.properties[key];
        if (entry) {
            const found = hostIn(entry, depth + 1);
            if (found !== undefined)
                return found;
        }
    }
    return undefined;
}
/** Mentions a parameter or a function-local variable (`{ region: event.region }`, `{ credentials }`). */
function usesLocalValues(node) {
    if (ts.isIdentifier(node)) {
        const parent = node.parent;
        if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node)
            return false;
        const declaration = findDeclaration(node);
        return declaration?.kind === 'parameter' || (declaration?.kind === 'variable' && !declaration.moduleLevel);
    }
    return ts.forEachChild(node, (child) => usesLocalValues(child) || undefined) ?? false;
}
function rootIdentifier(expression) {
    let current = skipWrappers(expression);
    while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))
        current = skipWrappers(current.expression);
    if (ts.isIdentifier(current))
        return current;
    if (current.kind === ts.SyntaxKind.ThisKeyword)
        return current;
    return undefined;
}
function mentions(node, name) {
    if (ts.isIdentifier(node) && node.text === name)
        return true;
    if (node.kind === ts.SyntaxKind.ThisKeyword && name === 'this')
        return true;
    return ts.forEachChild(node, (child) => mentions(child, name) || undefined) ?? false;
}
/** `if (!pool) pool = new Pool()`, `client ??= new S3Client()`, `return cached ?? (cached = connect())`. */
function isLazyCreation(creation) {
    let child = creation;
    let parent = creation.parent;
    while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isAwaitExpression(parent) ||
        ts.isConditionalExpression(parent) || (ts.isCallExpression(parent) && parent.arguments.includes(child)) ||
        (ts.isBinaryExpression(parent) && !isAssignmentOperator(parent.operatorToken))) {
        child = parent;
        parent = parent.parent;
    }
    if (!isAssignment(parent) || parent.right !== child)
        return isInCachingInitialiser(creation);
    const target = rootIdentifier(parent.left);
    if (!target)
        return false;
    if (ts.isIdentifier(target)) {
        const declaration = findDeclaration(target);
        const cachedAcrossCalls = (declaration?.kind === 'variable' || declaration?.kind === 'class') && declaration.moduleLevel;
        if (!cachedAcrossCalls)
            return false;
    }
    if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
        return true;
    const name = ts.isIdentifier(target) ? target.text : 'this';
    // Look for the guard between the assignment and the enclosing function.
    for (let node = parent; node && !ts.isFunctionLike(node) && !ts.isSourceFile(node); node = node.parent) {
        if (ts.isIfStatement(node) && mentions(node.expression, name))
            return true;
        if (ts.isConditionalExpression(node) && mentions(node.condition, name))
            return true;
        if (ts.isBinaryExpression(node) && !isAssignmentOperator(node.operatorToken) && mentions(node.left, name))
            return true;
    }
    // `if (pool) return pool;` earlier in the same function
    const fn = ts.findAncestor(parent, ts.isFunctionLike);
    if (fn && hasBody(fn) && ts.isBlock(fn.body)) {
        for (const statement of fn.body.statements) {
            if (statement.pos >= parent.pos)
                break;
            if (ts.isIfStatement(statement) && mentions(statement.expression, name) && containsReturn(statement.thenStatement))
                return true;
        }
    }
    return false;
}
/**
 * The creation sits in a function that caches its result in a module variable behind a check of that variable:
 * `if (cachedDb) return cachedDb; const client = await MongoClient.connect(uri); cachedDb = client.db();`.
 */
function isInCachingInitialiser(creation) {
    const fn = ts.findAncestor(creation.parent, ts.isFunctionLike);
    if (!fn || !hasBody(fn))
        return false;
    const cached = new Set();
    const collect = (node) => {
        if (isAssignment(node) && ts.isIdentifier(node.left)) {
            const declaration = findDeclaration(node.left);
            if (declaration?.kind === 'variable' && declaration.moduleLevel)
                cached.add(node.left.text);
        }
        ts.forEachChild(node, collect);
    };
    collect(fn.body);
    for (const name of cached) {
        for (let node = creation; node !== fn; node = node.parent) {
            if (ts.isIfStatement(node.parent) && node.parent.expression !== node && mentions(node.parent.expression, name))
                return true;
        }
        if (ts.isBlock(fn.body)) {
            for (const statement of fn.body.statements) {
                if (statement.pos >= creation.pos)
                    break;
                if (ts.isIfStatement(statement) && mentions(statement.expression, name) && containsReturn(statement.thenStatement))
                    return true;
            }
        }
    }
    return false;
}
function containsReturn(node) {
    if (ts.isReturnStatement(node))
        return true;
    if (ts.isFunctionLike(node))
        return false;
    return ts.forEachChild(node, (child) => containsReturn(child) || undefined) ?? false;
}
