// Reports grow with the findings, never with the product of their count and the longest message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, removeDir, writeProject } from './harness.js';

let root: string;

beforeAll(() => {
  // 800 functions with 250-character names: two findings list every name, 800 others name one each.
  const functions = Array.from({ length: 800 }, (_, i) => `  f${i}${'x'.repeat(250)}:\n    handler: h.handler\n`).join('');
  root = writeProject({ 'serverless.yml': `service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n${functions}` });
});

afterAll(() => removeDir(root));

describe('report size', () => {
  it('stylish does not pad every line to the longest message', () => {
    const { code, stdout, stderr } = cli(root, ['--format', 'stylish']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.length).toBeGreaterThan(800);
    // The whole report is about the size of its messages (once 330 MB).
    expect(stdout.length).toBeLessThan(2_000_000);
    expect(stdout).not.toMatch(/ {80}/);
  });
});
