// Inputs that once made a run hang for seconds to minutes now meet a limit: each test bounds the time, and the
// limit shows as a finding.
import { describe, expect, it } from 'vitest';
import { VARIABLE_LIMITS } from '../../src/load/manifests/serverless-variables.js';
import { checkRoot } from '../helpers/checked-project.js';
import { cli, lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

function elapsed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/** `m0: [x]`, `m{i}: ['${self:custom.m{i-1}}', '${self:custom.m{i-1}}']`: 2^levels values, shared in memory. */
function doublingManifest(levels: number, width = 2): string {
  const lines = ['service: doubling', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'custom:', '  m0: [x]'];
  for (let i = 1; i <= levels; i += 1) lines.push(`  m${i}: [${Array(width).fill(`'\${self:custom.m${i - 1}}'`).join(', ')}]`);
  lines.push('functions:', '  f:', '    handler: handler.main', `    tags: \${self:custom.m${levels}}`);
  lines.push('resources:', '  Resources:', '    Bucket:', '      Type: AWS::S3::Bucket', '      Properties:', `        Tags: \${self:custom.m${levels}}`, '        Other: ${self:service}');
  return `${lines.join('\n')}\n`;
}

describe('variables that double the structure at each level', () => {
  it.each([24, 40])('stops %i levels at the expansion limit with one input/unresolved', (levels) => {
    const root = writeProject({ 'serverless.yml': doublingManifest(levels), 'handler.js': 'exports.main = async () => 1;\n' });
    try {
      const { value: run, ms } = elapsed(() => checkRoot(root));
      expect(ms).toBeLessThan(15_000);
      noInternalErrors(run.findings);
      const unresolved = run.findings.filter((f) => f.ruleId === 'input/unresolved');
      expect(unresolved).toHaveLength(1);
      expect(unresolved[0]!.message).toContain(`more than ${VARIABLE_LIMITS.maxExpandedNodes.toLocaleString('en-US')} values`);
      // Smaller values after the limit still resolve.
      expect(run.project.resources.find((r) => r.logicalId === 'Bucket')?.properties).toMatchObject({ Other: 'doubling' });
    } finally {
      removeDir(root);
    }
  });

  it('stops wide sharing too (one 30,000-value list used a thousand times)', () => {
    const big = `[${Array(30_000).fill('x').join(',')}]`;
    const manifest = `service: wide\nprovider:\n  name: aws\ncustom:\n  big: ${big}\n  many: [${Array(1000).fill("'${self:custom.big}'").join(', ')}]\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n      Properties:\n        Tags: \${self:custom.many}\n`;
    const root = writeProject({ 'serverless.yml': manifest });
    try {
      const { value: run, ms } = elapsed(() => lintRoot(root));
      expect(ms).toBeLessThan(15_000);
      noInternalErrors(run.findings);
      expect(run.findings.filter((f) => f.ruleId === 'input/unresolved').map((f) => f.message)).toEqual([expect.stringContaining('would expand to more than')]);
    } finally {
      removeDir(root);
    }
  });

  it('stops strings doubled under the length limit but repeated many times', () => {
    const lines = ['service: chars', 'provider:', '  name: aws', 'custom:', `  s0: ${'a'.repeat(90_000)}`];
    lines.push(`  many: [${Array(400).fill("'${self:custom.s0}'").join(', ')}]`);
    const root = writeProject({ 'serverless.yml': `${lines.join('\n')}\n` });
    try {
      const { value: run, ms } = elapsed(() => lintRoot(root));
      expect(ms).toBeLessThan(15_000);
      expect(run.findings.filter((f) => f.ruleId === 'input/unresolved').map((f) => f.message)).toEqual([expect.stringContaining('MiB of text')]);
      expect(cli(root, ['--format', 'json']).stderr).toBe('');
    } finally {
      removeDir(root);
    }
  });
});

describe('regular expressions on hostile lines', () => {
  it('reads a suppression comment ending in 300,000 stars in linear time (107 s before)', async () => {
    const { parseDirective } = await import('../../src/engine/suppressions.js');
    const { value, ms } = elapsed(() => parseDirective(` iam/wildcard-action -- reason ${'*'.repeat(300_000)}x`));
    expect(value.selectors).toEqual(['iam/wildcard-action']);
    expect(parseDirective(' iam/wildcard-action -- why **/  ').reason).toBe('why');
    const stars = elapsed(() => parseDirective(`a ${'*'.repeat(300_000)}/`));
    expect(ms + stars.ms).toBeLessThan(3000);
  });
});

describe('config ignores globs', () => {
  it('refuses a glob with more wildcards than the limit as a configuration error, at once', async () => {
    const { parseConfig, ConfigError, MAX_IGNORE_WILDCARDS } = await import('../../src/engine/config.js');
    expect(() => parseConfig({ ignores: ['a*a*a*a*a*a*a*a*a*a*b'] }, '.noops-lint.yml')).toThrow(ConfigError);
    expect(() => parseConfig({ ignores: ['a*a*a*a*a*a*a*a*a*a*b'] }, '.noops-lint.yml')).toThrow(`at most ${MAX_IGNORE_WILDCARDS}`);
    expect(parseConfig({ ignores: ['**/node_modules/**', '**/*.test.yml', 'fixtures/**/bad/*.json'] }, '.noops-lint.yml').ignores).toHaveLength(3);
  });
});
