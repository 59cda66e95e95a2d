// Hand-built services, functions, roles and SDK calls for permission tests that do not need the loaders.
import type { Location } from '../../src/model/location.js';
import type { EnvironmentVariable, FunctionModel, PolicyStatement, ResourceModel, RoleModel, ServiceModel } from '../../src/model/project.js';
import type { FunctionUsage, SdkCall, StaticValue } from '../../src/analyse/types.js';

export const at = (line: number, file = 'serverless.yml'): Location => ({ file, line, column: 1, endLine: line, endColumn: 10 });

export function service(resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {}, region?: string): ServiceModel {
  const model = {
    id: 'serverless.yml', name: 'svc', kind: 'serverless', manifest: 'serverless.yml', dir: '', location: at(1),
    functions: [], roles: [], resources: [] as ResourceModel[], document: {}, ...(region ? { region } : {}),
  } as unknown as ServiceModel;
  let line = 100;
  for (const [logicalId, r] of Object.entries(resources)) {
    model.resources.push({ logicalId, type: r.Type, properties: r.Properties ?? {}, location: at(line++), service: model });
  }
  return model;
}

export function statement(partial: { effect?: 'Allow' | 'Deny'; actions?: unknown[]; notActions?: unknown[]; resources?: unknown[]; notResources?: unknown[]; condition?: unknown; origin?: PolicyStatement['origin']; line?: number; path?: string }): PolicyStatement {
  const line = partial.line ?? 20;
  const located = (values: unknown[] | undefined) => (values ?? []).map((value, i) => ({ value, location: at(line + i) }));
  return {
    path: partial.path ?? `statements[${line}]`,
    effect: partial.effect ?? 'Allow',
    actions: located(partial.actions),
    notActions: located(partial.notActions),
    resources: located(partial.resources),
    notResources: located(partial.notResources),
    ...(partial.condition !== undefined ? { condition: partial.condition } : {}),
    location: at(line),
    origin: partial.origin ?? { kind: 'inline' },
  };
}

export function role(svc: ServiceModel, statements: PolicyStatement[], extra: Partial<RoleModel> = {}): RoleModel {
  const model: RoleModel = {
    id: 'serverless.yml#Role', name: 'Role', kind: 'serverless-provider', service: svc, location: at(13),
    functions: [], statements, managedPolicies: [], incomplete: false, ...extra,
  };
  svc.roles.push(model);
  return model;
}

export function fn(svc: ServiceModel, name: string, roleModel: RoleModel, environment: Record<string, unknown> = {}, extra: Partial<FunctionModel> = {}): FunctionModel {
  const env: EnvironmentVariable[] = Object.entries(environment).map(([n, value], i) => ({ name: n, value, location: at(50 + i), origin: 'function' }));
  const model: FunctionModel = {
    id: `serverless.yml#${name}`, name, service: svc, location: at(30), environment: env, events: [], role: roleModel,
    vpc: false, tags: {}, properties: {}, ...extra,
  };
  roleModel.functions.push(model);
  svc.functions.push(model);
  return model;
}

export const str = (value: string): StaticValue => ({ kind: 'string', value });
export const env = (name: string, prefix = '', suffix = ''): StaticValue => ({ kind: 'env', name, prefix, suffix });
export const obj = (properties: Record<string, StaticValue>): StaticValue => ({ kind: 'object', properties });
export const arr = (...items: StaticValue[]): StaticValue => ({ kind: 'array', items });
export const partial = (prefix: string): StaticValue => ({ kind: 'partial', prefix, reason: 'a template literal' });
export const unknown = (reason = 'a parameter'): StaticValue => ({ kind: 'unknown', reason });

export function call(service: string, operation: string, input: StaticValue, line = 5, style: SdkCall['style'] = 'v3-command'): SdkCall {
  return { service, operation, style, input, location: at(line, 'src/handler.ts'), via: [] };
}

export function usage(fnModel: FunctionModel, calls: SdkCall[], findings: FunctionUsage['findings'] = []): FunctionUsage {
  return {
    functionId: fnModel.id, handlerFile: 'src/handler.ts', handlerExport: 'handler', handlerLocation: at(1, 'src/handler.ts'),
    calls, clients: [], files: ['src/handler.ts'], findings,
  };
}
