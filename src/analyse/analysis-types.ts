// What rules can ask about the code of each function: its usage (calls, clients) and the permissions derived from it.
import type { FunctionModel } from '../model/project.js';
import type { FunctionUsage } from './types.js';
import type { FunctionPermissions } from './permissions-types.js';

export interface ProjectAnalysis {
  /** The function's code usage, computed on first request; undefined when it has no analysable handler. */
  usageOf(fn: FunctionModel): FunctionUsage | undefined;
  /** The permissions the function needs, derived from its code and its platform setup. */
  permissionsOf(fn: FunctionModel): FunctionPermissions | undefined;
}
