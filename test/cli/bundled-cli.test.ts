// The command line users run is the bundle in dist/cli/ (package.json "bin"): it must find its worker file, its
// data and TypeScript, and give the same report on one thread as on two.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'dist/cli/noops-lint.js');
let root: string;

/** More services than the threshold below which no worker is started (20), each with a finding. */
function monorepo(services: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'noops-bundled-'));
  mkdirSync(path.join(dir, '.git'));
  for (let i = 0; i < services; i++) {
    const service = path.join(dir, 'services', `svc-${String(i).padStart(2, '0')}`);
    mkdirSync(path.join(service, 'src'), { recursive: true });
    writeFileSync(
      path.join(service, 'serverless.yml'),
      [
        `service: svc-${i}`,
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        '  iam:',
        '    role:',
        '      statements:',
        '        - Effect: Allow',
        '          Action: dynamodb:*',
        "          Resource: '*'",
        'functions:',
        '  read:',
        '    handler: src/read.handler',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(service, 'src/read.mjs'),
      [
        "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
        'const db = new DynamoDBClient({});',
        `export const handler = async (event) => db.send(new GetItemCommand({ TableName: 'table-${i}', Key: { id: { S: event.id } } }));`,
        '',
      ].join('\n'),
    );
  }
  return dir;
}

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  expect(existsSync(bin), 'dist/ is not built: run npm run build').toBe(true);
  root = monorepo(24);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the bundled command line', () => {
  it('lints service by service on two threads with the same report as on one', () => {
    const two = run('.', '--format', 'sarif', '--concurrency', '2', '--debug');
    const one = run('.', '--format', 'sarif', '--concurrency', 'off', '--debug');
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('24 candidate files, 0 from the cache, linted service by service on 2 threads');
    expect(one.stderr).toContain('24 candidate files, 0 from the cache, linted service by service on 1 thread.');
    expect(two.stdout).toBe(one.stdout);
    const results = JSON.parse(two.stdout).runs[0].results as Array<{ ruleId: string; properties?: { function?: string } }>;
    expect(results.filter((r) => r.ruleId === 'iam/wildcard-action')).toHaveLength(24);
    expect(results.filter((r) => r.ruleId === 'iam/unused-permission' && r.properties?.function === 'read')).toHaveLength(24);
  }, 60_000);

  it('answers --version without loading the linter', () => {
    const version = run('--version');
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version);
  });
});
