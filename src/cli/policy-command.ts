// `noops-lint policy`: prints the least-privilege policy derived from each function's code, as JSON or
// as YAML ready to paste under iamRoleStatements / Policies.
import path from 'node:path';
import { BUILTIN_RULES } from '../../rules/index.js';
import { renderPoliciesYaml } from '../analyse/policy-output.js';
import type { Config } from '../engine/config.js';
import { lint } from '../engine/lint.js';
import { UsageError, type CliArguments } from './args.js';
import { lintWorkerUrl } from './lint-worker-url.js';
import type { CliIo } from './io.js';
import { jsonText } from '../util/quote.js';

/** Runs lint() with no rule, for the functions' derived policies, under the project's configuration (its `ignores`). */
export function runPolicy(args: CliArguments, io: CliIo, root: string, config: Config): number {
  const format: string = args.format ?? 'json';
  if (format !== 'json' && format !== 'yaml') throw new UsageError(`policy prints json or yaml, not ${format}.`);
  const paths = (args.paths.length ? args.paths : ['.']).map((p) => {
    const rel = path.relative(root, path.resolve(io.cwd, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside the project root ${root}.`);
    return rel.split(path.sep).join('/');
  });
  const run = lint({ rules: BUILTIN_RULES, workerUrl: lintWorkerUrl(), root, paths, config, onlyRules: [], inlineSuppressions: false, functionReports: true, concurrency: args.concurrency, resolveEnv: args.resolveEnv, env: io.env, stage: args.stage, gitignore: args.gitignore });
  const policies = { functions: run.policies ?? [] };
  io.stdout(format === 'json' ? `${jsonText(policies, 2)}\n` : renderPoliciesYaml(policies));
  return 0;
}
