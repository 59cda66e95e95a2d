// The core of a run without the pipeline around it, for tests that look at the model and the analysis.
import { BUILTIN_RULES } from '../../rules/index.js';
import { checkProject, type CheckedProject } from '../../src/engine/check.js';
import { EMPTY_CONFIG } from '../../src/engine/config.js';
import { selectRules, sortFindings } from '../../src/engine/lint.js';
import { ProjectFiles } from '../../src/load/files.js';
import type { AnyRule } from '../../rules/kit.js';

export function checkRoot(root: string, extra: { rules?: AnyRule[]; now?: Date; gitignore?: boolean } = {}): CheckedProject {
  const checked = checkProject({
    files: new ProjectFiles(root),
    paths: [''],
    config: EMPTY_CONFIG,
    enabled: selectRules(extra.rules ?? BUILTIN_RULES, EMPTY_CONFIG),
    now: extra.now ?? new Date('2026-01-15T00:00:00Z'),
    resolveEnv: false,
    env: {},
    gitignore: extra.gitignore ?? true,
  });
  return { ...checked, findings: sortFindings(checked.findings) };
}
