// ops/missing-health-endpoint: its fixtures, the container example, and where the server entry comes from.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/missing-health-endpoint.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  atLeastAsManyGoodCases: true,
  valid: [
    { name: 'orders: a function project', dir: 'fixtures/projects/orders' },
    { name: 'thumbnails: a function project', dir: 'fixtures/projects/thumbnails' },
  ],
  invalid: [
    {
      name: 'container-service: at app.listen',
      dir: 'fixtures/projects/container-service',
      errors: [{ messageId: 'missing', file: 'server.js', line: 9, function: 'myservice' }],
    },
  ],
});

describe('ops/missing-health-endpoint messages', () => {
  it('says the server registers no health route', () => {
    const [finding] = ruleTester.lint(rule, { dir: 'fixtures/projects/container-service' }).findings;
    expect(finding!.message).toContain('registers no health route');
  });
});
