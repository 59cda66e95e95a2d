// `noops-lint fix`: rewrites the IAM statements of functions whose code was followed completely into least-privilege
// form, in place; `--dry-run` prints the unified diff instead. What it cannot judge it leaves, and says why.
import path from 'node:path';
import type { Config } from '../engine/config.js';
import { fixProject } from '../engine/fix-project.js';
import { unifiedDiff } from '../fix/unified-diff.js';
import { formatLocation } from '../model/location.js';
import { plural } from '../util/plural.js';
import { printable } from '../util/quote.js';
import { prepareOutputFile, writeOutputFile } from '../util/output-file.js';
import { UsageError, type CliArguments } from './args.js';
import type { CliIo } from './io.js';

export function runFix(args: CliArguments, io: CliIo, root: string, config: Config): number {
  if (args.format !== undefined) throw new UsageError('fix prints its changes as text; --format does not apply.');
  const paths = (args.paths.length ? args.paths : ['.']).map((p) => {
    const rel = path.relative(root, path.resolve(io.cwd, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside the project root ${root}.`);
    return rel.split(path.sep).join('/');
  });
  const plan = fixProject({ root, paths, config, resolveEnv: args.resolveEnv, env: io.env, stage: args.stage, gitignore: args.gitignore, splitRoles: args.splitRoles });
  const out: string[] = [];
  if (args.dryRun) {
    for (const file of plan.files) out.push(unifiedDiff(file.file, file.before, file.after, file.splices));
  } else {
    for (const file of plan.files) {
      const target = { file: path.join(root, ...file.file.split('/')), purpose: 'manifest', display: file.file, root };
      prepareOutputFile(target);
      writeOutputFile(target, file.after);
    }
    for (const change of plan.changes) out.push(`${formatLocation(change.location)}  ${printable(change.message)}\n`);
  }
  for (const entry of plan.cdk) {
    out.push(`${entry.manifest}: ${entry.function} is defined in a CDK app, which noops-lint does not edit; write this in the app instead:\n${entry.code}\n`);
  }
  if (plan.notes.length > 0) {
    out.push(`${out.length > 0 ? '\n' : ''}Not fixed:\n`);
    for (const note of plan.notes) out.push(`${formatLocation(note.location)}  ${printable(note.message)}\n`);
  }
  const count = plural(plan.files.length, 'file');
  if (plan.files.length === 0 && plan.cdk.length > 0) out.push('No manifest changed: write the code above in the CDK app.\n');
  else if (plan.files.length === 0) out.push(`${out.length > 0 ? '\n' : ''}Nothing to fix.\n`);
  else if (args.dryRun) out.push(`\n${count} would change (${plural(plan.changes.length, 'change')}); run noops-lint fix without --dry-run to write them.\n`);
  else out.push(`\nFixed ${count} (${plural(plan.changes.length, 'change')}).\n`);
  io.stdout(out.join(''));
  return 0;
}
