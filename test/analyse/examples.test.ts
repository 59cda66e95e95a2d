// The two example projects: what their handlers call, with which inputs, and where their clients are created.
import { describe, it, expect } from 'vitest';
import { analyseFixture, callKeys } from './stub-project.js';

describe('orders-sls example', () => {
  const usages = analyseFixture('orders-sls', [
    { name: 'getOrder', handler: 'src/get-order.handler' },
    { name: 'createOrder', handler: 'src/create-order.handler' },
    { name: 'reportOrders', handler: 'src/report.handler' },
  ]);

  it('getOrder reads one item from the table named by ORDERS_TABLE', () => {
    const usage = usages.get('getOrder')!;
    expect(usage.findings).toEqual([]);
    expect(usage.handlerFile).toBe('src/get-order.ts');
    expect(usage.handlerExport).toBe('handler');
    expect(callKeys(usage)).toEqual(['dynamodb:GetItem@src/get-order.ts:12']);
    const [call] = usage.calls;
    expect(call!.style).toBe('v3-command');
    expect(call!.via).toEqual([]);
    expect(call!.input).toMatchObject({ kind: 'object', properties: { TableName: { kind: 'env', name: 'ORDERS_TABLE', prefix: '', suffix: '' } } });
    expect(usage.clients.map((c) => [c.name, c.kind, c.scope, c.location.line])).toEqual([['DynamoDBClient', 'aws-sdk', 'module', 6]]);
  });

  it('createOrder writes, queues and publishes through the shared helper module', () => {
    const usage = usages.get('createOrder')!;
    expect(usage.findings).toEqual([]);
    expect(callKeys(usage)).toEqual([
      'dynamodb:PutItem@src/lib/orders.ts:19',
      'sqs:SendMessage@src/lib/orders.ts:27',
      'sns:Publish@src/lib/orders.ts:31',
    ]);
    const put = usage.calls[0]!;
    expect(put.input).toMatchObject({ kind: 'object', properties: { TableName: { kind: 'env', name: 'ORDERS_TABLE' } } });
    expect(put.via.map((l) => `${l.file}:${l.line}`)).toEqual(['src/create-order.ts:11']);
    const publish = usage.calls[2]!;
    expect(publish.via.map((l) => `${l.file}:${l.line}`)).toEqual(['src/create-order.ts:12']);
    expect(publish.input).toMatchObject({ properties: { TopicArn: { kind: 'env', name: 'ORDER_CREATED_TOPIC' } } });
    expect(usage.files).toEqual(['src/create-order.ts', 'src/lib/orders.ts']);
    expect(usage.clients.every((c) => c.scope === 'module')).toBe(true);
  });

  it('reportOrders scans and opens a pg connection per invocation to localhost', () => {
    const usage = usages.get('reportOrders')!;
    expect(callKeys(usage)).toEqual(['dynamodb:Scan@src/report.ts:14']);
    const pg = usage.clients.find((c) => c.kind === 'database')!;
    expect(pg).toMatchObject({ name: 'pg.Client', scope: 'invocation', host: 'localhost', location: { file: 'src/report.ts', line: 11 } });
    expect(usage.clients.find((c) => c.kind === 'aws-sdk')).toMatchObject({ name: 'DynamoDBClient', scope: 'module', location: { line: 4 } });
  });
});

describe('thumbnails-sam example', () => {
  const usages = analyseFixture('thumbnails-sam', [
    { name: 'ThumbnailFunction', handler: 'src/thumbnail.handler', codeDir: '', manifest: 'template.yaml' },
    { name: 'ListThumbnailsFunction', handler: 'src/list.handler', codeDir: '.', manifest: 'template.yaml' },
  ]);

  it('ThumbnailFunction gets uploads and puts thumbnails under thumbs/', () => {
    const usage = usages.get('ThumbnailFunction')!;
    expect(usage.findings).toEqual([]);
    expect(callKeys(usage)).toEqual(['s3:GetObject@src/thumbnail.js:13', 's3:PutObject@src/thumbnail.js:17']);
    expect(usage.calls.map((c) => c.style)).toEqual(['v2', 'v2']);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { Bucket: { kind: 'env', name: 'UPLOADS_BUCKET' }, Key: { kind: 'unknown' } } });
    expect(usage.calls[1]!.input).toMatchObject({ properties: { Bucket: { kind: 'env', name: 'THUMBNAILS_BUCKET' }, Key: { kind: 'partial', prefix: 'thumbs/' } } });
    expect(usage.clients.map((c) => [c.name, c.scope, c.location.line])).toEqual([['AWS.S3', 'module', 6]]);
    expect(usage.files).toEqual(['src/resize.js', 'src/thumbnail.js']);
  });

  it('ListThumbnailsFunction lists the bucket with a client built per request', () => {
    const usage = usages.get('ListThumbnailsFunction')!;
    expect(callKeys(usage)).toEqual(['s3:ListObjectsV2@src/list.js:9']);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { Prefix: { kind: 'string', value: 'thumbs/' } } });
    expect(usage.clients).toMatchObject([{ name: 'AWS.S3', kind: 'aws-sdk', scope: 'invocation', location: { file: 'src/list.js', line: 7 } }]);
  });
});
