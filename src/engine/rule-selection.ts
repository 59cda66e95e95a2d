// Which rules a run uses, with the configured severity and options of each.
import { Ajv } from 'ajv';
import type { Config } from './config.js';
import type { Severity } from '../model/finding.js';
import type { AnyRule } from '../../rules/kit.js';
import { RuleRegistry } from './rule-registry.js';
import { TOOL_RULES } from './tool-rules.js';

export class RuleOptionsError extends Error {}

export interface EnabledRule {
  rule: AnyRule;
  /** The configured severity, overriding the rule's own and per-finding ones. */
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
  for (const id of Object.keys(config.rules)) {
    if (!registry.has(id)) {
      throw new RuleOptionsError(`Unknown rule "${id}" in ${config.file ?? 'the configuration'}. Run \`noops-lint rules\` to list the rule ids.`);
    }
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
        const e = validate.errors?.[0];
        throw new RuleOptionsError(`Invalid options for ${rule.id} in ${config.file ?? 'the configuration'}: ${e?.instancePath || 'options'} ${e?.message ?? 'is invalid'}.`);
      }
    }
    enabled.push({ rule, severity: setting?.severity as Severity | undefined, ruleOptions });
  }
  return enabled;
}

/** The rules a run reports (SARIF `tool.driver.rules`): the enabled ones and the tool's own, sorted by id. */
export function reportedRules(enabled: readonly EnabledRule[], extra: readonly AnyRule[] = []): AnyRule[] {
  const byId = new Map<string, AnyRule>();
  for (const rule of [...enabled.map((e) => e.rule), ...TOOL_RULES, ...extra]) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
