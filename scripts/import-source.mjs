// Imports TypeScript modules of this repository from a script without a build: esbuild bundles them (dependencies
// stay in node_modules) into a temporary module under node_modules/.cache, which is imported and removed.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** The named exports of the given root-relative modules, e.g. importSource({ BUILTIN_RULES: 'rules/index.ts' }). */
export async function importSource(exports) {
  const dir = path.join(root, 'node_modules', '.cache', 'noops-lint-scripts');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `import-${process.pid}-${Date.now()}.mjs`);
  const contents = Object.entries(exports).map(([name, file]) => `export { ${name} } from ${JSON.stringify(`./${file}`)};`).join('\n');
  try {
    await esbuild.build({
      absWorkingDir: root,
      stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'import-source.ts' },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
