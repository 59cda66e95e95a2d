// npm run bench: times noops-lint on a generated serverless monorepo against the parse floor (the time
// just to read and parse the same files on one core), measured in the same run, and checks recall on
// the planted defects. Results are printed as a Markdown table and written to .bench/results.json.
//
//   npm run bench -- [--preset small|large] [--dir DIR] [--bin dist/src/cli/main.js] [--skip-recall]
//
// --bin measures another build (a snapshot outside this checkout, which others' `npm run build` cannot delete).
//
// Needs ../shared/bench (gen-monorepo.mjs, parse-floor.mjs) and ../shared/bin/check-examples beside
// this repository; says what is missing otherwise. Never run by the tests: timings are noisy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(repo, '..', 'shared');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const bin = path.resolve(option('--bin', path.join(repo, 'dist/src/cli/main.js')));
const preset = option('--preset', 'large');
const skipRecall = args.includes('--skip-recall');

const need = [
  [path.join(shared, 'bench/gen-monorepo.mjs'), 'the corpus generator'],
  [path.join(shared, 'bench/parse-floor.mjs'), 'the parse-floor yardstick'],
  [bin, 'the built CLI (run npm run build)'],
];
const missing = need.filter(([file]) => !existsSync(file));
if (missing.length) {
  console.error(`bench: missing ${missing.map(([file, what]) => `${what} (${file})`).join(', ')}.`);
  console.error('The benchmark needs ../shared/bench beside this repository; it is not part of the test suite.');
  process.exit(2);
}

const dir = path.resolve(option('--dir', path.join(repo, '.bench', preset)));
if (!existsSync(path.join(dir, '.expected.json'))) {
  console.error(`bench: generating the ${preset} corpus in ${dir} ...`);
  mkdirSync(path.dirname(dir), { recursive: true });
  run(process.execPath, [path.join(shared, 'bench/gen-monorepo.mjs'), dir, '--preset', preset, '--force'], { stdio: 'inherit' });
}

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const hasTime = existsSync('/usr/bin/time');
const cores = os.cpus().length;
const cacheDir = path.join(os.tmpdir(), `noops-lint-bench-cache-${process.pid}`);
const sarifOut = path.join(os.tmpdir(), `noops-lint-bench-${process.pid}.sarif`);

// The yardstick: parse-floor on one core, in this run.
const floorRun = measure([process.execPath, path.join(shared, 'bench/parse-floor.mjs'), dir, '--json'], { oneCore: true, env: { NODE_PATH: path.join(repo, 'node_modules') } });
const floor = JSON.parse(floorRun.stdout);
const floorSeconds = floor.ms.floor / 1000;
const files = floor.files.total.files;
const expected = JSON.parse(readFileSync(path.join(dir, '.expected.json'), 'utf8'));
const functions = Object.keys(expected.functions ?? {}).length;

const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
const version = measure([process.execPath, bin, '--version']);
const cacheFlags = help.includes('--cache') ? ['--cache', '--cache-location', cacheDir] : [];
const lintArgs = (extra = []) => [process.execPath, bin, '.', '--format', 'sarif', '--output-file', sarifOut, ...extra];

const rows = [];
rmSync(cacheDir, { recursive: true, force: true });
rows.push(['cold, one core', measure(lintArgs(help.includes('--concurrency') ? ['--concurrency', 'off'] : []), { oneCore: true })]);
rmSync(cacheDir, { recursive: true, force: true });
rows.push(['cold, all cores', measure(lintArgs(cacheFlags))]);
if (cacheFlags.length) rows.push(['warm (cache, nothing changed)', measure(lintArgs(cacheFlags))]);
const handler = firstHandler(expected);
if (handler) {
  rows.push([`pre-commit, one changed handler (${handler})`, measure([process.execPath, bin, handler, '--format', 'sarif', '--output-file', sarifOut])]);
  if (cacheFlags.length) rows.push(['pre-commit, same handler, with the cache', measure([process.execPath, bin, handler, '--format', 'sarif', '--output-file', sarifOut, ...cacheFlags])]);
}

let recall = 'skipped';
if (!skipRecall && existsSync(path.join(shared, 'bin/check-examples'))) {
  const check = spawnSync(process.execPath, [path.join(shared, 'bin/check-examples'), '--project', dir, '--', process.execPath, bin], { encoding: 'utf8', maxBuffer: 1 << 28 });
  recall = check.stdout.trim().split('\n').pop() ?? 'no output';
}
rmSync(cacheDir, { recursive: true, force: true });
rmSync(sarifOut, { force: true });

const table = [
  `Corpus: ${preset} (${functions} functions, ${files} files, ${floor.files.total.lines} lines), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.versions.node}.`,
  `Parse floor (typescript-estree + yaml, one core, this run): ${floorSeconds.toFixed(2)} s, peak RSS ${floor.peakRssMiB} MiB.`,
  '',
  '| run | wall | x floor | peak RSS | files/s | functions/s |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([name, r]) => `| ${name} | ${r.seconds.toFixed(2)} s | ${(r.seconds / floorSeconds).toFixed(2)} | ${r.rssMiB ? `${r.rssMiB} MiB` : 'n/a'} | ${Math.round(files / r.seconds)} | ${Math.round(functions / r.seconds)} |`),
  '',
  `Start-up (--version): ${version.seconds.toFixed(2)} s.`,
  `Recall on the planted defects (check-examples): ${recall}`,
];
console.log(table.join('\n'));
mkdirSync(path.join(repo, '.bench'), { recursive: true });
writeFileSync(path.join(repo, '.bench', 'results.json'), `${JSON.stringify({ preset, functions, files, floorSeconds, rows: rows.map(([name, r]) => ({ name, seconds: r.seconds, rssMiB: r.rssMiB })), recall }, null, 2)}\n`);

function measure(command, { oneCore = false, env = {} } = {}) {
  let argv = command;
  if (oneCore && hasTaskset) argv = ['taskset', '-c', '0', ...argv];
  const timeFile = path.join(os.tmpdir(), `noops-lint-bench-time-${process.pid}`);
  if (hasTime) argv = ['/usr/bin/time', '-f', '%e %M', '-o', timeFile, ...argv];
  const started = process.hrtime.bigint();
  const result = run(argv[0], argv.slice(1), { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMiB;
  if (hasTime && existsSync(timeFile)) {
    const [, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2);
    rssMiB = Math.round(Number(kb) / 1024);
    rmSync(timeFile, { force: true });
  }
  return { seconds, rssMiB, stdout: result.stdout };
}

function run(file, argv, options) {
  const result = spawnSync(file, argv, options);
  // noops-lint exits 1 when it finds something: that is the point of the corpus.
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    console.error(`bench: ${[file, ...argv].join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})\n${result.stderr ?? ''}`);
    process.exit(1);
  }
  return result;
}

function firstHandler(expectedJson) {
  for (const entry of Object.values(expectedJson.functions ?? {})) {
    if (typeof entry.handler === 'string') return entry.handler.split('#')[0];
  }
  return undefined;
}

