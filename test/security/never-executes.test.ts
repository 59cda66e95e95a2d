// Promise 4: analysed code is never run: planted code that would leave a marker file never does, and no process or socket is opened.
import child_process from 'node:child_process';
import dns from 'node:dns';
import { readdirSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { checkRoot } from '../helpers/checked-project.js';
import { cliAllFormats, copyFixture, expectCompletedRun, lintRoot, noInternalErrors, removeDir } from './harness.js';

let root: string;

beforeAll(() => {
  root = copyFixture('never-run');
});

afterAll(() => removeDir(root));

function markers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => path.basename(entry).startsWith('EXECUTED'));
}

/** Makes every way of starting a process, opening a socket or resolving a name fail loudly, and records attempts. */
function forbidProcessesAndNetwork() {
  const attempts: string[] = [];
  const forbid = <T extends object>(target: T, name: keyof T & string, label: string): MockInstance =>
    vi.spyOn(target as Record<string, () => unknown>, name).mockImplementation((() => {
      attempts.push(label);
      throw new Error(`${label} is forbidden while linting`);
    }) as never);
  const spies = [
    ...(['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const).map((name) => forbid(child_process, name, `child_process.${name}`)),
    forbid(net.Socket.prototype, 'connect', 'net.Socket.connect'),
    forbid(dns, 'lookup', 'dns.lookup'),
    forbid(globalThis, 'fetch', 'fetch'),
  ];
  syncBuiltinESMExports();
  return {
    attempts,
    restore() {
      for (const spy of spies) spy.mockRestore();
      syncBuiltinESMExports();
    },
  };
}

describe('analysed code is never run', () => {
  it('leaves no marker after lint(), source analysis and every output format, and opens no process or socket', () => {
    const guard = forbidProcessesAndNetwork();
    let run!: ReturnType<typeof checkRoot>;
    try {
      run = checkRoot(root);
      for (const fn of run.project.functions) run.analysis.usageOf(fn);
      expectCompletedRun(cliAllFormats(root));
    } finally {
      guard.restore();
    }
    expect(guard.attempts).toEqual([]);
    expect(markers(root)).toEqual([]);
    noInternalErrors(run.findings);

    // Configurations written as code are read as static data, never run.
    expect(run.findings.filter((f) => f.ruleId === 'input/skipped-file')).toEqual([]);
    expect(run.project.services.map((s) => [s.manifest, s.name])).toEqual([
      ['serverless.ts', 'never-run'],
      ['services/cjs/serverless.js', 'never-run-js'],
      ['services/mjs/serverless.mjs', 'never-run-mjs'],
      ['services/yml/serverless.yml', 'never-run-yml'],
      ['template.yaml', expect.any(String)],
    ]);
    // ${file(./config.js)} and friends would run JavaScript in the framework; here they stay unresolved.
    const unresolved = run.findings.filter((f) => f.ruleId === 'input/unresolved' && f.location.file === 'services/yml/serverless.yml');
    expect(unresolved.map((f) => f.location.line)).toEqual([7, 8, 9, 10]);
  });

  it('has fixtures that would leave a marker if they were run (the control)', () => {
    const copy = copyFixture('never-run');
    try {
      createRequire(path.join(copy, 'index.js'))('./services/yml/config.cjs');
      expect(markers(copy)).toEqual(['services/yml/EXECUTED-config-cjs']);
    } finally {
      removeDir(copy);
    }
  });

  it('still reads the planted handlers statically', () => {
    const run = checkRoot(root);
    const api = run.project.functions.find((fn) => fn.name === 'api')!;
    const legacy = run.project.functions.find((fn) => fn.name === 'cjs')!;
    expect(run.analysis.usageOf(api)?.calls.map((c) => `${c.service}:${c.operation}`)).toEqual(['s3:PutObject']);
    expect(run.analysis.usageOf(legacy)?.calls.map((c) => `${c.service}:${c.operation}`)).toEqual(['s3:GetObject']);
    expect(markers(root)).toEqual([]);
  });
});
