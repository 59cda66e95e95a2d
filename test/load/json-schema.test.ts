// A JSON Schema a project keeps to validate its own manifests is not a manifest, even named serverless.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isJsonSchema } from '../../src/load/classify.js';
import { lint } from '../../src/engine/lint.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const schema = { $schema: 'http://json-schema.org/draft-07/schema', title: 'ServerlessConfig', type: 'object', properties: { provider: { required: ['name', 'runtime'] } } };

describe('JSON Schema files', () => {
  it('are known by their $schema', () => {
    expect(isJsonSchema(schema)).toBe(true);
    expect(isJsonSchema({ ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe(true);
    // A manifest that names a schema for editors is still a manifest.
    expect(isJsonSchema({ $schema: 'https://json-schema.org/x', service: 'orders', provider: { name: 'aws' } })).toBe(false);
    expect(isJsonSchema({ service: 'orders' })).toBe(false);
  });

  it('named serverless.json, are neither checked nor reported; a real serverless.json beside them is', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'noops-json-schema-'));
    roots.push(root);
    mkdirSync(path.join(root, 'test/config'), { recursive: true });
    writeFileSync(path.join(root, 'test/config/serverless.json'), JSON.stringify(schema, null, 2));
    writeFileSync(path.join(root, 'serverless.json'), JSON.stringify({ provider: { name: 'aws', runtime: 'nodejs22.x' } }, null, 2));
    const run = lint({ root, rules: BUILTIN_RULES, gitignore: false });
    expect(run.findings.filter((f) => f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.location.file}`)).toEqual(['input/invalid-manifest serverless.json']);
  });
});
