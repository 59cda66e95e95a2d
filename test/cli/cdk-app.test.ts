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

  it('many apps without synthesized output (a patterns repository): one finding naming them, with the copies beside them', () => {
    const collection = mkdtempSync(path.join(os.tmpdir(), 'noops-cdk-many-'));
    temporary.push(collection);
    for (const name of ['a', 'b', 'c']) {
      cpSync(fixture, path.join(collection, name), { recursive: true });
      if (name !== 'c') cpSync(path.join(collection, name, 'cdk.out/OrdersStack.template.json'), path.join(collection, name, 'template.json'));
      rmSync(path.join(collection, name, 'cdk.out'), { recursive: true });
    }
    // Alone, the apps are a usage error with the same one message.
    const alone = run(collection);
    expect(alone.status).toBe(2);
    expect(alone.stderr.match(/cannot be checked/g)).toHaveLength(1);
    expect(alone.stderr).toContain('3 CDK apps cannot be checked');
    cpSync(path.join(repo, 'fixtures/projects/orders'), path.join(collection, 'orders'), { recursive: true });
    spawnSync('git', ['init', '-q'], { cwd: collection });
    const result = run(collection, '--format', 'json');
    expect(result.status).toBe(2);
    const reported = (JSON.parse(result.stdout) as { findings: (JsonFinding & { related: { file: string }[] })[] }).findings.filter((f) => f.ruleId.startsWith('input/'));
    expect(reported.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['input/cdk-not-synthesized a/cdk.json']);
    const [only] = reported;
    expect(only!.message).toMatch(/^3 CDK apps cannot be checked: they have no synthesized output \("a", "b", "c"\)\./);
    expect(only!.message).toContain('The 2 copies of synthesized output committed beside them were not read either');
    expect(only!.related.map((r) => r.file)).toEqual(['a/cdk.json', 'b/cdk.json', 'c/cdk.json', 'a/template.json', 'b/template.json']);
    // One app of them given: its own message, and its copy named in it.
    const one = run(collection, 'a');
    expect(one.stderr).toContain('The CDK app in "a" cannot be checked');
    expect(one.stderr).toContain('The copy of synthesized output "a/template.json" beside it was not read either');
  });

  it('copies beside several synthesized apps are one note', () => {
    const collection = mkdtempSync(path.join(os.tmpdir(), 'noops-cdk-copies-'));
    temporary.push(collection);
    for (const name of ['a', 'b']) {
      cpSync(fixture, path.join(collection, name), { recursive: true });
      cpSync(path.join(collection, name, 'cdk.out/OrdersStack.template.json'), path.join(collection, name, 'template.json'));
    }
    const notes = findings(collection).filter((f) => f.ruleId === 'input/skipped-file');
    expect(notes.map((f) => f.file)).toEqual(['a/template.json']);
    expect(notes[0]!.message).toBe('Skipped 2 copies of synthesized CDK output committed beside their apps ("a/template.json", "b/template.json"): the apps\' cloud assemblies are read instead.');
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
