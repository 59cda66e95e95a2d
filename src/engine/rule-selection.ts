// Which rules a run uses, with the configured severity and options of each.
import { Ajv, type ErrorObject } from 'ajv';
import { closest } from '../util/closest.js';
import { problemList, sortByLine, type Config } from './config.js';
import type { Severity } from '../model/finding.js';
import type { AnyRule } from '../../rules/kit.js';
import { RuleRegistry } from './rule-registry.js';
import { TOOL_RULES } from './tool-rules.js';

export class RuleOptionsError extends Error {}

export interface EnabledRule {
  rule: AnyRule;
  /** The configured severity, overriding the rule's own. */
  severity?: Severity;
  ruleOptions: unknown;
}

let ajv: Ajv | undefined;
/** Compiled option schemas: a run per service would otherwise compile every rule's schema again each time. */
const compiled = new WeakMap<object, ReturnType<Ajv['compile']>>();

/**
 * The rules to run, sorted by id. `only` (`--rule`) names the ids to report: the rules among them run; a suppression/*
 * id among them runs every enabled rule instead, since whether a suppression is used depends on their findings.
 */
export function selectRules(rules: readonly AnyRule[], config: Config, only?: readonly string[]): EnabledRule[] {
  const registry = new RuleRegistry(rules);
  // Every unknown rule id and every invalid option of the file at once, each at its line, with the name meant.
  const display = config.display ?? config.file ?? 'the configuration';
  const where = (id: string): string => {
    const at = config.rulePositions?.[id];
    return at ? `${display}:${at.line}:${at.column}` : display;
  };
  const problems: string[] = [];
  const knownIds = registry.ids();
  for (const id of Object.keys(config.rules)) {
    if (registry.has(id)) continue;
    const near = closest(id, knownIds);
    problems.push(`${where(id)}: unknown rule "${id}"${near ? `; did you mean "${near}"?` : '.'} Run \`noops-lint rules\` to list the rule ids.`);
  }
  const runsAll = only === undefined || only.some((id) => registry.kindOf(id) === 'suppression');
  const enabled: EnabledRule[] = [];
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!runsAll && !only.includes(rule.id)) continue;
    const setting = config.rules[rule.id];
    if (setting?.severity === 'off') continue;
    // Rules outside the recommended preset run when asked for: the strict preset, a configured severity, --rule.
    if (rule.strictOnly && config.preset !== 'strict' && setting === undefined && !only?.includes(rule.id)) continue;
    const ruleOptions = { ...(rule.defaultOptions as object), ...(setting?.options ?? {}) };
    // Only options a user wrote need checking: each rule's defaults are checked against its schema by the tests.
    if (rule.optionsSchema && setting?.options !== undefined) {
      let validate = compiled.get(rule.optionsSchema);
      if (!validate) {
        ajv ??= new Ajv({ allErrors: true, strict: true, useDefaults: false });
        validate = ajv.compile(rule.optionsSchema);
        compiled.set(rule.optionsSchema, validate);
      }
      if (!validate(ruleOptions)) {
        for (const text of describeOptionErrors(rule, validate.errors ?? [], ruleOptions)) problems.push(`${where(rule.id)}: ${rule.id} options: ${text}`);
      }
    }
    enabled.push({ rule, severity: setting?.severity as Severity | undefined, ruleOptions });
  }
  if (problems.length > 0) throw new RuleOptionsError(problemList(display, sortByLine(display, problems)));
  return enabled;
}

/** Ajv's errors about a rule's options: the option, what is wrong, what is allowed, the name meant. */
function describeOptionErrors(rule: AnyRule, errors: readonly ErrorObject[], options: unknown): string[] {
  const names = Object.keys(((rule.optionsSchema as { properties?: Record<string, unknown> } | undefined)?.properties) ?? {});
  const out = new Set<string>();
  for (const error of errors) {
    const option = error.instancePath.split('/').slice(1).join('.') || 'options';
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const near = error.instancePath === '' ? closest(extra, names) : undefined;
      out.add(`unknown option "${extra}"${near ? `; did you mean "${near}"?` : '.'}${error.instancePath === '' && names.length ? ` Options: ${names.join(', ')}.` : ''}`);
    } else if (error.keyword === 'enum') {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      const value = error.instancePath.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], options);
      out.add(`"${option}" is ${JSON.stringify(value)}; allowed values: ${allowed.join(', ')}.`);
    } else {
      out.add(`"${option}" ${error.message ?? 'is invalid'}.`);
    }
  }
  return [...out];
}

/** The rules a run reports (SARIF `tool.driver.rules`): the enabled ones and the tool's own, sorted by id. */
export function reportedRules(enabled: readonly EnabledRule[], extra: readonly AnyRule[] = []): AnyRule[] {
  const byId = new Map<string, AnyRule>();
  for (const rule of [...enabled.map((e) => e.rule), ...TOOL_RULES, ...extra]) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
