// The Action's inputs, read the way the runner passes them (INPUT_<NAME> variables), and the CLI flags they become.
import { COMMANDS, UsageError } from '../cli/args.js';

export interface ActionInputs {
  paths: string[];
  workingDirectory: string;
  config: string;
  format: string;
  failOn: string;
  sarifFile: string;
  category: string;
  onlyChanged: boolean;
  baseline: string;
  annotations: boolean;
  summary: boolean;
  /** Post the fixes on the pull request's changed lines as review suggestions. */
  suggestFixes: boolean;
  /** For the review (suggest-fixes); '' falls back to GITHUB_TOKEN. */
  githubToken: string;
}

/**
 * The runner upper-cases the name and keeps hyphens: `fail-on` arrives as `INPUT_FAIL-ON` (actions/toolkit getInput).
 * It always sets every input (with action.yml's default), so `fallback` only serves runs outside a runner; an
 * input set to '' stays '' (`sarif-file: ''` means no SARIF).
 */
export function getInput(env: Record<string, string | undefined>, name: string, fallback = ''): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined ? fallback : value.trim();
}

/** YAML 1.2 core booleans, as actions/toolkit getBooleanInput accepts them. */
export function getBooleanInput(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`Input ${name} must be true or false, not "${value}".`);
}

export function readInputs(env: Record<string, string | undefined>): ActionInputs {
  return {
    paths: (getInput(env, 'paths', '.') || '.')
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    workingDirectory: getInput(env, 'working-directory', '.') || '.',
    config: getInput(env, 'config'),
    format: getInput(env, 'format', 'stylish') || 'stylish',
    failOn: getInput(env, 'fail-on'),
    sarifFile: getInput(env, 'sarif-file', 'noops-lint.sarif'),
    category: getInput(env, 'category'),
    onlyChanged: getBooleanInput(env, 'only-changed', false),
    baseline: getInput(env, 'baseline'),
    annotations: getBooleanInput(env, 'annotations', true),
    summary: getBooleanInput(env, 'summary', true),
    suggestFixes: getBooleanInput(env, 'suggest-fixes', false),
    githubToken: getInput(env, 'github-token'),
  };
}

/** The same CLI the hook and users run: every input is a flag, so the Action has no lint logic of its own. */
export function cliArguments(inputs: ActionInputs, paths: string[]): string[] {
  const argv = ['--format', inputs.format];
  // Unset, the configuration file's failOn applies (then error), as on the command line.
  if (inputs.failOn) argv.push('--fail-on', inputs.failOn);
  if (inputs.config) argv.push('--config', inputs.config);
  if (inputs.sarifFile) argv.push('--sarif-file', inputs.sarifFile);
  if (inputs.category) argv.push('--sarif-category', inputs.category);
  if (inputs.baseline) argv.push('--baseline', inputs.baseline);
  // `--` so a path that starts with a dash is never read as a flag; `./` so a folder named `rules` is not the subcommand.
  return [...argv, '--', ...paths.map((p) => ((COMMANDS as readonly string[]).includes(p) ? `./${p}` : p))];
}
