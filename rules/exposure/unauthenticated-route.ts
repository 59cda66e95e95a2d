// Finds HTTP routes that change data (POST, PUT, PATCH, DELETE, ANY, or a GET whose handler writes) and that
// anyone on the internet can call: no authorizer, IAM auth, API key or Cognito on the route or its API.
import { defineRule, type EventModel, type FunctionModel, getActionByFullName, globMatcher, isIntrinsic, isUnresolved, type Location, quote, readProperty, type ResourceModel, type ServiceModel } from '../kit.js';

interface Options {
  /** Paths that are public by design (`/signup`, `/webhooks/*`), as globs on the route path. */
  publicPaths: string[];
  /**
   * Endpoints that are public by their nature, because they authenticate the caller themselves: sign-in, sign-up and
   * token endpoints, OAuth and OpenID endpoints, webhooks (which check the sender's signature). On by default.
   */
  conventionalPublicPaths: boolean;
}

/** Path segments, anywhere in the path, that make an endpoint public by nature (OAuth, OpenID discovery, webhooks). */
const PUBLIC_SEGMENT = /^(oauth2?|\.well-known|openid|.*webhooks?)$/;
/** Last segments of sign-in, sign-up and token endpoints. */
const PUBLIC_LAST_SEGMENT = new Set(['login', 'signin', 'sign-in', 'signup', 'sign-up', 'register', 'token']);

/** A sign-in, sign-up, token, OAuth/OpenID or webhook endpoint: it must be callable before the caller has credentials. */
function isConventionallyPublic(path: string): boolean {
  const segments = path
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '' && !segment.startsWith('{'));
  const last = segments[segments.length - 1];
  return segments.some((segment) => PUBLIC_SEGMENT.test(segment)) || (last !== undefined && PUBLIC_LAST_SEGMENT.has(last));
}

type MessageId = 'writeRoute' | 'writingHandler';

/** What protects the API a route belongs to: yes, no, or not knowable from the template (OpenAPI body, a parameter). */
type Protection = 'protected' | 'open' | 'unknown';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ANY', '*', 'X-AMAZON-APIGATEWAY-ANY-METHOD']);
const READ_METHODS = new Set(['GET', 'HEAD']);

interface Route {
  method: string;
  path: string;
  at: Location;
  fn?: FunctionModel;
  key: string;
}

export default defineRule<Options, MessageId>({
  id: 'exposure/unauthenticated-route',
  category: 'exposure',
  severity: 'warning',
  description: 'An HTTP route that changes data can be called by anyone, without authentication.',
  fullDescription:
    'API Gateway routes are public unless something authenticates the caller. Reported: routes with a method that changes ' +
    'data (POST, PUT, PATCH, DELETE, ANY) and GET routes whose handler writes (a derived Write action), when ' +
    'neither the route nor its API has an authorizer, AWS_IAM auth, Cognito or a required API key: Serverless `http`/`httpApi` events ' +
    '(`authorizer`, `private: true`, a provider resource policy), SAM `Api`/`HttpApi` events (`Auth.Authorizer`, ' +
    '`Auth.ApiKeyRequired`, and the API\'s or Globals\' `DefaultAuthorizer`, `ResourcePolicy` or PRIVATE endpoint), ' +
    'CloudFormation/CDK `AWS::ApiGateway::Method` and `AWS::ApiGatewayV2::Route`. OpenAPI bodies and parameter values ' +
    'are not judged. OPTIONS (CORS) is never reported; paths listed in `publicPaths` are public by design, ' +
    'and so are endpoints that authenticate the caller themselves (`conventionalPublicPaths`, on by default): a last segment ' +
    'login, signin, sign-in, signup, sign-up, register or token; a segment oauth, oauth2, openid, .well-known or *webhook(s).',
  help:
    'Put an authorizer in front of the route, for example SAM `Auth: { Authorizer: CognitoAuth }` or `Globals: { Api: { Auth: ' +
    '{ DefaultAuthorizer: AWS_IAM } } }`, Serverless `authorizer: aws_iam` or `private: true` (API key). A route that must stay ' +
    'public (a sign-up form, a webhook that checks its own signature) goes in the option `publicPaths`.',
  securitySeverity: 6.5,
  precision: 'high',
  tags: ['security', 'exposure', 'external/cwe/cwe-306'],
  messages: {
    writeRoute: '{{method}} {{path}} can be called by anyone: neither the route nor {{api}} requires an authorizer, IAM auth or an API key.',
    writingHandler:
      'GET {{path}} runs {{function}}, which writes ({{actions}}), and anyone can call it: neither the route nor {{api}} requires an authorizer, IAM auth or an API key.',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { publicPaths: { type: 'array', items: { type: 'string', minLength: 1 } }, conventionalPublicPaths: { type: 'boolean' } },
  },
  defaultOptions: { publicPaths: [], conventionalPublicPaths: true },
  check({ project, analysis, options, report }) {
    const publicPaths = options.publicPaths.map(globMatcher);
    const isPublicByDesign = (path: string): boolean => publicPaths.some((re) => re.test(path)) || (options.conventionalPublicPaths && isConventionallyPublic(path));
    const writesOf = (fn: FunctionModel | undefined): string[] => {
      const permissions = fn ? analysis.permissionsOf(fn) : undefined;
      if (!permissions?.analysed) return [];
      const written = permissions.needs.map((n) => n.action).filter((a) => getActionByFullName(a)?.accessLevel === 'Write');
      return [...new Set(written)].sort();
    };
    const judge = (route: Route, api: string): void => {
      const method = route.method.toUpperCase();
      if (isPublicByDesign(route.path)) return;
      const base = { at: route.at, key: route.key, ...(route.fn ? { function: route.fn.name } : {}) };
      if (WRITE_METHODS.has(method)) {
        report({ ...base, messageId: 'writeRoute', data: { method: method === '*' || method.startsWith('X-') ? 'ANY' : method, path: route.path, api } });
        return;
      }
      if (!READ_METHODS.has(method) || !route.fn) return;
      const writes = writesOf(route.fn);
      if (writes.length === 0) return;
      const shown = writes.length > 3 ? `${writes.slice(0, 3).join(', ')} and ${writes.length - 3} more` : writes.join(', ');
      report({ ...base, messageId: 'writingHandler', data: { path: route.path, function: quote(route.fn.name), actions: shown, api } });
    };

    for (const fn of project.functions) {
      for (const event of fn.events) {
        if (event.normalizedType !== 'api' && event.normalizedType !== 'http-api') continue;
        const route = eventRoute(fn, event);
        if (!route) continue;
        const verdict = fn.service.kind === 'serverless' ? serverlessProtection(fn.service, event) : samProtection(fn.service, event);
        if (verdict.protection === 'open') judge(route, verdict.api);
      }
    }

    for (const resource of project.resources) {
      if (resource.type === 'AWS::ApiGateway::Method') {
        const route = restMethodRoute(resource, project.resources);
        if (route && restMethodProtection(resource, project.resources) === 'open') judge(route, 'the REST API');
      } else if (resource.type === 'AWS::ApiGatewayV2::Route') {
        const route = httpRoute(resource, project.resources);
        if (route && readAuthorizationType(resource.properties) === 'open' && readProperty(resource.properties, 'ApiKeyRequired').kind === 'missing') {
          judge(route, 'the HTTP API');
        }
      }
    }
  },
});

// ---- Serverless Framework and SAM events ----

function eventRoute(fn: FunctionModel, event: EventModel): Route | undefined {
  const props = event.properties;
  const method = literal(props.method ?? props.Method) ?? (event.normalizedType === 'http-api' && props.Method === undefined && props.method === undefined ? 'ANY' : undefined);
  const path = literal(props.path ?? props.Path) ?? (event.normalizedType === 'http-api' ? '/{proxy+}' : undefined);
  if (!method || !path || method.toUpperCase() === 'OPTIONS') return undefined;
  const shownPath = path === '*' ? '/{proxy+}' : path.startsWith('/') ? path : `/${path}`;
  return { method, path: shownPath, at: event.location, fn, key: `${fn.id}|${method.toUpperCase()} ${shownPath}` };
}

/** `http`/`httpApi` events: an authorizer or `private: true` on the event, or a resource policy on the REST API. */
function serverlessProtection(service: ServiceModel, event: EventModel): { protection: Protection; api: string } {
  const props = event.properties;
  const api = event.normalizedType === 'api' ? 'the REST API' : 'the HTTP API';
  if (isSet(props.authorizer)) return { protection: isKnowable(props.authorizer) ? 'protected' : 'unknown', api };
  if (props.private === true) return { protection: 'protected', api };
  if (props.private !== undefined && props.private !== false) return { protection: 'unknown', api };
  if (event.normalizedType === 'api') {
    const policy = readProperty(service.document, 'provider.apiGateway.resourcePolicy');
    const legacy = readProperty(service.document, 'provider.resourcePolicy');
    if (policy.kind !== 'missing' || legacy.kind !== 'missing') return { protection: 'protected', api };
  }
  return { protection: 'open', api };
}

/** SAM `Api`/`HttpApi` events: the event's own `Auth`, else its API's (or the implicit API's Globals) defaults. */
function samProtection(service: ServiceModel, event: EventModel): { protection: Protection; api: string } {
  const props = event.properties;
  const isRest = event.normalizedType === 'api';
  const eventAuth = props.Auth;
  if (isIntrinsic(eventAuth) || isUnresolved(eventAuth)) return { protection: 'unknown', api: '' };
  const authorizer = readProperty(eventAuth, 'Authorizer');
  if (authorizer.kind === 'unknown') return { protection: 'unknown', api: '' };
  const explicitlyNone = authorizer.kind === 'value' && authorizer.value === 'NONE';
  if (authorizer.kind === 'value' && !explicitlyNone) return { protection: 'protected', api: '' };
  const apiKey = readProperty(eventAuth, 'ApiKeyRequired');
  if (apiKey.kind === 'unknown') return { protection: 'unknown', api: '' };
  if (apiKey.kind === 'value' && apiKey.value === true) return { protection: 'protected', api: '' };

  const globals = readProperty(service.document, ['Globals', isRest ? 'Api' : 'HttpApi']);
  const globalProps = globals.kind === 'value' ? (globals.value as Record<string, unknown>) : {};
  const apiRef = props[isRest ? 'RestApiId' : 'ApiId'];
  let apiProps: Record<string, unknown> = {};
  let name = isRest ? 'the implicit REST API' : 'the implicit HTTP API';
  if (apiRef !== undefined) {
    const target = isIntrinsic(apiRef) && typeof apiRef.Ref === 'string' ? service.resources.find((r) => r.logicalId === apiRef.Ref) : undefined;
    if (!target || target.type !== (isRest ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi')) return { protection: 'unknown', api: '' };
    apiProps = target.properties;
    name = `API ${quote(target.logicalId)}`;
    // Security written in an OpenAPI document is not read here.
    if (apiProps.DefinitionBody !== undefined || apiProps.DefinitionUri !== undefined) return { protection: 'unknown', api: '' };
  }
  for (const source of [apiProps, globalProps]) {
    // Auth: { Authorizer: NONE } opts the route out of the default authorizer, not out of a required API key.
    const verdict = samApiProtection(source, isRest, explicitlyNone);
    if (verdict !== 'open') return { protection: verdict, api: name };
  }
  return { protection: 'open', api: name };
}

function samApiProtection(api: Record<string, unknown>, isRest: boolean, optedOut: boolean): Protection {
  const auth = readProperty(api, 'Auth');
  if (auth.kind === 'unknown') return 'unknown';
  if (auth.kind === 'value') {
    const fallback = readProperty(auth.value, 'DefaultAuthorizer');
    if (fallback.kind === 'unknown' && !optedOut) return 'unknown';
    if (fallback.kind === 'value' && fallback.value !== 'NONE' && !optedOut) return 'protected';
    const apiKey = readProperty(auth.value, 'ApiKeyRequired');
    if (apiKey.kind === 'unknown' || (apiKey.kind === 'value' && apiKey.value === true)) return apiKey.kind === 'unknown' ? 'unknown' : 'protected';
    // A resource policy (IP ranges, VPC endpoints, accounts) decides who may call the API.
    if (isRest && readProperty(auth.value, 'ResourcePolicy').kind !== 'missing') return 'protected';
  }
  if (isRest && isPrivateEndpoint(readProperty(api, 'EndpointConfiguration'))) return 'protected';
  return 'open';
}

function isPrivateEndpoint(read: ReturnType<typeof readProperty>): boolean {
  if (read.kind === 'unknown') return true;
  if (read.kind !== 'value') return false;
  const text = JSON.stringify(read.value) ?? '';
  return /PRIVATE/.test(text);
}

// ---- CloudFormation (and CDK) resources ----

function restMethodRoute(resource: ResourceModel, resources: readonly ResourceModel[]): Route | undefined {
  const props = resource.properties;
  const method = literal(props.HttpMethod);
  if (!method || method.toUpperCase() === 'OPTIONS') return undefined;
  const integrationType = literal(readValue(props, 'Integration.Type'));
  if (integrationType !== undefined && integrationType.toUpperCase() === 'MOCK') return undefined;
  const path = restPath(props.ResourceId, resource.service, resources, 0);
  const fn = integratedFunction(readValue(props, 'Integration.Uri'), resource.service);
  return { method, path: path ?? '(a resource of the API)', at: resource.location, ...(fn ? { fn } : {}), key: `${resource.service.id}|${resource.logicalId}` };
}

/** `ResourceId: !Ref OrdersIdResource` -> `/orders/{id}` through the PathPart/ParentId chain. */
function restPath(resourceId: unknown, service: ServiceModel, resources: readonly ResourceModel[], depth: number): string | undefined {
  if (depth > 32) return undefined;
  if (isIntrinsic(resourceId) && Array.isArray(resourceId['Fn::GetAtt']) && resourceId['Fn::GetAtt'][1] === 'RootResourceId') return '/';
  if (!isIntrinsic(resourceId) || typeof resourceId.Ref !== 'string') return undefined;
  const ref = resourceId.Ref;
  const node = resources.find((r) => r.service === service && r.logicalId === ref && r.type === 'AWS::ApiGateway::Resource');
  const part = node ? literal(node.properties.PathPart) : undefined;
  if (!node || part === undefined) return undefined;
  const parent = restPath(node.properties.ParentId, service, resources, depth + 1);
  if (parent === undefined) return undefined;
  return parent === '/' ? `/${part}` : `${parent}/${part}`;
}

function restMethodProtection(resource: ResourceModel, resources: readonly ResourceModel[]): Protection {
  const props = resource.properties;
  const type = readAuthorizationType(props);
  if (type !== 'open') return type;
  const apiKey = readProperty(props, 'ApiKeyRequired');
  if (apiKey.kind === 'unknown' || (apiKey.kind === 'value' && (apiKey.value === true || apiKey.value === 'true'))) return apiKey.kind === 'unknown' ? 'unknown' : 'protected';
  const apiRef = props.RestApiId;
  const api = isIntrinsic(apiRef) && typeof apiRef.Ref === 'string' ? resources.find((r) => r.service === resource.service && r.logicalId === apiRef.Ref) : undefined;
  if (!api) return 'unknown';
  if (readProperty(api.properties, 'Policy').kind !== 'missing' || isPrivateEndpoint(readProperty(api.properties, 'EndpointConfiguration'))) return 'protected';
  if (api.properties.Body !== undefined || api.properties.BodyS3Location !== undefined) return 'unknown';
  return 'open';
}

/** `AuthorizationType` missing or NONE is open; AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT protect the route. */
function readAuthorizationType(props: Record<string, unknown>): Protection {
  const type = readProperty(props, 'AuthorizationType');
  if (type.kind === 'unknown') return 'unknown';
  if (type.kind === 'missing') return 'open';
  return typeof type.value === 'string' && type.value.toUpperCase() === 'NONE' ? 'open' : 'protected';
}

function httpRoute(resource: ResourceModel, resources: readonly ResourceModel[]): Route | undefined {
  const routeKey = literal(resource.properties.RouteKey);
  if (!routeKey) return undefined;
  const apiRef = resource.properties.ApiId;
  const api = isIntrinsic(apiRef) && typeof apiRef.Ref === 'string' ? resources.find((r) => r.service === resource.service && r.logicalId === apiRef.Ref) : undefined;
  // WebSocket routes ($connect, $disconnect, custom actions) are not HTTP routes.
  if (!api || literal(api.properties.ProtocolType)?.toUpperCase() !== 'HTTP') return undefined;
  const [method, path] = routeKey === '$default' ? ['ANY', '/{proxy+}'] : routeKey.split(/\s+/, 2);
  if (!method || !path || method.toUpperCase() === 'OPTIONS') return undefined;
  const target = literal(resource.properties.Target) ?? JSON.stringify(resource.properties.Target ?? '');
  const integration = /integrations\/(?:\$\{)?([A-Za-z0-9]+)/.exec(target)?.[1];
  const integrationResource = integration ? resources.find((r) => r.service === resource.service && r.logicalId === integration) : undefined;
  const fn = integrationResource ? integratedFunction(integrationResource.properties.IntegrationUri, resource.service) : undefined;
  return { method, path, at: resource.location, ...(fn ? { fn } : {}), key: `${resource.service.id}|${resource.logicalId}` };
}

/** The template function an integration URI points at (`!GetAtt Fn.Arn`, `${Fn.Arn}` inside `!Sub`). */
function integratedFunction(uri: unknown, service: ServiceModel): FunctionModel | undefined {
  const text = JSON.stringify(uri ?? '') ?? '';
  const names = [...text.matchAll(/\$\{([A-Za-z0-9]+)\.Arn\}|"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]|"Fn::GetAtt":"([A-Za-z0-9]+)\.Arn"/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return service.functions.find((fn) => names.includes(fn.name));
}

// ---- values ----

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !value.includes('${') ? value : undefined;
}

function readValue(root: unknown, path: string): unknown {
  const read = readProperty(root, path);
  return read.kind === 'value' ? read.value : undefined;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== '';
}

function isKnowable(value: unknown): boolean {
  return !isUnresolved(value);
}
