// Loads a fixture folder with the real loaders and the real source analysis, and runs one rule over it.
import { createAnalysis } from '../../src/analyse/analysis.js';
import type { ProjectAnalysis } from '../../src/analyse/analysis-types.js';
import { sourceReader } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/finding.js';
import { formatMessage, type AnyRule } from '../../src/engine/rule.js';
import { ProjectFiles } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/model/project.js';

export function loadAnalysedProject(root: string): { project: Project; analysis: ProjectAnalysis } {
  const files = new ProjectFiles(root);
  const project = loadProject(files, { paths: [''], ignores: [], gitignore: false, resolveEnv: false, env: {} });
  return { project, analysis: createAnalysis(project, sourceReader(files)) };
}

export function runRule(rule: AnyRule, loaded: { project: Project; analysis: ProjectAnalysis }): Finding[] {
  const findings: Finding[] = [];
  rule.check({
    ...loaded,
    options: rule.defaultOptions,
    now: new Date('2026-12-01T00:00:00Z'),
    report(report) {
      findings.push({
        ruleId: rule.id,
        severity: report.severity ?? rule.severity,
        message: formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data),
        location: report.at,
        related: report.related ?? [],
        function: report.function,
        key: report.key,
      });
    },
  });
  return findings;
}
