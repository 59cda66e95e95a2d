// A CDK app as its users have it: `cdk.out` synthesized by the real CDK CLI and listed in the app's own .gitignore
// (fixtures/projects/cdk-orders, see its README). Run through the built command line, as a user runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'dist/cli/noops-lint.js');
const fixture = path.join(repo, 'fixtures/projects/cdk-orders');
const temporary: string[] = [];

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  function?: string;
  file: string;
  line: number;
}

/** The fixture in a git repository of its own (so its .gitignore applies), optionally changed first. */
function app(change?: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-cdk-'));
  temporary.push(dir);
  cpSync(fixture, dir, { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd: dir });
  change?.(dir);
  return dir;
}

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function findings(cwd: string, ...args: string[]): JsonFinding[] {
  const result = run(cwd, '--format', 'json', ...args);
  const parsed = JSON.parse(result.stdout) as { findings?: JsonFinding[] } | JsonFinding[];
  return Array.isArray(parsed) ? parsed : (parsed.findings ?? []);
}

const placed = (list: JsonFinding[]) => list.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.function ?? ''}`.trim()).sort();

let dir: string;
beforeAll(() => {
  dir = app();
});
afterAll(() => {
  for (const d of temporary) rmSync(d, { recursive: true, force: true });
});

describe('a CDK app whose cdk.out git ignores', () => {
  it('reads the synthesized templates, names functions by construct path and reports on the TypeScript the user wrote', () => {
    const result = run(dir);
    expect(result.status).toBe(1);
    const list = findings(dir);
    expect(placed(list)).toEqual([
      'connection/per-request lambda/create-order.ts:7 OrdersStack/CreateOrder',
      'iam/missing-permission lambda/create-order.ts:9 OrdersStack/CreateOrder',
      'iam/unused-permission lib/orders-stack.ts:31 OrdersStack/CreateOrder',
    ]);
    // Nothing lands on the bundle or on the statements the CDK generated.
    expect(list.filter((f) => f.file.startsWith('cdk.out/'))).toEqual([]);
  });

  it('reports an over-broad grant once, at its grant call, with the narrower CDK call as the fix', () => {
    const unused = findings(dir).filter((f) => f.ruleId === 'iam/unused-permission');
    expect(unused).toHaveLength(1);
    expect(unused[0]!.message).toContain('table.grantReadWriteData(createOrder) grants 12 actions');
    expect(unused[0]!.message).toContain('Use table.grantWriteData(createOrder) instead');
    expect(unused[0]!.message).toContain("createOrder.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn] }))");
  });

  it('names the role by construct path in the missing-permission message', () => {
    const missing = findings(dir).find((f) => f.ruleId === 'iam/missing-permission');
    expect(missing?.message).toContain('"OrdersStack/CreateOrder/ServiceRole"');
  });

  it('gives the same findings when cdk.out is named on the command line', () => {
    expect(placed(findings(dir, 'cdk.out'))).toEqual(placed(findings(dir)));
  });

  it('carries the construct path as properties.function in SARIF', () => {
    const sarif = JSON.parse(run(dir, '--format', 'sarif').stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties?: { function?: string } }> }> };
    const functions = sarif.runs[0]!.results.map((r) => r.properties?.function).filter(Boolean);
    expect([...new Set(functions)]).toEqual(['OrdersStack/CreateOrder']);
  });

  it('prints the CDK code to write for each function with `policy`', () => {
    const result = run(dir, 'policy', '.', '--format', 'yaml');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("createOrder.addToRolePolicy(new iam.PolicyStatement({\n  actions: ['dynamodb:PutItem'],\n  resources: [table.tableArn],\n}));");
    expect(result.stdout).toContain("resources: [receipts.arnForObjects('receipts/*')]");
    expect(result.stdout).toContain("ship.addToRolePolicy(new iam.PolicyStatement({\n  actions: ['sqs:SendMessage'],\n  resources: [queue.queueArn],");
    expect(result.stdout).not.toContain('Resources:');
    const json = JSON.parse(run(dir, 'policy', '.').stdout) as { functions: Array<{ function: string; cdk?: string }> };
    expect(json.functions.map((f) => f.function)).toEqual(['OrdersStack/CreateOrder', 'OrdersStack/GetOrder', 'OrdersStack/ShipOrder']);
    expect(json.functions.every((f) => f.cdk?.includes('addToRolePolicy'))).toBe(true);
  });

  it('says once that a bundle without a source map is analysed, and analyses it', () => {
    const bare = app((d) => {
      const asset = readFileSync(path.join(d, 'cdk.out/OrdersStack.template.json'), 'utf8').match(/asset\.[0-9a-f]{64}/g) ?? [];
      for (const name of new Set(asset)) rmSync(path.join(d, 'cdk.out', name, 'index.js.map'), { force: true });
    });
    const list = findings(bare);
    expect(list.filter((f) => f.ruleId === 'input/analysed-bundle')).toHaveLength(1);
    const missing = list.find((f) => f.ruleId === 'iam/missing-permission');
    expect(missing?.file).toMatch(/^cdk\.out\/asset\.[0-9a-f]{64}\/index\.js$/);
  });

  it('stops with exit 2 and says how to synthesize when the app has no cdk.out', () => {
    const unsynthesized = app((d) => rmSync(path.join(d, 'cdk.out'), { recursive: true }));
    for (const extra of [[], ['--fail-on', 'never']]) {
      const result = run(unsynthesized, ...extra);
      expect(result.status).toBe(2);
      expect(result.stdout + result.stderr).toContain('npx cdk synth');
    }
  });

  it('beside other services (a monorepo), still reports them, and ends with exit 2 for the unsynthesized app', () => {
    const monorepo = app((d) => {
      rmSync(path.join(d, 'cdk.out'), { recursive: true });
      cpSync(path.join(repo, 'fixtures/projects/orders'), path.join(d, 'orders'), { recursive: true });
    });
    for (const extra of [[], ['--fail-on', 'never']]) {
      const result = run(monorepo, '--format', 'json', ...extra);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('npx cdk synth');
      const reported = JSON.parse(result.stdout) as { findings: JsonFinding[] };
      expect(reported.findings.some((f) => f.file.startsWith('orders/') && f.ruleId === 'iam/missing-permission')).toBe(true);
      expect(reported.findings.filter((f) => f.ruleId === 'input/cdk-not-synthesized').map((f) => f.file)).toEqual(['cdk.json']);
    }
  });

  it('skips a copy of the synthesized template committed beside the app, saying so', () => {
    const copied = app((d) => cpSync(path.join(d, 'cdk.out/OrdersStack.template.json'), path.join(d, 'template.json')));
    const list = findings(copied);
    expect(list.filter((f) => f.file === 'template.json').map((f) => [f.ruleId, f.severity])).toEqual([['input/skipped-file', 'note']]);
    expect(placed(list.filter((f) => f.file !== 'template.json'))).toEqual(placed(findings(dir)));
  });

  it('reads the output folder cdk.json names', () => {
    const moved = app((d) => {
      renameSync(path.join(d, 'cdk.out'), path.join(d, 'synth'));
      writeFileSync(path.join(d, 'cdk.json'), JSON.stringify({ app: 'npx tsx bin/app.ts', output: 'synth' }));
    });
    expect(placed(findings(moved)).map((p) => p.replace(/ .*/, ''))).toEqual(['connection/per-request', 'iam/missing-permission', 'iam/unused-permission']);
  });
});
