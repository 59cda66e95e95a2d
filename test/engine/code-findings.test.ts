// What the source analysis cannot read reaches the report like any other input problem.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { BUILTIN_RULES } from '../../rules/index.js';

describe('code findings', () => {
  it('reports handler syntax errors and missing handlers once, with their places', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'noops-code-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(
      path.join(root, 'serverless.yml'),
      'service: s\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  broken:\n    handler: src/broken.handler\n  also:\n    handler: src/broken.other\n  gone:\n    handler: src/gone.handler\n',
    );
    writeFileSync(path.join(root, 'src/broken.js'), 'exports.handler = async () => {\n  return {;\n};\n');
    const run = lint({ rules: BUILTIN_RULES, root, gitignore: false });
    const input = run.findings.filter((f) => f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`);
    expect(input).toContain('input/parse-error src/broken.js:2');
    expect(input).toContain('input/handler-not-found serverless.yml:11');
    // broken.js is reached by two functions; each of its syntax errors is reported once.
    const parseErrors = run.findings.filter((f) => f.ruleId === 'input/parse-error').map((f) => `${f.location.line}:${f.location.column} ${f.message}`);
    expect(parseErrors.length).toBeGreaterThan(0);
    expect(new Set(parseErrors).size).toBe(parseErrors.length);
  });
});
