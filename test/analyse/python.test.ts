// Python handlers: handler resolution, local imports, boto3 calls mapped to IAM actions, Powertools, the
// completeness contract, and a project mixing Node.js and Python functions in one serverless.yml and one SAM template.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { derivedPolicies } from '../../src/analyse/policy-output.js';
import { lint } from '../../src/engine/lint.js';
import { operationName, servicePrefix, waiterOperation } from '../../src/analyse/python/boto3.js';
import { hostInText } from '../../src/analyse/python/analyse.js';
import { parsePython } from '../../src/analyse/python/syntax.js';
import { loadAnalysedProject } from '../helpers/analysed-project.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const MIXED = path.resolve(import.meta.dirname, '../../fixtures/projects/python-mixed');
const NOW = new Date('2026-12-01T00:00:00Z');

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A serverless.yml project with one Python function per handler and the files given. */
function project(files: Record<string, string>, functions: Record<string, string>, extra = ''): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'noops-py-'));
  temporary.push(root);
  const fns = Object.entries(functions)
    .map(([name, handler]) => `  ${name}:\n    handler: ${handler}`)
    .join('\n');
  const manifest = `service: py\nprovider:\n  name: aws\n  runtime: python3.12\n  environment:\n    TABLE: !Ref Items\n    BUCKET: !Ref Files\n${extra}functions:\n${fns}\nresources:\n  Resources:\n    Items:\n      Type: AWS::DynamoDB::Table\n    Files:\n      Type: AWS::S3::Bucket\n`;
  writeFileSync(path.join(root, 'serverless.yml'), manifest);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function policyOf(root: string, name: string) {
  const loaded = loadAnalysedProject(root);
  const policies = derivedPolicies(loaded.project, loaded.analysis);
  return policies.functions.find((f) => f.function === name)!;
}

describe('boto3 names', () => {
  it('maps snake_case methods to the API operations the data spells', () => {
    expect(operationName('dynamodb', 'put_item')).toBe('PutItem');
    expect(operationName('s3', 'list_objects_v2')).toBe('ListObjectsV2');
    expect(operationName('rds', 'describe_db_instances')).toBe('DescribeDBInstances');
    expect(operationName('states', 'start_execution')).toBe('StartExecution');
  });

  it('maps boto3 service names to IAM prefixes', () => {
    expect(servicePrefix('stepfunctions')).toBe('states');
    expect(servicePrefix('secretsmanager')).toBe('secretsmanager');
    expect(servicePrefix('bedrock-runtime')).toBe('bedrock');
    expect(servicePrefix('events')).toBe('events');
    expect(servicePrefix('cognito-idp')).toBe('cognito-idp');
    expect(waiterOperation('s3', 'bucket_exists')).toBe('HeadBucket');
  });

  it('reads hosts from connection strings', () => {
    expect(hostInText('postgresql://app:pw@localhost:5432/db', false)).toBe('localhost');
    expect(hostInText('host=10.0.0.5 dbname=x', false)).toBe('10.0.0.5');
    expect(hostInText('db.example.com', true)).toBe('db.example.com');
    expect(hostInText('orders', false)).toBeUndefined();
  });
});

describe('Python parsing', () => {
  it('reports one parse error per file and keeps what parsed', () => {
    const module = parsePython('a.py', 'def f(:\n  pass\nx = (\n');
    expect(module.findings).toHaveLength(1);
    expect(module.findings[0]).toMatchObject({ ruleId: 'input/parse-error', location: { file: 'a.py', line: 1 } });
  });

  it('does not overflow the stack on deeply nested code', () => {
    const text = `x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n`;
    expect(() => parsePython('deep.py', text)).not.toThrow();
  });
});

describe('Python least privilege', () => {
  it('derives the calls of clients, resources, paginators, waiters and transfers', () => {
    const root = project(
      {
        'app.py': [
          'import os',
          'import boto3',
          'from boto3.dynamodb.conditions import Key',
          '',
          'session = boto3.session.Session()',
          'ddb = session.resource("dynamodb")',
          'table = ddb.Table(os.environ["TABLE"])',
          's3 = boto3.client("s3")',
          'BUCKET = os.getenv("BUCKET")',
          '',
          'def handler(event, context):',
          '    table.query(KeyConditionExpression=Key("id").eq(event["id"]))',
          '    with table.batch_writer() as batch:',
          '        batch.put_item(Item={"id": "1"})',
          '    s3.upload_file("/tmp/x", BUCKET, f"uploads/{event[\'id\']}")',
          '    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="uploads/"):',
          '        pass',
          '    s3.get_waiter("object_exists").wait(Bucket=BUCKET, Key="done")',
          '    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "report.csv"})',
        ].join('\n'),
      },
      { api: 'app.handler' },
    );
    const policy = policyOf(root, 'api');
    expect(policy.incomplete).toBeUndefined();
    expect(policy.actions).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:Query', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    const resources = Object.fromEntries(policy.statements!.map((s) => [s.Action.join(','), s.Resource]));
    expect(resources['dynamodb:BatchWriteItem,dynamodb:Query'] ?? resources['dynamodb:Query']).toEqual([{ 'Fn::GetAtt': ['Items', 'Arn'] }]);
    expect(JSON.stringify(policy.statements)).toContain('${Files}/uploads/*');
  });

  it('follows local modules, packages with __init__.py, relative imports, classes and helpers', () => {
    const root = project(
      {
        'src/__init__.py': '',
        'src/handler.py': 'from .services import OrderService\nfrom .services.notify import notify\n\nservice = OrderService()\n\ndef main(event, context):\n    service.save(event)\n    notify(event["id"])\n',
        'src/services/__init__.py': 'from .orders import OrderService\n',
        'src/services/orders.py': 'import os\nimport boto3\n\nclass OrderService:\n    def __init__(self):\n        self.table = boto3.resource("dynamodb").Table(os.environ["TABLE"])\n\n    def save(self, order):\n        self.table.put_item(Item=order)\n',
        'src/services/notify.py': 'import boto3\n\ndef notify(order_id):\n    boto3.client("sns").publish(TopicArn="arn:aws:sns:eu-west-1:123456789012:orders", Message=order_id)\n',
      },
      { api: 'src/handler.main' },
    );
    const policy = policyOf(root, 'api');
    expect(policy.incomplete).toBeUndefined();
    expect(policy.actions).toEqual(['dynamodb:PutItem', 'sns:Publish']);
  });

  it('follows a handler class built on a base class in another module, with clients passed to __init__ and class methods', () => {
    const root = project(
      {
        'handler.py': 'import boto3\nfrom report import Report\n\ndynamodb = boto3.resource("dynamodb")\n\ndef handler(event, context):\n    return Report(event, context, dynamodb=dynamodb).main()\n',
        'base.py': 'class Base:\n    def __init__(self, event, context, dynamodb=None, s3=None):\n        self.event = event\n        self.dynamodb = dynamodb\n        self.s3 = s3\n\n    def main(self):\n        return self.run()\n',
        'report.py': 'import os\nfrom base import Base\nfrom store import Store\n\nclass Report(Base):\n    def run(self):\n        return Store.load(self.dynamodb, self.event["id"])\n',
        'store.py': 'import os\n\nclass Store:\n    @classmethod\n    def load(cls, dynamodb, key):\n        item = dynamodb.Table(os.environ["TABLE"]).get_item(Key={"id": key}).get("Item")\n        return cls.__check(item)\n\n    @staticmethod\n    def __check(item):\n        return item\n',
      },
      { api: 'handler.handler' },
    );
    const policy = policyOf(root, 'api');
    expect(policy.incomplete).toBeUndefined();
    expect(policy.statements).toEqual([{ Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: [{ 'Fn::GetAtt': ['Items', 'Arn'] }] }]);
  });

  it('derives Powertools parameters, secrets and idempotency calls', () => {
    const root = project(
      {
        'app.py': [
          'import os',
          'from aws_lambda_powertools.utilities import parameters',
          'from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, idempotent',
          '',
          'store = DynamoDBPersistenceLayer(table_name=os.environ["TABLE"])',
          '',
          '@idempotent(persistence_store=store)',
          'def handler(event, context):',
          '    key = parameters.get_parameter("/app/key")',
          '    secret = parameters.get_secret("app/db")',
          '    return key, secret',
        ].join('\n'),
      },
      { api: 'app.handler' },
    );
    const policy = policyOf(root, 'api');
    expect(policy.incomplete).toBeUndefined();
    expect(policy.actions).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'secretsmanager:GetSecretValue', 'ssm:GetParameter']);
  });

  it('makes the derivation incomplete where code cannot be followed, and finds no unused grant then', () => {
    const root = project(
      {
        'app.py': 'import os\nimport boto3\nfrom .missing import helper\n\nclient = boto3.client("dynamodb")\n\ndef handler(event, context):\n    getattr(client, event["op"])(TableName=os.environ["TABLE"])\n',
      },
      { api: 'app.handler' },
      '  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: [dynamodb:DeleteItem]\n          Resource: !GetAtt Items.Arn\n',
    );
    const policy = policyOf(root, 'api');
    expect(policy.incomplete?.join('\n')).toMatch(/missing/);
    expect(policy.incomplete?.join('\n')).toMatch(/getattr\(client, event\["op"\]\)/);
    const run = lint({ rules: BUILTIN_RULES, root, now: NOW, gitignore: false });
    expect(run.findings.filter((f) => f.ruleId === 'iam/unused-permission')).toEqual([]);
  });

  it('reports a handler that does not exist at the manifest line', () => {
    const root = project({ 'app.py': 'def other(event, context):\n    return 1\n' }, { api: 'app.handler', gone: 'nope.handler' });
    const run = lint({ rules: BUILTIN_RULES, root, now: NOW, gitignore: false });
    const notFound = run.findings.filter((f) => f.ruleId === 'input/handler-not-found').map((f) => `${f.function}:${f.location.file}:${f.location.line}`);
    expect(notFound).toEqual(['api:serverless.yml:10', 'gone:serverless.yml:12']);
  });

  it('with no runtime named, reads a .py handler as Python unless a JavaScript file of the same name is beside it', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'noops-py-'));
    temporary.push(root);
    writeFileSync(path.join(root, 'serverless.yml'), 'service: x\nprovider:\n  name: aws\nfunctions:\n  both:\n    handler: both.handler\n  py:\n    handler: only.handler\n');
    writeFileSync(path.join(root, 'both.py'), 'import boto3\n\ndef handler(event, context):\n    boto3.client("sqs").send_message(QueueUrl="q", MessageBody="x")\n');
    writeFileSync(path.join(root, 'both.js'), 'exports.handler = async () => 1;\n');
    writeFileSync(path.join(root, 'only.py'), 'import boto3\n\ndef handler(event, context):\n    boto3.client("sqs").send_message(QueueUrl="q", MessageBody="x")\n');
    const loaded = loadAnalysedProject(root);
    const usage = (name: string) => loaded.analysis.usageOf(loaded.project.functions.find((f) => f.name === name)!)!;
    expect(usage('both').handlerFile).toBe('both.js');
    expect(usage('py').handlerFile).toBe('only.py');
    expect(usage('py').calls.map((c) => `${c.service}:${c.operation}`)).toEqual(['sqs:SendMessage']);
  });

  it('says so when the code is a built archive (CodeUri: x.zip)', () => {
    const root = project({}, {});
    writeFileSync(
      path.join(root, 'template.yaml'),
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: ./deploy/fn.zip\n      Handler: handler.lambda_handler\n      Runtime: python3.12\n',
    );
    rmSync(path.join(root, 'serverless.yml'));
    const run = lint({ rules: BUILTIN_RULES, root, now: NOW, gitignore: false });
    expect(run.findings.filter((f) => f.ruleId === 'input/handler-not-found')).toEqual([]);
    const notFound = run.findings.filter((f) => f.ruleId === 'input/handler-not-analysed');
    expect(notFound.map((f) => f.message)).toEqual(['The code of "Fn" is the archive "deploy/fn.zip", built before deployment and not source in the project, so its handler was not analysed.']);
  });
});

describe('a project mixing Node.js and Python functions', () => {
  const loaded = loadAnalysedProject(MIXED);
  const policies = derivedPolicies(loaded.project, loaded.analysis);
  const byName = Object.fromEntries(policies.functions.map((f) => [f.function, f]));

  it('derives a policy for every function, in serverless.yml and in the SAM template', () => {
    expect(Object.keys(byName).sort()).toEqual(['NotifyFunction', 'ThumbnailFunction', 'createOrder', 'getOrder', 'listOrders']);
    for (const policy of policies.functions) {
      expect(policy.statements?.length, policy.function).toBeGreaterThan(0);
      expect(policy.incomplete, policy.function).toBeUndefined();
    }
    expect(byName.createOrder!.statements).toEqual([
      { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [{ 'Fn::GetAtt': ['OrdersTable', 'Arn'] }] },
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: [{ Ref: 'EventsTopic' }] },
    ]);
    expect(byName.listOrders!.statements).toEqual([{ Effect: 'Allow', Action: ['dynamodb:Query'], Resource: [{ 'Fn::GetAtt': ['OrdersTable', 'Arn'] }] }]);
    expect(byName.ThumbnailFunction!.statements).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}/*' }] },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${ThumbsBucket}/thumbs/*' }] },
    ]);
    expect(byName.getOrder!.actions).toEqual(['dynamodb:GetItem']);
    expect(byName.NotifyFunction!.actions).toEqual(['sqs:SendMessage']);
  });

  it('reports code findings on the Python lines', () => {
    const run = lint({ rules: BUILTIN_RULES, root: MIXED, now: NOW, gitignore: false });
    const onPython = run.findings.filter((f) => f.location.file.endsWith('.py')).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.function}`);
    expect(onPython).toEqual([
      'iam/missing-permission api/common/events.py:10 createOrder',
      'state/module-mutation api/handlers/create_order.py:15 createOrder',
      'connection/per-request api/handlers/list_orders.py:9 listOrders',
      'iam/missing-permission sam/py/thumbs.py:13 ThumbnailFunction',
    ]);
  });
});
