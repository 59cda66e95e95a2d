// Tests for the Serverless Framework loader: functions, roles, statements, platform grants and resources, with locations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import type { LoadOptions, ManifestContext } from '../../../src/load/manifests/context.js';
import { loadServerless } from '../../../src/load/manifests/serverless.js';
import { parseYaml } from '../../../src/load/yaml.js';
import type { FunctionModel, PolicyStatement, RoleModel } from '../../../src/model/project.js';
import { Unresolved } from '../../../src/model/values.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/load/serverless');

function load(yaml: string, options: Partial<LoadOptions> = {}, files: Record<string, string> = {}, file = 'serverless.yml') {
  const parsed = parseYaml(yaml, file);
  if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message).join('; '));
  const findings: Finding[] = [...parsed.findings];
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const resolvePath = (written: string): string | undefined => {
    if (path.posix.isAbsolute(written)) return undefined;
    const joined = path.posix.normalize(path.posix.join(dir || '.', written));
    return joined.startsWith('../') || joined === '..' ? undefined : joined;
  };
  const context: ManifestContext = {
    root: '/project',
    file,
    dir,
    options: { resolveEnv: false, env: {}, ...options },
    report: (finding) => findings.push(finding),
    readFile: (written) => {
      const rel = resolvePath(written);
      if (rel === undefined) return { ok: false, reason: `${written} is outside the project root` };
      return rel in files ? { ok: true, text: files[rel]!, file: rel } : { ok: false, reason: 'it does not exist' };
    },
    resolvePath,
  };
  const service = loadServerless(parsed.value, context);
  const invalid = findings.filter((f) => f.ruleId === 'input/invalid-manifest');
  return { service: service!, findings, invalid };
}

function loadFixture(name: string) {
  return load(readFileSync(path.join(FIXTURES, name, 'serverless.yml'), 'utf8'));
}

const fn = (functions: FunctionModel[], name: string): FunctionModel => functions.find((f) => f.name === name)!;
const values = (statement: PolicyStatement, key: 'actions' | 'resources') => statement[key].map((entry) => entry.value);
const inline = (role: RoleModel) => role.statements.filter((s) => s.origin.kind === 'inline');
const platform = (role: RoleModel) => role.statements.filter((s) => s.origin.kind === 'platform');

describe('the orders example', () => {
  const { service, findings } = loadFixture('orders');

  it('reads the service, its stage and region', () => {
    expect(service.name).toBe('orders');
    expect(service.kind).toBe('serverless');
    expect(service.stage).toBe('dev');
    expect(service.region).toBe('eu-west-1');
    expect(service.location.line).toBe(1);
    expect(findings).toEqual([]);
  });

  it('reads three functions located at their keys, sharing the provider role', () => {
    expect(service.functions.map((f) => [f.name, f.location.line])).toEqual([
      ['getOrder', 24],
      ['createOrder', 28],
      ['reportOrders', 32],
    ]);
    const role = service.roles.find((r) => r.kind === 'serverless-provider')!;
    expect(role.name).toBe('IamRoleLambdaExecution');
    expect(role.location.line).toBe(13);
    expect(role.functions.map((f) => f.name)).toEqual(['getOrder', 'createOrder', 'reportOrders']);
    for (const f of service.functions) expect(f.role).toBe(role);
    expect(service.roles).toHaveLength(1);
  });

  it('locates each action and resource of the statements', () => {
    const role = service.roles[0]!;
    const [first, second] = inline(role);
    expect(first!.path).toBe('provider.iam.role.statements[0]');
    expect(first!.actions).toEqual([{ value: 'dynamodb:*', location: expect.objectContaining({ line: 16 }) }]);
    expect(first!.resources).toEqual([{ value: '*', location: expect.objectContaining({ line: 17 }) }]);
    expect(first!.location.line).toBe(15);
    expect(second!.path).toBe('provider.iam.role.statements[1]');
    expect(second!.actions[0]).toEqual({ value: 'sqs:SendMessage', location: expect.objectContaining({ line: 20 }) });
    expect(second!.resources[0]!.value).toEqual({ 'Fn::GetAtt': ['OrderEventsQueue', 'Arn'] });
    expect(second!.resources[0]!.location.line).toBe(21);
  });

  it('adds the service log groups as a platform grant', () => {
    const [logs] = platform(service.roles[0]!);
    expect(logs!.origin).toEqual({ kind: 'platform', reason: expect.any(String) });
    expect(values(logs!, 'actions')).toContain('logs:PutLogEvents');
    expect(values(logs!, 'resources')).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/orders-dev*:*' }]);
    expect(logs!.location.line).toBe(13);
  });

  it('merges provider environment and resolves variables', () => {
    const env = fn(service.functions, 'getOrder').environment;
    expect(env.map((v) => v.name)).toEqual(['ORDERS_TABLE', 'EVENTS_QUEUE_URL', 'ORDER_CREATED_TOPIC']);
    expect(env[0]).toMatchObject({ value: 'orders-orders-dev', origin: 'provider', location: expect.objectContaining({ line: 9 }) });
    expect(env[1]!.value).toEqual({ Ref: 'OrderEventsQueue' });
  });

  it('applies provider defaults and normalizes events', () => {
    const report = fn(service.functions, 'reportOrders');
    expect(report.runtime).toEqual({ value: 'nodejs22.x', location: expect.objectContaining({ line: 6 }) });
    expect(report.timeout).toEqual({ value: 60, location: expect.objectContaining({ line: 34 }) });
    expect(report.handler?.value).toBe('src/report.handler');
    expect(report.codeDir).toBe('');
    expect(report.events).toMatchObject([{ type: 'schedule', normalizedType: 'schedule', source: 'rate(1 hour)' }]);
    const get = fn(service.functions, 'getOrder');
    expect(get.events).toMatchObject([{ type: 'httpApi', normalizedType: 'http-api', properties: { method: 'GET', path: '/orders/{id}' } }]);
    expect(get.events[0]!.location.line).toBe(27);
    expect(get.vpc).toBe(false);
    expect(get.tracing).toBeUndefined();
  });

  it('reads the resources at their logical id keys, with variables resolved', () => {
    expect(service.resources.map((r) => [r.logicalId, r.type, r.location.line])).toEqual([
      ['OrdersTable', 'AWS::DynamoDB::Table', 40],
      ['OrderEventsQueue', 'AWS::SQS::Queue', 51],
      ['OrderCreatedTopic', 'AWS::SNS::Topic', 55],
    ]);
    expect(service.resources[2]!.properties.TopicName).toBe('orders-created-dev');
    expect(service.resources[0]!.properties.TableName).toBe('orders-orders-dev');
  });

  it('honours --stage', () => {
    const staged = load(readFileSync(path.join(FIXTURES, 'orders', 'serverless.yml'), 'utf8'), { stage: 'prod' });
    expect(staged.service.resources[2]!.properties.TopicName).toBe('orders-created-prod');
    expect(staged.service.stage).toBe('prod');
  });
});

describe('provider role shapes', () => {
  it('reads legacy iamRoleStatements and iamManagedPolicies, located at the legacy key', () => {
    const { service } = load(`service: legacy
provider:
  name: aws
  iamRoleStatements:
    - Effect: Allow
      Action:
        - s3:GetObject
        - s3:PutObject
      Resource: arn:aws:s3:::bucket/*
  iamManagedPolicies:
    - arn:aws:iam::aws:policy/AdministratorAccess
functions:
  a:
    handler: a.handler
`);
    const role = service.roles[0]!;
    expect(role.location.line).toBe(4);
    const [statement] = inline(role);
    expect(statement!.path).toBe('provider.iamRoleStatements[0]');
    expect(statement!.actions.map((a) => [a.value, a.location.line])).toEqual([
      ['s3:GetObject', 7],
      ['s3:PutObject', 8],
    ]);
    expect(role.managedPolicies).toEqual([{ value: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', location: expect.objectContaining({ line: 11 }) }]);
    expect(role.statements.some((s) => s.origin.kind === 'managed-policy')).toBe(true);
    expect(role.incomplete).toBe(false);
  });

  it('prefers provider.iam.role.statements over the legacy key', () => {
    const { service } = load(`service: s
provider:
  iam:
    role:
      statements:
        - { Effect: Allow, Action: sqs:SendMessage, Resource: '*' }
  iamRoleStatements:
    - { Effect: Allow, Action: s3:*, Resource: '*' }
functions:
  a: { handler: a.h }
`);
    expect(inline(service.roles[0]!).map((s) => s.path)).toEqual(['provider.iam.role.statements[0]']);
  });

  it('uses the provider key when no statements are written', () => {
    const { service } = load('service: s\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: a.h\n');
    expect(service.roles[0]!.location.line).toBe(2);
    expect(inline(service.roles[0]!)).toEqual([]);
  });

  it('treats provider.iam.role as an ARN as an external, incomplete role', () => {
    const { service } = load(`service: s
provider:
  iam:
    role: arn:aws:iam::123456789012:role/shared-lambda
functions:
  a: { handler: a.h }
  b: { handler: b.h }
`);
    expect(service.roles).toHaveLength(1);
    const role = service.roles[0]!;
    expect(role).toMatchObject({ kind: 'external', name: 'shared-lambda', incomplete: true, statements: [] });
    expect(role.location.line).toBe(4);
    expect(role.functions.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('resolves legacy provider.role naming a role under resources, with its inline policies', () => {
    const { service } = load(`service: s
provider:
  role: LambdaRole
functions:
  a: { handler: a.h }
resources:
  Resources:
    LambdaRole:
      Type: AWS::IAM::Role
      Properties:
        Policies:
          - PolicyName: p
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: dynamodb:GetItem
                  Resource: '*'
`);
    const role = service.roles.find((r) => r.name === 'LambdaRole')!;
    expect(role.kind).toBe('cloudformation');
    expect(role.location.line).toBe(8);
    expect(role.functions.map((f) => f.name)).toEqual(['a']);
    expect(role.statements.map((s) => s.path)).toEqual(['resources.Resources.LambdaRole.Properties.Policies[0].PolicyDocument.Statement[0]']);
    expect(role.statements[0]!.actions[0]!.location.line).toBe(16);
    expect(service.roles.some((r) => r.kind === 'serverless-provider')).toBe(false);
  });

  it('keeps an unresolvable role reference external', () => {
    const { service, findings } = load('service: s\nprovider:\n  iam:\n    role: ${ssm:/roles/lambda}\nfunctions:\n  a: { handler: a.h }\n');
    expect(service.roles[0]).toMatchObject({ kind: 'external', incomplete: true });
    expect(findings.filter((f) => f.ruleId === 'input/unresolved')).toHaveLength(1);
  });

  it('marks the role incomplete when a statement list comes from an unresolvable file', () => {
    const { service } = load('service: s\nprovider:\n  iam:\n    role:\n      statements: ${ssm:/x}\nfunctions:\n  a: { handler: a.h }\n');
    expect(service.roles[0]!.incomplete).toBe(true);
  });

  it('reads statements from an included file with that file as their location', () => {
    const { service } = load(
      'service: s\nprovider:\n  iam:\n    role:\n      statements: ${file(./iam.yml):statements}\nfunctions:\n  a: { handler: a.h }\n',
      {},
      { 'iam.yml': 'statements:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: "*"\n' },
    );
    const [statement] = inline(service.roles[0]!);
    expect(statement!.actions[0]!.location).toMatchObject({ file: 'iam.yml', line: 3 });
  });

  it('locates the Action or NotAction key of each statement, and keeps the conditions of managed policies', () => {
    const { service } = load(`service: keys
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - s3:GetObject
          Resource: '*'
        - Effect: Deny
          NotAction: s3:*
          Resource: '*'
      managedPolicies:
        - arn:aws:iam::aws:policy/AWSLambda_FullAccess
functions:
  a:
    handler: a.handler
`);
    const role = service.roles[0]!;
    expect(inline(role).map((s) => s.actionKeyLocation?.line)).toEqual([8, 12]);
    const managed = role.statements.filter((s) => s.origin.kind === 'managed-policy');
    expect(managed.map((s) => s.actionKeyLocation)).toEqual(managed.map(() => undefined));
    expect(managed.find((s) => values(s, 'actions').includes('iam:PassRole'))!.condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
    });
    expect(role.incomplete).toBe(false);
  });
});

describe('function roles', () => {
  const yaml = `service: shop
plugins: [serverless-iam-roles-per-function]
custom:
  serverless-iam-roles-per-function:
    defaultInherit: false
provider:
  iam:
    role:
      statements:
        - Effect: Allow
          Action: xray:PutTraceSegments
          Resource: '*'
functions:
  own:
    handler: own.h
    iamRoleStatements:
      - Effect: Allow
        Action: sqs:SendMessage
        Resource: arn:aws:sqs:eu-west-1:123:q
  inherits:
    handler: inherits.h
    iamRoleStatementsInherit: true
    iamRoleStatements: []
  existing:
    handler: existing.h
    role: !GetAtt CustomRole.Arn
  shared:
    handler: shared.h
resources:
  Resources:
    CustomRole:
      Type: AWS::IAM::Role
      Properties:
        ManagedPolicyArns:
          - arn:aws:iam::123:policy/custom
`;
  const { service, invalid } = load(yaml);

  it('gives iamRoleStatements functions their own role', () => {
    const own = fn(service.functions, 'own').role;
    expect(own).toMatchObject({ kind: 'serverless-function', name: 'OwnIamRoleLambdaExecution' });
    expect(own.location.line).toBe(16);
    expect(inline(own).map((s) => s.path)).toEqual(['functions.own.iamRoleStatements[0]']);
    expect(platform(own)[0]!.resources[0]!.value).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/shop-dev-own:*',
    });
  });

  it('adds the provider statements with iamRoleStatementsInherit', () => {
    const role = fn(service.functions, 'inherits').role;
    expect(inline(role).map((s) => s.path)).toEqual(['provider.iam.role.statements[0]']);
  });

  it('links role: !GetAtt X.Arn to the resource role, incomplete for a customer managed policy', () => {
    const role = fn(service.functions, 'existing').role;
    expect(role).toMatchObject({ kind: 'cloudformation', name: 'CustomRole', incomplete: true });
    expect(role.managedPolicies[0]!.name).toBeUndefined();
  });

  it('keeps the provider role for the rest', () => {
    expect(fn(service.functions, 'shared').role.kind).toBe('serverless-provider');
    expect(service.roles.map((r) => r.name)).toEqual(['CustomRole', 'IamRoleLambdaExecution', 'OwnIamRoleLambdaExecution', 'InheritsIamRoleLambdaExecution']);
    expect(invalid).toEqual([]);
  });

  it('honours custom defaultInherit', () => {
    const { service: inherited } = load(yaml.replace('defaultInherit: false', 'defaultInherit: true'));
    expect(inline(fn(inherited.functions, 'own').role).map((s) => s.path)).toEqual(['functions.own.iamRoleStatements[0]', 'provider.iam.role.statements[0]']);
  });
});

describe('platform grants', () => {
  const { service } = load(`service: stream
provider:
  vpc:
    securityGroupIds: [sg-1]
    subnetIds: [subnet-1]
  tracing:
    lambda: true
functions:
  worker:
    handler: w.h
    kmsKeyArn: arn:aws:kms:eu-west-1:123:key/abc
    onError: arn:aws:sns:eu-west-1:123:failures
    events:
      - sqs: arn:aws:sqs:eu-west-1:123:jobs
      - stream:
          arn: !GetAtt Table.StreamArn
      - stream:
          type: kinesis
          arn: !GetAtt Stream.Arn
      - sns: alerts
      - s3: uploads
      - eventBridge:
          eventBus: orders
          pattern: { source: [shop] }
      - websocket: $connect
      - alb:
          listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123:listener/app/x
          priority: 1
          conditions: { path: /x }
      - http: GET /x
      - cognitoUserPool: { pool: p, trigger: PreSignUp }
    url: true
    destinations:
      onSuccess: other
      onFailure: arn:aws:sqs:eu-west-1:123:dlq
  other:
    handler: o.h
resources:
  Resources:
    Table:
      Type: AWS::DynamoDB::Table
    Stream:
      Type: AWS::Kinesis::Stream
`);
  const worker = fn(service.functions, 'worker');
  const role = worker.role;
  const byPath = (suffix: string) => role.statements.find((s) => s.path.endsWith(suffix))!;

  it('normalizes every event type', () => {
    expect(worker.events.map((e) => [e.type, e.normalizedType])).toEqual([
      ['sqs', 'sqs'],
      ['stream', 'dynamodb-stream'],
      ['stream', 'kinesis'],
      ['sns', 'sns'],
      ['s3', 's3'],
      ['eventBridge', 'eventbridge'],
      ['websocket', 'websocket'],
      ['alb', 'alb'],
      ['http', 'api'],
      ['cognitoUserPool', 'other'],
      ['url', 'function-url'],
    ]);
    expect(worker.events[0]!.source).toBe('arn:aws:sqs:eu-west-1:123:jobs');
    expect(worker.events[3]!.source).toBe('alerts');
    expect(worker.events[4]!.source).toBe('uploads');
    expect(worker.events[5]!.source).toBe('orders');
    expect(worker.events[10]!.location.line).toBe(32);
  });

  it('grants the event sources at the event', () => {
    const sqs = byPath('events[0]#sqs');
    expect(values(sqs, 'actions')).toEqual(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']);
    expect(sqs.location.line).toBe(14);
    expect(sqs.origin.kind).toBe('platform');
    expect(values(byPath('events[1]#stream'), 'actions')).toContain('dynamodb:GetRecords');
    expect(values(byPath('events[2]#stream'), 'actions')).toContain('kinesis:GetRecords');
    expect(byPath('events[1]#stream').location.line).toBe(15);
  });

  it('adds VPC, X-Ray, KMS, onError and destination grants where they are caused', () => {
    const vpc = byPath('#AWSLambdaVPCAccessExecutionRole.Statement[0]');
    expect(vpc.path).toBe('provider.vpc#AWSLambdaVPCAccessExecutionRole.Statement[0]');
    expect(vpc.location.line).toBe(3);
    expect(values(vpc, 'actions')).toContain('ec2:CreateNetworkInterface');
    expect(role.statements.filter((s) => s.path.includes('AWSLambdaVPCAccessExecutionRole'))).toHaveLength(1);
    expect(byPath('provider.tracing.lambda#xray').location.line).toBe(7);
    expect(values(byPath('kmsKeyArn#kms'), 'resources')).toEqual(['arn:aws:kms:eu-west-1:123:key/abc']);
    expect(values(byPath('onError#dead-letter'), 'actions')).toEqual(['sns:Publish']);
    expect(values(byPath('onSuccess#destination'), 'resources')).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:stream-dev-other' },
    ]);
    expect(values(byPath('onFailure#destination'), 'actions')).toEqual(['sqs:SendMessage']);
  });

  it('reads function properties', () => {
    expect(worker.vpc).toBe(true);
    expect(worker.tracing).toEqual({ value: 'Active', location: expect.objectContaining({ line: 7 }) });
    expect(worker.kmsKeyArn?.location.line).toBe(11);
    expect(worker.deadLetterTarget).toEqual({ value: 'arn:aws:sns:eu-west-1:123:failures', location: expect.objectContaining({ line: 12 }) });
  });
});

describe('function settings', () => {
  it('merges function environment over the provider, saying which won', () => {
    const { service } = load(`service: s
provider:
  environment:
    A: provider-a
    B: provider-b
  tags: { team: core }
  memorySize: 512
functions:
  f:
    handler: f.h
    memorySize: 1024
    tracing: PassThrough
    tags: { owner: me }
    environment:
      B: function-b
      C: function-c
`);
    const f = service.functions[0]!;
    expect(f.environment.map((v) => [v.name, v.value, v.origin, v.location.line])).toEqual([
      ['A', 'provider-a', 'provider', 4],
      ['B', 'function-b', 'function', 15],
      ['C', 'function-c', 'function', 16],
    ]);
    expect(f.memorySize?.value).toBe(1024);
    expect(f.tracing?.value).toBe('PassThrough');
    expect(f.tags).toEqual({ team: 'core', owner: 'me' });
    expect(f.properties.handler).toBe('f.h');
  });

  it('accepts service: { name } and functions as a list of mappings', () => {
    const { service } = load('service:\n  name: named\nfunctions:\n  - a: { handler: a.h }\n  - b: { handler: b.h }\n');
    expect(service.name).toBe('named');
    expect(service.functions.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('uses the service folder as codeDir and the key as name', () => {
    const { service } = load('service: s\nfunctions:\n  hello-world:\n    handler: src/h.main\n', {}, {}, 'services/api/serverless.yml');
    expect(service.functions[0]).toMatchObject({ id: 'services/api/serverless.yml#hello-world', name: 'hello-world', codeDir: 'services/api' });
    expect(service.dir).toBe('services/api');
  });
});

describe('policies under resources', () => {
  it('adds an AWS::IAM::Policy attached with Roles: [!Ref IamRoleLambdaExecution] to the provider role', () => {
    const { service } = load(`service: s
functions:
  f:
    handler: f.h
    tracing: true
resources:
  Resources:
    ExtraPolicy:
      Type: AWS::IAM::Policy
      Properties:
        Roles: [!Ref IamRoleLambdaExecution]
        PolicyDocument:
          Statement:
            - Effect: Allow
              Action: sns:Publish
              Resource: '*'
`);
    const f = service.functions[0]!;
    expect(f.tracing).toEqual({ value: 'Active', location: expect.objectContaining({ line: 5 }) });
    const statement = f.role.statements.find((st) => st.path === 'resources.Resources.ExtraPolicy.Properties.PolicyDocument.Statement[0]')!;
    expect(statement.actions[0]).toEqual({ value: 'sns:Publish', location: expect.objectContaining({ line: 15 }) });
    expect(f.role.statements.find((st) => st.path === 'functions.f.tracing#xray')?.location.line).toBe(5);
  });

  it('reads resources written as a list of mappings', () => {
    const { service } = load('service: s\nresources:\n  - Resources:\n      A: { Type: AWS::SQS::Queue }\n  - Resources:\n      B: { Type: AWS::SNS::Topic }\n');
    expect(service.resources.map((r) => [r.logicalId, r.location.line])).toEqual([
      ['A', 4],
      ['B', 6],
    ]);
  });
});

describe('invalid manifests', () => {
  it('reports functions that is not a mapping and goes on', () => {
    const { service, invalid } = load('service: s\nfunctions: 42\nresources:\n  Resources:\n    Q: { Type: AWS::SQS::Queue }\n');
    expect(service.functions).toEqual([]);
    expect(service.resources).toHaveLength(1);
    expect(invalid.map((f) => [f.location.line, f.severity])).toEqual([[2, 'warning']]);
  });

  it('reports a numeric handler, a bad timeout, a bad event and a statement without Effect', () => {
    const { service, invalid } = load(`service: s
provider:
  iam:
    role:
      statements:
        - Action: s3:GetObject
          Resource: '*'
functions:
  f:
    handler: 42
    timeout: soon
    events:
      - not-a-mapping
`);
    const f = service.functions[0]!;
    expect(f.handler).toBeUndefined();
    expect(f.timeout).toBeUndefined();
    expect(f.events).toEqual([]);
    expect(invalid.map((x) => x.location.line).sort((a, b) => a - b)).toEqual([6, 10, 11, 13]);
    expect(inline(f.role)).toEqual([]);
  });

  it('returns undefined for a document that is not a mapping', () => {
    const { service, invalid } = load('- a\n- b\n');
    expect(service).toBeUndefined();
    expect(invalid).toHaveLength(1);
  });

  it('reports a missing service name', () => {
    const { service, invalid } = load('functions:\n  f: { handler: f.h }\n', {}, {}, 'api/serverless.yml');
    expect(service.name).toBe('api');
    expect(invalid[0]!.message).toContain('no service name');
  });

  it('never throws on odd shapes', () => {
    const odd = [
      'service: s\nprovider: [1]\nfunctions: { f: 1 }\nresources: 3\n',
      'service: s\nprovider:\n  iam: { role: { statements: {} } }\nfunctions:\n  f: { handler: h, events: {}, environment: [1], vpc: 1, tracing: 3 }\n',
      'service: s\nresources:\n  Resources:\n    R: 1\n    S: { Type: 3 }\n    T: { Type: AWS::IAM::Role, Properties: { Policies: [1, { PolicyDocument: 1 }] } }\n',
      'service: ${self:service}\n',
    ];
    for (const yaml of odd) expect(() => load(yaml)).not.toThrow();
  });

  it('names an unresolvable service by its text', () => {
    const { service } = load('service: ${ssm:/name}\n');
    expect(service.name).toBe('${ssm:/name}');
    expect(service.document.service).toBeInstanceOf(Unresolved);
  });
});

describe('other providers', () => {
  it('skips a service whose provider is not AWS, with one note', () => {
    const { service, findings } = load('service: hello\nprovider:\n  name: azure\n  runtime: nodejs18\nfunctions:\n  hello:\n    handler: src/handlers/hello.js\n    events:\n      - http: true\n');
    expect(service).toBeUndefined();
    expect(findings).toMatchObject([{ ruleId: 'input/skipped-file', severity: 'note', location: { line: 3 } }]);
    expect(findings[0]!.message).toContain('provider is azure');
  });
});

describe('plugins that change what the framework deploys', () => {
  const perFunction = (plugins: string) =>
    [
      'service: orders',
      plugins,
      'provider:',
      '  name: aws',
      '  iamRoleStatements:',
      '    - Effect: Allow',
      '      Action: cloudwatch:PutMetricData',
      '      Resource: "*"',
      'functions:',
      '  save:',
      '    handler: save.handler',
      '    iamRoleStatements:',
      '      - Effect: Allow',
      '        Action: dynamodb:PutItem',
      '        Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
    ].join('\n');

  it('drops function iamRoleStatements without serverless-iam-roles-per-function, and says so', () => {
    const { service, invalid } = load(perFunction(''));
    const save = fn(service.functions, 'save');
    expect(save.role.kind).toBe('serverless-provider');
    expect(inline(save.role).flatMap((s) => values(s, 'actions'))).toEqual(['cloudwatch:PutMetricData']);
    expect(invalid.map((f) => [f.location.line, f.message])).toEqual([
      [12, 'The iamRoleStatements of "save" are ignored: the Serverless Framework reads them only with the serverless-iam-roles-per-function plugin, which plugins does not list, so the function runs with the provider role.'],
    ]);
  });

  it('gives the function its own role when the plugin (or a fork) is listed, in either plugins form', () => {
    for (const plugins of ['plugins: [serverless-iam-roles-per-function]', 'plugins:\n  modules:\n    - "@acme/serverless-iam-roles-per-function"']) {
      const { service, invalid } = load(perFunction(plugins));
      const save = fn(service.functions, 'save');
      expect(save.role.kind).toBe('serverless-function');
      expect(inline(save.role).flatMap((s) => values(s, 'actions'))).toEqual(['dynamodb:PutItem']);
      expect(invalid).toEqual([]);
    }
  });

  it('shares the provider statement objects with functions that inherit them', () => {
    const { service } = load(perFunction('plugins: [serverless-iam-roles-per-function]\ncustom:\n  serverless-iam-roles-per-function:\n    defaultInherit: true'));
    const save = fn(service.functions, 'save');
    const provider = service.roles.find((r) => r.kind === 'serverless-provider')!;
    expect(inline(save.role)).toContain(inline(provider)[0]);
  });

  it('reads #{AWS::Region} as !Sub with serverless-pseudo-parameters, and leaves it alone without', () => {
    const yaml = (plugins: string) =>
      ['service: menus', plugins, 'provider:', '  name: aws', '  iamRoleStatements:', '    - Effect: Allow', '      Action: dynamodb:GetItem', '      Resource: arn:aws:dynamodb:#{AWS::Region}:#{AWS::AccountId}:table/menus', 'functions:', '  read:', '    handler: read.handler'].join('\n');
    const withPlugin = load(yaml('plugins: [serverless-pseudo-parameters]')).service;
    const resource = inline(withPlugin.roles[0]!)[0]!.resources[0]!;
    expect(resource.value).toEqual({ 'Fn::Sub': 'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/menus' });
    expect(resource.location.line).toBe(8);
    const without = load(yaml('')).service;
    expect(inline(without.roles[0]!)[0]!.resources[0]!.value).toBe('arn:aws:dynamodb:#{AWS::Region}:#{AWS::AccountId}:table/menus');
  });

  it('turns tracing on with serverless-plugin-tracing and provider.tracing: true, adding no X-Ray grant of its own', () => {
    const yaml = (plugins: string) => ['service: greeter', plugins, 'provider:', '  name: aws', '  tracing: true', 'functions:', '  hello:', '    handler: hello.handler'].join('\n');
    const traced = fn(load(yaml('plugins: [serverless-plugin-tracing]')).service.functions, 'hello');
    expect(traced.tracing?.value).toBe('Active');
    expect(platform(traced.role).some((s) => s.path.endsWith('#xray'))).toBe(false);
    expect(fn(load(yaml('')).service.functions, 'hello').tracing).toBeUndefined();
  });
});
