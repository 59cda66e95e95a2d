// Analyses a `kind: Service` container: finds its server entry (Dockerfile CMD or package.json main), the routes the
// server registers, whether one answers health checks, and the code its request handlers run.
import path from 'node:path';
import { contextPathsOf } from './dockerfile-paths.js';
import { shortText, type Unfollowed } from './function-summary.js';
import ts from './typescript.js';
import type { Location } from '../model/location.js';
import type { ServiceModel } from '../model/project.js';
import { isUnresolved } from '../model/values.js';
import { analyseReachableCode, CodeAnalyser, moduleGraph } from './reachable-code.js';
import { hasBody, skipWrappers, type FunctionNode } from './references.js';
import { packageBase, serverKind, type ServerKind } from './servers.js';
import { nodeLocation, type SourceModule } from './source-files.js';
import { normaliseRootPath, type SourceReader } from './source-reader.js';
import type { FunctionUsage } from './types.js';

export interface RouteRegistration {
  /** `get`, `post`, `use`, `route`, `request` (node:http). */
  method: string;
  /** The path as written, when it is a literal. */
  path?: string;
  location: Location;
  handlers: FunctionNode[];
}

export interface ContainerEntry {
  /** Root-relative file the container runs. */
  file: string;
  from: 'dockerfile' | 'package.json';
}

export interface ContainerUsage {
  serviceId: string;
  /** metadata.name of the manifest. */
  name: string;
  entry?: ContainerEntry;
  /** The first unconditional `listen()` of a server in the entry's code. */
  listen?: Location;
  routes: RouteRegistration[];
  /**
   * `present`: a health route, a health library or the manifest's healthCheck path is in the code, or the check is TCP;
   * `absent`: every route is known and none is one; `unknown`: routes or catch-all handlers the analysis cannot see through.
   */
  health: 'present' | 'absent' | 'unknown';
  /** A node:http request handler that never reads the URL: it answers every path, health probes included. */
  catchAll?: Location;
  /** The request handlers' code, analysed as a function handler's is (routes are the handlers). */
  usage: FunctionUsage;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
/** Middleware packages that never answer a path of their own. */
const PLAIN_MIDDLEWARE = new Set([
  'cors', 'helmet', 'morgan', 'body-parser', 'compression', 'cookie-parser', 'express-rate-limit', 'pino-http', 'express-session',
  'express-winston', 'response-time', 'hpp', 'express-validator', 'multer', 'koa-bodyparser', '@koa/cors', 'koa-helmet', 'koa-logger',
  '@koa/bodyparser', 'koa-compress', '@fastify/cors', '@fastify/helmet', '@fastify/compress', '@fastify/cookie', '@fastify/formbody',
  '@fastify/rate-limit', '@fastify/sensible', '@fastify/multipart',
]);
const EXPRESS_BUILTINS = new Set(['json', 'urlencoded', 'raw', 'text']);
/** Libraries that add health or readiness endpoints. */
const HEALTH_PACKAGES = new Set([
  '@godaddy/terminus', 'lightship', 'express-healthcheck', 'express-health-check', 'express-actuator', 'fastify-healthcheck',
  '@fastify/under-pressure', 'under-pressure', '@cloudnative/health-connect', '@cloudnative/health', 'healthchecks-api', 'koa-healthcheck',
  '@nestjs/terminus', 'express-healthcheck-middleware', 'health-checks',
]);
/** `/health`, `/healthz`, `/api/health`, `/_health`, `/readyz`, `/livez`, `/ping`. */
const HEALTH_PATH = /^\/(?:[\w.-]+\/)*(?:_?health[\w-]*|readyz?|readiness|livez?|liveness|ping)\/?$/i;

/** The analysis of a kind: Service container's code, or undefined when it has no container or no findable Node.js entry. */
export function analyseContainer(service: ServiceModel, reader: SourceReader, analyser: CodeAnalyser = new CodeAnalyser(reader)): ContainerUsage | undefined {
  const container = service.container;
  if (!container) return undefined;
  const entry = findEntry(service, reader);
  const usage: FunctionUsage = { functionId: service.id, calls: [], clients: [], files: [], findings: [], stateWrites: [], fileOperations: [], backgroundWork: [] };
  const result: ContainerUsage = { serviceId: service.id, name: container.name, routes: [], health: 'unknown', usage };
  if (!entry) return result;
  result.entry = entry;
  const module = analyser.context.load(entry.file);
  if (!module) return result;
  usage.handlerFile = entry.file;

  const owner = { name: container.name, location: container.location };
  const graph = moduleGraph(analyser.context, module, owner);
  const scan: ScanState = { routes: [], unknownRouting: false, unfollowed: [], healthLiteral: false, healthPackage: false, listen: undefined };
  const healthPaths = new Set<string>();
  const check = container.healthCheck?.value;
  const checkPath = check && !isUnresolved(check.path) && typeof check.path === 'string' ? check.path : undefined;
  if (checkPath) healthPaths.add(checkPath);
  for (const [, { module: loaded }] of graph.modules) scanModule(analyser, loaded, scan, healthPaths);

  result.routes = scan.routes;
  if (scan.listen) result.listen = scan.listen;
  if (scan.catchAll) result.catchAll = scan.catchAll;
  const roots = [...new Set(scan.routes.flatMap((r) => r.handlers))];
  analyseReachableCode(analyser, usage, module, roots, owner);

  const tcpCheck = check && check.type === 'tcp';
  if (tcpCheck || scan.healthLiteral || scan.healthPackage) result.health = 'present';
  else if (!scan.unknownRouting && scan.listen) result.health = 'absent';
  return result;
}

/**
 * The functions an HTTP app runs per request (route handlers and middleware), registered in any of `modules`:
 * the code behind a Lambda adapter such as serverless-http.
 */
export function requestHandlers(analyser: CodeAnalyser, modules: Iterable<SourceModule>): { roots: FunctionNode[]; unfollowed: Unfollowed[] } {
  const scan: ScanState = { routes: [], unknownRouting: false, unfollowed: [], healthLiteral: false, healthPackage: false, listen: undefined };
  for (const module of modules) scanModule(analyser, module, scan, new Set());
  return { roots: [...new Set(scan.routes.flatMap((r) => r.handlers))], unfollowed: scan.unfollowed };
}

interface ScanState {
  routes: RouteRegistration[];
  /** A router, plugin or catch-all handler whose paths the analysis cannot list. */
  unknownRouting: boolean;
  unfollowed: Unfollowed[];
  catchAll?: Location;
  healthLiteral: boolean;
  healthPackage: boolean;
  listen: Location | undefined;
}

function scanModule(analyser: CodeAnalyser, module: SourceModule, scan: ScanState, healthPaths: Set<string>): void {
  const { context } = analyser;
  const references = analyser.summariser.references;
  for (const binding of context.info(module).imports.values()) {
    if (HEALTH_PACKAGES.has(binding.specifier)) scan.healthPackage = true;
  }
  for (const dependency of context.info(module).dependencies) {
    if (HEALTH_PACKAGES.has(dependency.specifier)) scan.healthPackage = true;
  }
  const asFunction = (argument: ts.Expression): FunctionNode | undefined => {
    const reference = references.resolve(argument);
    return reference.kind === 'function' ? reference.node : undefined;
  };
  const visit = (node: ts.Node): void => {
    // if (req.url === '/health'), const HEALTH = '/healthz', routes: { '/ready': ... }
    if (ts.isStringLiteralLike(node) && (HEALTH_PATH.test(node.text) || healthPaths.has(node.text))) scan.healthLiteral = true;
    if (ts.isCallExpression(node)) onCall(node);
    ts.forEachChild(node, visit);
  };
  const onCall = (call: ts.CallExpression): void => {
    const callee = skipWrappers(call.expression);
    const target = references.resolve(callee);
    // http.createServer((req, res) => ...): one handler for every path
    if (target.kind === 'package' && ['http', 'https', 'http2'].includes(packageBase(target.name)) && ['createServer', 'createSecureServer'].includes(target.path.join('.'))) {
      const handler = call.arguments.map(asFunction).find((f) => f !== undefined);
      if (handler) addHttpHandler(call, handler);
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const kind = serverKind(context, references, callee.expression);
    if (!kind) return;
    const location = nodeLocation(module, call);
    if (method === 'listen') {
      scan.listen ??= location;
      return;
    }
    if (ROUTE_METHODS.has(method)) return onRoute(call, method, location);
    if (method === 'use') return onUse(call, kind, location);
    if (method === 'route') return onRouteObject(call, location);
    if (method === 'register') return onRegister(call);
    if (method === 'on' && kind === 'http' && call.arguments[0] && ts.isStringLiteralLike(call.arguments[0]) && call.arguments[0].text === 'request') {
      const handler = call.arguments[1] && asFunction(call.arguments[1]);
      if (handler) addHttpHandler(call, handler);
    }
  };
  const literalPath = (argument: ts.Expression | undefined): string | undefined => {
    if (!argument) return undefined;
    const value = analyser.summariser.evaluator.evaluateInput(argument);
    return value.kind === 'string' ? value.value : undefined;
  };
  const onRoute = (call: ts.CallExpression, method: string, location: Location): void => {
    // app.get('/orders/:id', auth, handler) or route('/x').get(handler)
    const first = call.arguments[0];
    const hasPath = first !== undefined && !asFunction(first);
    const routePath = hasPath ? literalPath(first) : undefined;
    if (hasPath && routePath === undefined) scan.unknownRouting = true;
    if (routePath !== undefined && /^\/?\*|^\(\.\*\)$/.test(routePath)) scan.unknownRouting = true;
    const handlers = call.arguments.slice(hasPath ? 1 : 0).flatMap((a) => {
      const inner = skipWrappers(a);
      const items = ts.isArrayLiteralExpression(inner) ? inner.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e)) : [inner];
      const found: FunctionNode[] = [];
      for (const item of items) {
        const handler = asFunction(item);
        if (handler) found.push(handler);
        else if (!isPlainMiddleware(item)) scan.unfollowed.push({ location: nodeLocation(module, item), reason: `the route handler ${shortText(item)} is not code noops-lint can follow` });
      }
      return found;
    });
    scan.routes.push({ method, ...(routePath !== undefined ? { path: routePath } : {}), location, handlers });
  };
  const onUse = (call: ts.CallExpression, kind: ServerKind, location: Location): void => {
    const first = call.arguments[0];
    const hasPath = first !== undefined && ts.isStringLiteralLike(skipWrappers(first));
    const handlers: FunctionNode[] = [];
    for (const argument of call.arguments.slice(hasPath ? 1 : 0)) {
      const handler = asFunction(argument);
      if (handler) {
        handlers.push(handler);
        // (req, res) => res.send(...) or a Koa (ctx) => ... answers every path, health checks included
        if (!hasPath && handler.parameters.length < (kind === 'app' && isKoaStyle(handler) ? 2 : 3)) scan.unknownRouting = true;
        continue;
      }
      if (serverKind(context, references, argument)) continue; // a router: its routes are scanned where they are registered
      // app.use(router.routes()), app.use(router.allowedMethods()) (Koa)
      const inner = skipWrappers(argument);
      if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && serverKind(context, references, inner.expression.expression) === 'router') continue;
      if (!isPlainMiddleware(argument)) {
        scan.unknownRouting = true;
        scan.unfollowed.push({ location: nodeLocation(module, argument), reason: `the middleware ${shortText(argument)} is not code noops-lint can follow` });
      }
    }
    scan.routes.push({ method: 'use', ...(hasPath ? { path: (skipWrappers(first!) as ts.StringLiteralLike).text } : {}), location, handlers });
  };
  const onRouteObject = (call: ts.CallExpression, location: Location): void => {
    // fastify.route({ method: 'GET', url: '/health', handler })
    const options = call.arguments[0] && skipWrappers(call.arguments[0]);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const handlers: FunctionNode[] = [];
    let routePath: string | undefined;
    for (const property of options.properties) {
      const key = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
      if (key === 'url' || key === 'path') routePath = ts.isPropertyAssignment(property) ? literalPath(property.initializer) : undefined;
      if (key === 'handler') {
        const handler = ts.isPropertyAssignment(property) ? asFunction(property.initializer) : ts.isMethodDeclaration(property) && hasBody(property) ? property : undefined;
        if (handler) handlers.push(handler);
      }
    }
    if (routePath === undefined) scan.unknownRouting = true;
    scan.routes.push({ method: 'route', ...(routePath !== undefined ? { path: routePath } : {}), location, handlers });
  };
  const onRegister = (call: ts.CallExpression): void => {
    // fastify.register(plugin): a local plugin's routes are scanned with its file; a package may add any route
    const plugin = call.arguments[0];
    if (!plugin || asFunction(plugin)) return;
    if (!isPlainMiddleware(plugin)) {
      scan.unknownRouting = true;
      scan.unfollowed.push({ location: nodeLocation(module, plugin), reason: `the plugin ${shortText(plugin)} is not code noops-lint can follow` });
    }
  };
  const addHttpHandler = (call: ts.CallExpression, handler: FunctionNode): void => {
    scan.routes.push({ method: 'request', location: nodeLocation(module, call), handlers: [handler] });
    // A handler that never looks at the URL answers every path, health checks included.
    if (!readsUrl(handler)) {
      scan.unknownRouting = true;
      scan.catchAll ??= nodeLocation(module, call);
    }
  };
  const isPlainMiddleware = (argument: ts.Expression): boolean => {
    const inner = skipWrappers(argument);
    const factory = ts.isCallExpression(inner) ? inner.expression : inner;
    const target = references.resolve(factory);
    if (target.kind !== 'package') return false;
    if (target.name === 'express' && target.path.length === 1 && EXPRESS_BUILTINS.has(target.path[0]!)) return true;
    if (target.name === 'body-parser' || PLAIN_MIDDLEWARE.has(target.name)) return true;
    return false;
  };
  ts.forEachChild(module.sourceFile, visit);
}

function isKoaStyle(handler: FunctionNode): boolean {
  const first = handler.parameters[0];
  return !!first && ts.isIdentifier(first.name) && first.name.text === 'ctx';
}

function readsUrl(handler: FunctionNode): boolean {
  const visit = (node: ts.Node): boolean => {
    if (ts.isPropertyAccessExpression(node) && ['url', 'pathname', 'path'].includes(node.name.text)) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(handler.body);
}

// ---- entry point --------------------------------------------------------------------------------------

const ENTRY_EXTENSIONS = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '/index.js', '/index.ts'];

/**
 * The file the container runs: spec.command/spec.args of the manifest over the Dockerfile's ENTRYPOINT/CMD (as
 * Kubernetes does), through `npm start`; else package.json `main`.
 */
export function findEntry(service: ServiceModel, reader: SourceReader): ContainerEntry | undefined {
  const pkg = readPackageJson(service.dir, reader);
  const dockerfile = service.container?.dockerfile;
  const read = dockerfile ? reader.read(dockerfile) : undefined;
  const docker = read?.ok ? dockerCommand(read.text) : undefined;
  const spec = service.document.spec as Record<string, unknown> | undefined;
  const command = stringList(spec?.command);
  const args = stringList(spec?.args);
  const tokens = [...(command ?? docker?.entrypoint ?? []), ...(args ?? (command ? [] : (docker?.cmd ?? [])))];
  const script = tokens.length > 0 ? nodeScript(tokens, pkg, 0) : undefined;
  if (script) {
    const workdir = docker?.workdir;
    const relative = workdir && script.startsWith(`${workdir}/`) ? script.slice(workdir.length + 1) : script;
    // ENTRYPOINT ["node", "/app/index.js"] after COPY --from=build /src/dist /app: the project's dist/index.js (src/index.ts)
    const copied = read?.ok ? contextPathsOf(read.text, script) : [];
    for (const candidate of [...copied, relative]) {
      const file = existingCodeFile(service.dir, candidate, reader);
      if (file) return { file, from: 'dockerfile' };
    }
  }
  const main = typeof pkg?.main === 'string' ? pkg.main : undefined;
  if (main) {
    const file = existingCodeFile(service.dir, main, reader);
    if (file) return { file, from: 'package.json' };
  }
  return undefined;
}

interface PackageJson {
  main?: unknown;
  scripts?: Record<string, unknown>;
}

function readPackageJson(dir: string, reader: SourceReader): PackageJson | undefined {
  const read = reader.read(dir ? `${dir}/package.json` : 'package.json');
  if (!read.ok) return undefined;
  try {
    const parsed: unknown = JSON.parse(read.text);
    return parsed && typeof parsed === 'object' ? (parsed as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return commandTokens(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/** The ENTRYPOINT and CMD of the Dockerfile's final stage, as tokens, with its WORKDIR. */
export function dockerCommand(text: string): { entrypoint?: string[]; cmd?: string[]; workdir?: string } {
  const instructions = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let entrypoint: string[] | undefined;
  let cmd: string[] | undefined;
  let workdir: string | undefined;
  for (const line of instructions) {
    const match = /^(\w+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const rest = match[2]!;
    if (keyword === 'FROM') {
      entrypoint = undefined;
      cmd = undefined;
      workdir = undefined;
    } else if (keyword === 'WORKDIR') workdir = rest.replace(/\/+$/, '');
    else if (keyword === 'CMD') cmd = commandTokens(rest);
    else if (keyword === 'ENTRYPOINT') entrypoint = commandTokens(rest);
  }
  return { ...(entrypoint ? { entrypoint } : {}), ...(cmd ? { cmd } : {}), ...(workdir ? { workdir } : {}) };
}

function commandTokens(text: string): string[] {
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((t) => typeof t === 'string')) return parsed as string[];
    } catch {
      // not JSON: Docker runs it in a shell
    }
  }
  return text.split(/\s+/).map((t) => t.replace(/^["']|["']$/g, '')).filter(Boolean);
}

const NODE_BINARIES = new Set(['node', 'nodejs', 'ts-node', 'tsx']);
/** Node options that take a value. */
const NODE_OPTION_VALUES = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--max-old-space-size']);

/** The script `node` runs in a command (through `npm start`, `sh -c`, tini and the like). */
function nodeScript(tokens: string[], pkg: PackageJson | undefined, depth: number): string | undefined {
  if (depth > 2) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const binary = path.posix.basename(token);
    if ((binary === 'sh' || binary === 'bash') && tokens[i + 1] === '-c' && tokens[i + 2]) {
      return nodeScript(commandTokens(tokens.slice(i + 2).join(' ')), pkg, depth + 1);
    }
    if (['npm', 'yarn', 'pnpm'].includes(binary)) {
      const args = tokens.slice(i + 1).filter((t) => t !== 'run' && !t.startsWith('-'));
      if (args[0] !== 'start') return undefined;
      const start = pkg?.scripts?.start;
      // npm start without a start script runs `node server.js`
      if (start === undefined) return binary === 'npm' ? 'server.js' : undefined;
      return typeof start === 'string' ? nodeScript(commandTokens(start), pkg, depth + 1) : undefined;
    }
    if (NODE_BINARIES.has(binary)) {
      for (let j = i + 1; j < tokens.length; j++) {
        const argument = tokens[j]!;
        if (NODE_OPTION_VALUES.has(argument)) j++;
        else if (!argument.startsWith('-')) return argument;
      }
      return undefined;
    }
    // CMD ["server.js"] with the node image's entrypoint
    if (/\.[cm]?js$/.test(token) && i === tokens.length - 1) return token;
  }
  return undefined;
}

/** The project file a script path names; a compiled `dist/x.js` that is not in the repository maps to its `src/x.ts`. */
function existingCodeFile(dir: string, script: string, reader: SourceReader): string | undefined {
  const clean = script.replace(/^\.\//, '');
  const candidates = [clean];
  const compiled = /^(?:dist|build|lib|out)\/(.+?)\.[cm]?js$/.exec(clean);
  if (compiled) candidates.push(`src/${compiled[1]}.ts`, `${compiled[1]}.ts`);
  for (const candidate of candidates) {
    for (const ext of ENTRY_EXTENSIONS) {
      const file = normaliseRootPath(path.posix.join(dir, candidate + ext));
      if (file !== undefined && /\.[cm]?[jt]s$/.test(file) && reader.exists(file)) return file;
    }
  }
  return undefined;
}

/** Container analyses of one run, computed on first request per service and sharing parsed files. */
export function containerAnalysis(reader: SourceReader): (service: ServiceModel) => ContainerUsage | undefined {
  const results = new Map<string, ContainerUsage | undefined>();
  let analyser: CodeAnalyser | undefined;
  return (service) => {
    if (!results.has(service.id)) {
      analyser ??= new CodeAnalyser(reader);
      results.set(service.id, analyseContainer(service, reader, analyser));
    }
    return results.get(service.id);
  };
}
