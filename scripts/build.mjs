// Builds dist/, which holds only what users run: the bundled command line dist/cli/ (the bin and the pre-commit
// hook) and the bundled Action dist/action.js with its trimmed IAM data dist/iam-data/. The data files they read at
// run time (src/data/*.json, schemas/) ship beside dist/ (package.json "files"). Type-checking is `tsc --noEmit`.
// Deterministic: CI rebuilds and diffs dist/.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
for (const script of ['scripts/bundle-cli.mjs', 'scripts/bundle-action.mjs']) {
  const bundle = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (bundle.status !== 0) process.exit(bundle.status ?? 1);
}
