// Source analysis entry point: for each function, the AWS calls and clients its handler's reachable code makes.
import { compareLocations } from '../model/location.js';
import type { FunctionModel, Project } from '../model/project.js';
import { inputFinding, INPUT_RULES } from '../model/finding.js';
import type { FunctionUsage } from './types.js';
import { resolveHandler } from './handlers.js';
import { handlerSignatureOf } from './handler-signature.js';
import { projectPackageDirs } from './package-dirs.js';
import { analyseReachableCode, CodeAnalyser, moduleGraph } from './reachable-code.js';
import { requestHandlers } from './server-routes.js';
import { graphqlCode } from './graphql.js';
import { withInlineCode, type SourceReader } from './source-reader.js';
import { isPythonFunction, PythonAnalyser } from './python/analyse.js';
import { quote } from '../util/quote.js';

export type { SourceReader, SourceReadResult } from './source-reader.js';
export { createFsSourceReader } from './source-reader.js';
export { groupHandlerNotes, HANDLER_NOT_FOUND } from './handlers.js';
export { MAX_FILES_PER_FUNCTION } from './reachable-code.js';

/** Analyses every function of the project; files are parsed once for all of them. */
export function analyseFunctions(project: Project, files: SourceReader): Map<string, FunctionUsage> {
  const reader = withInlineCode(project, files);
  const analyser = new CodeAnalyser(reader);
  analyser.context.resolver.usePackageDirs(projectPackageDirs(project, reader));
  let python: PythonAnalyser | undefined;
  const usages = new Map<string, FunctionUsage>();
  for (const fn of project.functions) {
    let usage: FunctionUsage;
    try {
      usage = isPythonFunction(fn, reader) ? (python ??= new PythonAnalyser(reader)).analyse(fn) : analyseFunction(analyser, fn);
    } catch (error) {
      // The parse limits keep the analysis far from the stack's end; should a walk still overflow, only this function loses its analysis.
      if (!(error instanceof RangeError)) throw error;
      usage = emptyUsage(fn);
      const location = fn.handler?.location ?? fn.location;
      const finding = inputFinding(INPUT_RULES.skippedFile, 'warning', `The code of ${quote(fn.name)} was not analysed: it is nested too deeply to follow (${error.message}).`, location, `${INPUT_RULES.skippedFile}|${fn.id}`);
      finding.function = fn.name;
      usage.findings.push(finding);
    }
    usages.set(fn.id, usage);
  }
  return usages;
}

function emptyUsage(fn: FunctionModel): FunctionUsage {
  return { functionId: fn.id, calls: [], clients: [], files: [], findings: [], stateWrites: [], fileOperations: [], backgroundWork: [] };
}

function analyseFunction(analyser: CodeAnalyser, fn: FunctionModel): FunctionUsage {
  const { context, summariser } = analyser;
  const usage = emptyUsage(fn);
  const handler = resolveHandler(context, summariser.references, fn);
  if (handler.kind === 'skipped') return usage;
  if (handler.kind === 'not-found') {
    usage.findings.push(handler.finding);
    if (handler.file) usage.handlerFile = handler.file;
    if (handler.exportName) usage.handlerExport = handler.exportName;
    return usage;
  }
  usage.handlerFile = handler.module.file;
  usage.handlerExport = handler.exportName;
  usage.handlerLocation = handler.location;
  if (!handler.wrapped && handler.roots[0]) {
    const signature = handlerSignatureOf(context, handler.roots[0]);
    if (signature) usage.handlerSignature = signature;
  }
  const owner = { name: fn.name, location: fn.handler?.location ?? fn.location };
  let roots = handler.roots;
  const graph = moduleGraph(context, handler.module, owner);
  const modules = [...graph.modules.values()].map((entry) => entry.module);
  // serverless(app): the routes and middleware registered on the app run per request.
  const app = handler.app ? requestHandlers(analyser, modules) : undefined;
  if (app) roots = app.roots;
  // A GraphQL server or schema built in the handler's code runs its resolvers per request.
  const graphql = graphqlCode(context, summariser.references, modules);
  roots = [...roots, ...graphql.roots.filter((root) => !roots.includes(root))];
  analyseReachableCode(analyser, usage, handler.module, roots, owner, graph);
  const unfollowed = [...graphql.unfollowed, ...(app?.unfollowed ?? [])];
  if (unfollowed.length > 0) {
    usage.unfollowed = [...(usage.unfollowed ?? []), ...unfollowed].sort((a, b) => compareLocations(a.location, b.location));
  }
  return usage;
}

