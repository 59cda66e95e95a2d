// 60,000 functions in one service: rules that gather functions per service (tracing, default limits, runtimes) make one
// finding each with a bounded message, and nothing overflows the stack (spreading 60,000 values into one call did).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/engine/config.js';
import { lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

const COUNT = 60_000;

function manifest(): string {
  const lines = ['service: big', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:'];
  for (let i = 0; i < COUNT; i += 1) lines.push(`  f${i}: {handler: h.main}`);
  return `${lines.join('\n')}\n`;
}

describe('60,000 functions', () => {
  it('one tracing, one default-limits and one runtime finding for the service, bounded messages, no internal error', { timeout: 180_000 }, () => {
    const root = writeProject({ 'serverless.yml': manifest(), 'h.js': 'exports.main = async () => ({ statusCode: 200 });\n' });
    try {
      const run = lintRoot(root, { config: parseConfig({ extends: 'noops-lint:strict' }, '.noops-lint.yaml'), concurrency: 'off' });
      noInternalErrors(run.findings);
      expect(run.functions).toHaveLength(COUNT);
      const count = (id: string) => run.findings.filter((f) => f.ruleId === id).length;
      expect(count('ops/tracing-disabled')).toBe(1);
      expect(count('ops/default-limits')).toBe(1);
      expect(count('ops/deprecated-runtime')).toBeLessThanOrEqual(1);
      for (const finding of run.findings) expect({ rule: finding.ruleId, long: finding.message.length > 2_000 }).toEqual({ rule: finding.ruleId, long: false });
      expect(run.findings.find((f) => f.ruleId === 'ops/tracing-disabled')!.message).toContain(`${COUNT}`);
    } finally {
      removeDir(root);
    }
  });
});
