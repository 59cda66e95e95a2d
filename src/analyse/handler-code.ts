// The per-request code rules judge: each function's handler and each kind: Service container's route handlers, with the name findings carry.
import type { FunctionModel, Project, ServiceModel } from '../model/project.js';
import type { ProjectAnalysis } from './analysis-types.js';
import type { ContainerUsage } from './server-routes.js';
import type { FunctionUsage, StateWrite } from './types.js';

export interface HandlerCode {
  /** Unique in the project: the function id or the service id. */
  id: string;
  /** The function's name, or the container service's metadata.name. */
  name: string;
  /** `function`: Lambda calls the handler per event; `container`: a long-running server calls the routes per request. */
  kind: 'function' | 'container';
  /** A function deployed to AWS Lambda (not a Serverless Framework function for another provider, such as Azure). */
  lambda: boolean;
  usage: FunctionUsage;
  service: ServiceModel;
  fn?: FunctionModel;
  container?: ContainerUsage;
}

export function handlerCodes(project: Project, analysis: ProjectAnalysis): HandlerCode[] {
  const codes: HandlerCode[] = [];
  for (const fn of project.functions) {
    const usage = analysis.usageOf(fn);
    if (usage) codes.push({ id: fn.id, name: fn.name, kind: 'function', lambda: isLambda(fn.service), usage, service: fn.service, fn });
  }
  for (const service of project.services) {
    if (!service.container) continue;
    const container = analysis.containerUsageOf?.(service);
    if (container) codes.push({ id: service.id, name: container.name, kind: 'container', lambda: false, usage: container.usage, service, container });
  }
  return codes;
}

/** SAM and CloudFormation deploy to Lambda; a serverless.yml does unless `provider.name` names another cloud. */
function isLambda(service: ServiceModel): boolean {
  if (service.kind !== 'serverless') return service.kind !== 'service';
  const provider = service.document.provider;
  const name = provider && typeof provider === 'object' ? (provider as Record<string, unknown>).name : undefined;
  return typeof name !== 'string' || name === 'aws';
}

/**
 * The module-scope writes of per-request code that carry something to the next request: not the resets
 * (`items = []` at the start of each invocation), nor writes to a variable the handler resets.
 */
export function carriedStateWrites(code: HandlerCode): StateWrite[] {
  const writes = code.usage.stateWrites ?? [];
  const declarationKey = (w: StateWrite) => `${w.declaration.file}:${w.declaration.line}:${w.declaration.column}`;
  const reset = new Set(writes.filter((w) => w.kind === 'reset').map(declarationKey));
  return writes.filter((w) => w.kind !== 'reset' && !reset.has(declarationKey(w)));
}

/** How long module-scope state lives for this code, in words. */
export function stateLifetime(code: HandlerCode): string {
  return code.kind === 'container'
    ? 'it lives as long as the server process and is shared by concurrent requests'
    : 'it outlives the invocation, so the next invocation in the same execution environment starts with it';
}
