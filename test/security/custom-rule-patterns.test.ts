// Patterns in custom rules come with the pull request: one that backtracks exponentially (`^(\w+\s?)+$` on 40
// characters that almost match) runs under a time budget, and the value it could not judge gets a note.
import { describe, expect, it } from 'vitest';
import { cli, removeDir, writeProject } from './harness.js';
import type { Finding } from '../../src/model/finding.js';
import { mayBacktrack, PATTERN_LIMITS } from '../../src/engine/pattern-budget.js';

const RULE = `id: acme/description-words
severity: warning
description: Descriptions are words separated by single spaces.
help: Write the description as plain words.
target: function
require:
  properties:
    properties:
      properties:
        description: { type: string, pattern: '^(\\w+\\s?)+$' }
message: '{{function.name}} has the description {{value}}.'
`;

const SIMPLE_RULE = `id: acme/name-prefix
severity: warning
description: Function names start with the team prefix.
help: Rename the function.
target: function
require:
  properties:
    name: { type: string, pattern: '^shop' }
message: '{{function.name}} does not start with shop.'
`;

function serverless(descriptions: string[]): string {
  return `service: shop
provider:
  name: aws
  runtime: nodejs20.x
functions:
${descriptions.map((d, i) => `  shop${i}:\n    handler: handler.main\n    description: '${d}'\n`).join('')}  other:
    handler: handler.main
    description: plain words only
`;
}

describe('custom rule patterns', () => {
  it('knows which patterns can backtrack', () => {
    for (const pattern of ['^(\\w+\\s?)+$', '^(a+)+$', '(a|aa)*b', '(x)\\1', 'a*b*c*d', '^(ab){2,}$']) expect({ pattern, slow: mayBacktrack(pattern) }).toEqual({ pattern, slow: true });
    for (const pattern of ['^shop', '^[a-z-]+$', '^arn:aws:s3:::[^/]+/.*$', '^\\d{3}$', '\\(\\)+']) expect({ pattern, slow: mayBacktrack(pattern) }).toEqual({ pattern, slow: false });
  });

  it('stops an exponential pattern on the values it cannot judge in time, notes them, and still judges the rest', () => {
    const evil = `${'a'.repeat(40)}!`;
    const root = writeProject({
      'serverless.yml': serverless([evil, evil, 'fine words']),
      'handler.js': 'exports.main = async () => ({ statusCode: 200 });\n',
      '.noops-lint/rules/description-words.yaml': RULE,
      '.noops-lint/rules/name-prefix.yaml': SIMPLE_RULE,
    });
    try {
      const started = Date.now();
      const output = cli(root, ['--format', 'json']);
      // Generous: two budgeted matches of 100 ms each, on a loaded machine. Unbounded, one match takes minutes.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect({ code: output.code, stderr: output.stderr }).toEqual({ code: 0, stderr: '' });
      const findings = (JSON.parse(output.stdout) as { findings: Array<Finding & { file: string }> }).findings;
      expect(findings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([]);
      expect(findings.filter((f) => f.ruleId === 'acme/description-words')).toEqual([]);
      const notes = findings.filter((f) => f.ruleId === 'input/slow-pattern');
      expect(notes.map((f) => [f.function, f.severity])).toEqual([
        ['shop0', 'note'],
        ['shop1', 'note'],
      ]);
      expect(notes[0]!.message).toContain(`Not checked: the pattern "^(\\\\w+\\\\s?)+$" took longer than ${PATTERN_LIMITS.maxMillisecondsPerMatch} ms on function "shop0"`);
      expect(notes[0]!.message).toContain('acme/description-words did not judge it');
      // The simple pattern is matched as usual.
      expect(findings.filter((f) => f.ruleId === 'acme/name-prefix').map((f) => f.function)).toEqual(['other']);
    } finally {
      removeDir(root);
    }
  });
});
