// Finds, reads and validates the configuration file (.noops-lint.yaml and friends).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { readConfinedText } from '../load/confined-file.js';
import { parseYaml } from '../load/yaml.js';
import { locationOfKey, locationOfValue } from '../model/positions.js';
import type { Severity } from '../model/finding.js';
import { readPackageFile } from '../util/package-root.js';

export const CONFIG_FILE_NAMES = [
  '.noops-lint.yaml',
  '.noops-lint.yml',
  '.noops-lint.json',
  'noops-lint.config.yaml',
  'noops-lint.config.yml',
  'noops-lint.config.json',
  '.noops-lintrc',
];

export type RuleSetting = { severity: Severity | 'off'; options?: Record<string, unknown> };

export interface Config {
  /** Absolute path of the file it came from, if any. */
  file?: string;
  rules: Record<string, RuleSetting>;
  ignores: string[];
  failOn?: Severity | 'never';
  /** Build output folders and packaged templates: skipped with a note (default) or checked like source. */
  buildOutput?: 'skip' | 'check';
  stage?: string;
  region?: string;
  /** Custom rule files and folders, relative to the configuration file. */
  rulePaths: string[];
  /** Shared rule packs: paths or npm package names. */
  extends: string[];
  /**
   * The built-in preset (`extends: noops-lint:recommended`, the default, or `noops-lint:strict`): strict also runs
   * the rules that are off in the recommended set (`ops/tracing-disabled`).
   */
  preset?: Preset;
}

export type Preset = 'recommended' | 'strict';
/** `extends` entries naming a built-in preset. */
export const PRESETS: Record<string, Preset> = { 'noops-lint:recommended': 'recommended', 'noops-lint:strict': 'strict', 'noops-lint:all': 'strict' };

export class ConfigError extends Error {}

export const EMPTY_CONFIG: Config = { rules: {}, ignores: [], rulePaths: [], extends: [] };

/** Looks for a config file in `start` and its parents, not above the git top-level (or `start` outside git). */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir || !isInsideGitRepo(parent)) return undefined;
    dir = parent;
  }
}

function isInsideGitRepo(dir: string): boolean {
  let d = dir;
  for (;;) {
    if (existsSync(path.join(d, '.git'))) return true;
    const parent = path.dirname(d);
    if (parent === d) return false;
    d = parent;
  }
}

let validateConfig: ReturnType<Ajv['compile']> | undefined;

/** Wildcards (`*`, `**` counting once) in one `ignores` glob. */
export const MAX_IGNORE_WILDCARDS = 4;

/** A configuration file is a few KB; a bigger one is refused before it is read. */
const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * Reads and validates a configuration file. With `root`, a file inside the project must stay inside it after
 * following links (a committed `.noops-lint.yaml` may be a link to a secret elsewhere on the runner).
 */
export function loadConfigFile(file: string, displayName = file, root?: string): Config {
  let text: string;
  if (root !== undefined) {
    const read = readConfinedText(file, { root, maxBytes: CONFIG_MAX_BYTES, allowOutside: true });
    if (!read.ok) throw new ConfigError(`Cannot read the configuration file ${displayName}: ${read.reason}.`);
    text = read.text;
  } else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`Cannot read the configuration file ${displayName}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
  }
  const parsed = parseYaml(text, displayName);
  if (!parsed.ok) throw new ConfigError(parsed.findings.map((f) => `${displayName}:${f.location.line}:${f.location.column}: ${f.message}`).join('\n'));
  return parseConfig(parsed.value ?? {}, displayName, file);
}

export function parseConfig(value: unknown, displayName: string, file?: string): Config {
  validateConfig ??= new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readPackageFile('schemas/config.schema.json')));
  if (!validateConfig(value)) {
    const error = (validateConfig.errors ?? [])[0]!;
    throw new ConfigError(describeConfigError(error, value, displayName));
  }
  const raw = value as Record<string, unknown>;
  for (const [index, pattern] of ((raw.ignores as string[] | undefined) ?? []).entries()) {
    // Glob matching backtracks: each wildcard multiplies the work on a long path (`a*a*a*a*a*a*a*a*a*a*b` hangs).
    const wildcards = pattern.replace(/\*{2,}/g, '*').split('*').length - 1;
    if (wildcards > MAX_IGNORE_WILDCARDS) {
      throw new ConfigError(`${displayName}: ignores[${index}] has ${wildcards} wildcards; at most ${MAX_IGNORE_WILDCARDS} are allowed in one pattern (split it into several).`);
    }
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries((raw.rules ?? {}) as Record<string, unknown>)) {
    rules[id] = typeof setting === 'string' ? { severity: setting as RuleSetting['severity'] } : (setting as RuleSetting);
  }
  return {
    file,
    rules,
    ignores: (raw.ignores as string[] | undefined) ?? [],
    failOn: raw.failOn as Config['failOn'],
    ...(raw.buildOutput !== undefined ? { buildOutput: raw.buildOutput as Config['buildOutput'] } : {}),
    stage: raw.stage as string | undefined,
    region: raw.region as string | undefined,
    rulePaths: (raw.rulePaths as string[] | undefined) ?? [],
    ...splitExtends(typeof raw.extends === 'string' ? [raw.extends] : ((raw.extends as string[] | undefined) ?? []), file),
  };
}

/** The built-in preset named in `extends` (the strictest wins), and the rule packs it names besides. */
function splitExtends(entries: string[], file: string | undefined): { extends: string[]; preset?: Preset } {
  let preset: Preset | undefined;
  const packs: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith('noops-lint:')) {
      packs.push(entry);
      continue;
    }
    const named = Object.hasOwn(PRESETS, entry) ? PRESETS[entry] : undefined;
    if (!named) throw new ConfigError(`${file ?? 'The configuration'}: extends names ${JSON.stringify(entry)}, which is not a preset; use noops-lint:recommended or noops-lint:strict.`);
    if (preset !== 'strict') preset = named;
  }
  return preset ? { extends: packs, preset } : { extends: packs };
}

/** Turns an Ajv error into one sentence naming the key, its line, and what is allowed. */
function describeConfigError(error: ErrorObject, value: unknown, displayName: string): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent: unknown = value;
  for (const s of segments.slice(0, -1)) parent = (parent as Record<string, unknown>)?.[s];
  const last = segments[segments.length - 1];
  let where = displayName;
  let key = segments.join('.') || '(top level)';
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const container = segments.reduce<unknown>((node, s) => (node as Record<string, unknown>)?.[s], value);
    const loc = locationOfKey(container, extra);
    if (loc) where = `${displayName}:${loc.line}:${loc.column}`;
    key = [...segments, extra].join('.');
    const allowed = segments.length === 0 ? 'rules, ignores, failOn, buildOutput, stage, region, rulePaths, extends' : 'severity, options';
    return `${where}: unknown key "${key}" in the noops-lint configuration. Allowed keys here: ${allowed}.`;
  }
  if (last !== undefined) {
    const loc = locationOfValue(parent, last) ?? locationOfKey(parent, last);
    if (loc) where = `${displayName}:${loc.line}:${loc.column}`;
  }
  if (error.keyword === 'pattern' || error.keyword === 'propertyNames') {
    return `${where}: "${key}" is not a rule id; rule ids look like "iam/wildcard-action".`;
  }
  if (key.startsWith('rules.')) {
    return `${where}: "${key}" must be "off", "error", "warning", "note" or { severity, options }.`;
  }
  return `${where}: "${key}" ${error.message ?? 'is invalid'}.`;
}
