// npm run bench: times noops-lint on a generated serverless monorepo against the parse floor (the time
// just to read and parse the same files on one core), measured in the same run, and checks recall on
// the planted defects. Results are printed as a Markdown table and written to .bench/results.json.
//
//   npm run bench -- [--preset small|large] [--dir DIR] [--bin dist/cli/noops-lint.js] [--skip-recall] [--runs N]
//                    [--eslint DIR] [--python-services N]
//
// The shared generator writes JavaScript and TypeScript services; scripts/gen-python-share.mjs adds Python ones
// (2 of 5 functions each for small, 40 of 10 for large: a fifth of the services; --python-services 0 leaves them out).
//
// --bin measures another build (a snapshot outside this checkout, which others' `npm run build` cannot delete).
// --runs N times each run N times and reports the median wall time (and the largest RSS): machines are noisy.
// --eslint DIR also times ESLint with eslint-plugin-security (and typescript-eslint's parser for .ts) on the same
// files, in the same run, with --concurrency 2 like noops-lint's two threads. DIR holds an npm install of
// eslint, eslint-plugin-security and typescript-eslint (they are not this project's dependencies):
//   npm install --prefix DIR eslint eslint-plugin-security typescript-eslint
//
// Needs ../shared/bench (gen-monorepo.mjs, parse-floor.mjs) and ../shared/bin/check-examples beside
// this repository; says what is missing otherwise. Never run by the tests: timings are noisy.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(repo, '..', 'shared');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const bin = path.resolve(option('--bin', path.join(repo, 'dist/cli/noops-lint.js')));
const preset = option('--preset', 'large');
const skipRecall = args.includes('--skip-recall');
const runs = Math.max(1, Number(option('--runs', '1')) || 1);
const eslintDir = args.includes('--eslint') ? path.resolve(option('--eslint', '')) : undefined;

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

// The corpus lives outside the repository: inside it, the repository's .gitignore (which lists .bench/) would
// hide the corpus from noops-lint, which reads the .gitignore files above the folder it lints.
const dir = path.resolve(option('--dir', path.join(os.tmpdir(), 'noops-lint-bench', preset)));
if (!existsSync(path.join(dir, '.expected.json'))) {
  console.error(`bench: generating the ${preset} corpus in ${dir} ...`);
  mkdirSync(path.dirname(dir), { recursive: true });
  run(process.execPath, [path.join(shared, 'bench/gen-monorepo.mjs'), dir, '--preset', preset, '--force'], { stdio: 'inherit' });
  const [pyServices, pyFunctions] = preset === 'large' ? [40, 10] : [2, 5];
  const count = option('--python-services', String(pyServices));
  if (Number(count) > 0) run(process.execPath, [path.join(repo, 'scripts/gen-python-share.mjs'), dir, '--services', count, '--functions-per-service', String(pyFunctions)], { stdio: 'inherit' });
}

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const hasTime = existsSync('/usr/bin/time');
const cores = os.cpus().length;
const cacheDir = path.join(os.tmpdir(), `noops-lint-bench-cache-${process.pid}`);
const sarifOut = path.join(os.tmpdir(), `noops-lint-bench-${process.pid}.sarif`);

// The yardstick: parse-floor on one core, in this run.
const floorRun = measure([process.execPath, path.join(shared, 'bench/parse-floor.mjs'), dir, '--json'], { oneCore: true, env: { NODE_PATH: path.join(repo, 'node_modules') } });
// Its own in-process timing (no process start-up), the median over the runs.
const floors = floorRun.stdouts.map((text) => JSON.parse(text));
const floor = floors.sort((a, b) => a.ms.floor - b.ms.floor)[Math.floor((floors.length - 1) / 2)];
const floorSeconds = floor.ms.floor / 1000;
const files = floor.files.total.files;
const expected = JSON.parse(readFileSync(path.join(dir, '.expected.json'), 'utf8'));
const functions = Object.keys(expected.functions ?? {}).length;

const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
const version = measure([process.execPath, bin, '--version']);
const cacheFlags = help.includes('--cache') ? ['--cache', '--cache-location', cacheDir] : [];
const lintArgs = (extra = []) => [process.execPath, bin, '.', '--format', 'sarif', '--output-file', sarifOut, ...extra];

const rows = [];
const cold = { before: () => rmSync(cacheDir, { recursive: true, force: true }) };
rows.push(['cold, one core', measure(lintArgs(help.includes('--concurrency') ? ['--concurrency', 'off'] : []), { oneCore: true, ...cold })]);
rows.push(['cold, all cores', measure(lintArgs(cacheFlags), cold)]);
// A corpus the linter cannot see (a .gitignore above it, a wrong --dir) would time nothing at all.
const reported = existsSync(sarifOut) ? (JSON.parse(readFileSync(sarifOut, 'utf8')).runs?.[0]?.results?.length ?? 0) : 0;
if (reported === 0) {
  console.error(`bench: noops-lint reported nothing in ${dir}, which holds planted defects; is it hidden by a .gitignore above it?`);
  process.exit(1);
}
if (cacheFlags.length) rows.push(['warm (cache, nothing changed)', measure(lintArgs(cacheFlags))]);
const handler = firstHandler(expected);
if (handler) {
  rows.push([`pre-commit, one changed handler (${handler})`, measure([process.execPath, bin, handler, '--format', 'sarif', '--output-file', sarifOut])]);
  if (cacheFlags.length) rows.push(['pre-commit, same handler, with the cache', measure([process.execPath, bin, handler, '--format', 'sarif', '--output-file', sarifOut, ...cacheFlags])]);
}

let eslint;
if (eslintDir) {
  const eslintBin = path.join(eslintDir, 'node_modules', '.bin', 'eslint');
  if (!existsSync(eslintBin)) {
    console.error(`bench: no ESLint in ${eslintDir}; install it with: npm install --prefix ${eslintDir} eslint eslint-plugin-security typescript-eslint`);
    process.exit(2);
  }
  // The config must sit beside the install so its imports resolve there.
  const eslintConfig = path.join(eslintDir, 'noops-lint-bench.eslint.config.mjs');
  writeFileSync(
    eslintConfig,
    [
      "import security from 'eslint-plugin-security';",
      "import tseslint from 'typescript-eslint';",
      'export default [',
      "  { ignores: ['**/node_modules/**', '**/.*/**'] },",
      "  { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } },",
      '  security.configs.recommended,',
      '];',
      '',
    ].join('\n'),
  );
  const eslintOut = path.join(os.tmpdir(), `noops-lint-bench-eslint-${process.pid}.json`);
  eslint = measure([eslintBin, '-c', eslintConfig, '--concurrency', '2', '--no-warn-ignored', '-f', 'json', '-o', eslintOut, '.'], { okStatus: [0, 1] });
  rmSync(eslintOut, { force: true });
}

let recall = 'skipped';
if (!skipRecall && existsSync(path.join(shared, 'bin/check-examples'))) {
  // Its report goes to a file: a process that exits right after writing to a pipe may lose the end of it.
  const reportFile = path.join(os.tmpdir(), `noops-lint-bench-recall-${process.pid}.txt`);
  const fd = openSync(reportFile, 'w');
  spawnSync(process.execPath, [path.join(shared, 'bin/check-examples'), '--project', dir, '--', process.execPath, bin], { stdio: ['ignore', fd, 'ignore'] });
  closeSync(fd);
  const lines = readFileSync(reportFile, 'utf8').trim().split('\n');
  rmSync(reportFile, { force: true });
  recall = lines.findLast((line) => /^findings \d+\/\d+/.test(line)) ?? `no summary line (last line: ${lines.at(-1) ?? 'none'})`;
}
rmSync(cacheDir, { recursive: true, force: true });
rmSync(sarifOut, { force: true });

const table = [
  `Corpus: ${preset} (${functions} functions, ${files} files, ${floor.files.total.lines} lines${expected.totals?.pythonServices ? `, plus ${expected.totals.pythonServices} Python services: ${expected.totals.pythonFiles} files, ${expected.totals.pythonLines} lines` : ''}), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.versions.node}.`,
  `Parse floor (typescript-estree + yaml, one core, this run): ${floorSeconds.toFixed(2)} s, peak RSS ${floor.peakRssMiB} MiB.`,
  '',
  '| run | wall | x floor | peak RSS | files/s | functions/s |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([name, r]) => `| ${name} | ${r.seconds.toFixed(2)} s | ${(r.seconds / floorSeconds).toFixed(2)} | ${r.rssMiB ? `${r.rssMiB} MiB` : 'n/a'} | ${Math.round(files / r.seconds)} | ${Math.round(functions / r.seconds)} |`),
  '',
  `Start-up (--version): ${version.seconds.toFixed(2)} s.`,
  ...(eslint ? [`ESLint + eslint-plugin-security on the same files (--concurrency 2, this run): ${eslint.seconds.toFixed(2)} s, peak RSS ${eslint.rssMiB ?? 'n/a'} MiB; noops-lint cold on all cores is ${(eslint.seconds / rows[1][1].seconds).toFixed(1)}x faster.`] : []),
  `Recall on the planted defects (check-examples): ${recall}`,
];
console.log(table.join('\n'));
mkdirSync(path.join(repo, '.bench'), { recursive: true });
writeFileSync(path.join(repo, '.bench', 'results.json'), `${JSON.stringify({ preset, functions, files, runs, floorSeconds, rows: rows.map(([name, r]) => ({ name, seconds: r.seconds, all: r.all, rssMiB: r.rssMiB })), eslint, recall }, null, 2)}\n`);

/** Runs `command` `runs` times (calling `before` first each time): the median wall time, the largest peak RSS. */
function measure(command, { oneCore = false, env = {}, before, okStatus } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    samples.push(measureOnce(command, { oneCore, env, okStatus }));
  }
  const sorted = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const rss = samples.map((s) => s.rssMiB).filter((r) => r !== undefined);
  return {
    seconds: sorted[Math.floor((sorted.length - 1) / 2)],
    all: samples.map((s) => Number(s.seconds.toFixed(2))),
    rssMiB: rss.length ? Math.max(...rss) : undefined,
    stdout: samples[samples.length - 1].stdout,
    stdouts: samples.map((s) => s.stdout),
  };
}

function measureOnce(command, { oneCore, env, okStatus }) {
  let argv = command;
  if (oneCore && hasTaskset) argv = ['taskset', '-c', '0', ...argv];
  const timeFile = path.join(os.tmpdir(), `noops-lint-bench-time-${process.pid}`);
  if (hasTime) argv = ['/usr/bin/time', '-f', '%e %M', '-o', timeFile, ...argv];
  const started = process.hrtime.bigint();
  const result = run(argv[0], argv.slice(1), { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 }, okStatus);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMiB;
  if (hasTime && existsSync(timeFile)) {
    const [, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2);
    rssMiB = Math.round(Number(kb) / 1024);
    rmSync(timeFile, { force: true });
  }
  return { seconds, rssMiB, stdout: result.stdout };
}

function run(file, argv, options, okStatus = [0, 1]) {
  const result = spawnSync(file, argv, options);
  // noops-lint exits 1 when it finds something: that is the point of the corpus.
  if (result.error || !okStatus.includes(result.status)) {
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

