// Each way of calling AWS from code: SDK v3 commands, aggregated clients, paginators, waiters, lib-dynamodb,
// lib-storage, presigners, and SDK v2 (promise, callback, document client, upload, signed URLs).
import { describe, it, expect } from 'vitest';
import { analyseFixture, callKeys } from './stub-project.js';

describe('SDK v3', () => {
  const usages = analyseFixture('v3-styles', [
    { name: 'aggregated', handler: 'src/aggregated.handler' },
    { name: 'document', handler: 'src/document.handler' },
    { name: 'storage', handler: 'src/storage.handler' },
  ]);

  it('aggregated clients, paginators and waiters map to operations', () => {
    const usage = usages.get('aggregated')!;
    expect(usage.findings).toEqual([]);
    expect(usage.calls.map((c) => [c.service, c.operation, c.style, c.location.line])).toEqual([
      ['dynamodb', 'GetItem', 'v3-aggregated', 8],
      ['s3', 'ListObjectsV2', 'v3-aggregated', 9],
      ['dynamodb', 'Query', 'v3-paginator', 10],
      ['s3', 'HeadObject', 'v3-paginator', 13],
      ['s3', 'ListObjectsV2', 'v3-paginator', 14],
    ]);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { TableName: { kind: 'string', value: 'orders' } } });
    expect(usage.calls[1]!.input).toMatchObject({
      properties: { Bucket: { kind: 'string', value: 'reports-bucket' }, Prefix: { kind: 'partial', prefix: 'daily/' } },
    });
    expect(usage.calls[2]!.input).toMatchObject({ properties: { TableName: { kind: 'env', name: 'HISTORY_TABLE' } } });
    expect(usage.clients.map((c) => [c.name, c.scope, c.location.line])).toEqual([
      ['S3', 'module', 4],
      ['DynamoDB', 'invocation', 8],
      ['DynamoDB', 'invocation', 10],
    ]);
  });

  it('lib-dynamodb commands and DynamoDBDocument methods become item operations', () => {
    const usage = usages.get('document')!;
    expect(callKeys(usage)).toEqual([
      'dynamodb:PutItem@src/document.ts:12',
      'dynamodb:Query@src/document.ts:14',
      'dynamodb:BatchWriteItem@src/document.ts:15',
      'dynamodb:Scan@src/document.ts:16',
    ]);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { TableName: { kind: 'string', value: 'app-users' } } });
    // the spread of a known object keeps its keys
    expect(usage.calls[1]!.input).toMatchObject({
      properties: { TableName: { kind: 'env', name: 'USERS_TABLE' }, IndexName: { kind: 'string', value: 'byEmail' } },
    });
    expect(usage.calls[2]!.input).toMatchObject({ properties: { RequestItems: { kind: 'object', properties: { 'app-users': { kind: 'array' } } } } });
    expect(usage.calls[3]!.input).toMatchObject({ properties: { TableName: { kind: 'env', name: 'USERS_TABLE', suffix: '-archive' } } });
    expect(usage.clients.map((c) => c.name)).toEqual(['DynamoDBClient']);
  });

  it('lib-storage Upload, presigned URLs and posts, and an aliased client', () => {
    const usage = usages.get('storage')!;
    expect(usage.calls.map((c) => [c.service, c.operation, c.style, c.location.line])).toEqual([
      ['s3', 'Upload', 'v3-lib', 9],
      ['s3', 'GetObject', 'presign', 12],
      ['s3', 'PutObject', 'presign', 13],
      ['s3', 'PutObject', 'v3-command', 15],
    ]);
    expect(usage.calls[0]!.input).toMatchObject({ kind: 'object', properties: { Bucket: { kind: 'env', name: 'BUCKET' }, Key: { kind: 'partial', prefix: 'uploads/' } } });
    expect(usage.calls[1]!.input).toMatchObject({ properties: { Bucket: { kind: 'env', name: 'BUCKET' } } });
    expect(usage.calls[2]!.input).toMatchObject({ properties: { Key: { kind: 'string', value: 'incoming/${filename}' } } });
  });
});

describe('SDK v2', () => {
  const usages = analyseFixture('v2-styles', [
    { name: 'commonjs', handler: 'src/clients.handler' },
    { name: 'esm', handler: 'src/esm.default' },
  ]);

  it('promise and callback forms, the document client, upload, signed URLs and waiters', () => {
    const usage = usages.get('commonjs')!;
    expect(usage.findings).toEqual([]);
    expect(usage.calls.map((c) => [c.service, c.operation, c.style, c.location.line])).toEqual([
      ['dynamodb', 'GetItem', 'v2', 13],
      ['dynamodb', 'PutItem', 'v2', 14],
      ['s3', 'GetObject', 'v2', 17],
      ['s3', 'Upload', 'v2', 18],
      ['s3', 'GetObject', 'presign', 19],
      ['s3', 'HeadObject', 'v2', 20],
      ['sqs', 'SendMessage', 'v2', 21],
      ['dynamodb', 'DescribeTable', 'v2', 22],
    ]);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { TableName: { kind: 'env', name: 'TABLE' }, Key: { kind: 'object' } } });
    expect(usage.calls[4]!.input).toMatchObject({ properties: { Key: { kind: 'string', value: 'public/logo.png' } } });
    expect(usage.clients.map((c) => [c.name, c.scope])).toEqual([
      ['AWS.S3', 'module'],
      ['AWS.DynamoDB.DocumentClient', 'module'],
      ['AWS.SQS', 'module'],
      ['AWS.DynamoDB', 'invocation'],
    ]);
  });

  it('ES module imports of v2 clients, through an X-Ray wrapper, in a default export', () => {
    const usage = usages.get('esm')!;
    expect(usage.handlerExport).toBe('default');
    expect(callKeys(usage)).toEqual(['s3:DeleteObject@src/esm.ts:8', 'lambda:Invoke@src/esm.ts:9']);
  });
});
