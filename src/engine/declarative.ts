// Declarative rules: YAML or JSON files whose `where` and `require` are JSON Schemas over the model's
// objects, validated against schemas/rule.schema.json and compiled into the same Rule shape as built-ins.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { budgetedRegExp, PatternBudgetExceeded } from './pattern-budget.js';
import { confinedRealPath, readConfinedText } from '../load/confined-file.js';
import { parseYaml } from '../load/yaml.js';
import type { Location } from '../model/location.js';
import { locationOf, locationOfKey, locationOfValue } from '../model/positions.js';
import type { Severity } from '../model/finding.js';
import type { Rule, RuleContext } from '../../rules/kit.js';
import { RULE_TARGETS, unescapePointer, valueAt, viewsOf, type JsonValue, type RuleTarget, type RuleView } from './rule-views.js';
import { readPackageFile } from '../util/package-root.js';
import { quote } from '../util/quote.js';
import type { ReservedNames } from './rule-registry.js';

/** What a rule file holds once validated. */
export interface DeclarativeRuleDefinition {
  id: string;
  category?: string;
  severity: Severity;
  description: string;
  fullDescription?: string;
  help: string;
  helpUri?: string;
  precision?: Rule['precision'];
  tags?: string[];
  securitySeverity?: number;
  target: RuleTarget;
  resourceTypes?: string[];
  where?: Record<string, unknown>;
  require: Record<string, unknown>;
  message: string;
}

export interface DeclarativeRule extends Rule<Record<string, never>, 'violation'> {
  /** Where the team documents the policy; SARIF's helpUri (built-in rules link to the README instead). */
  helpUri?: string;
  /** The rule file as the user names it (root-relative when inside the project), and the id's line. */
  source: { file: string; line: number; column: number };
  /** Absolute path of the rule file: its test cases sit beside it, in a folder named after it. */
  path: string;
  definition: DeclarativeRuleDefinition;
}

/** One or more problems in rule files or in where they are configured: a usage error (exit 2). */
export class RuleFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export const RULE_FILE_LIMITS = {
  maxFileBytes: 256 * 1024,
  maxRuleFiles: 2_000,
  /** Nesting of a `where`/`require` schema. */
  maxSchemaDepth: 32,
  /** Keys and items in one `where`/`require` schema. */
  maxSchemaNodes: 5_000,
  /** A schema that takes longer to compile than this is refused (it would slow every run). */
  maxCompileMilliseconds: 2_000,
};


const RULE_FILE_EXTENSIONS = /\.(ya?ml|json)$/i;
const TEMPLATE_PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const MESSAGE_NAMES = new Set(['value', 'property', 'error']);

let ruleFileSchema: { properties: Record<string, unknown> } | undefined;
let validateRuleFile: ValidateFunction | undefined;

function ruleSchema(): { properties: Record<string, unknown> } {
  ruleFileSchema ??= JSON.parse(readPackageFile('schemas/rule.schema.json')) as { properties: Record<string, unknown> };
  return ruleFileSchema;
}
let schemaAjv: Ajv | undefined;

/** Ajv for the teams' schemas: unknown keywords and formats are errors, nothing is fetched, no code is generated from rule text beyond Ajv's own. */
function userSchemaAjv(): Ajv {
  if (schemaAjv) return schemaAjv;
  schemaAjv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    // Rule authors write `properties` without `type: object` and `required` without `properties`.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // No loadSchema: a $ref that is not local is a compile error, never a download.
    validateFormats: true,
    // { maximum: { $data: '1/maxReplicas' } }: compare two values of the same object (a pointer into the data, nothing else).
    $data: true,
    // Patterns come with the pull request: those that can backtrack run under a time budget.
    code: { regExp: budgetedRegExp },
  });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(schemaAjv);
  return schemaAjv;
}

export interface LoadRuleOptions {
  /** Built-in rules (under rules/) may use the reserved categories, and their id must equal their path. */
  builtin?: boolean;
  /** The id relative to the rules folder (`ops/tracing-disabled`), checked for built-ins. */
  expectedId?: string;
  /** The project root: a rule file the project names must be a regular file inside it, after following links. */
  root?: string;
  /**
   * Categories of noops-lint's own rules (RuleRegistry.reserved()): a custom rule in one of them could collide with
   * a future built-in.
   */
  reservedCategories?: readonly string[];
}

/** Reads, validates and compiles one rule file; throws RuleFileError naming the file, line and key. */
export function loadRuleFile(absolute: string, displayName: string, options: LoadRuleOptions = {}): DeclarativeRule {
  let text: string;
  if (options.root !== undefined) {
    const read = readConfinedText(absolute, { root: options.root, maxBytes: RULE_FILE_LIMITS.maxFileBytes });
    if (!read.ok) throw new RuleFileError([`${displayName}: cannot read the rule file: ${read.reason}.`]);
    text = read.text;
  } else {
    try {
      const size = statSync(absolute).size;
      if (size > RULE_FILE_LIMITS.maxFileBytes) throw new RuleFileError([`${displayName}: a rule file is at most ${RULE_FILE_LIMITS.maxFileBytes / 1024} KB; this one is ${Math.ceil(size / 1024)} KB.`]);
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      if (error instanceof RuleFileError) throw error;
      throw new RuleFileError([`${displayName}: cannot read the rule file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`]);
    }
  }
  const rule = compileRule(parseRuleText(text, displayName, options), displayName);
  rule.path = absolute;
  return rule;
}

/** Parses and validates a rule file's text (YAML or JSON). */
export function parseRuleText(text: string, displayName: string, options: LoadRuleOptions = {}): { definition: DeclarativeRuleDefinition; document: Record<string, unknown> } {
  const parsed = parseYaml(text, displayName);
  if (!parsed.ok) throw new RuleFileError(parsed.findings.map((f) => `${displayName}:${f.location.line}:${f.location.column}: ${f.message}`));
  const tagProblems = parsed.findings.filter((f) => f.ruleId === 'input/unresolved' || f.severity !== 'note');
  if (tagProblems.length) {
    throw new RuleFileError(tagProblems.map((f) => `${displayName}:${f.location.line}:${f.location.column}: ${f.message.replace(/^Could not resolve the unknown YAML tag (\S+) in .*$/, 'YAML tags such as $1 are not allowed in rule files.')}`));
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RuleFileError([`${displayName}:1:1: a rule file holds one mapping with id, severity, description, help, target, require and message.`]);
  }
  validateRuleFile ??= new Ajv({ allErrors: true, strict: true }).compile(ruleSchema());
  if (!validateRuleFile(value)) {
    throw new RuleFileError(describeRuleFileErrors(validateRuleFile.errors ?? [], value, displayName));
  }
  const definition = value as unknown as DeclarativeRuleDefinition;
  const document = value as Record<string, unknown>;
  const problems: string[] = [];
  const at = (key: string) => where(displayName, locationOfValue(document, key) ?? locationOfKey(document, key));
  const [category] = definition.id.split('/') as [string];
  if (definition.category !== undefined && definition.category !== category) {
    problems.push(`${at('category')}: category "${definition.category}" must repeat the id's first segment, "${category}".`);
  }
  if (!options.builtin && options.reservedCategories?.includes(category)) {
    problems.push(`${at('id')}: "${definition.id}" uses noops-lint's own category "${category}"; give your rules a namespace of your own, for example "acme/${definition.id.split('/')[1]}".`);
  }
  if (options.expectedId !== undefined && options.expectedId !== definition.id) {
    problems.push(`${at('id')}: the id "${definition.id}" must equal the file's path, "${options.expectedId}".`);
  }
  for (const match of definition.message.matchAll(TEMPLATE_PLACEHOLDER)) {
    const name = match[1]!;
    const head = name.split('.')[0]!;
    if (MESSAGE_NAMES.has(name) || ((head === definition.target || head === 'value') && name.length > head.length + 1)) continue;
    problems.push(`${at('message')}: unknown placeholder {{${name}}} in message; use {{${definition.target}.<field>}}, {{value}} (or {{value.<field>}}), {{property}} or {{error}}.`);
  }
  for (const key of ['where', 'require'] as const) {
    const schema = definition[key];
    if (schema !== undefined) problems.push(...unsafeSchemaProblems(schema, key, document, displayName));
  }
  if (problems.length) throw new RuleFileError(problems);
  return { definition, document };
}

/** Compiles a validated rule file into a Rule. */
export function compileRule(parsed: { definition: DeclarativeRuleDefinition; document: Record<string, unknown> }, displayName: string): DeclarativeRule {
  const { definition, document } = parsed;
  const require = compileSchema(definition.require, 'require', document, displayName);
  const whereSchema = definition.where === undefined ? undefined : compileSchema(definition.where, 'where', document, displayName);
  const idLocation = locationOfValue(document, 'id');
  const rule: DeclarativeRule = {
    id: definition.id,
    category: definition.id.split('/')[0]!,
    severity: definition.severity,
    description: definition.description,
    fullDescription: definition.fullDescription ?? definition.description,
    help: definition.help,
    ...(definition.helpUri ? { helpUri: definition.helpUri } : {}),
    ...(definition.securitySeverity !== undefined ? { securitySeverity: definition.securitySeverity } : {}),
    precision: definition.precision ?? 'high',
    tags: definition.tags ?? [],
    messages: { violation: '{{message}}' },
    defaultOptions: {},
    source: { file: displayName, line: idLocation?.line ?? 1, column: idLocation?.column ?? 1 },
    path: displayName,
    definition,
    check(context) {
      checkViews(rule, context, whereSchema, require);
    },
  };
  return rule;
}

function checkViews(rule: DeclarativeRule, context: RuleContext<Record<string, never>, 'violation'>, where: ValidateFunction | undefined, require: ValidateFunction): void {
  const { definition } = rule;
  for (const view of viewsOf(definition.target, context.project, context.analysis)) {
    if (definition.resourceTypes && !matchesResourceType(view.data.type, definition.resourceTypes)) continue;
    // `where` sees an Unresolved value as `{ unresolved }` like `require` does; only require's failures at one are dropped.
    try {
      if (where && !where(view.data)) continue;
      if (require(view.data)) continue;
    } catch (error) {
      if (!(error instanceof PatternBudgetExceeded)) throw error;
      // A pattern that backtracks ran out of time on this value: say so instead of guessing either way.
      context.reportLimit({
        at: view.location,
        key: `${view.key}|pattern-budget`,
        message: `Not checked: ${error.message} on ${definition.target} ${quote(targetName(view))} (it backtracks), so ${rule.id} did not judge it. Rewrite the pattern without a repeated group such as (\\w+\\s?)+.`,
        ...(view.functionName ? { function: view.functionName } : {}),
      });
      continue;
    }
    for (const violation of violationsOf(require.errors ?? [], view)) {
      const related = violation.location.file !== view.location.file || violation.location.line !== view.location.line
        ? [{ location: view.location, message: `${definition.target} ${targetName(view)} is defined here` }]
        : [];
      context.report({
        messageId: 'violation',
        at: violation.location,
        key: `${view.key}|${violation.key}`,
        data: { message: renderMessage(definition.message, view, violation) },
        related,
        ...(view.functionName ? { function: view.functionName } : {}),
      });
    }
  }
}

function matchesResourceType(type: JsonValue | undefined, patterns: string[]): boolean {
  if (typeof type !== 'string') return false;
  return patterns.some((p) => (p.endsWith('::*') ? type.startsWith(p.slice(0, -1)) : p === type));
}

// ---------------------------------------------------------------------------------------------
// Ajv errors to findings

export interface Violation {
  /** Where the failing value is (for a missing property: the object that lacks it). */
  pointer: string;
  /** Logical identity inside the target: array indices replaced by the item's name where it has one. */
  key: string;
  location: Location;
  error: ErrorObject;
}

/**
 * One violation per failing place. Branch errors of anyOf/oneOf fold into the combinator's own error, the
 * `if` error into its `then` errors, and anything at or under an Unresolved value or intrinsic is dropped.
 */
export function violationsOf(errors: ErrorObject[], view: RuleView): Violation[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const out: Violation[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, error: ErrorObject, missing?: string) => {
    if (isUnjudged(pointer, view.unjudged)) return;
    const id = missing === undefined ? pointer : `${pointer}/${missing}`;
    if (seen.has(id)) return;
    seen.add(id);
    const key = [stableKey(view.data, pointer), missing].filter((part) => part).join('/');
    out.push({ pointer, key, location: nearestLocation(pointer, view), error });
  };
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (combinators.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    if (error.keyword === 'required') {
      add(error.instancePath, error, String((error.params as { missingProperty: string }).missingProperty));
      continue;
    }
    if (error.keyword === 'additionalProperties') {
      add(`${error.instancePath}/${escape(String((error.params as { additionalProperty: string }).additionalProperty))}`, error);
      continue;
    }
    const items = notContainsItems(error);
    if (items) {
      for (const index of items) add(`${error.instancePath}/${index}`, error);
      if (items.length) continue;
    }
    add(error.instancePath, error);
  }
  return out;
}

const containsValidators = new WeakMap<object, ValidateFunction | null>();

/** `not: { contains: X }` on an array: the items matching X, so each gets its own finding at its own line. */
function notContainsItems(error: ErrorObject): number[] | undefined {
  if (error.keyword !== 'not' || !Array.isArray(error.data)) return undefined;
  const schema = error.schema as Record<string, unknown> | undefined;
  const contains = schema && typeof schema === 'object' ? schema.contains : undefined;
  if (contains === undefined || contains === null || typeof contains !== 'object') return undefined;
  let validate = containsValidators.get(contains);
  if (validate === undefined) {
    try {
      validate = userSchemaAjv().compile(contains as object);
    } catch {
      validate = null; // a local $ref relative to the whole schema: report the array as a whole
    }
    containsValidators.set(contains, validate);
  }
  if (!validate) return undefined;
  const matching: number[] = [];
  (error.data as unknown[]).forEach((item, index) => {
    if (validate(item)) matching.push(index);
  });
  return matching;
}

function isUnjudged(pointer: string, unjudged: Set<string>): boolean {
  for (const p of unjudged) if (pointer === p || pointer.startsWith(`${p}/`)) return true;
  return false;
}

function nearestLocation(pointer: string, view: RuleView): Location {
  let p = pointer;
  for (;;) {
    const location = view.locations.get(p);
    if (location) return location;
    if (p === '') return view.location;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function stableKey(data: JsonValue, pointer: string): string {
  const segments = pointer.split('/').slice(1);
  const out: string[] = [];
  let node: JsonValue | undefined = data;
  for (const raw of segments) {
    const segment = unescapePointer(raw);
    if (Array.isArray(node)) {
      const item: JsonValue | undefined = node[Number(segment)];
      out.push(itemName(item) ?? segment);
      node = item;
    } else {
      out.push(segment);
      node = node !== null && typeof node === 'object' ? node[segment] : undefined;
    }
  }
  return out.join('/');
}

function itemName(item: JsonValue | undefined): string | undefined {
  if (typeof item === 'string') return item;
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    for (const key of ['name', 'action', 'logicalId', 'type']) if (typeof item[key] === 'string') return `${item[key]}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Messages

function renderMessage(template: string, view: RuleView, violation: Violation): string {
  return template.replace(TEMPLATE_PLACEHOLDER, (_whole, name: string) => {
    if (name === 'value') return describe(valueAt(view.data, violation.pointer));
    if (name === 'property') return propertyPath(violation);
    if (name === 'error') return errorText(violation);
    const [head, ...field] = name.split('.').map(escape);
    // {{value.action}}: a field of the failing item; {{function.name}}: a field of the target.
    return describe(valueAt(view.data, `${head === 'value' ? violation.pointer : ''}/${field.join('/')}`));
  });
}

function propertyPath(violation: Violation): string {
  const segments = violation.pointer.split('/').slice(1).map(unescapePointer);
  const missing = violation.error.keyword === 'required' ? [String((violation.error.params as { missingProperty: string }).missingProperty)] : [];
  return [...segments, ...missing].reduce((text, s) => (/^\d+$/.test(s) ? `${text}[${s}]` : text ? `${text}.${s}` : s), '') || '(the object)';
}

function errorText(violation: Violation): string {
  const property = propertyPath(violation);
  const e = violation.error;
  switch (e.keyword) {
    case 'required':
      return `${property} is not set`;
    case 'not':
      return `${property} (${describe(e.data as JsonValue)}) is not allowed`;
    case 'additionalProperties':
      return `${property} is not allowed`;
    default:
      return `${property} ${e.message ?? 'is invalid'}`;
  }
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return '(not set)';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(describe).join(', ') || '(none)';
  if (typeof value.unresolved === 'string' && Object.keys(value).length === 1) return value.unresolved;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function targetName(view: RuleView): string {
  const name = view.data.name ?? view.data.logicalId ?? view.data.path;
  return typeof name === 'string' ? name : view.key;
}

// ---------------------------------------------------------------------------------------------
// Rule file validation

function compileSchema(schema: Record<string, unknown>, key: 'where' | 'require', document: Record<string, unknown>, displayName: string): ValidateFunction {
  const ajv = userSchemaAjv();
  if (!ajv.validateSchema(schema)) {
    // One problem per place: with $data on, a bad `maximum` also fails the "or a $data reference" branch.
    const firstPerPlace = (ajv.errors ?? []).filter((e, i, all) => all.findIndex((o) => o.instancePath === e.instancePath) === i);
    throw new RuleFileError(firstPerPlace.slice(0, 5).map((e) => {
      const pointer = e.instancePath;
      return `${where(displayName, locateInSchema(schema, pointer, document, key))}: ${key}${dotted(pointer)} ${e.message ?? 'is invalid'} (not a valid JSON Schema).`;
    }));
  }
  const started = performance.now();
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /unknown (keyword|format): "([^"]+)"/.exec(message) ?? /unknown format "([^"]+)"/.exec(message);
    if (unknown) {
      const name = unknown[2] ?? unknown[1]!;
      const found = findKey(schema, unknown[1] === 'keyword' ? name : 'format', unknown[1] === 'keyword' ? undefined : name);
      const loc = found ? locationOfKey(found.parent, found.key) : locationOfKey(document, key);
      const what = unknown[1] === 'keyword' ? `unknown JSON Schema keyword "${name}"` : `unknown format "${name}"`;
      throw new RuleFileError([`${where(displayName, loc)}: ${what} in ${key}${found ? dotted(found.pointer) : ''}. Check its spelling (JSON Schema draft-07 keywords and ajv-formats formats).`]);
    }
    throw new RuleFileError([`${where(displayName, locationOfKey(document, key))}: ${key} does not compile: ${message}.`]);
  }
  const took = performance.now() - started;
  if (took > RULE_FILE_LIMITS.maxCompileMilliseconds) {
    throw new RuleFileError([`${where(displayName, locationOfKey(document, key))}: ${key} took ${Math.round(took)} ms to compile (limit ${RULE_FILE_LIMITS.maxCompileMilliseconds} ms); simplify it or split the rule.`]);
  }
  return validate;
}

/** Rule files are data: no remote or file $ref, no $id, no async schemas; bounded size and nesting. */
function unsafeSchemaProblems(schema: Record<string, unknown>, key: string, document: Record<string, unknown>, displayName: string): string[] {
  const problems: string[] = [];
  let nodes = 0;
  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (problems.length >= 5 || node === null || typeof node !== 'object') return;
    nodes += 1;
    if (depth > RULE_FILE_LIMITS.maxSchemaDepth) {
      problems.push(`${where(displayName, locationOf(node) ?? locationOfKey(document, key))}: ${key} is nested more than ${RULE_FILE_LIMITS.maxSchemaDepth} levels deep; split the rule.`);
      return;
    }
    if (nodes > RULE_FILE_LIMITS.maxSchemaNodes) {
      if (nodes === RULE_FILE_LIMITS.maxSchemaNodes + 1) problems.push(`${where(displayName, locationOfKey(document, key))}: ${key} has more than ${RULE_FILE_LIMITS.maxSchemaNodes} parts; split the rule.`);
      return;
    }
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
    for (const [k, v] of entries) {
      const here = `${pointer}/${escape(k)}`;
      if (!Array.isArray(node)) {
        const loc = () => where(displayName, locationOfKey(node, k));
        if (k === '$ref' && (typeof v !== 'string' || !v.startsWith('#'))) {
          problems.push(`${loc()}: ${key}${dotted(here)} refers to ${JSON.stringify(v)}; rule files may only use local references such as "#/definitions/name" (nothing is fetched or read).`);
        } else if (k === '$id' || k === '$async' || k === '$dynamicRef' || k === '$recursiveRef') {
          problems.push(`${loc()}: ${key}${dotted(here)}: "${k}" is not allowed in rule files.`);
        } else if (k === 'pattern' && typeof v === 'string' && hasNestedQuantifier(v)) {
          problems.push(`${loc()}: ${key}${dotted(here)} ${JSON.stringify(v)} repeats a repeated group, which can take exponential time; write it without the nesting (e.g. "^a+$" rather than "^(a+)+$").`);
        }
      }
      visit(v, here, depth + 1);
    }
  };
  visit(schema, '', 0);
  return problems;
}

/** `(a+)+`, `(\w*)*`, `([a-z]+){2,}`: a repeated group whose only content is a repeated atom, the textbook ReDoS shape. */
function hasNestedQuantifier(pattern: string): boolean {
  return /\((?:\?:)?(?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\|])[+*]\)(?:[+*]|\{\d+,)/.test(pattern);
}

function findKey(node: unknown, key: string, value?: string, pointer = ''): { parent: object; key: string; pointer: string } | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, key) && (value === undefined || (node as Record<string, unknown>)[key] === value)) {
    return { parent: node, key, pointer: `${pointer}/${escape(key)}` };
  }
  const entries: [string, unknown][] = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
  for (const [k, v] of entries) {
    const found = findKey(v, key, value, `${pointer}/${escape(k)}`);
    if (found) return found;
  }
  return undefined;
}

function locateInSchema(schema: unknown, pointer: string, document: Record<string, unknown>, key: string): Location | undefined {
  let parent: unknown = schema;
  let location = locationOfKey(document, key);
  for (const raw of pointer.split('/').slice(1)) {
    const segment = unescapePointer(raw);
    const k: string | number = Array.isArray(parent) ? Number(segment) : segment;
    location = locationOfValue(parent, k) ?? locationOfKey(parent, k) ?? location;
    parent = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[segment] : undefined;
  }
  return location;
}

function describeRuleFileErrors(errors: ErrorObject[], value: unknown, displayName: string): string[] {
  const problems: string[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
    const container = segments.slice(0, -1).reduce<unknown>((node, s) => (node as Record<string, unknown>)?.[s], value);
    const last = segments[segments.length - 1];
    const key = segments.join('.');
    const valueLoc = last === undefined ? locationOf(value) : (locationOfValue(container, Array.isArray(container) ? Number(last) : last) ?? locationOfKey(container, last));
    switch (error.keyword) {
      case 'additionalProperties': {
        const extra = String((error.params as { additionalProperty: string }).additionalProperty);
        const node = segments.reduce<unknown>((n, s) => (n as Record<string, unknown>)?.[s], value);
        problems.push(`${where(displayName, locationOfKey(node, extra))}: unknown key "${[...segments, extra].join('.')}" in a noops-lint rule. Allowed keys: ${Object.keys(ruleSchema().properties).filter((k) => k !== '$schema').join(', ')}.`);
        break;
      }
      case 'required':
        problems.push(`${where(displayName, { ...(locationOf(value) ?? { file: displayName, line: 1, column: 1, endLine: 1, endColumn: 1 }) })}: the rule has no "${String((error.params as { missingProperty: string }).missingProperty)}"; a rule needs id, severity, description, help, target, require and message.`);
        break;
      case 'enum':
      case 'const': {
        const allowed = (error.params as { allowedValues?: unknown[]; allowedValue?: unknown }).allowedValues ?? [(error.params as { allowedValue?: unknown }).allowedValue];
        const hint = key === 'target' && segments.length === 1 ? ' (resourceTypes needs target: resource)' : '';
        problems.push(`${where(displayName, valueLoc)}: "${key}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}${hint}.`);
        break;
      }
      case 'pattern':
        problems.push(`${where(displayName, valueLoc)}: "${key}" ${key === 'id' ? 'must look like "acme/tracing-required" (lower-case namespace/name)' : `does not match ${String((error.params as { pattern: string }).pattern)}`}.`);
        break;
      case 'type':
        problems.push(`${where(displayName, valueLoc)}: "${key}" must be ${key === 'where' || key === 'require' ? 'a JSON Schema (a mapping)' : `a ${String((error.params as { type: string }).type)}`}.`);
        break;
      default:
        problems.push(`${where(displayName, valueLoc)}: "${key || '(top level)'}" ${error.message ?? 'is invalid'}.`);
    }
  }
  return [...new Set(problems)];
}

function where(displayName: string, location: Location | undefined): string {
  return location ? `${displayName}:${location.line}:${location.column}` : displayName;
}

function dotted(pointer: string): string {
  return pointer.split('/').slice(1).map(unescapePointer).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

// ---------------------------------------------------------------------------------------------
// Finding rule files

export interface RuleFileEntry {
  absolute: string;
  /** Path inside the folder that was searched (`acme/no-scan.yaml`). */
  relative: string;
}

/**
 * Rule files under a folder, sorted. A folder named like a rule file (`no-scan/` beside `no-scan.yaml`) holds
 * that rule's test cases and is not searched; symbolic links, dot-folders and node_modules are skipped.
 */
export function findRuleFiles(dir: string): RuleFileEntry[] {
  const out: RuleFileEntry[] = [];
  const walk = (abs: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch {
      return;
    }
    const stems = new Set(names.filter((n) => RULE_FILE_EXTENSIONS.test(n)).map((n) => n.replace(RULE_FILE_EXTENSIONS, '')));
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const childAbs = path.join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(childAbs);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) {
        if (!stems.has(name)) walk(childAbs, childRel);
      } else if (stat.isFile() && RULE_FILE_EXTENSIONS.test(name)) {
        out.push({ absolute: childAbs, relative: childRel });
        if (out.length > RULE_FILE_LIMITS.maxRuleFiles) throw new RuleFileError([`${dir}: more than ${RULE_FILE_LIMITS.maxRuleFiles} rule files.`]);
      }
    }
  };
  walk(dir, '');
  return out;
}

/** Loads every rule file under a folder (or one file), collecting all problems into one RuleFileError. */
export function loadRuleDirectory(target: string, displayBase: (absolute: string) => string, options: LoadRuleOptions = {}): DeclarativeRule[] {
  const { rules, problems } = collectRuleDirectory(target, displayBase, options);
  if (problems.length) throw new RuleFileError(problems);
  return rules;
}

/** The rule files under a folder that load, and the problems of those that do not. */
export function collectRuleDirectory(target: string, displayBase: (absolute: string) => string, options: LoadRuleOptions = {}): { rules: DeclarativeRule[]; problems: string[] } {
  const entries = statSync(target).isDirectory() ? findRuleFiles(target) : [{ absolute: target, relative: path.basename(target) }];
  const rules: DeclarativeRule[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    try {
      const expectedId = options.builtin ? entry.relative.replace(RULE_FILE_EXTENSIONS, '') : undefined;
      rules.push(loadRuleFile(entry.absolute, displayBase(entry.absolute), { ...options, ...(expectedId ? { expectedId } : {}) }));
    } catch (error) {
      if (!(error instanceof RuleFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  return { rules, problems };
}

export interface CustomRuleSources {
  /** Absolute project root: `.noops-lint/rules/` is read from it and npm packages are resolved from it. */
  root: string;
  /** Absolute folder relative paths in the config are resolved from (the config file's folder; default: root). */
  baseDir?: string;
  /** The config file as shown in messages. */
  configName?: string;
  /** `rulePaths` from the config: folders or files of rule files. */
  rulePaths?: string[];
  /** `extends` from the config: a path to a rule pack, or an installed npm package's name. */
  extends?: string[];
  /** Ids and categories a custom rule may not take (noops-lint's own: RuleRegistry.reserved()). */
  reserved?: ReservedNames;
}

export const LOCAL_RULES_DIR = '.noops-lint/rules';

/**
 * The team's rules: `.noops-lint/rules/`, the config's `rulePaths`, then each `extends` pack. Rule files are
 * only read, never executed; an npm package is located, not imported.
 */
export function loadCustomRules(sources: CustomRuleSources): DeclarativeRule[] {
  const baseDir = sources.baseDir ?? sources.root;
  const config = sources.configName ?? 'the configuration';
  const display = (absolute: string): string => {
    const rel = path.relative(sources.root, absolute);
    if (rel === '') return '.';
    return !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : absolute;
  };
  const targets: string[] = [];
  const problems: string[] = [];
  const local = path.join(sources.root, ...LOCAL_RULES_DIR.split('/'));
  if (existsSync(local)) {
    // The folder comes with the checkout: a link out of the project is refused like any other path.
    const where = confinedRealPath(local, sources.root);
    if (!where.ok) problems.push(`${LOCAL_RULES_DIR}: ${where.reason}.`);
    else if (statSync(where.real).isDirectory()) targets.push(local);
  }
  for (const entry of sources.rulePaths ?? []) {
    const abs = path.resolve(baseDir, entry);
    const where = confinedRealPath(abs, sources.root);
    if (!existsSync(abs)) problems.push(`${config}: rulePaths entry ${quote(entry)} does not exist (resolved from ${display(baseDir)}).`);
    else if (!where.ok) problems.push(`${config}: rulePaths entry ${quote(entry)} is refused: ${where.reason}.`);
    else targets.push(abs);
  }
  for (const entry of sources.extends ?? []) {
    try {
      targets.push(resolveRulePack(entry, sources.root, baseDir));
    } catch (error) {
      if (!(error instanceof RuleFileError)) throw error;
      problems.push(...error.problems.map((p) => `${config}: ${p}`));
    }
  }
  const rules: DeclarativeRule[] = [];
  const seenTargets = new Set<string>();
  for (const target of targets) {
    const real = safeRealpath(target);
    if (seenTargets.has(real)) continue;
    seenTargets.add(real);
    const collected = collectRuleDirectory(target, display, { root: sources.root, reservedCategories: sources.reserved?.categories });
    rules.push(...collected.rules);
    problems.push(...collected.problems);
  }
  problems.push(...ruleIdProblems(rules, sources.reserved?.ids));
  if (problems.length) throw new RuleFileError(problems);
  return [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Ids taken twice, or taken from a built-in rule. */
export function ruleIdProblems(rules: DeclarativeRule[], reservedIds: Iterable<string> = []): string[] {
  const reserved = new Set(reservedIds);
  const byId = new Map<string, DeclarativeRule>();
  const problems: string[] = [];
  for (const rule of rules) {
    const other = byId.get(rule.id);
    const at = `${rule.source.file}:${rule.source.line}:${rule.source.column}`;
    if (reserved.has(rule.id)) problems.push(`${at}: "${rule.id}" is a built-in rule id; choose another.`);
    else if (other) problems.push(`${at}: the rule id "${rule.id}" is also defined in ${other.source.file}.`);
    else byId.set(rule.id, rule);
  }
  return problems;
}

const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * A rule pack named in `extends`: a path (./policies, ../shared/rules) from the config's folder, or an npm
 * package installed for the project. A package's rules are in the folder its package.json names under
 * `noopsLint.rules` (default `rules/`); only that folder is read and nothing of the package runs.
 */
export function resolveRulePack(spec: string, root: string, baseDir: string): string {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const abs = path.resolve(baseDir, spec);
    if (!existsSync(abs)) throw new RuleFileError([`extends ${quote(spec)} does not exist.`]);
    const where = confinedRealPath(abs, root);
    if (!where.ok) throw new RuleFileError([`extends ${quote(spec)} is refused: ${where.reason}.`]);
    return abs;
  }
  if (!NPM_NAME.test(spec)) throw new RuleFileError([`extends "${spec}" is neither a path (start it with ./) nor an npm package name.`]);
  const lookup = createRequire(path.join(root, 'package.json')).resolve.paths(spec) ?? [];
  for (const dir of lookup) {
    const packageDir = path.join(dir, ...spec.split('/'));
    const manifest = path.join(packageDir, 'package.json');
    if (!existsSync(manifest)) continue;
    // Only packages installed inside the project: node_modules above it, or a link out of it, belong to someone else.
    if (!confinedRealPath(packageDir, root).ok) continue;
    let folder = 'rules';
    try {
      const read = readConfinedText(manifest, { root, maxBytes: RULE_FILE_LIMITS.maxFileBytes });
      if (!read.ok) throw new SyntaxError(read.reason);
      const json = JSON.parse(read.text) as { noopsLint?: { rules?: unknown } };
      if (typeof json.noopsLint?.rules === 'string') folder = json.noopsLint.rules;
    } catch {
      throw new RuleFileError([`extends "${spec}": ${manifest} is not valid JSON.`]);
    }
    const rulesDir = path.resolve(packageDir, folder);
    const realPackage = safeRealpath(packageDir);
    const realRules = safeRealpath(rulesDir);
    const inside = path.relative(realPackage, realRules);
    if (inside.startsWith('..') || path.isAbsolute(inside)) throw new RuleFileError([`extends "${spec}": its rules folder "${folder}" is outside the package.`]);
    if (!existsSync(rulesDir)) throw new RuleFileError([`extends "${spec}": the package has no "${folder}" folder of rule files (set "noopsLint": { "rules": "<folder>" } in its package.json).`]);
    return rulesDir;
  }
  throw new RuleFileError([`extends "${spec}": cannot find the npm package in the project's node_modules; install it (npm install --save-dev ${spec}) or fix the name.`]);
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export { RULE_TARGETS };
