// A Serverless service written as serverless.ts, end to end through the command line: findings point at the
// TypeScript, the JSON report names the function, and `fix` leaves the code unchanged and says why.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/load/serverless-ts');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-sls-ts-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function cli(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, isTTY: false, now: new Date('2026-06-01T00:00:00Z'), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

function copy(name: string): string {
  cpSync(path.join(FIXTURES, name), root, { recursive: true });
  mkdirSync(path.join(root, '.git'));
  return root;
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  function?: string;
}

function jsonFindings(stdout: string): JsonFinding[] {
  const report = JSON.parse(stdout) as { findings?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>;
  const list = Array.isArray(report) ? report : (report.findings ?? []);
  return list.map((f) => {
    const location = (f.location ?? {}) as { file?: string; line?: number; column?: number };
    return { ruleId: f.ruleId as string, severity: f.severity as string, file: (f.file as string) ?? location.file!, line: (f.line as number) ?? location.line!, column: (f.column as number) ?? location.column!, ...(f.function ? { function: f.function as string } : {}) };
  });
}

describe('noops-lint on a serverless.ts service', () => {
  it('reports the unused grant at its line in serverless.ts, and the unresolvable call as a note', () => {
    const project = copy('template');
    const run = cli(project, ['--format', 'json', '--fail-on', 'never']);
    expect(run.code, run.stderr).toBe(0);
    const findings = jsonFindings(run.stdout);
    expect(findings.filter((f) => f.ruleId === 'iam/unused-permission').map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['serverless.ts:24:60']);
    expect(findings.some((f) => f.ruleId === 'internal/rule-error' || f.ruleId === 'input/parse-error')).toBe(false);
    const stylish = cli(project, ['--verbose', '--format', 'compact']);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('serverless.ts');
    expect(stylish.stdout).toContain('dynamodb:DeleteTable is granted to "createOrder" and "listOrders"');
    expect(stylish.stdout).toContain('Could not resolve "buildStamp()"');
    expect(stylish.stdout).not.toContain('Skipped');
  });

  it('runs from a service folder of a compose project, and names the function in SARIF', () => {
    const project = copy('compose');
    const run = cli(path.join(project, 'api'), ['--format', 'sarif']);
    expect(run.code, run.stderr).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties?: { function?: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const unused = sarif.runs[0]!.results.filter((r) => r.ruleId === 'iam/unused-permission');
    expect(unused.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine, r.properties?.function])).toEqual([
      ['api/serverless.ts', 17, 'report'],
    ]);
  });

  it('fix leaves serverless.ts as it is and says why', () => {
    const project = copy('template');
    const before = readFileSync(path.join(project, 'serverless.ts'), 'utf8');
    const run = cli(project, ['fix']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('"serverless.ts" is code, and noops-lint fix edits YAML and JSON manifests only');
    expect(readFileSync(path.join(project, 'serverless.ts'), 'utf8')).toBe(before);
  });
});
