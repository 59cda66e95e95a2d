// Builds dist/ from src/ and rules/: tsc (the modules tests and tools import), the JSON data beside them, the
// bundled command line dist/cli/ (bin and the pre-commit hook) and the bundled Action dist/action.js.
// Deterministic: CI rebuilds and diffs dist/.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
chmodSync('dist/src/cli/main.js', 0o755);

// Modules read src/data/*.json next to themselves; the published package (and pre-commit's install) ships only dist/.
mkdirSync('dist/src/data', { recursive: true });
for (const name of readdirSync('src/data').sort()) {
  if (name.endsWith('.json')) copyFileSync(`src/data/${name}`, `dist/src/data/${name}`);
}

for (const script of ['scripts/bundle-cli.mjs', 'scripts/bundle-action.mjs']) {
  const bundle = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (bundle.status !== 0) process.exit(bundle.status ?? 1);
}
