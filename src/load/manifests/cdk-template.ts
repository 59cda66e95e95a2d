// What a CDK-synthesized template says beyond plain CloudFormation: each resource's construct path
// (`aws:cdk:path` metadata, the name a CDK user knows), and for a bundled function (NodejsFunction) the source file
// its bundle was built from, found through the asset's source map so that findings land on the code the user wrote.
import path from 'node:path';
import { cdkGrantMethods } from '../../data/cdk-grants.js';
import type { Location } from '../../model/location.js';
import type { CdkConstruct, PolicyStatement, ServiceModel } from '../../model/project.js';
import { constructIdOf, type CdkSourceSites } from '../cdk-source.js';
import type { ManifestContext } from './context.js';
import { isRecord } from '../../util/is-record.js';

/** `OrdersStack/CreateOrder/Resource` -> `OrdersStack/CreateOrder`: the construct a user declared. */
export function constructPathOf(metadata: unknown): string | undefined {
  if (!isRecord(metadata)) return undefined;
  const written = metadata['aws:cdk:path'];
  if (typeof written !== 'string' || written === '') return undefined;
  return written.replace(/\/(Resource|Default)$/, '');
}

export interface BundleSource {
  /** Root-relative folder of the source file (the function's code folder from now on). */
  dir: string;
  /** The handler string relative to `dir`: `create-order.handler`. */
  handler: string;
}

/** Source-map files read per bundle; a map is JSON written by the bundler, never large for a handler's own code. */
const MAX_MAP_BYTES = 8 * 1024 * 1024;

/**
 * The project source a bundled handler was built from: `<asset>/<module>.js.map` lists the bundle's sources; the
 * entry is the last project source (esbuild writes the entry after its imports) that exports the handler.
 * Undefined when there is no map, or none of its sources is a project file.
 */
export function bundleSource(ctx: ManifestContext, assetDir: string, handler: string): BundleSource | undefined {
  // The context reads paths relative to the template's folder; these helpers take root-relative ones.
  const read = (rel: string) => ctx.readFile(path.posix.relative(ctx.dir || '.', rel) || '.');
  const exists = (rel: string): boolean => read(rel).ok;
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  if (dot === -1) return undefined;
  const modulePath = handler.slice(0, dot);
  const exportPath = handler.slice(dot + 1);
  const exportName = exportPath.split('.')[0]!;
  const mapDir = path.posix.join(assetDir, path.posix.dirname(modulePath));
  let mapFile: string | undefined;
  for (const ext of ['.js.map', '.mjs.map', '.cjs.map']) {
    const candidate = path.posix.join(assetDir, modulePath + ext);
    if (exists(candidate)) {
      mapFile = candidate;
      break;
    }
  }
  if (!mapFile) return undefined;
  const text = read(mapFile);
  if (!text.ok || text.text.length > MAX_MAP_BYTES) return undefined;
  let map: unknown;
  try {
    map = JSON.parse(text.text);
  } catch {
    return undefined;
  }
  if (!isRecord(map) || !Array.isArray(map.sources)) return undefined;
  const sourceRoot = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
  const project: string[] = [];
  for (const source of map.sources) {
    if (typeof source !== 'string' || source.includes('node_modules/') || /^[a-z][a-z0-9+.-]*:/i.test(source)) continue;
    const rel = ctx.resolvePath(path.posix.relative(ctx.dir || '.', path.posix.join(mapDir, sourceRoot, source)));
    if (rel !== undefined && !project.includes(rel) && exists(rel)) project.push(rel);
  }
  if (project.length === 0) return undefined;
  const exported = new RegExp(`\\bexport\\s+(?:async\\s+)?(?:const|let|var|function\\*?|class)\\s+${escapeRegExp(exportName)}\\b|\\bexport\\s*\\{[^}]*\\b${escapeRegExp(exportName)}\\b|\\bexports\\.${escapeRegExp(exportName)}\\b|module\\.exports`);
  const entry =
    [...project].reverse().find((file) => {
      const source = read(file);
      return source.ok && exported.test(source.text);
    }) ?? project[project.length - 1]!;
  const base = path.posix.basename(entry).replace(/\.[cm]?[jt]sx?$/, '');
  const dir = path.posix.dirname(entry);
  return { dir: dir === '.' ? '' : dir, handler: `${base}.${exportPath}` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/** A template read without its app (a committed cloud assembly alone): nothing known of the source. */
export const NO_CDK_SITES: CdkSourceSites = { grants: [], policies: [], constructs: new Map() };

/**
 * Ties the statements the CDK generated into a function role's default policy to the app code that asked for
 * them: a `grant*` call becomes the statement's origin and place (one finding per call, on the call); an
 * `addToRolePolicy(new PolicyStatement(...))` stays a statement the user wrote, placed on that call. Statements
 * whose call is not found keep their template place, named by the construct path of their policy.
 */
export function attributeCdkStatements(service: ServiceModel, sites: CdkSourceSites): void {
  const resources = new Map(service.resources.map((resource) => [resource.logicalId, resource]));
  const describe = (constructPath: string): CdkConstruct => {
    const declared = sites.constructs.get(constructIdOf(constructPath));
    return { constructPath, ...(declared ? { variable: declared.variable, className: declared.className } : {}) };
  };
  for (const resource of service.resources) {
    const constructPath = constructPathOf(resource.metadata);
    if (constructPath) resource.cdk = describe(constructPath);
  }
  for (const fn of service.functions) if (fn.cdk) Object.assign(fn.cdk, describe(fn.cdk.constructPath));
  // Roles too are named as the app knows them (`OrdersStack/CreateOrder/ServiceRole`).
  for (const role of service.roles) {
    const cdk = resources.get(role.id.slice(role.id.lastIndexOf('#') + 1))?.cdk;
    if (cdk && role.kind === 'cloudformation') role.name = cdk.constructPath;
  }
  for (const role of service.roles) {
    const granteeIds = new Set(role.functions.map((fn) => (fn.cdk ? constructIdOf(fn.cdk.constructPath) : fn.name)));
    if (role.functions.every((fn) => !fn.cdk)) continue;
    for (const statement of role.statements) {
      if (statement.origin.kind !== 'inline') continue;
      const policyId = /^Resources\.([^.#[\]]+)\./.exec(statement.path)?.[1];
      const policy = policyId ? resources.get(policyId) : undefined;
      if (policy?.type !== 'AWS::IAM::Policy') continue;
      // Without metadata (`cdk synth --no-path-metadata`), the generated logical id still says what it is.
      const owner = role.functions.find((fn) => fn.cdk)?.cdk?.constructPath;
      const policyPath = constructPathOf(policy.metadata) ?? (/DefaultPolicy[0-9A-F]{8}$/.test(policy.logicalId) && owner ? `${owner}/ServiceRole/DefaultPolicy` : undefined);
      if (!policyPath || !/\/DefaultPolicy$/.test(policyPath)) continue;
      const actions = statement.actions.flatMap((item) => (typeof item.value === 'string' ? [item.value] : []));
      const targetIds = new Set<string>();
      for (const item of statement.resources) for (const logicalId of referencedLogicalIds(item.value)) {
        const resource = resources.get(logicalId);
        const path = resource ? constructPathOf(resource.metadata) : undefined;
        if (path) targetIds.add(constructIdOf(path));
      }
      const written = sites.policies.find(
        (site) => site.granteeId !== undefined && granteeIds.has(site.granteeId) && actions.length > 0 && actions.every((action) => site.literals.has(action)),
      );
      if (written) {
        moveStatement(statement, written.location);
        continue;
      }
      const grants = sites.grants.filter((site) => site.granteeId !== undefined && granteeIds.has(site.granteeId) && site.target && targetIds.has(site.target.id));
      const fitting = grants.find((site) => {
        const methods = site.target ? cdkGrantMethods(site.target.className) : undefined;
        const granted = methods?.find((m) => m.method === site.method)?.actions;
        return granted !== undefined && actions.every((action) => granted.includes(action));
      });
      const grant = fitting ?? (grants.length === 1 ? grants[0] : undefined);
      const templateLocation = statement.location;
      if (grant) {
        statement.origin = {
          kind: 'cdk-grant',
          construct: constructOfPolicy(policyPath),
          templateLocation,
          call: `${grant.receiverText}.${grant.method}(${grant.granteeText})`,
          method: grant.method,
          ...(grant.target ? { className: grant.target.className } : {}),
        };
        moveStatement(statement, grant.location);
      } else {
        statement.origin = { kind: 'cdk-grant', construct: constructOfPolicy(policyPath), templateLocation };
      }
    }
  }
}

/** `OrdersStack/CreateOrder/ServiceRole/DefaultPolicy` -> `OrdersStack/CreateOrder`: the construct granted to. */
function constructOfPolicy(policyPath: string): string {
  return policyPath.replace(/\/DefaultPolicy$/, '').replace(/\/ServiceRole$/, '');
}

/** Findings about the statement land on the app code: every part of it points at the call. */
function moveStatement(statement: PolicyStatement, location: Location): void {
  statement.location = location;
  statement.actionKeyLocation = location;
  for (const list of [statement.actions, statement.notActions, statement.resources, statement.notResources]) {
    for (const item of list) item.location = location;
  }
}

/** Logical ids a value refers to: `Ref`, `Fn::GetAtt`, and `${Id}` / `${Id.Attr}` in `Fn::Sub`, through `Fn::Join`. */
function referencedLogicalIds(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) referencedLogicalIds(item, found);
  } else if (isRecord(value)) {
    if (typeof value.Ref === 'string') found.push(value.Ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') found.push(getAtt[0]);
    else if (typeof getAtt === 'string') found.push(getAtt.split('.')[0]!);
    const sub = value['Fn::Sub'];
    const template = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (template) for (const match of template.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) found.push(match[1]!);
    for (const [key, inner] of Object.entries(value)) if (key !== 'Ref' && key !== 'Fn::GetAtt' && key !== 'Fn::Sub') referencedLogicalIds(inner, found);
  }
  return found;
}
