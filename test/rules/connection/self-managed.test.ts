// connection/self-managed: which hosts count as self-managed, and the orders example.
import { describe, expect, it } from 'vitest';
import rule, { selfManagedHost } from '../../../rules/connection/self-managed.js';
import { placed, runOnExample } from '../../helpers/example-projects.js';

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

describe('connection/self-managed on the examples', () => {
  it('reports the localhost pg client of reportOrders only', () => {
    const findings = runOnExample(rule, 'orders');
    expect(placed(findings)).toEqual(['src/report.ts:11 reportOrders']);
    expect(findings[0]!.message).toContain('pg.Client connects to "localhost"');
  });

  it('does not judge a host read from the environment', () => {
    expect(runOnExample(rule, 'container-service')).toEqual([]);
    expect(runOnExample(rule, 'thumbnails')).toEqual([]);
  });
});
