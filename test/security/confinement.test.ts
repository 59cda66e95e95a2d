// Promise 3: nothing outside the project root is read: a canary beside the project never reaches any output or any open().
import fs, { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkRoot } from '../helpers/checked-project.js';
import { cli, cliAllFormats, copyFixture, expectCompletedRun, lintRoot, noInternalErrors, removeDir, sarifErrors, scratchDir } from './harness.js';

const CANARY = 'canary-5e1f0c3a-never-print-me';

let outer: string;
let root: string;

beforeAll(() => {
  outer = realpathSync(scratchDir('noops-canary-'));
  writeFileSync(path.join(outer, 'secret.yml'), `CANARY: ${CANARY}\nservice: ${CANARY}\n`);
  writeFileSync(path.join(outer, 'canary.js'), `export const handler = async () => '${CANARY}';\nexport const readSecret = () => '${CANARY}';\n`);
  writeFileSync(path.join(outer, 'tsconfig.base.json'), `{ "compilerOptions": { "paths": { "${CANARY}/*": ["./*"] } } }\n`);
  writeFileSync(path.join(outer, 'serverless.yml'), `service: ${CANARY}\nprovider:\n  name: aws\n  environment:\n    PASSWORD: ${CANARY}\n`);
  root = path.join(outer, 'a', 'b');
  mkdirSync(root, { recursive: true });
  copyFixture('escape', root);
  symlinkSync(path.join(outer, 'secret.yml'), path.join(root, 'linked-secret.yml'));
  symlinkSync(outer, path.join(root, 'linked-dir'));
  symlinkSync(path.join(outer, 'canary.js'), path.join(root, 'src', 'linked-canary.js'));
  symlinkSync(path.join(outer, 'secret.yml'), path.join(root, 'src', 'linked-config.json'));
  symlinkSync(path.join(outer, 'serverless.yml'), path.join(root, 'linked-serverless.yml'));
});

afterAll(() => removeDir(outer));

/** Paths handed to fs calls that read file contents or list folders, while `action` runs. */
function recordReads(action: () => void): string[] {
  const seen: string[] = [];
  const methods = ['openSync', 'readFileSync', 'readdirSync', 'opendirSync'] as const;
  const spies = methods.map((name) => {
    const original = fs[name] as (...args: unknown[]) => unknown;
    return vi.spyOn(fs, name).mockImplementation(((target: unknown, ...rest: unknown[]) => {
      if (typeof target === 'string' || target instanceof URL || Buffer.isBuffer(target)) seen.push(String(target));
      return original.call(fs, target, ...rest);
    }) as never);
  });
  // ESM named imports of node:fs read these bindings; this makes them point at the spies.
  syncBuiltinESMExports();
  try {
    action();
  } finally {
    for (const spy of spies) spy.mockRestore();
    syncBuiltinESMExports();
  }
  return seen;
}

function isOutsideRootButInsideCanaryFolder(p: string): boolean {
  const abs = path.resolve(root, p);
  const fromRoot = path.relative(root, abs);
  const fromOuter = path.relative(outer, abs);
  return (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) && !fromOuter.startsWith('..') && !path.isAbsolute(fromOuter);
}

describe('confinement to the project root', () => {
  it('refuses every escape with a located finding and reads nothing outside the root', () => {
    let run!: ReturnType<typeof checkRoot>;
    const reads = recordReads(() => {
      run = checkRoot(root);
      for (const fn of run.project.functions) run.analysis.usageOf(fn);
    });
    // The spies do see the reads (the project's own files), so an empty list below means something.
    expect(reads).toEqual(expect.arrayContaining([path.join(root, 'serverless.yml'), path.join(root, 'src', 'imports-out.js')]));
    expect(reads.filter(isOutsideRootButInsideCanaryFolder)).toEqual([]);
    expect(reads.filter((p) => p.startsWith('/etc'))).toEqual([]);
    noInternalErrors(run.findings);

    const located = (file: string) => run.findings.filter((f) => f.location.file === file && f.ruleId.startsWith('input/')).map((f) => f.location.line);
    // ${file(...)} escapes: parent, absolute, symlinked file, symlinked folder, encoded, backslashes.
    expect(located('serverless.yml')).toEqual(expect.arrayContaining([3, 8, 9, 10, 11, 12, 13]));
    // CodeUri: /etc, ../../ and a linked folder.
    expect(located('template.yaml')).toEqual(expect.arrayContaining([6, 12]));
    expect(run.findings.filter((f) => f.ruleId === 'input/skipped-file').map((f) => f.location.file)).toEqual(
      expect.arrayContaining(['linked-dir', 'linked-secret.yml', 'linked-serverless.yml']),
    );

    // Handlers: parent, absolute, through a linked folder, a linked file; and imports that leave the root.
    const usages = Object.fromEntries(run.project.functions.map((fn) => [fn.name, run.analysis.usageOf(fn)]));
    for (const name of ['parent', 'absolute', 'linkedDir', 'linkedFile', 'EtcFunction', 'ParentFunction', 'LinkedFunction']) {
      expect({ name, files: usages[name]?.files ?? [] }).toEqual({ name, files: [] });
      expect(usages[name]?.findings.map((f) => f.ruleId)).toEqual(['input/handler-not-found']);
    }
    expect(usages.importsOut?.files).toEqual(['src/imports-out.js']);
    expect(usages.importsOut?.findings.map((f) => f.ruleId)).toEqual(['input/unresolved', 'input/unresolved', 'input/unresolved']);

    expect(JSON.stringify(run.findings)).not.toContain(CANARY);
  });

  it('never prints the canary in any format', () => {
    const outputs = cliAllFormats(root, ['--debug']);
    expectCompletedRun(outputs);
    for (const [format, output] of Object.entries(outputs)) {
      expect({ format, leaked: output.stdout.includes(CANARY) || output.stderr.includes(CANARY) }).toEqual({ format, leaked: false });
      expect(output.stdout).not.toContain(outer);
    }
    expect(sarifErrors(outputs.sarif.stdout)).toEqual([]);
  });

  it('refuses a path argument outside the root as a usage error, without reading it', () => {
    const reads: string[] = [];
    let output!: ReturnType<typeof cli>;
    reads.push(...recordReads(() => (output = cli(root, ['../..', '--format', 'json']))));
    expect(output.code).toBe(2);
    expect(output.stderr).toContain('outside the project root');
    expect(output.stdout + output.stderr).not.toContain(CANARY);
    expect(reads.filter(isOutsideRootButInsideCanaryFolder)).toEqual([]);
  });
});
