// Loads a project with the real loaders and analysis, plus the container analysis (until the engine provides it), and runs one rule.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createAnalysis } from '../../src/analyse/analysis.js';
import type { ProjectAnalysis } from '../../src/analyse/analysis-types.js';
import { containerAnalysis } from '../../src/analyse/server-routes.js';
import { sourceReader } from '../../src/engine/lint.js';
import type { Finding } from '../../src/model/finding.js';
import type { AnyRule } from '../../rules/kit.js';
import { ProjectFiles } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/model/project.js';
import { runRule } from './analysed-project.js';
import { readAnnotations } from './annotations.js';

export const RULE_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');

export function loadHandlerProject(root: string): { project: Project; analysis: ProjectAnalysis } {
  const files = new ProjectFiles(root);
  const project = loadProject(files, { paths: [''], ignores: [], gitignore: false, resolveEnv: false, env: {} });
  const reader = sourceReader(files);
  const analysis = createAnalysis(project, reader);
  const containerUsageOf = containerAnalysis(reader);
  return { project, analysis: { usageOf: analysis.usageOf, permissionsOf: analysis.permissionsOf, codeFindings: analysis.codeFindings, containerUsageOf } };
}

export function runHandlerRule(rule: AnyRule, root: string): Finding[] {
  return runRule(rule, loadHandlerProject(root));
}

export interface HandlerFixtureCase {
  name: string;
  kind: 'good' | 'bad';
  reported: string[];
  expected: string[];
  mustNot: string[];
  todo: string[];
  problems: string[];
}

/** Each fixture case of `rule`, with the (file:line) pairs it reports and the ones its annotations expect. */
export function handlerFixtureCases(rule: AnyRule): HandlerFixtureCase[] {
  const out: HandlerFixtureCase[] = [];
  for (const kind of ['good', 'bad'] as const) {
    const dir = path.join(RULE_FIXTURES, rule.id, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const caseDir = path.join(dir, name);
      if (!statSync(caseDir).isDirectory()) continue;
      const loaded = loadHandlerProject(caseDir);
      const findings = runRule(rule, loaded);
      const annotations = readAnnotations(caseDir).filter((a) => a.ruleId === rule.id);
      const at = (a: { file: string; line: number }) => `${a.file}:${a.line}`;
      const problems = [
        ...loaded.project.inputFindings,
        ...loaded.project.functions.flatMap((fn) => loaded.analysis.usageOf(fn)?.findings ?? []),
        ...loaded.project.services.flatMap((s) => loaded.analysis.containerUsageOf?.(s)?.usage.findings ?? []),
      ].filter((f) => (f.ruleId.startsWith('input/') && f.ruleId !== 'input/unresolved') || f.ruleId.startsWith('internal/'));
      out.push({
        name,
        kind,
        reported: [...new Set(findings.map((f) => `${f.location.file}:${f.location.line}`))].sort(),
        expected: [...new Set(annotations.filter((a) => a.kind === 'expect').map(at))].sort(),
        mustNot: annotations.filter((a) => a.kind === 'ok').map(at),
        todo: annotations.filter((a) => a.kind === 'todo-expect').map(at),
        problems: problems.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`),
      });
    }
  }
  return out;
}
