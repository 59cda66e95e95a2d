// Finds, reads and validates the configuration file (.noops-lint.yaml and friends).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { readConfinedText } from '../load/confined-file.js';
import { parseYaml } from '../load/yaml.js';
import { locationOf, locationOfKey, locationOfValue } from '../model/positions.js';
import { closest } from '../util/closest.js';
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

export type RuleSetting = { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface Config {
  /** Absolute path of the file it came from, if any. */
  file?: string;
  /** The file as messages name it (relative to the project root). */
  display?: string;
  rules: Record<string, RuleSetting>;
  /** Where each rule id is written in the file, for messages about it. */
  rulePositions?: Record<string, { line: number; column: number }>;
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

/** The config's `rulePaths` hold custom rules and their test cases, which are not part of the project: lint and fix leave them out. */
export function withRuleFoldersIgnored(root: string, config: Config): Config {
  if (!config.rulePaths?.length) return config;
  const base = config.file ? path.dirname(config.file) : root;
  const folders = config.rulePaths
    .map((p) => path.relative(root, path.resolve(base, p)).split(path.sep).join('/'))
    .filter((rel) => rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel));
  return folders.length ? { ...config, ignores: [...config.ignores, ...folders.flatMap((rel) => [rel, `${rel}/**`])] } : config;
}

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
  // Every problem of the file at once, each with its line, key and what is allowed (ESLint stops at none either).
  const problems = validateConfig(value) ? [] : describeConfigErrors(validateConfig.errors ?? [], value, displayName);
  const raw = (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  for (const [index, pattern] of (Array.isArray(raw.ignores) ? raw.ignores : []).entries()) {
    if (typeof pattern !== 'string') continue;
    // Glob matching backtracks: each wildcard multiplies the work on a long path (`a*a*a*a*a*a*a*a*a*a*b` hangs).
    const wildcards = pattern.replace(/\*{2,}/g, '*').split('*').length - 1;
    if (wildcards > MAX_IGNORE_WILDCARDS) {
      problems.push(`${at(displayName, locationOfValue(raw.ignores, index))}: ignores[${index}] has ${wildcards} wildcards; at most ${MAX_IGNORE_WILDCARDS} are allowed in one pattern (split it into several).`);
    }
  }
  const presetProblems: string[] = [];
  const extendsList = typeof raw.extends === 'string' ? [raw.extends] : Array.isArray(raw.extends) ? raw.extends.filter((e): e is string => typeof e === 'string') : [];
  const split = splitExtends(extendsList, presetProblems);
  problems.push(...presetProblems.map((problem) => `${at(displayName, locationOfKey(raw, 'extends'))}: ${problem}`));
  if (problems.length > 0) throw new ConfigError(problemList(displayName, sortByLine(displayName, problems)));

  const rules: Record<string, RuleSetting> = {};
  const rulePositions: Record<string, { line: number; column: number }> = {};
  for (const [id, setting] of Object.entries((raw.rules ?? {}) as Record<string, unknown>)) {
    rules[id] = normalizeRuleSetting(setting);
    const where = locationOfKey(raw.rules, id);
    if (where) rulePositions[id] = { line: where.line, column: where.column };
  }
  return {
    file,
    display: displayName,
    rules,
    rulePositions,
    ignores: (raw.ignores as string[] | undefined) ?? [],
    failOn: raw.failOn as Config['failOn'],
    ...(raw.buildOutput !== undefined ? { buildOutput: raw.buildOutput as Config['buildOutput'] } : {}),
    stage: raw.stage as string | undefined,
    region: raw.region as string | undefined,
    rulePaths: (raw.rulePaths as string[] | undefined) ?? [],
    ...split,
  };
}

/** The severity words a rule setting may use: noops-lint's, and ESLint's (`warn`, `0`/`1`/`2`). */
export const SEVERITY_WORDS: Readonly<Record<string, RuleSetting['severity']>> = {
  off: 'off',
  note: 'note',
  warning: 'warning',
  error: 'error',
  warn: 'warning',
  '0': 'off',
  '1': 'warning',
  '2': 'error',
};

/** `warning`, `warn`, `1`, `[warn, { options }]` or `{ severity, options }`, as one shape. */
function normalizeRuleSetting(setting: unknown): RuleSetting {
  if (typeof setting === 'string' || typeof setting === 'number') return { severity: SEVERITY_WORDS[String(setting)]! };
  if (Array.isArray(setting)) {
    const [severity, options] = setting as [string | number, Record<string, unknown> | undefined];
    return { severity: SEVERITY_WORDS[String(severity)]!, ...(options !== undefined ? { options } : {}) };
  }
  const object = setting as { severity?: string | number; options?: Record<string, unknown> };
  return { ...(object.severity !== undefined ? { severity: SEVERITY_WORDS[String(object.severity)]! } : {}), ...(object.options !== undefined ? { options: object.options } : {}) };
}

/** The message of several problems: one line each, after a line that counts them. */
export function problemList(displayName: string, problems: string[]): string {
  if (problems.length === 1) return problems[0]!;
  return [`${displayName} has ${problems.length} problems:`, ...problems.map((problem) => `  ${problem}`)].join('\n');
}

/** Problems in the order of their lines in the file (those without a line first). */
export function sortByLine(displayName: string, problems: string[]): string[] {
  const lineOf = (problem: string): number[] => {
    const match = /^:(\d+):(\d+):/.exec(problem.startsWith(displayName) ? problem.slice(displayName.length) : '');
    return match ? [Number(match[1]), Number(match[2])] : [0, 0];
  };
  return problems
    .map((problem, index) => ({ problem, index, at: lineOf(problem) }))
    .sort((a, b) => a.at[0]! - b.at[0]! || a.at[1]! - b.at[1]! || a.index - b.index)
    .map((entry) => entry.problem);
}

function at(displayName: string, location: { line: number; column: number } | undefined): string {
  return location ? `${displayName}:${location.line}:${location.column}` : displayName;
}

/** The built-in preset named in `extends` (the strictest wins), and the rule packs it names besides. */
function splitExtends(entries: string[], problems: string[]): { extends: string[]; preset?: Preset } {
  let preset: Preset | undefined;
  const packs: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith('noops-lint:')) {
      packs.push(entry);
      continue;
    }
    const named = Object.hasOwn(PRESETS, entry) ? PRESETS[entry] : undefined;
    if (!named) {
      const near = closest(entry, Object.keys(PRESETS));
      problems.push(`extends names ${JSON.stringify(entry)}, which is not a preset; use noops-lint:recommended or noops-lint:strict${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''}.`);
      continue;
    }
    if (preset !== 'strict') preset = named;
  }
  return preset ? { extends: packs, preset } : { extends: packs };
}

const TOP_LEVEL_KEYS = ['rules', 'ignores', 'failOn', 'buildOutput', 'stage', 'region', 'rulePaths', 'extends'];
const RULE_SETTING_KEYS = ['severity', 'options'];
const SEVERITY_HINT = 'use off, note, warning or error (ESLint\'s warn, 0, 1 and 2 work too), or { severity, options }';

/**
 * Ajv's errors as one sentence per key: its line, what is wrong, what is allowed, and the name probably meant.
 * Several errors about one key (the branches of a oneOf) make one sentence.
 */
function describeConfigErrors(errors: readonly ErrorObject[], value: unknown, displayName: string): string[] {
  const problems = new Map<string, string>();
  const add = (key: string, text: string): void => {
    if (!problems.has(key)) problems.set(key, text);
  };
  const segmentsOf = (error: ErrorObject) => error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const nodeAt = (segments: string[]) => segments.reduce<unknown>((node, s) => (node as Record<string, unknown> | undefined)?.[s], value);
  // A rule's setting is judged as a whole: its own errors say which part is wrong.
  const ruleSettingErrors = new Set<string>();
  for (const error of errors) {
    const segments = segmentsOf(error);
    if (segments[0] === 'rules' && segments.length >= 2) ruleSettingErrors.add(segments[1]!);
  }
  for (const error of errors) {
    const segments = segmentsOf(error);
    if (error.keyword === 'additionalProperties' && segments.length === 0) {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const near = closest(extra, TOP_LEVEL_KEYS);
      add(`/${extra}`, `${at(displayName, locationOfKey(value, extra))}: unknown key "${extra}" in the noops-lint configuration${near ? `; did you mean "${near}"?` : '.'} Allowed keys here: ${TOP_LEVEL_KEYS.join(', ')}.`);
      continue;
    }
    if (error.keyword === 'propertyNames' || (error.keyword === 'pattern' && error.propertyName !== undefined)) {
      const name = error.propertyName ?? (error.params as { propertyName?: string }).propertyName ?? '';
      if (!name) continue;
      add(`/rules/${name}`, `${at(displayName, locationOfKey(nodeAt(segments), name))}: "rules.${name}" is not a rule id; rule ids look like "iam/wildcard-action" (noops-lint rules lists them).`);
      continue;
    }
    if (segments[0] === 'rules' && segments.length >= 2) {
      const id = segments[1]!;
      if (problems.has(`/rules/${id}`)) continue;
      add(`/rules/${id}`, describeRuleSetting(id, (value as { rules: Record<string, unknown> }).rules, displayName));
      continue;
    }
    const last = segments.at(-1);
    const parent = nodeAt(segments.slice(0, -1));
    const where = last === undefined ? displayName : at(displayName, locationOfValue(parent, last) ?? locationOfKey(parent, last));
    const key = segments.join('.') || '(top level)';
    if (problems.has(`/${segments.join('/')}`)) continue;
    const allowed = error.keyword === 'enum' ? (error.params as { allowedValues: unknown[] }).allowedValues.map(String) : undefined;
    const actual = nodeAt(segments);
    const near = allowed && typeof actual === 'string' ? closest(actual, allowed) : undefined;
    add(
      `/${segments.join('/')}`,
      allowed
        ? `${where}: "${key}" is ${JSON.stringify(actual)}; allowed values: ${allowed.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}.`
        : `${where}: "${key}" ${error.message ?? 'is invalid'}.`,
    );
  }
  void ruleSettingErrors;
  return [...problems.values()];
}

/** What is wrong with one rule's setting, and what is meant. */
function describeRuleSetting(id: string, rules: Record<string, unknown>, displayName: string): string {
  const setting = rules[id];
  const keyWhere = at(displayName, locationOfValue(rules, id) ?? locationOfKey(rules, id));
  const severityProblem = (word: unknown, where: string): string => {
    const near = typeof word === 'string' ? closest(word, Object.keys(SEVERITY_WORDS).filter((w) => !/^\d$/.test(w))) : undefined;
    return `${where}: "rules.${id}": ${JSON.stringify(word)} is not a severity${near ? `; did you mean "${near}"?` : ';'} ${near ? 'Use' : 'use'} ${SEVERITY_HINT.replace(/^use /, '')}.`;
  };
  if (setting === null || typeof setting !== 'object') return severityProblem(setting, keyWhere);
  if (Array.isArray(setting)) {
    const [severity, options, ...rest] = setting as unknown[];
    if (!Object.hasOwn(SEVERITY_WORDS, String(severity))) return severityProblem(severity, at(displayName, locationOfValue(setting, 0) ?? locationOf(setting)));
    if (rest.length > 0 || (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))) {
      return `${keyWhere}: "rules.${id}" as a list is [severity, options]: ESLint's form, with the options as one mapping.`;
    }
    return `${keyWhere}: "rules.${id}" is invalid; ${SEVERITY_HINT}.`;
  }
  const object = setting as Record<string, unknown>;
  const unknown = Object.keys(object).filter((k) => !RULE_SETTING_KEYS.includes(k));
  if (unknown.length > 0) {
    const key = unknown[0]!;
    const near = closest(key, RULE_SETTING_KEYS);
    return `${at(displayName, locationOfKey(object, key))}: unknown key "rules.${id}.${key}"${near ? `; did you mean "${near}"?` : '.'} A rule's setting holds severity and options.`;
  }
  if (object.severity !== undefined && !Object.hasOwn(SEVERITY_WORDS, String(object.severity))) {
    return severityProblem(object.severity, at(displayName, locationOfValue(object, 'severity')));
  }
  if (object.options !== undefined && (object.options === null || typeof object.options !== 'object' || Array.isArray(object.options))) {
    return `${at(displayName, locationOfValue(object, 'options'))}: "rules.${id}.options" must be a mapping of option names to values.`;
  }
  return `${keyWhere}: "rules.${id}" is invalid; ${SEVERITY_HINT}.`;
}
