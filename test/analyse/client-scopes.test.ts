// Where clients and connections are created: once per container, lazily cached, or on every request.
import { describe, it, expect } from 'vitest';
import { analyseFixture } from './stub-project.js';

const usages = analyseFixture('client-scopes', [
  { name: 'lazy', handler: 'src/lazy.handler' },
  { name: 'perRequest', handler: 'src/per-request.handler' },
]);
const summary = (name: string) =>
  usages.get(name)!.clients.map((c) => [c.name, c.kind, c.scope, c.location.line, c.host ?? null]);

describe('client scopes', () => {
  it('recognises lazy singletons behind a check, ??= and an early return', () => {
    expect(summary('lazy')).toEqual([
      ['pg.Pool', 'database', 'lazy', 11, 'db.internal'],
      ['MongoClient.connect', 'database', 'lazy', 18, null],
      ['S3Client', 'aws-sdk', 'lazy', 23, null],
    ]);
    expect(usages.get('lazy')!.calls.map((c) => c.operation)).toEqual(['ListBuckets']);
  });

  it('tells module-load creations (also through a helper) from per-request ones, with literal hosts', () => {
    expect(summary('perRequest')).toEqual([
      ['redis.createClient', 'database', 'module', 8, 'cache.internal'],
      ['PrismaClient', 'database', 'module', 13, null],
      ['mysql.createConnection', 'database', 'invocation', 16, null],
      ['Redis', 'database', 'invocation', 21, 'localhost'],
      ['knex', 'database', 'invocation', 22, '10.0.0.5'],
    ]);
    const mysql = usages.get('perRequest')!.clients.find((c) => c.name === 'mysql.createConnection')!;
    expect(mysql.via.map((l) => `${l.file}:${l.line}`)).toEqual(['src/per-request.js:20']);
  });
});
