// What rules can ask about the code of each function: its usage (calls, clients) and the permissions derived from it.
import type { Finding } from '../model/finding.js';
import type { FunctionModel, ServiceModel } from '../model/project.js';
import type { ContainerUsage } from './server-routes.js';
import type { FunctionUsage } from './types.js';
import type { FunctionPermissions } from './permissions-types.js';

export interface ProjectAnalysis {
  /** The function's code usage, computed on first request; undefined when it has no analysable handler. */
  usageOf(fn: FunctionModel): FunctionUsage | undefined;
  /** Input findings of the code analysed so far (none when no rule asked for the code). */
  codeFindings(): Finding[];
  /** The permissions the function needs, derived from its code and its platform setup. */
  permissionsOf(fn: FunctionModel): FunctionPermissions | undefined;
  /** A kind: Service container's server: its entry, routes, health route, and the code its request handlers run (optional until every run provides it). */
  containerUsageOf?(service: ServiceModel): ContainerUsage | undefined;
}
