// The model and the analysis of a project folder, read with the real loaders and source analysis, for tests that look
// at the model or the analysis. Tests of a rule's findings use the rule tester (rule-tester.ts), which runs lint().
import { createAnalysis } from '../../src/analyse/analysis.js';
import type { ProjectAnalysis } from '../../src/analyse/analysis-types.js';
import { sourceReader } from '../../src/engine/lint.js';
import { ProjectFiles } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/model/project.js';

export function loadAnalysedProject(root: string): { project: Project; analysis: ProjectAnalysis } {
  const files = new ProjectFiles(root);
  const project = loadProject(files, { paths: [''], ignores: [], gitignore: false, resolveEnv: false, env: {} });
  return { project, analysis: createAnalysis(project, sourceReader(files)) };
}
