// Tests the SAM / CloudFormation loader on the fixture templates under fixtures/load/cloudformation.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import { isSamTemplate, loadCloudFormation, templateServiceName } from '../../../src/load/manifests/cloudformation.js';
import type { ManifestContext } from '../../../src/load/manifests/context.js';
import { parseYaml } from '../../../src/load/yaml.js';
import type { FunctionModel, PolicyStatement, RoleModel, ServiceModel } from '../../../src/model/project.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/load/cloudformation/', import.meta.url));

/** The root confinement of the real project loader: relative paths inside the root only. */
function resolveInside(dir: string, written: string): string | undefined {
  if (posix.isAbsolute(written)) return undefined;
  const joined = posix.normalize(posix.join(dir || '.', written));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

function loadDocument(document: unknown, file = 'template.yaml'): { service: ServiceModel | undefined; findings: Finding[] } {
  const findings: Finding[] = [];
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const context: ManifestContext = {
    root: '/project',
    file,
    dir,
    options: { resolveEnv: false, env: {} },
    report: (finding) => findings.push(finding),
    readFile: () => ({ ok: false, reason: 'not needed by this loader' }),
    resolvePath: (written) => resolveInside(dir, written),
  };
  return { service: loadCloudFormation(document, context), findings };
}

function loadFixture(name: string, file = 'template.yaml'): { service: ServiceModel; findings: Finding[] } {
  const parsed = parseYaml(readFileSync(posix.join(FIXTURES, name, file), 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message).join('\n'));
  const { service, findings } = loadDocument(parsed.value, file);
  if (!service) throw new Error(`no service: ${findings.map((f) => f.message).join('\n')}`);
  return { service, findings: [...parsed.findings, ...findings] };
}

function fn(service: ServiceModel, name: string): FunctionModel {
  const found = service.functions.find((f) => f.name === name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

function byOrigin(role: RoleModel, kind: PolicyStatement['origin']['kind']): PolicyStatement[] {
  return role.statements.filter((s) => s.origin.kind === kind);
}

const values = (list: { value: unknown }[]): unknown[] => list.map((item) => item.value);
const lines = (list: { location: { line: number } }[]): number[] => [...new Set(list.map((item) => item.location.line))];

describe('loadCloudFormation: the thumbnails-sam example', () => {
  const { service, findings } = loadFixture('thumbnails-sam');

  it('reads a SAM service without findings', () => {
    expect(findings).toEqual([]);
    expect(service).toMatchObject({ kind: 'sam', id: 'template.yaml', manifest: 'template.yaml', dir: '', name: 'template' });
    expect(service.functions.map((f) => f.name)).toEqual(['ThumbnailFunction', 'ListThumbnailsFunction']);
  });

  it('locates the function, its environment and applies Globals', () => {
    const thumbnail = fn(service, 'ThumbnailFunction');
    expect(thumbnail.id).toBe('template.yaml#ThumbnailFunction');
    expect(thumbnail.location.line).toBe(13);
    expect(thumbnail.codeDir).toBe('');
    expect(thumbnail.handler).toMatchObject({ value: 'src/thumbnail.handler', location: { line: 17 } });
    expect(thumbnail.runtime).toMatchObject({ value: 'nodejs22.x', location: { line: 7 } });
    expect(thumbnail.timeout).toMatchObject({ value: 10, location: { line: 8 } });
    expect(thumbnail.memorySize).toMatchObject({ value: 512, location: { line: 9 } });
    expect(thumbnail.tracing).toMatchObject({ value: 'Active', location: { line: 10 } });
    const token = thumbnail.environment.find((v) => v.name === 'RESIZER_API_TOKEN');
    expect(token).toMatchObject({ value: 'tok_live_4f9a2c1e8b7d6a5f3e2d1c0b', origin: 'function', location: { line: 22 } });
    expect(thumbnail.environment.find((v) => v.name === 'UPLOADS_BUCKET')?.value).toEqual({ Ref: 'UploadsBucket' });
    expect(thumbnail.events).toMatchObject([{ type: 'S3', normalizedType: 's3', source: { Ref: 'UploadsBucket' }, location: { line: 27 } }]);
    expect(fn(service, 'ListThumbnailsFunction').events).toMatchObject([{ type: 'HttpApi', normalizedType: 'http-api', location: { line: 45 } }]);
  });

  it('expands S3CrudPolicy into statements located at the policy entry', () => {
    const role = fn(service, 'ThumbnailFunction').role;
    expect(role).toMatchObject({ id: 'template.yaml#ThumbnailFunctionRole', name: 'ThumbnailFunctionRole', kind: 'sam-generated', incomplete: false });
    expect(role.location.line).toBe(23);
    expect(role.functions.map((f) => f.name)).toEqual(['ThumbnailFunction']);
    const [crud, ...others] = byOrigin(role, 'sam-policy-template');
    expect(others).toEqual([]);
    expect(crud!.origin).toEqual({ kind: 'sam-policy-template', template: 'S3CrudPolicy' });
    expect(crud!.path).toBe('Resources.ThumbnailFunction.Properties.Policies[0]');
    expect(crud!.location.line).toBe(24);
    expect(lines([...crud!.actions, ...crud!.resources])).toEqual([24]);
    expect(values(crud!.actions)).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']));
    expect(values(crud!.resources)).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}/*' },
    ]);
  });

  it('locates S3ReadPolicy of ListThumbnailsFunction at line 42', () => {
    const [read] = byOrigin(fn(service, 'ListThumbnailsFunction').role, 'sam-policy-template');
    expect(read).toMatchObject({ origin: { template: 'S3ReadPolicy' }, location: { line: 42 } });
    expect(lines([...read!.actions, ...read!.resources])).toEqual([42]);
  });

  it('adds the platform grants of a generated role: logs, and X-Ray because Globals set Tracing', () => {
    const platform = byOrigin(fn(service, 'ThumbnailFunction').role, 'platform');
    expect(platform.flatMap((s) => values(s.actions))).toEqual([
      'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents',
      'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries',
    ]);
    expect(platform[0]!.location.line).toBe(13);
    expect(platform[1]!.location.line).toBe(10);
  });

  it('models every resource at its logical id', () => {
    expect(service.resources.map((r) => [r.logicalId, r.type, r.location.line])).toEqual([
      ['ThumbnailFunction', 'AWS::Serverless::Function', 13],
      ['ListThumbnailsFunction', 'AWS::Serverless::Function', 33],
      ['UploadsBucket', 'AWS::S3::Bucket', 51],
      ['ThumbnailsBucket', 'AWS::S3::Bucket', 54],
    ]);
    expect(service.resources.every((r) => r.service === service)).toBe(true);
    expect(service.roles.map((r) => r.name)).toEqual(['ThumbnailFunctionRole', 'ListThumbnailsFunctionRole']);
  });
});

describe('loadCloudFormation: SAM Globals, policies and events', () => {
  const { service, findings } = loadFixture('sam-globals-and-policies');
  const orders = fn(service, 'OrdersFunction');

  it('recognises the SAM transform inside a Transform list', () => {
    expect(service.kind).toBe('sam');
  });

  it('merges Globals.Function: the function wins, maps merge, lists add up', () => {
    expect(orders.timeout).toMatchObject({ value: 30, location: { line: 31 } });
    expect(orders.runtime).toMatchObject({ value: 'nodejs20.x', location: { line: 8 } });
    expect(orders.environment.map((v) => [v.name, v.value, v.origin, v.location.line])).toEqual([
      ['TABLE_NAME', { Ref: 'OrdersTable' }, 'globals', 15],
      ['LOG_LEVEL', 'debug', 'function', 34],
    ]);
    expect(orders.properties.VpcConfig).toEqual({ SubnetIds: ['subnet-a'], SecurityGroupIds: ['sg-global', 'sg-local'] });
    expect(orders.vpc).toBe(true);
    expect(orders.tags).toEqual({ team: 'orders', service: 'api' });
    expect(orders.kmsKeyArn).toMatchObject({ value: { 'Fn::GetAtt': ['EnvKey', 'Arn'] }, location: { line: 11 } });
    expect(orders.deadLetterTarget?.value).toEqual({ 'Fn::GetAtt': ['DeadLetters', 'Arn'] });
    expect(orders.codeDir).toBe('functions/orders');
  });

  it('never takes Role from Globals, and says so', () => {
    expect(orders.role.kind).toBe('sam-generated');
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'input/invalid-manifest', severity: 'warning', location: expect.objectContaining({ line: 23 }) }));
  });

  it('normalizes event types', () => {
    expect(orders.events.map((e) => [e.type, e.normalizedType, e.location.line])).toEqual([
      ['SQS', 'sqs', 76],
      ['DynamoDB', 'dynamodb-stream', 80],
      ['Schedule', 'schedule', 85],
      ['EventBridgeRule', 'eventbridge', 89],
      ['Api', 'api', 95],
      ['FunctionUrlConfig', 'function-url', 50],
    ]);
    expect(orders.events[0]!.source).toEqual({ 'Fn::GetAtt': ['Jobs', 'Arn'] });
  });

  it('reads managed policies by name and ARN; unknown ones make the role incomplete', () => {
    expect(orders.role.managedPolicies.map((m) => [m.value, m.name, m.location.line])).toEqual([
      ['AWSLambdaBasicExecutionRole', 'AWSLambdaBasicExecutionRole', 53],
      ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 54],
      ['arn:aws:iam::123456789012:policy/custom', undefined, 55],
    ]);
    expect(orders.role.incomplete).toBe(true);
    const managed = byOrigin(orders.role, 'managed-policy');
    expect(managed).toMatchObject([
      { origin: { policy: 'AWSLambdaBasicExecutionRole' }, location: { line: 53 }, path: 'Resources.OrdersFunction.Properties.Policies[0]#AWSLambdaBasicExecutionRole.Statement[0]' },
      { origin: { policy: 'AmazonS3ReadOnlyAccess' }, location: { line: 54 }, path: 'Resources.OrdersFunction.Properties.Policies[1]#AmazonS3ReadOnlyAccess.Statement[0]' },
    ]);
  });

  it('reads inline statements with their own locations', () => {
    const [inline] = byOrigin(orders.role, 'inline');
    expect(inline!.path).toBe('Resources.OrdersFunction.Properties.Policies[3].Statement[0]');
    expect(inline!.actions.map((a) => [a.value, a.location.line])).toEqual([
      ['dynamodb:GetItem', 59],
      ['dynamodb:Query', 60],
    ]);
    expect(inline!.resources.map((r) => [r.value, r.location.line])).toEqual([[{ 'Fn::GetAtt': ['OrdersTable', 'Arn'] }, 61]]);
    const single = byOrigin(fn(service, 'DefaultDirFunction').role, 'inline');
    expect(single).toMatchObject([{ path: 'Resources.DefaultDirFunction.Properties.Policies.Statement', location: { line: 138 } }]);
  });

  it('expands policy templates, including inside !If and with literal parameters', () => {
    const templates = byOrigin(orders.role, 'sam-policy-template');
    expect(templates.map((s) => [s.origin.kind === 'sam-policy-template' && s.origin.template, s.path, s.location.line])).toEqual([
      ['DynamoDBCrudPolicy', 'Resources.OrdersFunction.Properties.Policies[4]', 62],
      ['SQSSendMessagePolicy', 'Resources.OrdersFunction.Properties.Policies[5]', 64],
      ['SSMParameterReadPolicy', 'Resources.OrdersFunction.Properties.Policies[6].Statement[0]', 66],
      ['SSMParameterReadPolicy', 'Resources.OrdersFunction.Properties.Policies[6].Statement[1]', 66],
      ['S3ReadPolicy', 'Resources.OrdersFunction.Properties.Policies[7]', 68],
      ['CloudWatchPutMetricPolicy', 'Resources.OrdersFunction.Properties.Policies[9].Fn::If[1]', 73],
    ]);
    expect(values(templates[0]!.resources)).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${OrdersTable}' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${OrdersTable}/index/*' },
    ]);
    expect(values(templates[3]!.resources)).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/orders/config' }]);
  });

  it('reports a template without its parameter and an unknown template at their entries', () => {
    const messages = findings.map((f) => [f.ruleId, f.location.line, f.message]);
    expect(messages).toContainEqual(['input/invalid-manifest', 68, expect.stringContaining('S3ReadPolicy needs BucketName')]);
    expect(messages).toContainEqual(['input/invalid-manifest', 69, expect.stringContaining('NotARealPolicyTemplate')]);
  });

  it('adds the platform grants SAM gives for VPC, pollers, DLQ, destinations and KmsKeyArn', () => {
    const platform = byOrigin(orders.role, 'platform');
    expect(platform.map((s) => [s.path, s.location.line])).toEqual([
      ['Resources.OrdersFunction#AWSLambdaBasicExecutionRole.Statement[0]', 26],
      ['Resources.OrdersFunction#AWSXrayWriteOnlyAccess.Statement[0]', 10],
      ['Resources.OrdersFunction#AWSLambdaVPCAccessExecutionRole.Statement[0]', 35],
      ['Resources.OrdersFunction#AWSLambdaSQSQueueExecutionRole.Statement[0]', 76],
      ['Resources.OrdersFunction#AWSLambdaDynamoDBExecutionRole.Statement[0]', 80],
      ['Resources.OrdersFunction#DeadLetterQueue', 40],
      ['Resources.OrdersFunction#EventInvokeConfig.OnSuccess', 45],
      ['Resources.OrdersFunction#EventInvokeConfig.OnFailure', 47],
      ['Resources.OrdersFunction#KmsKeyArn', 11],
    ]);
    const grant = (path: string) => platform.find((s) => s.path === `Resources.OrdersFunction#${path}`)!;
    expect([values(grant('DeadLetterQueue').actions), values(grant('DeadLetterQueue').resources)]).toEqual([['sqs:SendMessage'], [{ 'Fn::GetAtt': ['DeadLetters', 'Arn'] }]]);
    expect(values(grant('EventInvokeConfig.OnSuccess').resources)).toEqual([{ Ref: 'OrdersFunctionEventInvokeConfigOnSuccessTopic' }]);
    expect(values(grant('EventInvokeConfig.OnFailure').actions)).toEqual(['events:PutEvents']);
    expect(values(grant('KmsKeyArn').actions)).toEqual(['kms:Decrypt']);
  });

  it('gives no platform grants to a role the template writes out, and ignores Policies beside Role', () => {
    const escaping = fn(service, 'EscapingFunction');
    const absolute = fn(service, 'AbsoluteFunction');
    expect(escaping.role).toBe(absolute.role);
    expect(escaping.role).toMatchObject({ kind: 'cloudformation', name: 'SharedRole', statements: [], incomplete: false });
    expect(escaping.role.functions.map((f) => f.name)).toEqual(['EscapingFunction', 'AbsoluteFunction']);
    expect(escaping.tracing?.value).toBe('Disabled');
  });

  it('has no code folder for code outside the root, inline code or S3 code', () => {
    expect(fn(service, 'EscapingFunction').codeDir).toBeUndefined();
    expect(fn(service, 'AbsoluteFunction').codeDir).toBeUndefined();
    expect(fn(service, 'InlineFunction').codeDir).toBeUndefined();
    expect(fn(service, 'S3CodeFunction').codeDir).toBeUndefined();
    expect(fn(service, 'DefaultDirFunction').codeDir).toBe('');
    const skipped = findings.filter((f) => f.ruleId === 'input/skipped-file').map((f) => [f.location.line, f.message]);
    expect(skipped).toEqual([
      [104, expect.stringContaining('../../outside')],
      [115, expect.stringContaining('/etc')],
    ]);
  });

  it('locates the Action key of inline statements and keeps the conditions of managed policies', () => {
    const parsed = parseYaml(
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      Policies:
        - AmazonDynamoDBFullAccess
        - Statement:
            - Effect: Allow
              Action:
                - sqs:SendMessage
              Resource: '*'
`,
      'template.yaml',
    );
    if (!parsed.ok) throw new Error('fixture does not parse');
    const role = fn(loadDocument(parsed.value).service!, 'Fn').role;
    const [inline] = byOrigin(role, 'inline');
    expect(inline!.actionKeyLocation).toMatchObject({ file: 'template.yaml', line: 12 });
    const managed = byOrigin(role, 'managed-policy');
    expect(managed.map((s) => [s.path, s.location.line, s.condition === undefined])).toEqual([
      ['Resources.Fn.Properties.Policies[0]#AmazonDynamoDBFullAccess.Statement[0]', 9, true],
      ['Resources.Fn.Properties.Policies[0]#AmazonDynamoDBFullAccess.Statement[1]', 9, true],
      ['Resources.Fn.Properties.Policies[0]#AmazonDynamoDBFullAccess.Statement[2]', 9, false],
      ['Resources.Fn.Properties.Policies[0]#AmazonDynamoDBFullAccess.Statement[3]', 9, false],
    ]);
    expect(role.incomplete).toBe(false);
  });

  it('treats a bare string Policies as one managed policy', () => {
    const role = fn(service, 'S3CodeFunction').role;
    expect(role.managedPolicies).toMatchObject([{ value: 'AmazonDynamoDBReadOnlyAccess', name: 'AmazonDynamoDBReadOnlyAccess', location: { line: 130 } }]);
    // A bundled AWS managed policy: its statements are known, so the role is complete.
    expect(role.incomplete).toBe(false);
    expect(byOrigin(role, 'managed-policy').map((s) => [s.path, s.location.line])).toEqual([
      ['Resources.S3CodeFunction.Properties.Policies#AmazonDynamoDBReadOnlyAccess.Statement[0]', 130],
      ['Resources.S3CodeFunction.Properties.Policies#AmazonDynamoDBReadOnlyAccess.Statement[1]', 130],
    ]);
  });

  it('models SimpleTable and every other resource', () => {
    expect(service.resources.find((r) => r.logicalId === 'OrdersTable')).toMatchObject({ type: 'AWS::Serverless::SimpleTable', location: { line: 151 } });
    expect(service.resources).toHaveLength(12);
  });
});

describe('loadCloudFormation: plain CloudFormation roles', () => {
  const { service, findings } = loadFixture('cloudformation-roles');

  it('reads a template without Transform as cloudformation, without findings', () => {
    expect(service.kind).toBe('cloudformation');
    expect(findings).toEqual([]);
  });

  it('shares one role between the functions that name it by !GetAtt, !Ref and !Sub', () => {
    const worker = fn(service, 'WorkerFunction').role;
    expect(worker).toMatchObject({ id: 'template.yaml#WorkerRole', kind: 'cloudformation', location: { line: 9 } });
    expect(fn(service, 'RefRoleFunction').role).toBe(worker);
    expect(fn(service, 'SubRoleFunction').role).toBe(worker);
    expect(worker.functions.map((f) => f.name)).toEqual(['WorkerFunction', 'RefRoleFunction', 'SubRoleFunction']);
    expect(service.roles.filter((r) => r.kind === 'cloudformation')).toHaveLength(1);
  });

  it('collects inline policies, attached IAM policies and managed policies of the role', () => {
    const worker = fn(service, 'WorkerFunction').role;
    expect(worker.statements.map((s) => [s.path, s.effect, s.origin.kind, s.location.line])).toEqual([
      ['Resources.WorkerRole.Properties.Policies[0].PolicyDocument.Statement[0]', 'Allow', 'inline', 26],
      ['Resources.WorkerRole.Properties.Policies[0].PolicyDocument.Statement[1]', 'Deny', 'inline', 32],
      ['Resources.WorkerRole.Properties.ManagedPolicyArns[0]#AWSLambdaBasicExecutionRole.Statement[0]', 'Allow', 'managed-policy', 18],
      ['Resources.WorkerRole.Properties.ManagedPolicyArns[1]#AmazonSQSFullAccess.Statement[0]', 'Allow', 'managed-policy', 19],
      ['Resources.SharedManagedPolicy.Properties.PolicyDocument.Statement[0]', 'Allow', 'inline', 57],
      ['Resources.ExtraPolicy.Properties.PolicyDocument.Statement[0]', 'Allow', 'inline', 46],
    ]);
    const [consume, deny] = worker.statements;
    expect(consume!.sid).toBe('Consume');
    expect(consume!.actions.map((a) => a.location.line)).toEqual([29, 30]);
    expect(deny).toMatchObject({ actions: [], notActions: [{ value: 's3:*' }], notResources: [{ value: '*' }] });
    expect(deny!.condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    expect(worker.managedPolicies.map((m) => m.name)).toEqual(['AWSLambdaBasicExecutionRole', 'AmazonSQSFullAccess', undefined]);
    // AmazonSQSFullAccess is bundled and SharedManagedPolicy is in the template: every grant is known.
    expect(worker.incomplete).toBe(false);
  });

  it('reads Lambda properties: Code folder, TracingConfig, DeadLetterConfig, list tags', () => {
    const worker = fn(service, 'WorkerFunction');
    expect(worker.codeDir).toBe('src');
    expect(worker.tracing).toMatchObject({ value: 'Active', location: { line: 69 } });
    expect(worker.deadLetterTarget?.value).toEqual({ Ref: 'Topic' });
    expect(worker.tags).toEqual({ team: 'reports' });
    expect(worker.environment).toMatchObject([{ name: 'QUEUE_URL', origin: 'function', location: { line: 72 } }]);
    expect(fn(service, 'RefRoleFunction').codeDir).toBeUndefined(); // ZipFile
    expect(fn(service, 'SubRoleFunction').codeDir).toBeUndefined(); // S3 code without a local asset
  });

  it('models roles given as ARN, ImportValue or parameter as external and incomplete, one per value', () => {
    const legacy = fn(service, 'ArnRoleFunction').role;
    expect(fn(service, 'SecondArnRoleFunction').role).toBe(legacy);
    expect(legacy).toMatchObject({ kind: 'external', incomplete: true, name: 'arn:aws:iam::123456789012:role/legacy', location: { line: 103 } });
    expect(fn(service, 'ImportedRoleFunction').role).toMatchObject({ kind: 'external', incomplete: true, name: '!ImportValue shared-lambda-role' });
    expect(fn(service, 'ParameterRoleFunction').role).toMatchObject({ kind: 'external', incomplete: true, name: '!Ref ExistingRoleArn' });
  });

  it('finds events declared as separate resources', () => {
    expect(fn(service, 'WorkerFunction').events.map((e) => [e.type, e.normalizedType, e.location.line])).toEqual([
      ['AWS::Lambda::EventSourceMapping', 'sqs', 134],
      ['AWS::Lambda::Url', 'function-url', 140],
    ]);
    expect(fn(service, 'RefRoleFunction').events.map((e) => e.normalizedType)).toEqual(['schedule']);
  });
});

describe('loadCloudFormation: cdk.out', () => {
  const { service, findings } = loadFixture('cdk-out', 'cdk.out/OrdersStack.template.json');

  it('names the service after the stack, the function by construct path, and finds the asset folder', () => {
    // The bundle has no source map: analysed as it is, said once.
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['input/analysed-bundle', 'note']]);
    expect(service).toMatchObject({ kind: 'cloudformation', name: 'OrdersStack', dir: 'cdk.out' });
    const handler = fn(service, 'OrdersStack/Handler');
    expect(handler.cdk).toMatchObject({ constructPath: 'OrdersStack/Handler', logicalId: 'Handler886CB40B', code: 'bundle' });
    expect(handler.codeDir).toBe('cdk.out/asset.abc123');
    expect(handler.location.line).toBe(37);
  });

  it('attaches the default policy as generated grants and recognises the Fn::Join managed policy ARN', () => {
    const role = fn(service, 'OrdersStack/Handler').role;
    expect(role).toMatchObject({ kind: 'cloudformation', name: 'OrdersStack/Handler/ServiceRole', incomplete: false });
    expect(role.managedPolicies.map((m) => m.name)).toEqual(['AWSLambdaBasicExecutionRole']);
    const generated = byOrigin(role, 'cdk-grant');
    expect(generated).toHaveLength(1);
    expect(generated[0]!.origin).toMatchObject({ kind: 'cdk-grant', construct: 'OrdersStack/Handler' });
    expect(values(generated[0]!.actions)).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(values(generated[0]!.resources)).toEqual([{ 'Fn::GetAtt': ['Table', 'Arn'] }]);
  });
});

describe('loadCloudFormation: malformed input', () => {
  it('reports Resources given as a list and goes on', () => {
    const { service, findings } = loadFixture('malformed-resources-list');
    expect(service.resources).toEqual([]);
    expect(findings).toMatchObject([{ ruleId: 'input/invalid-manifest', severity: 'warning', location: { line: 2 } }]);
  });

  it('reports each broken entry at its place and keeps the rest', () => {
    const { service, findings } = loadFixture('malformed-entries', 'template.json');
    const reported = findings.map((f) => [f.ruleId, f.severity, f.location.line]).sort((a, b) => (a[2] as number) - (b[2] as number));
    expect(reported).toEqual([7, 9, 10, 14, 17, 23, 26, 38, 39, 39, 42, 43].map((line) => ['input/invalid-manifest', 'warning', line]));
    expect(findings.find((f) => f.location.line === 23)?.message).toContain('!GetAtt takes a logical id and an attribute');
    expect(service.resources.map((r) => r.logicalId)).toEqual(['StringProperties', 'OddType', 'TypoType', 'ThreePartRole', 'NoRoleLambda', 'BadPolicies']);
    expect(service.resources[0]!.properties).toEqual({});
    expect(fn(service, 'ThreePartRole').role).toMatchObject({ kind: 'external', incomplete: true });
    expect(fn(service, 'NoRoleLambda').role).toMatchObject({ kind: 'external', incomplete: true });
    const bad = fn(service, 'BadPolicies').role;
    expect(bad.incomplete).toBe(true);
    expect(byOrigin(bad, 'inline')).toEqual([]);
  });

  it('never throws on odd documents', () => {
    const odd: unknown[] = [
      null, 'text', 42, [], {}, { Resources: null }, { Resources: 'x' },
      { Resources: { A: { Type: 'AWS::Serverless::Function', Properties: { Policies: [{ Statement: 'x' }, { S3CrudPolicy: 'b' }, { A: 1, B: 2 }], Events: [], Environment: 'x', CodeUri: 3 } } } },
      { Transform: SAM, Globals: 'x', Resources: { A: { Type: 'AWS::Serverless::Function', Properties: { Role: { 'Fn::GetAtt': 'Nope' }, DeadLetterQueue: { Type: 'Kafka', TargetArn: 'x' } } } } },
      { Transform: SAM, Globals: { Function: [] }, Resources: { A: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::Sub': ['${R.Arn}', {}] }, Code: 'x' } } } },
      { Resources: { R: { Type: 'AWS::IAM::Role', Properties: { Policies: 'x', ManagedPolicyArns: 'y' } }, P: { Type: 'AWS::IAM::Policy', Properties: { Roles: 'R', PolicyDocument: 3 } } } },
    ];
    for (const document of odd) expect(() => loadDocument(document)).not.toThrow();
    expect(loadDocument([]).service).toBeUndefined();
    expect(loadDocument({ Resources: 'x' }).findings).toHaveLength(1);
  });

  it('explains each problem it skips', () => {
    const messages = (document: unknown): string[] => loadDocument(document).findings.map((f) => `${f.ruleId}: ${f.message}`);
    expect(messages([])).toEqual(['input/invalid-manifest: "template.yaml" is not a CloudFormation template: its top level must be a mapping.']);
    expect(messages({})).toEqual(['input/invalid-manifest: "template.yaml" has no Resources section.']);
    expect(messages({ Resources: { F: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'i.h' } } } })).toEqual([
      'input/invalid-manifest: "F" is an AWS::Serverless::Function, but the template lacks "Transform: AWS::Serverless-2016-10-31", so CloudFormation will reject it.',
    ]);
    expect(messages({ Transform: SAM, Globals: 'x', Resources: {} })).toEqual(['input/invalid-manifest: Globals must be a mapping (Function, Api, ...); it is ignored.']);
    expect(messages({ Transform: SAM, Globals: { Function: [] }, Resources: {} })).toEqual([
      'input/invalid-manifest: Globals.Function must be a mapping of function properties; it is ignored.',
    ]);
    const dlq = { Transform: SAM, Resources: { F: { Type: 'AWS::Serverless::Function', Properties: { DeadLetterQueue: { Type: 'Kafka', TargetArn: 'x' } } } } };
    expect(messages(dlq)).toEqual(['input/invalid-manifest: DeadLetterQueue of "F" needs Type: SQS or SNS.']);
    const role = { Resources: { R: { Type: 'AWS::IAM::Role', Properties: { Policies: 'x', ManagedPolicyArns: 'y' } } } };
    expect(messages(role)).toEqual([
      'input/invalid-manifest: Policies of role "R" must be a list.',
      'input/invalid-manifest: ManagedPolicyArns of "R" must be a list of policy ARNs.',
    ]);
    expect(loadDocument(role).service?.roles[0]?.incomplete).toBe(true);
  });

  it('accepts custom and registry resource types', () => {
    const document = { Transform: SAM, Resources: { A: { Type: 'Custom::Seed-Data' }, B: { Type: 'MyOrg::Storage::Bucket::MODULE' }, C: { Type: 'AWS::Serverless::StateMachine' } } };
    expect(loadDocument(document).findings).toEqual([]);
  });
});

const SAM = 'AWS::Serverless-2016-10-31';

describe('template helpers', () => {
  it('recognises SAM templates', () => {
    expect(isSamTemplate({ Transform: SAM })).toBe(true);
    expect(isSamTemplate({ Transform: ['AWS::LanguageExtensions', SAM] })).toBe(true);
    expect(isSamTemplate({ Transform: 'AWS::Include' })).toBe(false);
  });

  it('names services after the folder, the stack or the file', () => {
    expect(templateServiceName('template.yaml')).toBe('template');
    expect(templateServiceName('services/orders/template.yml')).toBe('orders');
    expect(templateServiceName('infra/api.yaml')).toBe('api');
    expect(templateServiceName('cdk.out/OrdersStack.template.json')).toBe('OrdersStack');
  });
});

describe('managed policies from the whole catalogue', () => {
  const template = (policies: unknown[]) => ({
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'a.handler', Runtime: 'nodejs22.x', Policies: policies } } },
  });

  it('expands a policy outside the hand-checked set by its document', () => {
    const { service, findings } = loadDocument(template(['AmazonSQSReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess']));
    const role = service!.roles.find((r) => r.name === 'FnRole')!;
    expect(role.incomplete).toBe(false);
    const origins = new Set(role.statements.flatMap((s) => (s.origin.kind === 'managed-policy' ? [s.origin.policy] : [])));
    expect([...origins].sort()).toEqual(['AmazonSNSReadOnlyAccess', 'AmazonSQSReadOnlyAccess']);
    expect(role.statements.some((s) => s.actions.some((a) => a.value === 'sqs:ListQueues'))).toBe(true);
    expect(findings).toEqual([]);
  });

  it('says so in a note, once, when a name is not in the catalogue, and leaves the role incomplete', () => {
    const { service, findings } = loadDocument(template(['AmazonNotARealPolicy', 'AmazonNotARealPolicy']));
    expect(service!.roles.find((r) => r.name === 'FnRole')!.incomplete).toBe(true);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['input/unresolved', 'note']]);
    expect(findings[0]!.message).toContain('"AmazonNotARealPolicy" is not in noops-lint\'s catalogue');
  });

  it('leaves customer policies incomplete without a note', () => {
    const { service, findings } = loadDocument(template(['arn:aws:iam::123456789012:policy/team-policy']));
    expect(service!.roles.find((r) => r.name === 'FnRole')!.incomplete).toBe(true);
    expect(findings).toEqual([]);
  });
});
