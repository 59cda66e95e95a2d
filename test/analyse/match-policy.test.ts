import { describe, expect, it } from 'vitest';
import { evaluateRole, normaliseResource, patternCovers, patternsMayOverlap } from '../../src/analyse/match-policy.js';
import { Unresolved } from '../../src/model/values.js';
import { role, service, statement } from '../helpers/permission-models.js';

const svc = () =>
  service({
    OrdersTable: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders' } },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'created' } },
    Queue: { Type: 'AWS::SQS::Queue' },
    Uploads: { Type: 'AWS::S3::Bucket' },
    Thumbs: { Type: 'AWS::S3::Bucket' },
  });

const decide = (statements: ReturnType<typeof statement>[], action: string, resource: unknown, extra = {}) => {
  const s = svc();
  return evaluateRole(role(s, statements, extra), action, resource).decision;
};

describe('evaluateRole', () => {
  const table = { 'Fn::GetAtt': ['OrdersTable', 'Arn'] };

  it('matches action globs case-insensitively and resources structurally', () => {
    expect(decide([statement({ actions: ['DynamoDB:Get*'], resources: [table] })], 'dynamodb:GetItem', table)).toBe('allowed');
    expect(decide([statement({ actions: ['dynamodb:GetItem'], resources: [{ 'Fn::Sub': '${OrdersTable.Arn}' }] })], 'dynamodb:GetItem', table)).toBe('allowed');
    expect(decide([statement({ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:*:*:table/orders'] })], 'dynamodb:GetItem', table)).toBe('allowed');
    expect(decide([statement({ actions: ['dynamodb:PutItem'], resources: [table] })], 'dynamodb:GetItem', table)).toBe('not-granted');
    expect(decide([statement({ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:*:*:table/other'] })], 'dynamodb:GetItem', table)).toBe('not-granted');
  });

  it('compares a topic Ref with its ARN and a SAM Fn::Sub with the bucket', () => {
    const topicArn = 'arn:aws:sns:*:*:created';
    expect(decide([statement({ actions: ['sns:Publish'], resources: [topicArn] })], 'sns:Publish', { Ref: 'Topic' })).toBe('allowed');
    const objects = { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Thumbs}/thumbs/*' };
    const samGrant = { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Thumbs}/*' };
    expect(decide([statement({ actions: ['s3:PutObject'], resources: [samGrant] })], 's3:PutObject', objects)).toBe('allowed');
    const other = { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Uploads}/*' };
    expect(decide([statement({ actions: ['s3:PutObject'], resources: [other] })], 's3:PutObject', objects)).toBe('not-granted');
    // A literal bucket name could be the deployed name of Thumbs: not decidable.
    expect(decide([statement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::my-thumbs/*'] })], 's3:PutObject', objects)).toBe('unknown');
  });

  it('compares a name built with Fn::Sub with a grant built the same way', () => {
    const s = service({
      Worker: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: { 'Fn::Sub': '${AWS::StackName}-Worker' } } },
      SamWorker: { Type: 'AWS::Serverless::Function', Properties: { FunctionName: { 'Fn::Sub': '${AWS::StackName}-SamWorker' } } },
      Loop: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: { 'Fn::Sub': '${Loop}-x' } } },
    });
    const grant = (name: string) => statement({ actions: ['lambda:InvokeFunction'], resources: [{ 'Fn::Sub': `arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${AWS::StackName}-${name}` }] });
    const invoke = (statements: ReturnType<typeof statement>[], target: string) => evaluateRole(role(s, statements), 'lambda:InvokeFunction', { 'Fn::GetAtt': [target, 'Arn'] }).decision;
    expect(invoke([grant('Worker')], 'Worker')).toBe('allowed');
    expect(invoke([grant('SamWorker')], 'SamWorker')).toBe('allowed');
    expect(invoke([grant('Other')], 'Worker')).toBe('not-granted');
    // A name that refers to itself stays a token: nothing loops, and a grant cannot be shown to match it.
    expect(invoke([grant('Worker')], 'Loop')).toBe('not-granted');
  });

  it('lets Deny win and honours NotAction and NotResource', () => {
    const allowAll = statement({ actions: ['*'], resources: ['*'] });
    expect(decide([allowAll, statement({ effect: 'Deny', actions: ['dynamodb:*'], resources: ['*'] })], 'dynamodb:GetItem', table)).toBe('denied');
    expect(decide([statement({ notActions: ['iam:*'], resources: ['*'] })], 'dynamodb:GetItem', table)).toBe('allowed');
    expect(decide([statement({ notActions: ['dynamodb:*'], resources: ['*'] })], 'dynamodb:GetItem', table)).toBe('not-granted');
    expect(decide([statement({ actions: ['dynamodb:*'], notResources: [table] })], 'dynamodb:GetItem', table)).toBe('not-granted');
    expect(decide([statement({ actions: ['dynamodb:*'], notResources: ['arn:aws:s3:::x'] })], 'dynamodb:GetItem', table)).toBe('allowed');
    expect(decide([allowAll, statement({ effect: 'Deny', actions: ['dynamodb:*'], resources: ['*'], condition: { Bool: { x: 'true' } } })], 'dynamodb:GetItem', table)).toBe('unknown');
  });

  it('answers unknown for unresolved grants and incomplete or external roles', () => {
    expect(decide([statement({ actions: [new Unresolved('${ssm:/a}', 'ssm')], resources: ['*'] })], 'dynamodb:GetItem', table)).toBe('unknown');
    expect(decide([statement({ actions: ['dynamodb:GetItem'], resources: [{ 'Fn::ImportValue': 'x' }] })], 'dynamodb:GetItem', table)).toBe('unknown');
    expect(decide([], 'dynamodb:GetItem', table, { incomplete: true })).toBe('unknown');
    expect(decide([], 'dynamodb:GetItem', table, { kind: 'external' })).toBe('unknown');
    expect(decide([], 'dynamodb:GetItem', table, { managedPolicies: [{ value: 'arn:aws:iam::123:policy/Custom', location: { file: 'a', line: 1, column: 1, endLine: 1, endColumn: 1 } }] })).toBe('unknown');
  });

  it('expands known managed policies the loader did not expand', () => {
    const loc = { file: 'serverless.yml', line: 3, column: 1, endLine: 3, endColumn: 9 };
    expect(decide([], 'logs:PutLogEvents', '*', { managedPolicies: [{ value: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', location: loc }] })).toBe('allowed');
  });

  it('needs a * grant for wildcard-only actions, and unknown otherwise', () => {
    expect(decide([statement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] })], 'cloudwatch:PutMetricData', '*')).toBe('allowed');
    expect(decide([statement({ actions: ['cloudwatch:PutMetricData'], resources: ['arn:aws:cloudwatch:*'] })], 'cloudwatch:PutMetricData', '*')).toBe('unknown');
  });
});

describe('resource patterns', () => {
  it('treats tokens of different resources as different, and a token as possibly any literal', () => {
    const s = svc();
    const uploads = normaliseResource({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Uploads}/*' }, s)!;
    const thumbs = normaliseResource({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Thumbs}/a/*' }, s)!;
    const literal = normaliseResource('arn:aws:s3:::bucket/a/*', s)!;
    expect(patternsMayOverlap(uploads, thumbs)).toBe(false);
    expect(patternsMayOverlap(uploads, literal)).toBe(true);
    expect(patternCovers(uploads, literal)).toBe(false);
    expect(patternCovers(normaliseResource('*', s)!, thumbs)).toBe(true);
  });

  it('expands GetAtt, Ref, Sub and Join to the same ARN', () => {
    const s = service({ T: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders' } } }, 'eu-west-1');
    const forms = [
      { 'Fn::GetAtt': ['T', 'Arn'] },
      { 'Fn::GetAtt': 'T.Arn' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${T}' },
      { 'Fn::Join': ['', ['arn:aws:dynamodb:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':table/', { Ref: 'T' }]] },
    ].map((f) => normaliseResource(f, s)!);
    for (const form of forms) expect(patternCovers(forms[0]!, form) && patternCovers(form, forms[0]!)).toBe(true);
  });
});
