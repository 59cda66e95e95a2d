// state/module-mutation: its fixtures, and the example projects.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/state/module-mutation.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  atLeastAsManyGoodCases: true,
  valid: [
    { name: 'thumbnails: the local results array of the thumbnail handler', dir: 'fixtures/projects/thumbnails' },
    { name: 'container-service', dir: 'fixtures/projects/container-service' },
  ],
  invalid: [
    {
      name: 'orders: processed.push in reportOrders',
      dir: 'fixtures/projects/orders',
      errors: [{ messageId: 'mutation', file: 'src/report.ts', line: 19, function: 'reportOrders' }],
    },
  ],
});

describe('state/module-mutation messages', () => {
  it('names the variable and the leak, and points at its declaration', () => {
    const [finding] = ruleTester.lint(rule, { dir: 'fixtures/projects/orders' }).findings;
    expect(finding!.message).toContain('the module-scope variable "processed" ("processed.push(id)")');
    expect(finding!.message).toMatch(/between requests, and between users/);
    expect(finding!.related[0]).toMatchObject({ location: { file: 'src/report.ts', line: 7 } });
  });
});
