// connection/self-managed: its fixtures, which hosts count as self-managed, and the example projects.
import { describe, expect, it } from 'vitest';
import rule, { selfManagedHost } from '../../../rules/connection/self-managed.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule, {
  atLeastAsManyGoodCases: true,
  valid: [
    { name: 'container-service: a host read from the environment', dir: 'fixtures/projects/container-service' },
    { name: 'thumbnails: no database client', dir: 'fixtures/projects/thumbnails' },
  ],
  invalid: [
    {
      name: 'orders: the localhost pg client of reportOrders only',
      dir: 'fixtures/projects/orders',
      errors: [{ messageId: 'loopback', file: 'src/report.ts', line: 11, function: 'reportOrders' }],
    },
  ],
});


describe('selfManagedHost', () => {
  it.each([
    ['localhost', 'loopback'],
    ['LOCALHOST', 'loopback'],
    ['db.localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['host.docker.internal', 'loopback'],
    ['10.0.12.34', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['172.32.0.1', undefined],
    ['8.8.8.8', undefined],
    ['orders.proxy-c1xyz.eu-west-1.rds.amazonaws.com', undefined],
    ['db.internal', undefined],
    ['10.0.0', undefined],
  ])('%s -> %s', (host, expected) => {
    expect(selfManagedHost(host)).toBe(expected);
  });
});

describe('connection/self-managed messages', () => {
  it('names the client and the host', () => {
    const [finding] = ruleTester.lint(rule, { dir: 'fixtures/projects/orders' }).findings;
    expect(finding!.message).toContain('pg.Client connects to "localhost"');
  });
});
