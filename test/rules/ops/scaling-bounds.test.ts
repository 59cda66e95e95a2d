// ops/scaling-bounds: the scaling block of a kind: Service manifest (line 7) without bounds or signal.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/scaling-bounds.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const service = (scaling: string) => ({
  'svc.yaml': `apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  image: app:1.0\n${scaling}`,
});
const metric = '    metrics:\n      - type: cpu\n        target: 70\n';

ruleTester.run(rule, {
  valid: [
    { name: 'complete bounds with a metric', files: service(`  scaling:\n    minReplicas: 1\n    maxReplicas: 10\n${metric}`) },
    { name: 'equal bounds', files: service(`  scaling:\n    minReplicas: 3\n    maxReplicas: 3\n${metric}`) },
    { name: 'a zero minimum', files: service('  scaling:\n    minReplicas: 0\n    maxReplicas: 3\n    metrics:\n      - type: request\n        target: 100\n') },
    { name: 'no scaling block', files: service('') },
    {
      name: 'a value it cannot read',
      files: service(`  scaling:\n    minReplicas: "\${MIN}"\n    maxReplicas: 2\n${metric}`),
      inputProblems: ['input/invalid-manifest svc.yaml:8'],
    },
    { name: 'a minimum above the maximum is ops/contradictory-scaling-bounds\'s', files: service(`  scaling:\n    minReplicas: 5\n    maxReplicas: 2\n${metric}`) },
  ],
  invalid: [
    {
      name: 'a missing maximum and missing metrics, at the scaling key',
      files: service('  scaling:\n    minReplicas: 1\n'),
      errors: [
        { messageId: 'noMetrics', file: 'svc.yaml', line: 7 },
        { messageId: 'missingMax', file: 'svc.yaml', line: 7 },
      ],
    },
    { name: 'an empty metrics list, at the list', files: service('  scaling:\n    maxReplicas: 4\n    metrics: []\n'), errors: [{ messageId: 'emptyMetrics', file: 'svc.yaml', line: 9 }] },
  ],
});

describe('ops/scaling-bounds messages', () => {
  it('leaves contradictory bounds to ops/contradictory-scaling-bounds', () => {
    expect(Object.keys(rule.messages)).not.toContain('minAboveMax');
  });
});
