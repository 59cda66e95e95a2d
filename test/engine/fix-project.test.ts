// The fix run reads the project as a lint run does: the configuration's ignores and the custom rules' folders
// (`rulePaths`, whose good and bad cases are no part of the project) are left alone.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/engine/config.js';
import { fixProject } from '../../src/engine/fix-project.js';
import { lint } from '../../src/engine/lint.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const ORDERS = path.resolve(import.meta.dirname, '../../fixtures/projects/orders');
const CASE = 'policies/acme/described/bad/no-description';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-fix-project-'));
  mkdirSync(path.join(root, '.git'));
  cpSync(ORDERS, path.join(root, 'svc'), { recursive: true });
  // A custom rule's bad case: a copy of the same service, with the same over-broad grants.
  cpSync(ORDERS, path.join(root, CASE), { recursive: true });
  writeFileSync(
    path.join(root, 'policies/acme/described.yaml'),
    'id: acme/described\nseverity: warning\ndescription: Functions say what they do.\nmessage: Function {{name}} has no description.\nmatch:\n  function: {}\n',
  );
  writeFileSync(path.join(root, '.noops-lint.yaml'), 'rulePaths: [policies]\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const options = () => ({ root, paths: [''], config: loadConfigFile(path.join(root, '.noops-lint.yaml')), resolveEnv: false, env: {}, gitignore: true });

describe('fixProject', () => {
  it("changes the project's manifests, not the custom rules' test cases", () => {
    const plan = fixProject(options());
    expect(plan.files.map((f) => f.file)).toEqual(['svc/serverless.yml']);
  });

  it('leaves out what lint leaves out, and only that', () => {
    const run = lint({ ...options(), rules: BUILTIN_RULES, concurrency: 'off' });
    expect(run.services).toEqual(['svc/serverless.yml']);
    const withoutRulePaths = fixProject({ ...options(), config: { ...options().config, rulePaths: [] } });
    expect(withoutRulePaths.files.map((f) => f.file)).toEqual([`${CASE}/serverless.yml`, 'svc/serverless.yml']);
  });
});
