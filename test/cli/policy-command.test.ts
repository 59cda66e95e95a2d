// `noops-lint policy` runs the same lint() as the lint command, under the project's configuration: the files its
// `ignores` leave out are not read.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

const ORDERS = path.resolve(import.meta.dirname, '../../fixtures/projects/orders');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-policy-'));
  mkdirSync(path.join(root, '.git'));
  cpSync(ORDERS, path.join(root, 'orders'), { recursive: true });
  cpSync(ORDERS, path.join(root, 'legacy'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function policyManifests(argv: string[]): string[] {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: root, env: {}, isTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = runCli(['policy', ...argv], io);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const output = JSON.parse(stdout) as { functions: Array<{ manifest: string; function: string }> };
  return [...new Set(output.functions.map((f) => f.manifest))];
}

describe('policy', () => {
  it('derives the policies of every service without a configuration', () => {
    expect(policyManifests([])).toEqual(['legacy/serverless.yml', 'orders/serverless.yml']);
  });

  it("leaves out what the configuration's ignores leave out", () => {
    writeFileSync(path.join(root, '.noops-lint.yaml'), "ignores: ['legacy/**']\n");
    expect(policyManifests([])).toEqual(['orders/serverless.yml']);
    expect(policyManifests(['legacy'])).toEqual([]);
  });
});
