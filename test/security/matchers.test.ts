// IAM action globs and resource patterns are matched without backtracking blow-ups or recursion: a hostile
// Action or a very long ARN costs milliseconds, and the answers are the same as a plain regular expression's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandActionPattern, globMatcher } from '../../src/model/iam-catalog.js';
import { patternFromGlob, patternFromTemplate, patternsOverlap } from '../../src/model/arn-pattern.js';
import { cli, lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

const SEED = Number(process.env.FC_SEED ?? 12);

/** What the glob means, as a (slow, backtracking) regular expression: the reference for small inputs. */
function referenceGlob(glob: string, name: string): boolean {
  const source = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'is').test(name);
}

describe('IAM action globs', () => {
  it('matches like the glob means, for any pattern and name', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '*', '?', ':', '.');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 10 }), fc.string({ unit: alphabet, maxLength: 10 }), (glob, name) => {
        expect(globMatcher(glob).test(name)).toBe(referenceGlob(glob, name));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('answers "s3:*?*?*?*?*?*?*?*?*?*?#" and worse at once (16 s and more as a RegExp)', () => {
    const started = performance.now();
    for (const wildcards of [10, 12, 24, 200]) {
      expect(expandActionPattern(`s3:${'*?'.repeat(wildcards)}#`)).toEqual([]);
      expect(expandActionPattern(`*:${'*?'.repeat(wildcards)}#`)).toEqual([]);
    }
    expect(expandActionPattern(`s3:${'*?'.repeat(8)}`).length).toBeGreaterThan(10);
    expect(expandActionPattern(`s3:Get${'*'.repeat(100_000)}Object`)).toContain('s3:GetObject');
    expect(globMatcher(`${'*a'.repeat(1_000)}b`).test('a'.repeat(2_000))).toBe(false);
    // Generous for a loaded CI machine: the RegExp took 16 s for 10 wildcards and did not finish for 24.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('lints a manifest whose Action is the hostile glob, in seconds, with a finding', () => {
    const root = writeProject({
      'serverless.yml': `service: glob\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: "s3:${'*?'.repeat(16)}#"\n          Resource: "*"\n        - Effect: Deny\n          Action: "iam:${'*?'.repeat(16)}#"\n          Resource: "*"\nfunctions:\n  f:\n    handler: handler.main\n`,
      'handler.js': 'exports.main = async () => 1;\n',
    });
    try {
      const started = performance.now();
      const run = lintRoot(root);
      noInternalErrors(run.findings);
      expect(run.findings.map((f) => f.ruleId)).toContain('iam/unknown-action');
      expect(cli(root, ['--format', 'sarif']).stderr).toBe('');
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      removeDir(root);
    }
  });
});

describe('resource patterns', () => {
  it('compares a 200,000-character ARN with a template without overflowing the stack', () => {
    const long = `arn:aws:s3:::${'a*'.repeat(100_000)}`;
    expect(patternsOverlap(patternFromGlob(long), patternFromTemplate('arn:${Partition}:s3:::${BucketName}/${ObjectName}'))).toBe(true);
    expect(patternsOverlap(patternFromGlob(`arn:aws:sqs:${'x'.repeat(200_000)}`), patternFromTemplate('arn:${Partition}:s3:::${BucketName}'))).toBe(false);
  });

  it('lints a manifest with a very long ARN as Resource', () => {
    const root = writeProject({
      'serverless.yml': `service: arn\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: ["s3:GetObject", "iam:PassRole"]\n          Resource: "arn:aws:s3:::${'b'.repeat(300_000)}/*"\nfunctions:\n  f:\n    handler: handler.main\n`,
      'handler.js': 'exports.main = async () => 1;\n',
    });
    try {
      noInternalErrors(lintRoot(root).findings);
    } finally {
      removeDir(root);
    }
  });
});
