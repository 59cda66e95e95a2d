// Loads a `kind: Service` manifest (apiVersion serverless.example.com/v1): checks it against
// schemas/service.schema.json and builds a container service model, with the base images of the
// Dockerfile beside it.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { inputFinding, INPUT_RULES } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { locationAtStart } from '../../model/location.js';
import { locationOf, locationOfKey, locationOfValue } from '../../model/positions.js';
import type { ContainerServiceModel, EnvironmentVariable, Located, ServiceModel } from '../../model/project.js';
import { isUnresolved } from '../../model/values.js';
import { readPackageFile } from '../../util/package-root.js';
import type { ManifestContext, ManifestLoader } from './context.js';

let validateService: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // verbose: errors carry the failing value and its schema, whose description says what is allowed.
  validateService ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(JSON.parse(readPackageFile('schemas/service.schema.json')));
  return validateService;
}

export const loadService: ManifestLoader = (document, context) => {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const doc = document as Record<string, unknown>;
  reportSchemaErrors(doc, context);

  const metadata = asRecord(doc.metadata);
  const spec = asRecord(doc.spec);
  const declaredName = metadata?.name;
  const location = (typeof declaredName === 'string' ? locationOfValue(metadata, 'name') : undefined) ?? locationOfKey(doc, 'kind') ?? locationAtStart(context.file);
  const name = typeof declaredName === 'string' && declaredName !== '' ? declaredName : context.file;

  const container: ContainerServiceModel = { name, location, baseImages: [], environment: environmentOf(spec, location) };
  if (spec && 'image' in spec) container.image = { value: spec.image, location: locationOfValue(spec, 'image') ?? location };
  const scaling = locatedMapping(spec, 'scaling', location);
  if (scaling) container.scaling = scaling;
  const predictive = locatedMapping(spec, 'predictive', location);
  if (predictive) container.predictive = predictive;
  const security = locatedMapping(spec, 'security', location);
  if (security) container.security = security;
  const healthCheck = locatedMapping(spec, 'healthCheck', location);
  if (healthCheck) container.healthCheck = healthCheck;

  const dockerfile = context.readFile('Dockerfile');
  if (dockerfile.ok) {
    container.dockerfile = dockerfile.file;
    container.baseImages = parseDockerfileBaseImages(dockerfile.text, dockerfile.file);
  }

  return {
    id: context.file,
    name,
    kind: 'service',
    manifest: context.file,
    dir: context.dir,
    location,
    functions: [],
    roles: [],
    resources: [],
    container,
    document: doc,
  } satisfies ServiceModel;
};

/** `spec.env: { NAME: value }`, read like a function's environment (secrets rules judge both alike). */
function environmentOf(spec: Record<string, unknown> | undefined, fallback: Location): EnvironmentVariable[] {
  const env = asRecord(spec?.env);
  if (!env) return [];
  return Object.keys(env).map((name) => ({ name, value: env[name], location: locationOfValue(env, name) ?? fallback, origin: 'service' as const }));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value) ? (value as Record<string, unknown>) : undefined;
}

/** A mapping under `spec`, located at its key (`scaling:`), where findings about the block as a whole point. */
function locatedMapping(spec: Record<string, unknown> | undefined, key: string, fallback: Location): Located<Record<string, unknown>> | undefined {
  const value = asRecord(spec?.[key]);
  if (!value) return undefined;
  return { value, location: locationOfKey(spec, key) ?? locationOf(value) ?? fallback };
}

/** Reports each schema error as one sentence at the offending key's line. */
function reportSchemaErrors(doc: Record<string, unknown>, context: ManifestContext): void {
  const validate = validator();
  if (validate(doc)) return;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const described = describeSchemaError(error, doc, context.file);
    if (!described) continue;
    const id = `${described.location.line}:${described.location.column}:${described.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    context.report(
      inputFinding(INPUT_RULES.invalidManifest, 'warning', described.message, described.location, `${INPUT_RULES.invalidManifest}|${context.file}|${described.path}|${error.keyword}`),
    );
  }
}

interface DescribedError {
  message: string;
  location: Location;
  /** Dotted path of the key the message is about, for the finding's key. */
  path: string;
}

/** Turns one Ajv error into a sentence naming the key and what is allowed there, or undefined for errors another one already explains. */
export function describeSchemaError(error: ErrorObject, doc: Record<string, unknown>, file: string): DescribedError | undefined {
  // `if` only says which branch failed; the `then` branch's own error names the missing key.
  if (error.keyword === 'if' || error.keyword === 'propertyNames' || error.keyword === 'allOf') return undefined;
  const segments = error.instancePath === '' ? [] : error.instancePath.split('/').slice(1).map(unescapePointer);
  const nodes: unknown[] = [doc];
  for (const segment of segments) {
    const parent = nodes[nodes.length - 1];
    nodes.push(parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[segment] : undefined);
  }
  // An unknown YAML tag makes a value Unresolved; its shape says nothing about the user's manifest.
  if (nodes.some((node) => isUnresolved(node))) return undefined;
  const target = nodes[nodes.length - 1];
  const parent = nodes[nodes.length - 2];
  const last = segments[segments.length - 1];
  const fallback = locationOfKey(doc, 'kind') ?? locationAtStart(file);
  const valueLocation = (last === undefined ? undefined : locationOfValue(parent, keyOf(parent, last)) ?? locationOfKey(parent, keyOf(parent, last))) ?? fallback;
  const keyLocation = (last === undefined ? undefined : locationOfKey(parent, keyOf(parent, last))) ?? fallback;
  const schema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  const path = dottedPath(segments);
  const allowed = schema.description ? `must be ${schema.description}` : (error.message ?? 'is invalid');

  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const full = dottedPath([...segments, missing]);
      const description = schema.properties?.[missing]?.description;
      const what = description ? `: it must be ${description}` : '';
      return { message: `The kind: Service manifest has no "${full}"${what}.`, location: keyLocation, path: full };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const full = dottedPath([...segments, extra]);
      const keys = Object.keys(schema.properties ?? {}).join(', ');
      return {
        message: `Unknown key "${full}" in the kind: Service manifest; the keys allowed ${path ? `under "${path}"` : 'at the top level'} are ${keys}.`,
        location: locationOfKey(target, extra) ?? keyLocation,
        path: full,
      };
    }
    case 'pattern':
      if (error.propertyName !== undefined) {
        // propertyNames: the key itself is wrong (an environment variable name with a dash).
        const full = dottedPath([...segments, error.propertyName]);
        return {
          message: `"${error.propertyName}" under "${path}" is not a valid name: names use letters, digits and _, and do not start with a digit.`,
          location: locationOfKey(target, error.propertyName) ?? keyLocation,
          path: full,
        };
      }
      return { message: `"${path}" ${allowed}; it is ${showValue(target)}.`, location: valueLocation, path };
    case 'enum': {
      const values = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ');
      return { message: `"${path}" must be one of ${values}; it is ${showValue(target)}.`, location: valueLocation, path };
    }
    case 'const':
      return { message: `"${path}" must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}; it is ${showValue(target)}.`, location: valueLocation, path };
    default:
      return { message: `"${path || '(top level)'}" ${allowed}; it is ${showValue(target)}.`, location: valueLocation, path };
  }
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Array indices arrive as strings from the JSON pointer; positions are recorded under numbers. */
function keyOf(parent: unknown, segment: string): string | number {
  return Array.isArray(parent) && /^\d+$/.test(segment) ? Number(segment) : segment;
}

function dottedPath(segments: string[]): string {
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '');
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/**
 * The base image of each stage of a Dockerfile, in order, located at the image reference.
 * `FROM builder` (an earlier stage's name) carries that stage's base, so the last entry is the image
 * that runs. Build arguments are not substituted: `FROM node:${VERSION}` stays as written and rules
 * do not judge it.
 */
export function parseDockerfileBaseImages(text: string, file: string): Located<string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const escape = escapeCharacter(lines);
  const images: Located<string>[] = [];
  const stages = new Map<string, Located<string>>();
  let index = 0;
  while (index < lines.length) {
    const first = lines[index]!;
    if (first.trim() === '' || first.trimStart().startsWith('#')) {
      index += 1;
      continue;
    }
    // One instruction: this line plus continuation lines (comment lines inside are dropped, as docker does).
    const tokens: { text: string; line: number; column: number }[] = [];
    let continues = true;
    while (continues && index < lines.length) {
      let line = lines[index]!;
      const lineNumber = index + 1;
      index += 1;
      if (tokens.length > 0 && line.trimStart().startsWith('#')) continue;
      const trimmed = line.trimEnd();
      continues = trimmed.endsWith(escape);
      if (continues) line = trimmed.slice(0, -1);
      for (const match of line.matchAll(/\S+/g)) tokens.push({ text: match[0], line: lineNumber, column: match.index + 1 });
    }
    index = skipHeredocs(tokens.map((t) => t.text), lines, index);
    if (tokens[0]?.text.toUpperCase() !== 'FROM') continue;
    let at = 1;
    while (tokens[at]?.text.startsWith('--')) at += 1; // --platform=linux/amd64
    const image = tokens[at];
    if (!image) continue;
    const earlier = stages.get(image.text.toLowerCase());
    const located: Located<string> = earlier ?? {
      value: image.text,
      location: { file, line: image.line, column: image.column, endLine: image.line, endColumn: image.column + image.text.length },
    };
    images.push(located);
    if (tokens[at + 1]?.text.toLowerCase() === 'as' && tokens[at + 2]) stages.set(tokens[at + 2]!.text.toLowerCase(), located);
  }
  return images;
}

/** The `# escape=` parser directive (a backtick on Windows images), else a backslash. */
function escapeCharacter(lines: string[]): string {
  for (const line of lines) {
    const directive = /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(line.trim());
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

/** `RUN <<EOF` ... `EOF`: the body is not instructions (it may well contain a line starting with FROM). */
function skipHeredocs(tokens: string[], lines: string[], from: number): number {
  let index = from;
  for (const token of tokens) {
    const heredoc = /^<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(token);
    if (!heredoc) continue;
    const stripTabs = heredoc[1] === '-';
    while (index < lines.length) {
      const line = lines[index]!;
      index += 1;
      if ((stripTabs ? line.replace(/^\t+/, '') : line) === heredoc[3]) break;
    }
  }
  return index;
}
