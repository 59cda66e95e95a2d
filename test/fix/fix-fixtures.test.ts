// `noops-lint fix` on before/after fixture projects: the fixed files equal after/ byte for byte (every other file is
// untouched), --dry-run writes nothing and prints the same change as a diff, a second run changes nothing, and the
// fixed project lints clean of iam/unused-permission and iam/missing-permission (unless the case says what stays).
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

const cases = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/fix');

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

function cli(root: string, ...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: root, env: {}, isTTY: false, now: new Date('2026-06-01T00:00:00Z'), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

function snapshot(root: string): Map<string, Buffer> {
  return new Map(filesUnder(root).filter((f) => !f.startsWith('.git/')).map((f) => [f, readFileSync(path.join(root, f))]));
}

describe('noops-lint fix on fixture projects', () => {
  for (const name of readdirSync(cases).sort()) {
    it(name, () => {
      const dir = path.join(cases, name);
      const root = mkdtempSync(path.join(os.tmpdir(), 'noops-fix-'));
      try {
        cpSync(path.join(dir, 'before'), root, { recursive: true });
        mkdirSync(path.join(root, '.git'));
        const before = snapshot(root);

        const argsFile = path.join(dir, 'args.txt');
        const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split(/\s+/).filter(Boolean) : [];
        const dry = cli(root, 'fix', '--dry-run', ...extra);
        expect(dry.code).toBe(0);
        expect(snapshot(root)).toEqual(before);

        const run = cli(root, 'fix', ...extra);
        expect(run.code).toBe(0);
        const expectedOutput = path.join(dir, 'expected.txt');
        expect(run.stdout).toBe(readFileSync(expectedOutput, 'utf8'));
        const afterDir = path.join(dir, 'after');
        const changed = existsSync(afterDir) ? filesUnder(afterDir) : [];
        const now = snapshot(root);
        for (const [file, bytes] of before) {
          const expected = changed.includes(file) ? readFileSync(path.join(afterDir, file)) : bytes;
          expect(now.get(file)?.toString('utf8'), file).toBe(expected.toString('utf8'));
          expect(now.get(file)?.equals(expected), file).toBe(true);
        }
        if (changed.length > 0) {
          for (const file of changed) expect(dry.stdout).toContain(`+++ b/${file}`);
        } else expect(dry.stdout).toContain('Nothing to fix.');

        const again = cli(root, 'fix', ...extra);
        expect(again.stdout).toContain('Nothing to fix.');
        expect(snapshot(root)).toEqual(now);

        const lint = cli(root, '--format', 'json', '--rule', 'iam/unused-permission', '--rule', 'iam/missing-permission');
        const findings = (JSON.parse(lint.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings;
        const remainingFile = path.join(dir, 'remaining.txt');
        const remaining = existsSync(remainingFile) ? readFileSync(remainingFile, 'utf8').split('\n').filter(Boolean) : [];
        expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(remaining.sort());
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
