import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { lint } from '../../src/engine/lint.js';
import { resolveConcurrency } from '../../src/engine/worker-pool.js';
import { REPORTERS } from '../../src/report/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import { parseCliArguments, UsageError } from '../../src/cli/args.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = new Date('2025-06-01T12:00:00Z');
let root: string;
let workerUrl: URL;
let bundleDir: string;

/** Three services (the whole-project fixtures) side by side, plus a file that is not a manifest. */
function makeMonorepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-parallel-'));
  for (const name of ['orders', 'thumbnails', 'container-service']) cpSync(path.join(repo, 'fixtures/projects', name), path.join(dir, 'services', name), { recursive: true });
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, 'services/notes.yaml'), 'just: data\n');
  return dir;
}

/**
 * The worker is TypeScript here; bundle it (dependencies stay in node_modules) inside the repository, with each
 * module's import.meta.url kept pointing at its source as scripts/bundle-action.mjs does, so it finds its data.
 */
async function bundleWorker(): Promise<URL> {
  bundleDir = path.join(repo, 'node_modules', '.cache', `noops-lint-test-worker-${process.pid}`);
  const outfile = path.join(bundleDir, 'lint-worker.mjs');
  await esbuild.build({
    absWorkingDir: repo,
    entryPoints: ['src/cli/lint-worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [
      {
        name: 'source-location',
        setup(build) {
          build.onLoad({ filter: /[\\/](src|rules)[\\/].*\.ts$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
          });
        },
      },
    ],
  });
  return pathToFileURL(outfile);
}

beforeAll(async () => {
  root = makeMonorepo();
  workerUrl = await bundleWorker();
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

function sarifOf(run: ReturnType<typeof lint>): string {
  return REPORTERS.sarif(run, { color: false });
}

describe('lintProject', () => {
  it('gives byte-identical output with one thread and with two workers', () => {
    const single = lint({ rules: BUILTIN_RULES, root, now: NOW });
    const oneThread = lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 'off', minUnitsForWorkers: 0, workerUrl });
    const twoWorkers = lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 3, minUnitsForWorkers: 0, workerUrl });
    expect(single.findings.length).toBeGreaterThan(0);
    expect(oneThread.findings).toEqual(single.findings);
    expect(sarifOf(oneThread)).toBe(sarifOf(single));
    expect(sarifOf(twoWorkers)).toBe(sarifOf(single));
    expect(twoWorkers.files).toEqual(single.files);
  }, 60_000);

  it('returns the same result object whatever the thread count: functions, files, policies and permissions', () => {
    const single = lint({ rules: BUILTIN_RULES, root, now: NOW, functionReports: true });
    const merged = lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 3, minUnitsForWorkers: 0, workerUrl, functionReports: true });
    expect(single.stats.onePass).toBe(true);
    expect(merged.stats.onePass).toBe(false);
    const { stats: _a, ...singleRest } = single;
    const { stats: _b, ...mergedRest } = merged;
    expect(mergedRest.functions.map((f) => `${f.service}|${f.name}`).sort()).toEqual(singleRest.functions.map((f) => `${f.service}|${f.name}`).sort());
    expect(mergedRest.policies!.length).toBeGreaterThan(0);
    expect(mergedRest.permissions!.length).toBeGreaterThan(0);
    expect({ ...mergedRest, functions: [], rules: mergedRest.rules.map((r) => r.id) }).toEqual({ ...singleRest, functions: [], rules: singleRest.rules.map((r) => r.id) });
  }, 60_000);

  it('falls back to this thread when the worker cannot start', () => {
    const missing = pathToFileURL(path.join(root, 'no-such-worker.js'));
    const run = lint({ rules: BUILTIN_RULES, root, now: NOW, concurrency: 2, minUnitsForWorkers: 0, workerUrl: missing });
    expect(sarifOf(run)).toBe(sarifOf(lint({ rules: BUILTIN_RULES, root, now: NOW })));
  }, 60_000);

  it('resolves --concurrency values', () => {
    expect(resolveConcurrency('off')).toBe(1);
    const cores = os.availableParallelism();
    expect(resolveConcurrency(1)).toBe(1);
    expect(resolveConcurrency(3)).toBe(Math.min(3, cores));
    // Never more threads than cores: each one loads the whole linter.
    expect(resolveConcurrency(100_000)).toBe(cores);
    const auto = resolveConcurrency('auto');
    expect(auto).toBeGreaterThanOrEqual(1);
    expect(auto).toBeLessThanOrEqual(4);
  });
});

describe('--concurrency and --cache flags', () => {
  it('parses the flags and rejects a bad concurrency', () => {
    expect(parseCliArguments(['--concurrency', '2']).concurrency).toBe(2);
    expect(parseCliArguments(['--concurrency', 'off']).concurrency).toBe('off');
    expect(parseCliArguments([]).concurrency).toBe('auto');
    expect(parseCliArguments(['--cache', '--cache-location', 'x']).cacheLocation).toBe('x');
    expect(() => parseCliArguments(['--concurrency', 'many'])).toThrow(UsageError);
  });

  it('reports the same through the CLI with and without the cache, inline suppressions included', () => {
    expect(readFileSync(path.join(root, 'services/orders/serverless.yml'), 'utf8').length).toBeGreaterThan(0);
    const out = (argv: string[]): string => {
      let text = '';
      runCli(argv, { cwd: root, env: {}, stdout: (t) => (text += t), stderr: () => undefined, isTTY: false, now: NOW });
      return text;
    };
    const cacheFile = path.join(root, 'cache.json');
    const plain = out(['-f', 'json', '--concurrency', 'off']);
    const cold = out(['-f', 'json', '--cache', '--cache-location', cacheFile]);
    const warm = out(['-f', 'json', '--cache', '--cache-location', cacheFile]);
    expect(cold).toBe(plain);
    expect(warm).toBe(plain);
  }, 60_000);
});
