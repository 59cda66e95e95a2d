// Tests the SAM policy template data and its expansion into located policy statements.
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/model/location.js';
import { expandPolicyTemplate, isPolicyTemplateName, policyTemplates } from '../../src/model/sam-policy-templates.js';
import { readPackageJson } from '../../src/util/package-root.js';
import { isUnresolved } from '../../src/model/values.js';

const at: { path: string; location: Location } = {
  path: 'Resources.Fn.Properties.Policies[0]',
  location: { file: 'template.yaml', line: 24, column: 11, endLine: 24, endColumn: 23 },
};

function expand(name: string, parameters: unknown) {
  const result = expandPolicyTemplate(name, parameters, at);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('sam-policy-templates.json', () => {
  it('carries its provenance', () => {
    const data = readPackageJson<Record<string, unknown>>('src/data/sam-policy-templates.json');
    expect(typeof data.source).toBe('string');
    expect(typeof data.generated).toBe('string');
  });

  it('has every template aws-iam-facts.md section H relies on', () => {
    const names = [
      'DynamoDBCrudPolicy', 'DynamoDBReadPolicy', 'DynamoDBWritePolicy', 'DynamoDBStreamReadPolicy',
      'S3ReadPolicy', 'S3WritePolicy', 'S3CrudPolicy', 'S3FullAccessPolicy',
      'SQSSendMessagePolicy', 'SQSPollerPolicy', 'SNSPublishMessagePolicy', 'SNSCrudPolicy',
      'AWSSecretsManagerGetSecretValuePolicy', 'AWSSecretsManagerRotationPolicy',
      'SSMParameterReadPolicy', 'SSMParameterWithSlashPrefixReadPolicy', 'LambdaInvokePolicy',
      'StepFunctionsExecutionPolicy', 'StepFunctionsExecutionPolicy_v2', 'StepFunctionsCallbackPolicy',
      'EventBridgePutEventsPolicy', 'KMSDecryptPolicy', 'KMSEncryptPolicy', 'KMSEncryptPolicy_v2',
      'KinesisStreamReadPolicy', 'KinesisCrudPolicy', 'FirehoseWritePolicy', 'SESCrudPolicy',
      'SESBulkTemplatedCrudPolicy_v2', 'CloudWatchPutMetricPolicy', 'VPCAccessPolicy', 'AthenaQueryPolicy',
      'FilterLogEventsPolicy', 'RekognitionDetectOnlyPolicy', 'ComprehendBasicAccessPolicy', 'TextractPolicy',
    ];
    for (const name of names) expect(isPolicyTemplateName(name), name).toBe(true);
    expect(isPolicyTemplateName('toString')).toBe(false);
  });

  it('only uses Fn::Sub and Ref, so every template can be expanded', () => {
    for (const [name, template] of Object.entries(policyTemplates())) {
      const parameters = Object.fromEntries(Object.keys(template.Parameters).map((p) => [p, 'x']));
      const result = expand(name, parameters);
      expect(result.statements.length, name).toBeGreaterThan(0);
      const text = JSON.stringify(result.statements.map((s) => [s.actions, s.resources, s.condition]));
      expect(text, name).not.toMatch(/"Ref"|\$\{[a-z]\w*\}/); // no parameter is left behind
    }
  });
});

describe('managed-policies.json', () => {
  it('has the statements of the policies SAM attaches and of the admin policies', () => {
    const data = readPackageJson<{ source: string; generated: string; policies: Record<string, { arn: string; document: { Statement: Record<string, unknown>[] } }> }>('src/data/managed-policies.json');
    expect(typeof data.source).toBe('string');
    expect(typeof data.generated).toBe('string');
    for (const name of ['AWSLambdaBasicExecutionRole', 'AWSLambdaVPCAccessExecutionRole', 'AWSXrayWriteOnlyAccess', 'AWSXRayDaemonWriteAccess', 'AWSLambdaSQSQueueExecutionRole', 'AWSLambdaKinesisExecutionRole', 'AWSLambdaDynamoDBExecutionRole']) {
      expect(data.policies[name]?.arn.endsWith(`/${name}`), name).toBe(true);
      expect(data.policies[name]!.document.Statement.every((s) => s.Resource === '*' || JSON.stringify(s.Resource) === '["*"]')).toBe(true);
    }
    expect(data.policies.AdministratorAccess!.document.Statement).toEqual([{ Effect: 'Allow', Action: ['*'], Resource: '*' }]);
    expect(data.policies.PowerUserAccess!.document.Statement[0]).toEqual({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' });
  });
});

describe('expandPolicyTemplate', () => {
  it('turns a !Ref parameter into ${LogicalId} inside the Fn::Sub', () => {
    const { statements, missingParameters } = expand('S3CrudPolicy', { BucketName: { Ref: 'UploadsBucket' } });
    expect(missingParameters).toEqual([]);
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement!.path).toBe('Resources.Fn.Properties.Policies[0]');
    expect(statement!.origin).toEqual({ kind: 'sam-policy-template', template: 'S3CrudPolicy' });
    expect(statement!.effect).toBe('Allow');
    expect(statement!.actions.map((a) => a.value)).toContain('s3:DeleteObject');
    expect(statement!.resources.map((r) => r.value)).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}/*' },
    ]);
  });

  it('locates every action and resource at the template entry', () => {
    const { statements } = expand('DynamoDBCrudPolicy', { TableName: { Ref: 'Orders' } });
    const locations = statements.flatMap((s) => [s.location, ...s.actions, ...s.resources].map((x) => ('location' in x ? x.location : x)));
    for (const location of locations) expect(location).toEqual(at.location);
  });

  it('inlines a literal parameter and escapes a literal ${', () => {
    const literal = expand('SQSSendMessagePolicy', { QueueName: 'jobs' }).statements[0]!;
    expect(literal.resources[0]!.value).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs' });
    const odd = expand('SQSSendMessagePolicy', { QueueName: 'a${b}' }).statements[0]!;
    expect(odd.resources[0]!.value).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:a${!b}' });
  });

  it("keeps the parameters given a literal '*' as a resource name, and only those", () => {
    const star = expand('DynamoDBCrudPolicy', { TableName: '*' }).statements[0]!;
    expect(star.origin).toEqual({ kind: 'sam-policy-template', template: 'DynamoDBCrudPolicy', wildcardParameters: [{ name: 'TableName', location: at.location }] });
    expect(expand('DynamoDBCrudPolicy', { TableName: 'orders-*' }).statements[0]!.origin).toEqual({ kind: 'sam-policy-template', template: 'DynamoDBCrudPolicy' });
    // FunctionName only fills a condition of the rotation policy: "*" there names no resource.
    const rotation = expand('AWSSecretsManagerRotationPolicy', { FunctionName: '*' }).statements;
    expect(rotation.every((statement) => statement.origin.kind === 'sam-policy-template' && statement.origin.wildcardParameters === undefined)).toBe(true);
  });

  it('splices a parameter written as !Sub text', () => {
    const statement = expand('SNSPublishMessagePolicy', { TopicName: { 'Fn::Sub': '${AWS::StackName}-events' } }).statements[0]!;
    expect(statement.resources[0]!.value).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${AWS::StackName}-events' });
  });

  it('keeps a variables map for values it cannot fold, such as !GetAtt', () => {
    const statement = expand('SQSPollerPolicy', { QueueName: { 'Fn::GetAtt': ['Jobs', 'QueueName'] } }).statements[0]!;
    expect(statement.resources[0]!.value).toEqual({
      'Fn::Sub': ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}', { queueName: { 'Fn::GetAtt': ['Jobs', 'QueueName'] } }],
    });
  });

  it('puts a parameter used as the whole resource in place, as SAM does for SecretArn', () => {
    const statement = expand('AWSSecretsManagerGetSecretValuePolicy', { SecretArn: { Ref: 'DbSecret' } }).statements[0]!;
    expect(statement.actions.map((a) => a.value)).toEqual(['secretsmanager:GetSecretValue']);
    expect(statement.resources.map((r) => r.value)).toEqual([{ Ref: 'DbSecret' }]);
  });

  it('substitutes parameters in conditions and numbers the statements of multi-statement templates', () => {
    const { statements } = expand('AWSSecretsManagerRotationPolicy', { FunctionName: 'rotator' });
    expect(statements.map((s) => s.path)).toEqual(['Resources.Fn.Properties.Policies[0].Statement[0]', 'Resources.Fn.Properties.Policies[0].Statement[1]']);
    expect(JSON.stringify(statements[0]!.condition)).toContain('function:rotator');
    expect(statements[1]!.resources.map((r) => r.value)).toEqual(['*']);
  });

  it('gives a plain string when nothing is left to substitute', () => {
    const statement = expand('CloudWatchPutMetricPolicy', {}).statements[0]!;
    expect(statement.resources.map((r) => r.value)).toEqual(['*']);
    expect(expand('VPCAccessPolicy', null).statements).toHaveLength(1);
  });

  it('reports missing parameters and leaves their value Unresolved', () => {
    const result = expand('S3ReadPolicy', {});
    expect(result.missingParameters).toEqual(['BucketName']);
    const resource = result.statements[0]!.resources[0]!.value as { 'Fn::Sub': [string, Record<string, unknown>] };
    expect(isUnresolved(resource['Fn::Sub'][1].bucketName)).toBe(true);
  });

  it('refuses unknown templates and parameters that are not a mapping', () => {
    expect(expandPolicyTemplate('NoSuchPolicy', {}, at)).toMatchObject({ ok: false });
    expect(expandPolicyTemplate('S3ReadPolicy', 'bucket', at)).toMatchObject({ ok: false });
    expect(expandPolicyTemplate('S3ReadPolicy', { Ref: 'X' }, at)).toMatchObject({ ok: false });
  });

  it('does not change the shared template data', () => {
    const before = JSON.stringify(policyTemplates().S3CrudPolicy);
    expand('S3CrudPolicy', { BucketName: 'b' });
    expect(JSON.stringify(policyTemplates().S3CrudPolicy)).toBe(before);
  });
});
