// ops/contradictory-scaling-bounds: a minimum above the maximum in the scaling block of a kind: Service manifest.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/contradictory-scaling-bounds.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const service = (scaling: string) => ({
  'svc.yaml': `apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  image: app:1.0\n${scaling}`,
});
const metric = '    metrics:\n      - type: cpu\n        target: 70\n';
const contradictory = service(`  scaling:\n    minReplicas: 5\n    maxReplicas: 2\n${metric}`);

ruleTester.run(rule, {
  valid: [
    { name: 'equal bounds', files: service(`  scaling:\n    minReplicas: 3\n    maxReplicas: 3\n${metric}`) },
    { name: 'a missing maximum is ops/scaling-bounds\'s', files: service('  scaling:\n    minReplicas: 1\n') },
    { name: 'an empty metrics list is ops/scaling-bounds\'s', files: service('  scaling:\n    maxReplicas: 4\n    metrics: []\n') },
    {
      name: 'a value it cannot read',
      files: service(`  scaling:\n    minReplicas: "\${MIN}"\n    maxReplicas: 2\n${metric}`),
      inputProblems: ['input/invalid-manifest svc.yaml:8'],
    },
  ],
  invalid: [{ name: 'a minimum above the maximum, at minReplicas', files: contradictory, errors: [{ messageId: 'minAboveMax', file: 'svc.yaml', line: 8 }] }],
});

describe('ops/contradictory-scaling-bounds findings', () => {
  it('is an error', () => {
    expect(ruleTester.lint(rule, { files: contradictory }).findings.map((f) => f.severity)).toEqual(['error']);
  });
});
