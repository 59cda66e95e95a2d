import { describe, expect, it } from 'vitest';
import { derivePermissions, parsePartiql } from '../../src/analyse/permissions.js';
import { Unresolved } from '../../src/model/values.js';
import { arr, call, env, fn, obj, partial, role, service, str, unknown, usage } from '../helpers/permission-models.js';
import { analyseInline } from './stub-project.js';

const ordersService = () =>
  service({
    OrdersTable: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders-orders-dev' } },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'orders-events-dev' } },
    Topic: { Type: 'AWS::SNS::Topic' },
    Uploads: { Type: 'AWS::S3::Bucket' },
    Secured: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { Ref: 'QueueKey' } } },
    Managed: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: 'alias/aws/sns' } },
    QueueKey: { Type: 'AWS::KMS::Key' },
  });

function needsOf(environment: Record<string, unknown>, calls: ReturnType<typeof call>[]) {
  const svc = ordersService();
  const f = fn(svc, 'handler', role(svc, []), environment);
  return derivePermissions(f, usage(f, calls));
}

describe('derivePermissions', () => {
  it('binds a resolved Serverless name to the table whose TableName equals it', () => {
    const p = needsOf({ TABLE: 'orders-orders-dev' }, [call('dynamodb', 'GetItem', obj({ TableName: env('TABLE') }))]);
    expect(p.needs).toMatchObject([{ action: 'dynamodb:GetItem', resource: { 'Fn::GetAtt': ['OrdersTable', 'Arn'] }, logicalId: 'OrdersTable' }]);
  });

  it('binds Ref and GetAtt values of the environment (a queue Ref is its URL, a topic Ref its ARN)', () => {
    const p = needsOf({ Q: { Ref: 'Queue' }, T: { Ref: 'Topic' }, T2: { 'Fn::GetAtt': ['Topic', 'TopicArn'] } }, [
      call('sqs', 'SendMessageBatch', obj({ QueueUrl: env('Q') })),
      call('sns', 'Publish', obj({ TopicArn: env('T') })),
      call('sns', 'Publish', obj({ TargetArn: env('T2') }), 9),
    ]);
    expect(p.needs.map((n) => [n.action, n.resource])).toEqual([
      ['sqs:SendMessage', { 'Fn::GetAtt': ['Queue', 'Arn'] }],
      ['sns:Publish', { Ref: 'Topic' }],
      ['sns:Publish', { Ref: 'Topic' }],
    ]);
  });

  it('scopes S3 objects to the literal key prefix and lists on the bucket', () => {
    const p = needsOf({ B: { Ref: 'Uploads' } }, [
      call('s3', 'PutObject', obj({ Bucket: env('B'), Key: partial('thumbs/') })),
      call('s3', 'GetObject', obj({ Bucket: env('B'), Key: unknown() }), 6),
      call('s3', 'ListObjectsV2', obj({ Bucket: env('B'), Prefix: str('thumbs/') }), 7),
    ]);
    expect(p.needs.map((n) => [n.action, n.resource])).toEqual([
      ['s3:PutObject', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Uploads}/thumbs/*' }],
      ['s3:GetObject', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Uploads}/*' }],
      ['s3:ListBucket', { 'Fn::GetAtt': ['Uploads', 'Arn'] }],
    ]);
  });

  it('builds an ARN from a literal name that matches no resource', () => {
    const p = needsOf({}, [
      call('dynamodb', 'Query', obj({ TableName: str('legacy'), IndexName: str('byDate') })),
      call('sqs', 'SendMessage', obj({ QueueUrl: str('https://sqs.eu-west-1.amazonaws.com/123456789012/jobs') }), 6),
      call('ssm', 'GetParameter', obj({ Name: str('/app/db-url') }), 7),
      call('lambda', 'Invoke', obj({ FunctionName: str('worker'), Qualifier: str('live') }), 8),
    ]);
    expect(p.needs.map((n) => n.resource)).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/legacy/index/byDate' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:eu-west-1:123456789012:jobs' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/db-url' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:worker:live' },
    ]);
  });

  it('marks what it cannot resolve, with the reason, never silently', () => {
    const p = needsOf({ FROM_SSM: new Unresolved('${ssm:/x}', 'SSM parameters are read at deploy time') }, [
      call('dynamodb', 'GetItem', obj({ TableName: env('MISSING') })),
      call('dynamodb', 'PutItem', obj({ TableName: env('FROM_SSM') }), 6),
      call('dynamodb', 'Scan', unknown('built elsewhere'), 7),
    ]);
    expect(p.needs.every((n) => n.resource === '*' && n.unresolved)).toBe(true);
    expect(p.needs[0]!.unresolved).toContain('process.env.MISSING');
    expect(p.needs[1]!.unresolved).toContain('SSM parameters are read at deploy time');
    expect(p.needs[0]!.evidence.location).toMatchObject({ file: 'src/handler.ts', line: 5 });
  });

  it('derives Upload, transactions, PartiQL and event buses', () => {
    const p = needsOf({ B: { Ref: 'Uploads' } }, [
      call('s3', 'Upload', obj({ params: obj({ Bucket: env('B'), Key: str('a.txt') }), tags: arr() }), 5, 'v3-lib'),
      call('dynamodb', 'TransactWriteItems', obj({ TransactItems: arr(obj({ Put: obj({ TableName: str('orders-orders-dev') }) }), obj({ ConditionCheck: obj({ TableName: str('orders-orders-dev') }) })) }), 6),
      call('dynamodb', 'ExecuteStatement', obj({ Statement: str('SELECT * FROM "orders-orders-dev" WHERE id = ?') }), 7),
      call('events', 'PutEvents', obj({ Entries: arr(obj({ Detail: str('{}') })) }), 8),
    ]);
    expect(p.needs.map((n) => n.action)).toEqual([
      's3:PutObject', 's3:AbortMultipartUpload', 's3:PutObjectTagging',
      'dynamodb:PutItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PartiQLSelect', 'events:PutEvents',
    ]);
    expect(p.needs.at(-1)!.resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' });
    expect(p.needs.find((n) => n.action === 'dynamodb:PartiQLSelect')!.resource).toEqual({ 'Fn::GetAtt': ['OrdersTable', 'Arn'] });
  });

  it('adds KMS needs only for a customer managed key', () => {
    const p = needsOf({ Q: { Ref: 'Secured' }, T: { Ref: 'Managed' } }, [
      call('sqs', 'SendMessage', obj({ QueueUrl: env('Q') })),
      call('sns', 'Publish', obj({ TopicArn: env('T') }), 6),
    ]);
    expect(p.needs.map((n) => [n.action, n.resource])).toEqual([
      ['sqs:SendMessage', { 'Fn::GetAtt': ['Secured', 'Arn'] }],
      ['kms:GenerateDataKey', { 'Fn::GetAtt': ['QueueKey', 'Arn'] }],
      ['kms:Decrypt', { 'Fn::GetAtt': ['QueueKey', 'Arn'] }],
      ['sns:Publish', { Ref: 'Managed' }],
    ]);
  });

  it('needs nothing for permissionless calls and * for wildcard-only actions', () => {
    const p = needsOf({}, [call('sts', 'GetCallerIdentity', obj({})), call('cloudwatch', 'PutMetricData', obj({ Namespace: str('x') }), 6)]);
    expect(p.needs.map((n) => [n.action, n.resource, n.unresolved])).toEqual([['cloudwatch:PutMetricData', '*', undefined]]);
  });

  it('keeps platform needs apart and reports functions without analysable code as incomplete', () => {
    const svc = ordersService();
    const f = fn(svc, 'worker', role(svc, []), {}, {
      vpc: true,
      tracing: { value: 'Active', location: { file: 'serverless.yml', line: 3, column: 1, endLine: 3, endColumn: 5 } },
      events: [{ type: 'sqs', normalizedType: 'sqs', source: { 'Fn::GetAtt': ['Queue', 'Arn'] }, location: { file: 'serverless.yml', line: 40, column: 1, endLine: 40, endColumn: 5 }, properties: {} }],
    });
    const p = derivePermissions(f, undefined);
    expect(p.analysed).toBe(false);
    expect(p.incompleteReasons.length).toBe(1);
    expect(p.needs).toEqual([]);
    const actions = p.platform.map((n) => n.action);
    expect(actions).toContain('logs:PutLogEvents');
    expect(actions).toContain('xray:PutTraceSegments');
    expect(actions).toContain('ec2:CreateNetworkInterface');
    expect(p.platform.find((n) => n.action === 'sqs:ReceiveMessage')!.resource).toEqual({ 'Fn::GetAtt': ['Queue', 'Arn'] });
  });

  it('gives a broker poller its actions by event type in any case, and an event named like an object member none', () => {
    const svc = ordersService();
    const location = { file: 'serverless.yml', line: 40, column: 1, endLine: 40, endColumn: 5 };
    const event = (type: string) => ({ type, normalizedType: 'other' as const, source: undefined, location, properties: {} });
    const platform = (type: string) => derivePermissions(fn(svc, 'worker', role(svc, []), {}, { events: [event(type)] }), undefined).platform.map((n) => n.action);
    expect(platform('msk')).toContain('kafka-cluster:ReadData');
    expect(platform('MQ')).toContain('mq:DescribeBroker');
    for (const type of ['constructor', 'toString', '__proto__']) expect(platform(type)).toEqual(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  });
});

describe('derivePermissions on analysed code', () => {
  it('binds a table named by a computed env key (BatchWriteItem RequestItems) and never renders the key as text', () => {
    const { usages } = analyseInline(
      {
        'h.js': [
          "const { DynamoDBClient, BatchWriteItemCommand } = require('@aws-sdk/client-dynamodb');",
          'const ddb = new DynamoDBClient({});',
          'const TABLE = process.env.ORDERS_TABLE;',
          'exports.handler = async (event) => ddb.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: event.items } }));',
        ].join('\n'),
      },
      { handler: 'h.handler' },
    );
    const svc = ordersService();
    const f = fn(svc, 'handler', role(svc, []), { ORDERS_TABLE: 'orders-orders-dev' });
    const p = derivePermissions(f, { ...usages.get('handler')!, functionId: f.id });
    expect(p.needs.map((n) => [n.action, n.resource])).toEqual([['dynamodb:BatchWriteItem', { 'Fn::GetAtt': ['OrdersTable', 'Arn'] }]]);
    expect(JSON.stringify(p.needs)).not.toContain('${!');
  });
});

describe('optional ARN suffixes', () => {
  it('a literal IndexName scopes the query to that index; one not known statically needs the table and every index', () => {
    const p = needsOf({ TABLE: 'orders-orders-dev' }, [
      call('dynamodb', 'Query', obj({ TableName: env('TABLE'), IndexName: str('byCustomer') })),
      call('dynamodb', 'Query', obj({ TableName: env('TABLE'), IndexName: unknown('`event.index`: `event` is a parameter') }), 6),
      call('lambda', 'Invoke', obj({ FunctionName: str('worker'), Qualifier: unknown() }), 7),
    ]);
    expect(p.needs.map((n) => n.resource)).toEqual([
      { 'Fn::Sub': '${OrdersTable.Arn}/index/byCustomer' },
      { 'Fn::GetAtt': ['OrdersTable', 'Arn'] },
      { 'Fn::Sub': '${OrdersTable.Arn}/index/*' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:worker' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:worker:*' },
    ]);
  });
});

describe('parsePartiql', () => {
  it('reads the verb, the table and the index', () => {
    expect(parsePartiql('select * from "Orders"."byCustomer" where a = ?')).toEqual({ action: 'dynamodb:PartiQLSelect', table: 'Orders', index: 'byCustomer' });
    expect(parsePartiql("INSERT INTO Orders VALUE {'id': ?}")).toEqual({ action: 'dynamodb:PartiQLInsert', table: 'Orders' });
    expect(parsePartiql('UPDATE "Orders" SET a = 1')).toEqual({ action: 'dynamodb:PartiQLUpdate', table: 'Orders' });
    expect(parsePartiql('DELETE FROM Orders WHERE id = ?')).toEqual({ action: 'dynamodb:PartiQLDelete', table: 'Orders' });
    expect(parsePartiql('EXPLAIN x')).toBeUndefined();
  });
});
