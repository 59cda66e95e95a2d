// Finds a function's handler code: `src/orders.create` + the code folder -> a file and an exported function.
import path from 'node:path';
import ts from './typescript.js';
import type { Location } from '../model/location.js';
import type { FunctionModel } from '../model/project.js';
import { inputFinding, type Finding } from '../model/finding.js';
import type { AnalysisContext } from './context.js';
import { definitionOf, exportDefinition } from './definitions.js';
import { ReferenceResolver, skipWrappers, type FunctionNode } from './references.js';
import { isGraphqlLambdaAdapter } from './graphql.js';
import { nodeLocation, type SourceModule } from './source-files.js';
import { normaliseRootPath } from './source-reader.js';
import { quote } from '../util/quote.js';
import { INPUT_RULES } from '../model/finding.js';

export const HANDLER_NOT_FOUND = 'input/handler-not-found';
/** A handler that exists but that noops-lint cannot follow: a limit of the tool, a note, never a warning. */
export const HANDLER_NOT_ANALYSED = INPUT_RULES.handlerNotAnalysed;

/**
 * Folders that hold build output (bundlers, compilers, framework packaging): a handler there that is not in the
 * checkout is built before deployment, not missing.
 */
export const BUILD_OUTPUT_DIRS = new Set(['dist', 'build', '.build', 'out', '.webpack', '.esbuild', '.serverless', '.aws-sam', 'bundle', 'bundles']);

const HANDLER_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
/** Files that show the handler is written in another language (not analysed, not an error). */
const OTHER_RUNTIME_EXTENSIONS = ['.py', '.rb', '.go', '.java', '.cs', '.ps1', '.sh', '.rs'];

export type HandlerResolution =
  /** `wrapped`: the export is a wrapper call (`middy(fn)`, `serverless(app)`) and `roots` are the functions handed to it. */
  /** `app`: the export is a Lambda adapter around an HTTP app (`serverless(app)`): its request handlers are the roots. */
  | { kind: 'found'; module: SourceModule; exportName: string; roots: FunctionNode[]; location: Location; wrapped: boolean; app?: boolean }
  | { kind: 'not-found'; finding: Finding; file?: string; exportName?: string }
  /** Not a Node.js handler, or no handler string: nothing to analyse. */
  | { kind: 'skipped' };

function notFound(fn: FunctionModel, message: string, extra: { file?: string; exportName?: string } = {}): HandlerResolution {
  return { kind: 'not-found', finding: handlerFinding(fn, HANDLER_NOT_FOUND, message), ...extra };
}

/** The handler is there but the tool cannot read or follow it: the function's derivation is incomplete, a note says why. */
function notAnalysed(fn: FunctionModel, message: string, extra: { file?: string; exportName?: string } = {}, reason?: SharedReason): HandlerResolution {
  return { kind: 'not-found', finding: handlerFinding(fn, HANDLER_NOT_ANALYSED, message, reason), ...extra };
}

/**
 * Why a handler was not analysed, when the same reason usually holds for every function of a manifest (all built
 * into archives, all uploaded to S3): such notes are folded into one per manifest (see groupHandlerNotes).
 */
export type SharedReason = 'archive' | 'stored' | 'build-output' | 'deploy-time-code';

const SHARED_REASONS: Record<SharedReason, string> = {
  archive: 'their code is built archives too',
  stored: 'their code is stored in S3 too',
  'build-output': 'their handlers are in build output that is not committed too',
  'deploy-time-code': 'their code is filled in at deploy time too',
};

export function handlerFinding(fn: FunctionModel, ruleId: typeof HANDLER_NOT_FOUND | typeof HANDLER_NOT_ANALYSED, message: string, reason?: SharedReason): Finding {
  const location = fn.handler?.location ?? fn.location;
  const finding = inputFinding(ruleId, ruleId === HANDLER_NOT_FOUND ? 'warning' : 'note', message, location, `${ruleId}|${fn.id}`);
  finding.function = fn.name;
  if (reason) finding.messageId = reason;
  return finding;
}

/**
 * One note per manifest and shared reason instead of one per function: 112 functions built into archives are one
 * fact about the project, not 112. The note keeps the first function's message, names the others and points at
 * their handlers as related locations.
 */
export function groupHandlerNotes(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const reason = finding.ruleId === HANDLER_NOT_ANALYSED ? (finding.messageId as SharedReason | undefined) : undefined;
    if (reason === undefined || !Object.hasOwn(SHARED_REASONS, reason)) {
      out.push(finding);
      continue;
    }
    const key = `${finding.location.file}|${reason}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else {
      groups.set(key, [finding]);
      out.push(finding);
    }
  }
  return out.map((finding) => {
    const group = finding.ruleId === HANDLER_NOT_ANALYSED && finding.messageId ? groups.get(`${finding.location.file}|${finding.messageId}`) : undefined;
    if (!group || group.length < 2 || group[0] !== finding) return finding;
    const [first, ...others] = [...group].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    const names = others.map((f) => f.function ?? '?');
    const shown = names.length > 3 ? `${names.slice(0, 3).map(quote).join(', ')} and ${names.length - 3} more` : names.map(quote).join(', ');
    const { function: _one, ...rest } = first!;
    return {
      ...rest,
      message: `${first!.message} So are ${others.length} more functions of this manifest (${shown}): ${SHARED_REASONS[first!.messageId as SharedReason]}.`,
      related: [...first!.related, ...others.map((f) => ({ location: f.location, message: `the handler of ${quote(f.function ?? '?')}` }))],
      key: `${HANDLER_NOT_ANALYSED}|${first!.location.file}|${first!.messageId}`,
    };
  });
}

/** `CodeUri: s3://bucket/key`, `CodeUri: { Bucket, Key }`, `Code: { S3Bucket, S3Key }`: code stored outside the project. */
export function storedCodeOf(fn: FunctionModel): string | undefined {
  const codeUri = fn.properties.CodeUri;
  if (typeof codeUri === 'string' && /^s3:\/\//i.test(codeUri)) return `CodeUri ${codeUri}`;
  if (codeUri !== null && typeof codeUri === 'object' && !Array.isArray(codeUri)) return 'CodeUri (an S3 object)';
  const code = fn.properties.Code;
  if (code !== null && typeof code === 'object' && !Array.isArray(code) && ('S3Bucket' in code || 'S3Key' in code)) return 'Code (an S3 object)';
  return undefined;
}

/** `package.artifact: build/fn.zip` (Serverless) or `CodeUri: ./deploy/fn.zip`: a built archive, not source. */
export function archiveOf(fn: FunctionModel): string | undefined {
  const pkg = fn.properties.package;
  const artifact = pkg !== null && typeof pkg === 'object' && typeof (pkg as Record<string, unknown>).artifact === 'string' ? ((pkg as Record<string, unknown>).artifact as string) : undefined;
  if (artifact !== undefined) return artifact;
  return fn.codeDir !== undefined && /\.(zip|jar)$/i.test(fn.codeDir) ? fn.codeDir : undefined;
}

/** The first folder of a root-relative path that holds build output (`dist` of `dist/getUser`). */
export function buildOutputDirOf(rootPath: string): string | undefined {
  const parts = rootPath.split('/');
  return parts.slice(0, -1).find((part) => BUILD_OUTPUT_DIRS.has(part.toLowerCase()));
}

export function resolveHandler(context: AnalysisContext, references: ReferenceResolver, fn: FunctionModel): HandlerResolution {
  const handler = fn.handler?.value;
  if (typeof handler !== 'string') return { kind: 'skipped' };
  const runtime = fn.runtime?.value;
  if (typeof runtime === 'string' && !runtime.startsWith('nodejs')) return { kind: 'skipped' };
  // Code written in the template (SAM InlineCode, Code.ZipFile) is read under a name of its own; Lambda writes it to index.js.
  if (fn.inlineCode) {
    const dot = handler.indexOf('.');
    if (dot === -1) return notFound(fn, `The handler ${JSON.stringify(handler)} of ${JSON.stringify(fn.name)} names no export (expected \`index.export\`).`);
    return resolveExport(context, references, fn, fn.inlineCode.file, handler.slice(dot + 1).split('.'));
  }
  const code = fn.properties.Code;
  if (fn.properties.InlineCode !== undefined || (code !== null && typeof code === 'object' && 'ZipFile' in code)) {
    return notAnalysed(fn, `The code of ${quote(fn.name)} is written in the template with values CloudFormation fills in at deploy time (Fn::Sub, Fn::Join), so its handler was not analysed.`, {}, 'deploy-time-code');
  }
  // Code shipped as an image has no file to read.
  if (fn.properties.PackageType === 'Image' || (code !== null && typeof code === 'object' && 'ImageUri' in code)) return { kind: 'skipped' };
  if (fn.codeDir === undefined) {
    const stored = storedCodeOf(fn);
    if (stored !== undefined) return notAnalysed(fn, `The code of ${quote(fn.name)} is not in the project (${quote(stored)}: uploaded before deployment), so its handler was not analysed.`, {}, 'stored');
    return notFound(fn, `The handler ${JSON.stringify(handler)} of ${JSON.stringify(fn.name)} cannot be analysed: its code folder is outside the project.`);
  }

  // The Node.js runtime splits at the first dot after the last slash: `src/a.b.c` = module `src/a`, export path `b.c`.
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  if (dot === -1) return notFound(fn, `The handler ${JSON.stringify(handler)} of ${JSON.stringify(fn.name)} names no export (expected \`file.export\`).`);
  const modulePath = handler.slice(0, dot);
  const exportPath = handler.slice(dot + 1).split('.');
  const base = normaliseRootPath(path.posix.join(fn.codeDir, modulePath));
  if (base === undefined) return notFound(fn, `The handler ${JSON.stringify(handler)} of ${JSON.stringify(fn.name)} points outside the project.`);

  let file: string | undefined;
  for (const ext of HANDLER_EXTENSIONS) if (!file && context.reader.exists(base + ext)) file = base + ext;
  for (const ext of HANDLER_EXTENSIONS) if (!file && context.reader.exists(`${base}/index${ext}`)) file = `${base}/index${ext}`;
  if (!file) {
    if (OTHER_RUNTIME_EXTENSIONS.some((ext) => context.reader.exists(base + ext))) return { kind: 'skipped' };
    const archive = archiveOf(fn);
    if (archive !== undefined) {
      return notAnalysed(fn, `The code of ${quote(fn.name)} is the archive ${quote(archive)}, built before deployment and not source in the project, so its handler was not analysed.`, {}, 'archive');
    }
    const built = buildOutputDirOf(base);
    if (built !== undefined) {
      return notAnalysed(fn, `The handler of ${quote(fn.name)} is ${quote(base)}, in the build output folder ${quote(`${built}/`)}, which is not committed: noops-lint reads source, not build output, so the function's code was not analysed.`, {}, 'build-output');
    }
    return notFound(fn, `The handler file of ${JSON.stringify(fn.name)} was not found: no ${JSON.stringify(base)} with the extension ${HANDLER_EXTENSIONS.join('|')} exists, and no index file in ${JSON.stringify(base)}.`);
  }
  return resolveExport(context, references, fn, file, exportPath);
}

/** The handler export `exportPath` of the code file `file`: the functions that run per request. */
function resolveExport(context: AnalysisContext, references: ReferenceResolver, fn: FunctionModel, file: string, exportPath: string[]): HandlerResolution {
  const exportName = exportPath.join('.');
  const loaded = context.sources.load(file);
  if (!loaded.ok) {
    // The file is there but was skipped (too large, binary, too deep or too costly to parse): the skip says why.
    const finding: Finding = { ...loaded.finding, function: fn.name, key: `${loaded.finding.ruleId}|${file}|${fn.id}` };
    return { kind: 'not-found', finding, file, exportName };
  }
  const module = context.load(file);
  if (!module) return notFound(fn, `The handler file ${JSON.stringify(file)} of ${JSON.stringify(fn.name)} could not be read.`, { file, exportName });

  let reference = references.fromDefinition(exportDefinition(context, module, exportPath[0]!), 0);
  for (const part of exportPath.slice(1)) reference = references.member(reference, part, 0);
  const definition = exportDefinition(context, module, exportPath[0]!);
  if (definition.kind === 'unknown' && reference.kind === 'unknown') {
    return notFound(fn, `The handler export ${JSON.stringify(exportName)} of ${JSON.stringify(fn.name)} was not found in ${JSON.stringify(file)}.`, { file, exportName });
  }
  let roots: FunctionNode[] = [];
  if (reference.kind === 'function') roots = [reference.node];
  let wrapped = reference.kind !== 'function';
  if (definition.kind === 'expression' && definition.expression && exportPath.length === 1 && definition.path.length === 0) {
    // export const handler = middy(baseHandler).use(...), wrap(async (e) => ...), co.wrap(function* () {}):
    // the functions handed to the wrapper run per request, as well as what the wrapper returns.
    for (const inner of wrappedFunctions(references, definition.expression)) {
      if (roots.includes(inner)) continue;
      roots.push(inner);
      wrapped = true;
    }
  }
  if (roots.length === 0 && definition.kind === 'expression' && definition.expression && (isAppAdapter(references, definition.expression) || isGraphqlLambdaAdapter(references, definition.expression))) {
    const location = nodeLocation(module, definition.expression);
    return { kind: 'found', module, exportName, roots: [], location, wrapped: true, app: true };
  }
  if (roots.length === 0) {
    const value = definition.kind === 'expression' && exportPath.length === 1 && definition.path.length === 0 ? definition.expression : undefined;
    if (value !== undefined && isNotCallable(value)) {
      return notFound(fn, `The handler export \`${exportName}\` of ${quote(fn.name)} in ${quote(file)} is not a function.`, { file, exportName });
    }
    return notAnalysed(fn, `The handler export \`${exportName}\` of ${quote(fn.name)} in ${quote(file)} is ${builtBy(value, reference)}, which noops-lint does not follow, so the function's code was not analysed.`, { file, exportName });
  }
  return { kind: 'found', module, exportName, roots, location: nodeLocation(context.moduleOf(roots[0]!) ?? module, roots[0]!), wrapped };
}

/** A literal the runtime cannot call: `export const handler = 42`, `= {}`, `= 'x'`. */
function isNotCallable(expression: ts.Expression): boolean {
  const node = skipWrappers(expression);
  return (
    ts.isNumericLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) ||
    ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isRegularExpressionLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword
  );
}

/** What built a handler the tool cannot follow, for the note: `built at run time by a call to "createHandler"`, `taken from the package "x"`. */
function builtBy(expression: ts.Expression | undefined, reference: { kind: string; name?: string }): string {
  if (reference.kind === 'package' && typeof reference.name === 'string') return `taken from the package ${quote(reference.name)}`;
  const node = expression ? skipWrappers(expression) : undefined;
  if (node && ts.isCallExpression(node)) {
    const callee = skipWrappers(node.expression);
    const text = ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee) ? callee.getText() : 'a function';
    return `built at run time by a call to ${quote(text)}`;
  }
  return 'a value built at run time';
}

function wrappedFunctions(references: ReferenceResolver, expression: ts.Expression): FunctionNode[] {
  const found: FunctionNode[] = [];
  const visit = (node: ts.Expression, depth: number): void => {
    let inner = skipWrappers(node);
    if (depth > 20) return;
    // `const handler = co.wrap(function* () {}); module.exports.handler = wrapper(handler)`
    if (ts.isIdentifier(inner)) {
      const definition = definitionOf(references.context, inner);
      if (definition.kind !== 'expression' || !definition.expression || definition.path.length > 0 || !definition.constant) return;
      inner = skipWrappers(definition.expression);
    }
    if (!ts.isCallExpression(inner)) return;
    for (const arg of inner.arguments) {
      const reference = references.resolve(arg);
      if (reference.kind === 'function') {
        if (!found.includes(reference.node)) found.push(reference.node);
      }
      else visit(arg, depth + 1);
    }
    const callee = skipWrappers(inner.expression);
    if (ts.isPropertyAccessExpression(callee)) visit(callee.expression, depth + 1);
    else visit(callee, depth + 1);
  };
  visit(expression, 0);
  return found;
}

/** Packages that turn an HTTP app (Express, Koa, Fastify ...) into a Lambda handler. */
const APP_ADAPTERS = new Set(['serverless-http', '@codegenie/serverless-express', '@vendia/serverless-express', 'aws-serverless-express', '@fastify/aws-lambda', 'aws-lambda-fastify', 'lambda-api']);

/** `serverless(app)`, `serverlessExpress({ app })`, `awsServerlessExpress.proxy(server, event, context)`. */
function isAppAdapter(references: ReferenceResolver, expression: ts.Expression): boolean {
  let node = skipWrappers(expression);
  for (let depth = 0; depth < 5 && ts.isCallExpression(node); depth++) {
    const target = references.resolve(node.expression);
    if (target.kind === 'package' && APP_ADAPTERS.has(target.name)) return true;
    node = skipWrappers(node.expression);
    if (ts.isPropertyAccessExpression(node)) node = skipWrappers(node.expression);
  }
  return false;
}
