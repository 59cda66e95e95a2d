// The core of a run: load the project (or one service of it), run the enabled rules over it, and gather the
// findings with what the source analysis could not read. lint() calls it once for a small project, or once per
// service on several threads; tests of the analysis call it to look at the model.
import { loadProject } from '../load/project.js';
import type { ProjectFiles } from '../load/files.js';
import type { Project } from '../model/project.js';
import type { SourceReader } from '../analyse/index.js';
import type { ProjectAnalysis } from '../analyse/analysis-types.js';
import { createAnalysis } from '../analyse/analysis.js';
import { readCodeManifest } from '../analyse/code-manifest.js';
import { groupHandlerNotes } from '../analyse/index.js';
import type { Config } from './config.js';
import { INPUT_RULES, type Finding, type FindingActions } from '../model/finding.js';
import { formatMessage } from '../../rules/kit.js';
import type { EnabledRule } from './rule-selection.js';

export interface CheckOptions {
  files: ProjectFiles;
  /** Root-relative paths to analyse ('' = the whole root). */
  paths: string[];
  config: Config;
  enabled: readonly EnabledRule[];
  now: Date;
  resolveEnv: boolean;
  env: Record<string, string | undefined>;
  stage?: string;
  gitignore: boolean;
  /** Root-relative files to load instead of discovering manifests under `paths`; with no service in them no rule runs. */
  manifests?: string[];
}

export interface CheckedProject {
  project: Project;
  analysis: ProjectAnalysis;
  /** Unsorted: input findings, rule findings, code findings. */
  findings: Finding[];
}

export function checkProject(options: CheckOptions): CheckedProject {
  const { files, config } = options;
  const project = loadProject(files, {
    candidates: options.manifests,
    paths: options.paths,
    ignores: config.ignores,
    gitignore: options.gitignore,
    buildOutput: config.buildOutput ?? 'skip',
    resolveEnv: options.resolveEnv,
    env: options.env,
    stage: options.stage ?? config.stage,
    region: config.region,
    readCodeManifest,
  });
  const findings: Finding[] = [...project.inputFindings];
  const analysis = createAnalysis(project, sourceReader(files));
  const skipRules = options.manifests !== undefined && project.services.length === 0;

  for (const { rule, severity, ruleOptions } of skipRules ? [] : options.enabled) {
    const reported: Finding[] = [];
    try {
      rule.check({
        project,
        analysis,
        options: ruleOptions,
        now: options.now,
        report(report) {
          const template = rule.messages[report.messageId] ?? report.messageId;
          reported.push({
            ruleId: rule.id,
            severity: severity ?? rule.severity,
            message: formatMessage(template, report.data),
            location: report.at,
            related: report.related ?? [],
            function: report.function,
            ...(report.actions ? { actions: sortedActions(report.actions) } : {}),
            key: report.key,
            messageId: report.messageId,
            ...(report.statement ? { statement: report.statement } : {}),
          });
        },
        reportLimit(limit) {
          reported.push({
            ruleId: INPUT_RULES.slowPattern,
            severity: 'note',
            message: limit.message,
            location: limit.at,
            related: [],
            function: limit.function,
            key: `${rule.id}|${limit.key}`,
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
  // Handlers not analysed for one shared reason (all built into archives) are one note per manifest.
  for (const finding of groupHandlerNotes(analysis.codeFindings())) findings.push(finding);
  return { project, analysis, findings };
}

/** Reads handler sources through the same confined, cached reader as the manifests. */
export function sourceReader(files: ProjectFiles): SourceReader {
  return {
    read: (rel) => files.read(rel),
    exists: (rel) => files.isFile(rel),
  };
}

/** Each list de-duplicated and sorted, empty ones left out: the same finding always carries the same lists. */
function sortedActions(actions: FindingActions): FindingActions {
  const out: FindingActions = {};
  for (const kind of ['used', 'unused', 'missing'] as const) {
    const list = actions[kind];
    if (list && list.length > 0) out[kind] = [...new Set(list)].sort();
  }
  return out;
}
