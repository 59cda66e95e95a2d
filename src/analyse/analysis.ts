// The per-run analysis rules read: source analysis of every function, run once on first request, and the permissions derived from it.
import type { FunctionModel, Project } from '../model/project.js';
import type { ProjectAnalysis } from './analysis-types.js';
import { analyseFunctions } from './index.js';
import { derivePermissions } from './permissions.js';
import type { FunctionPermissions } from './permissions-types.js';
import type { SourceReader } from './source-reader.js';
import { containerAnalysis } from './server-routes.js';
import type { FunctionUsage } from './types.js';

export type AnalyseFunctions = (project: Project, reader: SourceReader) => Map<string, FunctionUsage>;

/** Creates the lazy analysis of one run; `analyse` is replaceable in tests. */
export function createAnalysis(project: Project, reader: SourceReader, analyse: AnalyseFunctions = analyseFunctions): ProjectAnalysis {
  let usages: Map<string, FunctionUsage> | undefined;
  const permissions = new Map<string, FunctionPermissions>();
  const usageOf = (fn: FunctionModel): FunctionUsage | undefined => {
    usages ??= analyse(project, reader);
    return usages.get(fn.id);
  };
  return {
    usageOf,
    codeFindings: () => (usages ? [...usages.values()].flatMap((usage) => usage.findings) : []),
    containerUsageOf: containerAnalysis(reader),
    permissionsOf(fn) {
      let result = permissions.get(fn.id);
      if (!result) {
        result = derivePermissions(fn, usageOf(fn));
        permissions.set(fn.id, result);
      }
      return result;
    },
  };
}
