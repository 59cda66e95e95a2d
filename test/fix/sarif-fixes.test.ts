// SARIF results about statements `noops-lint fix` would change carry the change as a SARIF fix; applying it gives the
// file the fix command writes.
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/cli/io.js';

const cases = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/fix');

interface Replacement {
  deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  insertedContent: { text: string };
}
interface SarifResult {
  ruleId: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
  fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Replacement[] }> }>;
}

function sarifOf(name: string, args: string[] = ['--sarif-fixes']): { results: SarifResult[]; root: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'noops-sarif-fix-'));
  cpSync(path.join(cases, name, 'before'), root, { recursive: true });
  mkdirSync(path.join(root, '.git'));
  let stdout = '';
  const io: CliIo = { cwd: root, env: {}, isTTY: false, now: new Date('2026-06-01T00:00:00Z'), stdout: (t) => (stdout += t), stderr: () => {} };
  runCli(['--format', 'sarif', ...args], io);
  return { results: (JSON.parse(stdout) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!.results, root };
}

/** Applies line-based replacements (regions end at a column, or at column 1 of the line after). */
function apply(text: string, replacements: Replacement[]): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).join('').length + column - 1;
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.deletedRegion.startLine - a.deletedRegion.startLine)) {
    const start = offset(r.deletedRegion.startLine, r.deletedRegion.startColumn);
    const end = offset(r.deletedRegion.endLine, r.deletedRegion.endColumn);
    out = out.slice(0, start) + r.insertedContent.text + out.slice(end);
  }
  return out;
}

describe('SARIF fixes', () => {
  it('are planned only with --sarif-fixes', () => {
    const { results, root } = sarifOf('serverless-provider', []);
    try {
      expect(results.some((r) => r.ruleId === 'iam/unused-permission')).toBe(true);
      expect(results.filter((r) => r.fixes)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('carries the fix on the unused, wildcard and missing findings it addresses, and applying it gives the fixed file', () => {
    const { results, root } = sarifOf('serverless-provider');
    try {
      const fixed = results.filter((r) => r.fixes);
      expect(fixed.map((r) => `${r.ruleId}@${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`).sort()).toEqual([
        'iam/missing-permission@src/put.ts:10',
        'iam/unused-permission@serverless.yml:23',
        'iam/unused-permission@serverless.yml:29',
        'iam/wildcard-action@serverless.yml:24',
      ]);
      // The shared role is not split by the fix: its finding has none.
      expect(results.find((r) => r.ruleId === 'iam/shared-role')?.fixes).toBeUndefined();
      const changes = fixed.flatMap((r) => r.fixes!.flatMap((f) => f.artifactChanges));
      expect(new Set(changes.map((c) => c.artifactLocation.uri))).toEqual(new Set(['serverless.yml']));
      const before = readFileSync(path.join(cases, 'serverless-provider', 'before', 'serverless.yml'), 'utf8');
      const after = readFileSync(path.join(cases, 'serverless-provider', 'after', 'serverless.yml'), 'utf8');
      for (const change of changes) expect(apply(before, change.replacements)).toBe(after);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('carries the removal of an AWS managed policy entry the code does not use, and none for one it partly uses', () => {
    const { results, root } = sarifOf('sam-managed-policies');
    try {
      const at = (r: SarifResult): string => `${r.ruleId}@${r.locations[0]!.physicalLocation.region.startLine}`;
      expect(results.filter((r) => r.fixes).map(at).sort()).toEqual(['iam/unused-permission@17', 'iam/unused-permission@18', 'iam/unused-permission@34']);
      // AmazonS3ReadOnlyAccess (line 33), partly used, stays: what is reported there carries no fix.
      const partly = results.filter((r) => r.locations[0]!.physicalLocation.region.startLine === 33);
      expect(partly.length).toBeGreaterThan(0);
      expect(partly.filter((r) => r.fixes)).toEqual([]);
      // Each Policies list is one change; both applied give the fixed file.
      const replacements = new Map(results.flatMap((r) => r.fixes ?? []).flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements)).map((r) => [JSON.stringify(r), r]));
      const before = readFileSync(path.join(cases, 'sam-managed-policies', 'before', 'template.yaml'), 'utf8');
      const after = readFileSync(path.join(cases, 'sam-managed-policies', 'after', 'template.yaml'), 'utf8');
      expect(apply(before, [...replacements.values()])).toBe(after);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('carries no fix where the derivation is incomplete', () => {
    const { results, root } = sarifOf('serverless-incomplete');
    try {
      expect(results.some((r) => r.fixes)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps CRLF line breaks in the replacement', () => {
    const { results, root } = sarifOf('serverless-legacy-crlf');
    try {
      const fix = results.find((r) => r.fixes)?.fixes?.[0];
      expect(fix?.artifactChanges[0]!.replacements[0]!.insertedContent.text).toContain("Action: ['s3:PutObject']\r\n");
      const before = readFileSync(path.join(cases, 'serverless-legacy-crlf', 'before', 'serverless.yml'), 'utf8');
      const after = readFileSync(path.join(cases, 'serverless-legacy-crlf', 'after', 'serverless.yml'), 'utf8');
      expect(apply(before, fix!.artifactChanges[0]!.replacements)).toBe(after);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
