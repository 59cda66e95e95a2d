// Recognises HTTP server and router objects (Express, Fastify, Koa, Hono, node:http) by how they were created.
import ts from './typescript.js';
import { definitionOf } from './definitions.js';
import { skipWrappers } from './references.js';
const FACTORIES = [
    { packages: ['express'], path: [], how: 'call', kind: 'app' },
    { packages: ['express'], path: ['Router'], how: 'either', kind: 'router' },
    { packages: ['fastify'], path: [], how: 'call', kind: 'app' },
    { packages: ['fastify'], path: ['fastify'], how: 'call', kind: 'app' },
    { packages: ['koa'], path: [], how: 'new', kind: 'app' },
    { packages: ['koa'], path: ['Koa'], how: 'new', kind: 'app' },
    { packages: ['@koa/router', 'koa-router'], path: [], how: 'new', kind: 'router' },
    { packages: ['hono'], path: ['Hono'], how: 'new', kind: 'app' },
    { packages: ['restify'], path: ['createServer'], how: 'call', kind: 'app' },
    { packages: ['polka'], path: [], how: 'call', kind: 'app' },
    { packages: ['http', 'https', 'http2'], path: ['createServer'], how: 'call', kind: 'http' },
    { packages: ['http2'], path: ['createSecureServer'], how: 'call', kind: 'http' },
];
const MAX_DEPTH = 12;
/** The package name without the `node:` scheme (`node:http` -> `http`). */
export function packageBase(name) {
    return name.startsWith('node:') ? name.slice('node:'.length) : name;
}
/** What kind of server `expression` holds, following local constants and imports; undefined when it is not known to be one. */
export function serverKind(context, references, expression, depth = 0) {
    if (depth > MAX_DEPTH)
        return undefined;
    const node = skipWrappers(expression);
    if (ts.isIdentifier(node)) {
        const definition = definitionOf(context, node);
        if (definition.kind !== 'expression' || !definition.expression || definition.path.length > 0)
            return undefined;
        return serverKind(context, references, definition.expression, depth + 1);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = skipWrappers(node.expression);
        // app.route('/orders') returns a route object with the same methods
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(callee) && callee.name.text === 'route' && node.arguments.length === 1) {
            return serverKind(context, references, callee.expression, depth + 1) ? 'router' : undefined;
        }
        const target = references.resolve(callee);
        if (target.kind !== 'package')
            return undefined;
        const name = packageBase(target.name);
        const how = ts.isNewExpression(node) ? 'new' : 'call';
        const factory = FACTORIES.find((f) => (f.how === 'either' || f.how === how) && f.packages.includes(name) && f.path.length === target.path.length && f.path.every((part, i) => part === target.path[i]));
        return factory?.kind;
    }
    return undefined;
}
