// One run: load the project, run the enabled rules over it, and return sorted findings.
import { Ajv } from 'ajv';
import { BUILTIN_RULES } from '../../rules/index.js';
import { loadProject } from '../load/project.js';
import { ProjectFiles } from '../load/files.js';
import type { Project } from '../model/project.js';
import { EMPTY_CONFIG, type Config } from './config.js';
import { compareFindings, INPUT_RULES, type Finding, type Severity } from './finding.js';
export { compareFindings };
import type { LintResult, ToolNotification } from './result.js';
import { formatMessage, type AnyRule } from './rule.js';
import { TOOL_RULES } from './tool-rules.js';
import { SUPPRESSION_RULES } from './suppressions.js';
import { toolVersion } from '../util/package-root.js';
import type { SourceReader } from '../analyse/index.js';
import type { ProjectAnalysis } from '../analyse/analysis-types.js';
import { createAnalysis } from '../analyse/analysis.js';

export interface LintOptions {
  /** Absolute project root. */
  root: string;
  /** Root-relative paths to analyse (default: the whole root). */
  paths?: string[];
  config?: Config;
  /** Run only these rule ids (tests, `--rule`). */
  onlyRules?: string[];
  /** Rules to run instead of the built-in ones (tests). */
  rules?: AnyRule[];
  now?: Date;
  resolveEnv?: boolean;
  env?: Record<string, string | undefined>;
  stage?: string;
  gitignore?: boolean;
  /**
   * Root-relative files to load instead of discovering manifests under `paths` (one service at a time in
   * parallel and cached runs); a run with no service in them runs no rule.
   */
  manifests?: string[];
  /** The confined reader to use, so several runs in one thread read each file once. */
  files?: ProjectFiles;
}

export interface LintRun extends LintResult {
  project: Project;
  analysis: ProjectAnalysis;
  /** Source files the handlers reach, when the run collected them (parallel and cached runs); else ask `analysis`. */
  sourceFiles?: string[];
  /** Files already read by the thread that linted them and known to hold no inline suppression comment. */
  withoutDirectives?: ReadonlySet<string>;
  /** How a service-by-service run went (`--debug` prints it): candidate files, those answered from the cache, workers used. */
  stats?: { candidates: number; cached: number; workers: number };
}

export class RuleOptionsError extends Error {}

export function lint(options: LintOptions): LintRun {
  const config = options.config ?? EMPTY_CONFIG;
  const files = options.files ?? new ProjectFiles(options.root);
  const project = loadProject(files, {
    candidates: options.manifests,
    paths: options.paths?.length ? options.paths : [''],
    ignores: config.ignores,
    gitignore: options.gitignore ?? true,
    resolveEnv: options.resolveEnv ?? false,
    env: options.env ?? {},
    stage: options.stage ?? config.stage,
    region: config.region,
  });
  const now = options.now ?? new Date();
  const enabled = selectRules(options.rules ?? BUILTIN_RULES, config, options.onlyRules);
  const findings: Finding[] = [...project.inputFindings];
  const analysis = createAnalysis(project, sourceReader(files));
  const skipRules = options.manifests !== undefined && project.services.length === 0;

  for (const { rule, severity, ruleOptions } of skipRules ? [] : enabled) {
    const reported: Finding[] = [];
    try {
      rule.check({
        project,
        analysis,
        options: ruleOptions,
        now,
        report(report) {
          const template = rule.messages[report.messageId] ?? report.messageId;
          reported.push({
            ruleId: rule.id,
            severity: severity ?? report.severity ?? rule.severity,
            message: formatMessage(template, report.data),
            location: report.at,
            related: report.related ?? [],
            function: report.function,
            key: report.key,
          });
        },
      });
      findings.push(...reported);
    } catch (error) {
      findings.push({
        ruleId: INPUT_RULES.ruleError,
        severity: 'error',
        message: `Rule ${rule.id} failed: ${(error as Error).message ?? String(error)}. The other rules still ran; please report this.`,
        location: { file: project.services[0]?.manifest ?? '.', line: 1, column: 1, endLine: 1, endColumn: 1 },
        related: [],
        key: `${rule.id}|${String(error)}`,
      });
    }
  }

  // What the source analysis could not read (syntax errors, missing handlers, imports leaving the root) is
  // reported like any input problem, once per file and place however many functions reach it.
  findings.push(...analysis.codeFindings());
  const sorted = sortFindings(findings);
  return { root: options.root, project, analysis, findings: sorted, rules: reportedRules(enabled), files: project.files, notifications: notificationsOf(sorted), toolVersion: toolVersion() };
}

/** The rules a run reports (SARIF `tool.driver.rules`): the enabled ones and the tool's own, sorted by id. */
export function reportedRules(enabled: readonly EnabledRule[]): AnyRule[] {
  const ruleIds = new Set(enabled.map((e) => e.rule.id));
  return [...enabled.map((e) => e.rule), ...TOOL_RULES.filter((r) => !ruleIds.has(r.id))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Sorted and de-duplicated: the one order every reporter prints, however the findings were gathered. */
export function sortFindings(findings: Finding[]): Finding[] {
  return dedupe(findings.sort(compareFindings));
}

export function notificationsOf(sorted: readonly Finding[]): ToolNotification[] {
  return sorted
    .filter((f) => f.ruleId === INPUT_RULES.parseError || f.ruleId === INPUT_RULES.skippedFile)
    .map((f) => ({ ruleId: f.ruleId, message: f.message, file: f.location.file, line: f.location.line }));
}

export interface EnabledRule {
  rule: AnyRule;
  /** The configured severity, overriding the rule's own and per-finding ones. */
  severity?: Severity;
  ruleOptions: unknown;
}

let ajv: Ajv | undefined;
/** Compiled option schemas: a run per service would otherwise compile every rule's schema again each time. */
const compiled = new WeakMap<object, ReturnType<Ajv['compile']>>();

export function selectRules(rules: AnyRule[], config: Config, only?: string[]): EnabledRule[] {
  const known = new Set(rules.map((r) => r.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id) && ![...TOOL_RULES, ...SUPPRESSION_RULES].some((r) => r.id === id)) {
      throw new RuleOptionsError(`Unknown rule "${id}" in ${config.file ?? 'the configuration'}. Run \`noops-lint rules\` to list the rule ids.`);
    }
  }
  const enabled: EnabledRule[] = [];
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (only && !only.includes(rule.id)) continue;
    const setting = config.rules[rule.id];
    if (setting?.severity === 'off') continue;
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

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.ruleId}|${f.location.file}|${f.location.line}|${f.location.column}|${f.message}|${f.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Reads handler sources through the same confined, cached reader as the manifests. */
export function sourceReader(files: ProjectFiles): SourceReader {
  return {
    read: (rel) => files.read(rel),
    exists: (rel) => files.isFile(rel),
  };
}
