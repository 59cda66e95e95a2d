// Following calls from the handler: wrappers in other files, barrels, tsconfig paths, classes, callbacks,
// import cycles, dynamic values, and code that must produce nothing.
import { describe, it, expect } from 'vitest';
import { analyseFixture, callKeys } from './stub-project.js';

const usages = analyseFixture('wrappers', [
  { name: 'get', handler: 'src/handlers/get.handler' },
  { name: 'cycle', handler: 'src/handlers/cycle-a.handler' },
  { name: 'unused', handler: 'src/handlers/unused.handler' },
  { name: 'dynamic', handler: 'src/handlers/dynamic.handler' },
]);
const sites = (locations: { file: string; line: number }[]) => locations.map((l) => `${l.file}:${l.line}`);

describe('wrappers across files', () => {
  it('follows a tsconfig path alias into a barrel, and a class built at module scope', () => {
    const usage = usages.get('get')!;
    expect(usage.findings).toEqual([]);
    expect(callKeys(usage)).toEqual([
      'dynamodb:GetItem@src/lib/db/orders.ts:5',
      's3:HeadObject@src/lib/repository.ts:13',
      's3:GetObject@src/lib/repository.ts:14',
    ]);
    const [get, head] = usage.calls;
    expect(sites(get!.via)).toEqual(['src/handlers/get.ts:7']);
    expect(get!.input).toMatchObject({ properties: { TableName: { kind: 'env', name: 'ORDERS_TABLE' } } });
    // `ids.map(load)` hands `load` on; `load` calls the method
    expect(sites(head!.via)).toEqual(['src/handlers/get.ts:9', 'src/handlers/get.ts:14']);
    expect(head!.input).toMatchObject({ properties: { Bucket: { kind: 'unknown' } } });
    expect(usage.files).toEqual([
      'src/handlers/get.ts',
      'src/lib/db/client.ts',
      'src/lib/db/index.ts',
      'src/lib/db/orders.ts',
      'src/lib/repository.ts',
    ]);
    expect(usage.clients.map((c) => [c.name, c.scope, `${c.location.file}:${c.location.line}`])).toEqual([
      ['DynamoDBClient', 'module', 'src/lib/db/client.ts:4'],
      ['S3Client', 'module', 'src/lib/repository.ts:5'],
      ['AWS.S3', 'module', 'src/lib/repository.ts:9'],
    ]);
  });

  it('handles an import cycle', () => {
    const usage = usages.get('cycle')!;
    expect(callKeys(usage)).toEqual(['sns:Publish@src/handlers/cycle-a.ts:7']);
    expect(sites(usage.calls[0]!.via)).toEqual(['src/handlers/cycle-a.ts:10', 'src/handlers/cycle-b.ts:4']);
    // the helper's parameter is bound to the caller's argument
    expect(usage.calls[0]!.input).toMatchObject({ properties: { TopicArn: { kind: 'env', name: 'TOPIC_ARN' } } });
  });
});

describe('code that must not produce calls', () => {
  it('ignores unused imports, clients never called, dead helpers and unimported test helpers', () => {
    const usage = usages.get('unused')!;
    expect(usage.calls).toEqual([]);
    expect(usage.files).not.toContain('test/helper.ts');
    // clients are still recorded where they are built at load time
    expect(usage.clients.map((c) => [c.name, c.scope])).toEqual([
      ['KMSClient', 'module'],
      ['DynamoDBClient', 'module'],
    ]);
  });

  it('never reports the uncalled export of a shared module', () => {
    const operations = [...usages.values()].flatMap((u) => u.calls.map((c) => c.operation));
    expect(operations).not.toContain('DeleteItem');
    expect(operations).not.toContain('DeleteBucket');
    expect(operations).not.toContain('DeleteTable');
  });
});

describe('dynamic names', () => {
  it('keeps the call but reports inputs it cannot know, and skips computed method names', () => {
    const usage = usages.get('dynamic')!;
    expect(callKeys(usage)).toEqual(['dynamodb:GetItem@src/handlers/dynamic.ts:8', 'dynamodb:GetItem@src/handlers/dynamic.ts:14']);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { TableName: { kind: 'unknown', reason: '`event.table`: `event` is a parameter' } } });
    expect(usage.calls[1]!.input).toMatchObject({ properties: { TableName: { kind: 'unknown' } } });
  });
});

describe('helpers called with constants', () => {
  it('evaluates a parameter per call site, through a forwarding helper', async () => {
    const { analyseInline } = await import('./stub-project.js');
    const { usages } = analyseInline(
      {
        'h.ts': [
          "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
          'const ddb = new DynamoDBClient({});',
          'const read = (table: string, id: string) => ddb.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }));',
          'const readUser = (id: string) => read(process.env.USERS!, id);',
          'export const handler = async (event: { id: string }) => {',
          "  await read('orders', event.id);",
          '  await readUser(event.id);',
          '};',
        ].join('\n'),
      },
      { fn: 'h.handler' },
    );
    const calls = usages.get('fn')!.calls;
    expect(calls.map((c) => (c.input as { properties: Record<string, unknown> }).properties.TableName)).toEqual([
      { kind: 'string', value: 'orders' },
      { kind: 'env', name: 'USERS', prefix: '', suffix: '' },
    ]);
    expect(calls.map((c) => sites(c.via))).toEqual([['h.ts:6'], ['h.ts:7', 'h.ts:4']]);
  });
  it('visits a helper that only passes its arguments on once per call site, so every caller\'s constant counts', async () => {
    const { analyseInline } = await import('./stub-project.js');
    const { usages } = analyseInline(
      {
        'h.ts': [
          "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
          'const ddb = new DynamoDBClient({});',
          'const read = (table: string) => ddb.send(new GetItemCommand({ TableName: table, Key: {} }));',
          'const wrap = (table: string) => read(table);',
          'export const handler = async () => {',
          "  await wrap('a');",
          "  await wrap('b');",
          '};',
        ].join('\n'),
      },
      { fn: 'h.handler' },
    );
    const tables = usages.get('fn')!.calls.map((c) => (c.input as { properties: Record<string, unknown> }).properties.TableName);
    expect(tables).toEqual([{ kind: 'string', value: 'a' }, { kind: 'string', value: 'b' }]);
  });

  it('past the visit limit, the remaining call sites give an unknown request, not another site\'s constant', async () => {
    const { analyseInline } = await import('./stub-project.js');
    const sitesCode = Array.from({ length: 25 }, (_, i) => `  await read('t${i}');`);
    const { usages } = analyseInline(
      {
        'h.ts': [
          "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
          'const ddb = new DynamoDBClient({});',
          'const read = (table: string) => ddb.send(new GetItemCommand({ TableName: table, Key: {} }));',
          'export const handler = async () => {',
          ...sitesCode,
          '};',
        ].join('\n'),
      },
      { fn: 'h.handler' },
    );
    const tables = usages.get('fn')!.calls.map((c) => (c.input as { properties: Record<string, { kind: string; value?: string }> }).properties.TableName!);
    expect(tables.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`));
    expect(tables.filter((t) => t.kind !== 'string')).toMatchObject([{ kind: 'unknown', reason: '`table` is a parameter' }]);
  });
});
