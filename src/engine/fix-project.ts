// The fix of a project: load and analyse it as a lint run does (no rule runs), then plan the least-privilege
// statements (src/fix, below the engine: the engine also plans the fixes SARIF results carry).
import { checkProject } from './check.js';
import { withRuleFoldersIgnored, type Config } from './config.js';
import { ProjectFiles } from '../load/files.js';
import { planFixes, type FixOptions, type FixPlan } from '../fix/plan.js';

export interface FixRunOptions extends FixOptions {
  root: string;
  /** Root-relative paths ('' = the whole root). */
  paths: string[];
  config: Config;
  resolveEnv: boolean;
  env: Record<string, string | undefined>;
  stage?: string;
  gitignore: boolean;
  files?: ProjectFiles;
}

export function fixProject(options: FixRunOptions): FixPlan {
  const files = options.files ?? new ProjectFiles(options.root);
  const checked = checkProject({
    files,
    paths: options.paths,
    config: withRuleFoldersIgnored(options.root, options.config),
    enabled: [],
    now: new Date(0),
    resolveEnv: options.resolveEnv,
    env: options.env,
    stage: options.stage,
    gitignore: options.gitignore,
  });
  const read = (file: string): string | undefined => {
    const result = files.read(file);
    // The byte-order mark the decoder left out is part of the file the fix writes back.
    return result.ok ? (result.bom ? '\ufeff' : '') + result.text : undefined;
  };
  return planFixes(checked.project, checked.analysis, { read }, { splitRoles: options.splitRoles });
}
