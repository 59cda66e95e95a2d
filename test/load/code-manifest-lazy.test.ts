// TypeScript's parser (9 MB) loads only when a configuration written as code is read: a project of YAML manifests
// and no code never pays for it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/check.js';
import { ProjectFiles } from '../../src/load/files.js';
import * as typescript from '../../src/analyse/typescript.js';

function run(files: Record<string, string>) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'noops-lazy-ts-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  const config = { ignores: [], rules: {} } as unknown as Parameters<typeof checkProject>[0]['config'];
  return checkProject({ files: new ProjectFiles(root), paths: [''], config, enabled: [], now: new Date(0), resolveEnv: false, env: {}, gitignore: false });
}

describe('TypeScript loads lazily', () => {
  it('is not loaded for a YAML service, and is for a serverless.ts one', () => {
    const yaml = run({ 'serverless.yml': 'service: s\nprovider:\n  name: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n' });
    expect(yaml.project.services).toHaveLength(1);
    expect(typescript.default).toBeUndefined();
    const code = run({ 'serverless.ts': "export default { service: 's', provider: { name: 'aws' } };\n" });
    expect(code.project.services).toHaveLength(1);
    expect(typescript.default).toBeDefined();
  });
});
