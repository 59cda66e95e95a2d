// Runs action.yml as the runner would, without GitHub: checks its metadata, then runs `node dist/action.js` in a
// fixture repository checked out like a pull request's merge commit, with the GITHUB_* and INPUT_* variables set.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The Action as the runner checks it out: the repository at a tag, with no node_modules (nothing is installed at
 * run time), so the bundle must carry every dependency itself.
 */
const actionRoot = (() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-action-checkout-'));
  for (const entry of ['action.yml', 'package.json', 'dist', 'schemas', 'src/data']) {
    if (existsSync(path.join(repoRoot, entry))) cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
})();
const fixture = path.join(repoRoot, 'fixtures/action/repo');

interface ActionInput {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}
interface ActionMetadata {
  name?: unknown;
  description?: unknown;
  author?: unknown;
  branding?: { icon?: unknown; color?: unknown };
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: unknown; value?: unknown }>;
  runs?: Record<string, unknown>;
}

const actionText = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
const action = parse(actionText) as ActionMetadata;

/** GitHub's metadata rules (docs: "Metadata syntax for GitHub Actions"), as problems found. */
function metadataProblems(meta: ActionMetadata): string[] {
  const problems: string[] = [];
  const allowedTop = new Set(['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']);
  for (const key of Object.keys(meta)) if (!allowedTop.has(key)) problems.push(`unknown top-level key ${key}`);
  if (typeof meta.name !== 'string' || !meta.name) problems.push('name is required');
  if (typeof meta.description !== 'string' || !meta.description) problems.push('description is required');
  const id = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    if (!id.test(name)) problems.push(`input id ${name} is invalid`);
    if (typeof input.description !== 'string') problems.push(`input ${name} needs a description`);
    if (input.default !== undefined && typeof input.default !== 'string') problems.push(`input ${name} default must be a string`);
    if (input.required !== undefined && typeof input.required !== 'boolean') problems.push(`input ${name} required must be a boolean`);
  }
  for (const [name, output] of Object.entries(meta.outputs ?? {})) {
    if (!id.test(name)) problems.push(`output id ${name} is invalid`);
    if (typeof output.description !== 'string') problems.push(`output ${name} needs a description`);
  }
  const runs = meta.runs ?? {};
  if (runs.using === 'node20' || runs.using === 'node24') {
    if (typeof runs.main !== 'string') problems.push('a JavaScript action needs runs.main');
    else if (!existsSync(path.join(repoRoot, runs.main))) problems.push(`runs.main ${runs.main} does not exist (run npm run build)`);
    for (const key of Object.keys(runs)) if (!['using', 'main', 'pre', 'post', 'pre-if', 'post-if'].includes(key)) problems.push(`runs.${key} is not allowed for ${runs.using}`);
  } else if (runs.using === 'composite') {
    if (!Array.isArray(runs.steps)) problems.push('a composite action needs runs.steps');
  } else {
    problems.push(`runs.using ${String(runs.using)} is not node20, node24 or composite`);
  }
  const colors = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];
  if (meta.branding && !colors.includes(String(meta.branding.color))) problems.push(`branding.color ${String(meta.branding.color)} is not allowed`);
  // ${{ inputs.x }} anywhere in the file must name a declared input.
  for (const match of actionText.matchAll(/\$\{\{[^}]*?\binputs\.([A-Za-z0-9_-]+)/g)) {
    if (!(match[1]! in (meta.inputs ?? {}))) problems.push(`\${{ inputs.${match[1]} }} names no input`);
  }
  return problems;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir() },
  }).trim();
}

interface PullRequestCheckout {
  workspace: string;
  baseSha: string;
  eventPath: string;
  secretLine: number;
}

/** The fixture on main, a pull request that adds a plaintext secret to orders, checked out as its merge commit. */
function pullRequestCheckout(): PullRequestCheckout {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'noops-action-'));
  cpSync(fixture, workspace, { recursive: true });
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', '-b', 'feature');
  const manifest = path.join(workspace, 'services/orders/serverless.yml');
  const text = readFileSync(manifest, 'utf8').replace('      TABLE_NAME: orders\n', '      TABLE_NAME: orders\n      DB_PASSWORD: correct-horse-battery-staple-42\n');
  writeFileSync(manifest, text);
  const secretLine = text.split('\n').findIndex((line) => line.includes('DB_PASSWORD')) + 1;
  writeFileSync(path.join(workspace, 'services/orders/src/create.js'), readFileSync(path.join(workspace, 'services/orders/src/create.js'), 'utf8') + '// touched\n');
  git(workspace, 'commit', '-q', '-am', 'add a secret');
  git(workspace, 'checkout', '-q', 'main');
  git(workspace, 'merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature into main');
  const eventPath = path.join(workspace, '..', `${path.basename(workspace)}-event.json`);
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: baseSha } } }));
  return { workspace, baseSha, eventPath, secretLine };
}

interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Array<{ level: string; properties: Record<string, string>; message: string }>;
}

/** What the runner does for `uses: ./` with `with:` inputs: INPUT_* from defaults and overrides, then node <main>. */
function runStep(checkout: PullRequestCheckout, inputs: Record<string, string>): StepRun {
  const outputFile = path.join(checkout.workspace, '..', `${path.basename(checkout.workspace)}-output`);
  const summaryFile = path.join(checkout.workspace, '..', `${path.basename(checkout.workspace)}-summary.md`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: os.tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: checkout.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: checkout.eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: git(checkout.workspace, 'rev-parse', 'HEAD'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTION_PATH: actionRoot,
    RUNNER_TEMP: os.tmpdir(),
  };
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? String(input.default ?? '');
  }
  for (const name of Object.keys(inputs)) expect(action.inputs, `with: ${name} is not an input of action.yml`).toHaveProperty(name);
  const runs = action.runs as { using: string; main: string };
  const result = spawnSync(process.execPath, [path.join(actionRoot, runs.main)], { cwd: checkout.workspace, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const annotations = result.stdout
    .split('\n')
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      level: m[1]!,
      properties: Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => p.split('=') as [string, string])),
      message: m[3]!,
    }));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), annotations };
}

interface SarifLog {
  runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }>; partialFingerprints: Record<string, string>; suppressions?: unknown[] }> }>;
}

describe('action.yml', () => {
  it('follows the Action metadata rules', () => {
    expect(metadataProblems(action)).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
  });

  it('declares exactly the inputs the code reads, and the outputs it writes', () => {
    const source = readFileSync(path.join(repoRoot, 'src/action/inputs.ts'), 'utf8');
    const read = [...source.matchAll(/get(?:Boolean)?Input\(env, '([^']+)'/g)].map((m) => m[1]).sort();
    expect(read).toEqual(Object.keys(action.inputs ?? {}).sort());
    const runner = readFileSync(path.join(repoRoot, 'src/action/run-action.ts'), 'utf8');
    const block = /setOutputs\(io, \{([\s\S]*?)\n  \}\);/.exec(runner)?.[1] ?? '';
    const written = [...block.matchAll(/^\s*'?([a-z-]+)'?:/gm)].map((m) => m[1]).sort();
    expect(written).toEqual(Object.keys(action.outputs ?? {}).sort());
  });

  it('catches a metadata mistake (the checker itself works)', () => {
    expect(metadataProblems({ name: 'x', description: 'y', runs: { using: 'node12', main: 'x.js' }, inputs: { '1bad': {} } })).toEqual([
      'input id 1bad is invalid',
      'input 1bad needs a description',
      'runs.using node12 is not node20, node24 or composite',
    ]);
  });
});

describe('running the Action on a pull request', () => {
  let checkout: PullRequestCheckout;
  beforeAll(() => {
    expect(existsSync(path.join(repoRoot, 'dist/action.js')), 'dist/action.js is missing: run npm run build').toBe(true);
    checkout = pullRequestCheckout();
  });
  afterAll(() => {
    const base = path.basename(checkout.workspace);
    rmSync(checkout.workspace, { recursive: true, force: true });
    for (const suffix of ['-event.json', '-output', '-summary.md']) rmSync(path.join(checkout.workspace, '..', base + suffix), { force: true });
  });

  it('fails on the error, writes SARIF, annotations on the changed line first, outputs and a summary', () => {
    const run = runStep(checkout, {});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);

    expect(run.outputs['sarif-file']).toBe('noops-lint.sarif');
    const sarif = JSON.parse(readFileSync(path.join(checkout.workspace, 'noops-lint.sarif'), 'utf8')) as SarifLog;
    const results = sarif.runs[0]!.results;
    for (const result of results) {
      const location = result.locations[0]!.physicalLocation;
      expect(location.artifactLocation.uri).toMatch(/^services\/(orders|thumbs)\//);
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(result.partialFingerprints['noopsLint/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
    const count = (level: string) => String(results.filter((r) => r.level === level).length);
    expect([run.outputs.errors, run.outputs.warnings, run.outputs.notes]).toEqual([count('error'), count('warning'), count('note')]);
    expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(2);
    expect(results.some((r) => r.ruleId === 'secrets/plaintext-env' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'services/thumbs/template.yaml')).toBe(true);

    // Errors first, and among them the one on the line the pull request changed.
    const first = run.annotations[0]!;
    expect(first).toMatchObject({ level: 'error', properties: { file: 'services/orders/serverless.yml', line: String(checkout.secretLine), title: 'secrets/plaintext-env' } });
    const levels = run.annotations.map((a) => a.level);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
    for (const level of ['error', 'warning', 'notice']) expect(levels.filter((l) => l === level).length).toBeLessThanOrEqual(10);
    expect(first.message).not.toContain('correct-horse');

    expect(run.summary).toContain('## noops-lint');
    expect(run.summary).toContain('❌ Failed');
    expect(run.summary).toMatch(/\| `secrets\/plaintext-env` \| 2 \| 0 \| 0 \|/);
    expect(run.summary).toContain(`](https://github.com/acme/shop/blob/${git(checkout.workspace, 'rev-parse', 'HEAD')}/services/orders/serverless.yml#L${checkout.secretLine})`);
    // Derived versus granted, per function.
    expect(run.summary).toContain('### Permissions: derived from code vs granted');
    expect(run.summary).toMatch(/\| `create` \(services\/orders\/serverless\.yml\) \| `dynamodb:PutItem` \| `dynamodb:\*`/);
    expect(run.summary).toMatch(/\| `ThumbnailFunction` \(services\/thumbs\/template\.yaml\) \| — \| .*`s3:\*` \| ✅ none \| `s3:\*` \|/);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    // The log carries the human report too.
    expect(run.stdout).toMatch(/services\/orders\/serverless\.yml\n/);
  });

  it('with only-changed, analyses whole services but reports only findings in the changed files', () => {
    const run = runStep(checkout, { 'only-changed': 'true', 'sarif-file': 'out/changed.sarif' });
    expect(run.status).toBe(1);
    expect(run.outputs['sarif-file']).toBe('out/changed.sarif');
    const results = (JSON.parse(readFileSync(path.join(checkout.workspace, 'out/changed.sarif'), 'utf8')) as SarifLog).runs[0]!.results;
    const uris = new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris].every((uri) => uri.startsWith('services/orders/'))).toBe(true);
    expect(results.some((r) => r.ruleId === 'secrets/plaintext-env')).toBe(true);
    expect(run.annotations.every((a) => a.level === 'notice' && !a.properties.file) || run.annotations.filter((a) => a.properties.file).every((a) => a.properties.file!.startsWith('services/orders/'))).toBe(true);
    expect(run.summary).toMatch(/Only findings in the 2 changed files \([0-9a-f]{12}\.\.HEAD\)/);
  });

  it('passes with fail-on never, writes no SARIF when sarif-file is empty, and skips the summary when asked', () => {
    const run = runStep(checkout, { 'fail-on': 'never', 'sarif-file': '', summary: 'false', annotations: 'false' });
    expect(run.status).toBe(0);
    expect(run.outputs['sarif-file']).toBe('');
    expect(run.summary).toBe('');
    expect(run.annotations).toEqual([]);
  });

  it('leaves the fail level to the configuration file unless fail-on is set', () => {
    const config = path.join(checkout.workspace, '.noops-lint.yaml');
    writeFileSync(config, 'failOn: never\n');
    try {
      expect(runStep(checkout, { 'sarif-file': '' }).status).toBe(0);
      expect(runStep(checkout, { 'sarif-file': '', 'fail-on': 'error' }).status).toBe(1);
    } finally {
      rmSync(config);
    }
  });

  it('reports a bad input as one error annotation and exit code 2', () => {
    const run = runStep(checkout, { 'only-changed': 'yes please' });
    expect(run.status).toBe(2);
    expect(run.annotations).toEqual([{ level: 'error', properties: { title: 'noops-lint' }, message: 'Input only-changed must be true or false, not "yes please".' }]);
  });

  it('honours a baseline: recorded findings neither fail nor appear in SARIF', () => {
    const cli = path.join(repoRoot, 'dist/cli/noops-lint.js');
    execFileSync(process.execPath, [cli, '--write-baseline', 'noops-lint-baseline.json'], { cwd: checkout.workspace, stdio: 'pipe' });
    const run = runStep(checkout, { baseline: 'noops-lint-baseline.json', 'sarif-file': 'baselined.sarif' });
    expect(run.status).toBe(0);
    expect(run.outputs.errors).toBe('0');
    const results = (JSON.parse(readFileSync(path.join(checkout.workspace, 'baselined.sarif'), 'utf8')) as SarifLog).runs[0]!.results;
    expect(results).toEqual([]);
    expect(run.summary).toMatch(/finding(s)? suppressed: 0 inline, 0 by resource Metadata, \d+ by the baseline/);
  });
});
