// Loads a fixture folder with the real loaders and the real source analysis, and runs one rule over it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createAnalysis } from '../../src/analyse/analysis.js';
import type { ProjectAnalysis } from '../../src/analyse/analysis-types.js';
import { sourceReader } from '../../src/engine/lint.js';
import type { Finding } from '../../src/model/finding.js';
import { formatMessage, type AnyRule } from '../../rules/kit.js';
import { ProjectFiles } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/model/project.js';
import { readAnnotations } from './annotations.js';

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
    reportLimit: () => undefined,
    now: new Date('2026-12-01T00:00:00Z'),
    report(report) {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data),
        location: report.at,
        related: report.related ?? [],
        function: report.function,
        ...(report.actions ? { actions: report.actions } : {}),
        key: report.key,
      });
    },
  });
  return findings;
}

/**
 * Runs a rule over each of its fixture cases with the real loaders and `createAnalysis`, and returns the
 * reported and annotated (file:line) sets, so a rule test works before the engine wires the analysis in.
 */
export function fixtureResults(rule: AnyRule, fixturesRoot: string): { name: string; kind: 'good' | 'bad'; reported: string[]; expected: string[]; mustNot: string[]; inputProblems: string[] }[] {
  const base = path.join(fixturesRoot, rule.id);
  const out: ReturnType<typeof fixtureResults> = [];
  for (const kind of ['good', 'bad'] as const) {
    const dir = path.join(base, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const caseDir = path.join(dir, name);
      if (!statSync(caseDir).isDirectory()) continue;
      const loaded = loadAnalysedProject(caseDir);
      const reported = [...new Set(runRule(rule, loaded).map((f) => `${f.location.file}:${f.location.line}`))].sort();
      const annotations = readAnnotations(caseDir).filter((a) => a.ruleId === rule.id);
      out.push({
        name,
        kind,
        reported,
        expected: [...new Set(annotations.filter((a) => a.kind === 'expect').map((a) => `${a.file}:${a.line}`))].sort(),
        mustNot: annotations.filter((a) => a.kind === 'ok').map((a) => `${a.file}:${a.line}`),
        inputProblems: loaded.project.inputFindings
          .filter((f) => (f.ruleId.startsWith('input/') && f.ruleId !== 'input/unresolved') || f.ruleId.startsWith('internal/'))
          .map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`),
      });
    }
  }
  return out;
}

/** The analysis of a hand-built project that has no source files to read. */
export function analysisWithoutSources(project: Project): ProjectAnalysis {
  return createAnalysis(project, { read: () => ({ ok: false, reason: 'no sources in a hand-built project' }), exists: () => false });
}
