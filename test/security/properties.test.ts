// Promise 7: generated manifests and handler sources, valid and mutated: no crash, no rule error, valid SARIF, stable output, monotone findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintRun } from '../../src/engine/lint.js';
import { FORMAT_NAMES, REPORTERS } from '../../src/report/index.js';
import { checkRoot } from '../helpers/checked-project.js';
import { lintRoot, removeDir, sarifErrors, scratchDir } from './harness.js';

/** Fixed so a failure reproduces; set FC_SEED to explore other cases. */
const SEED = Number(process.env.FC_SEED ?? 20_260_115);
const RUNS = Number(process.env.FC_RUNS ?? 20);

// ---- generators ----

const weirdText = fc.oneof(
  fc.constantFrom('', ' ', '*', '%', '::error::x', '${self:custom.a}', '${env:HOME}', '${file(../x.yml)}', '{{resolve:ssm:/p}}', '\u0000', '\n', 'é', '🚀', '<b>', '|a|', '`c`'),
  fc.string({ maxLength: 12 }),
);
const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/);
const envName = fc.oneof(fc.constantFrom('DB_PASSWORD', 'API_KEY', 'TABLE_NAME', 'SECRET_ARN', 'TOKEN', 'STAGE', 'DATABASE_URL'), fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/));
const envValue = fc.oneof(
  fc.constantFrom('hunter2hunter2', 'sk_live_51HxQyZ2eZvKYlo2C9mN4pQr', 'AKIAIOSFODNN7EXAMPLE', 'postgres://u:pw123456@db/app', 'true', '${ssm:/app/key}', '${self:custom.a}'),
  weirdText,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ Ref: 'Secret' }),
);
const action = fc.constantFrom('*', 's3:*', 's3:GetObject', 'dynamodb:GetItem', 'dynamodb:*', 'iam:PassRole', 'sqs:SendMessage', 'logs:CreateLogStream', 'kms:Decrypt', 'nosuch:Thing');
const resourceArn = fc.oneof(
  fc.constantFrom('*', 'arn:aws:s3:::orders/*', 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders', '${self:custom.a}'),
  fc.constant({ 'Fn::GetAtt': ['Orders', 'Arn'] }),
  fc.constant({ 'Fn::GetAtt': ['A', 'B', 'C'] }),
  fc.constant({ 'Fn::Sub': 'arn:aws:s3:::${Missing}/*' }),
  fc.constant({ Ref: 'Orders' }),
);
const statement = fc.record(
  { Effect: fc.constantFrom('Allow', 'Deny', 'allow', 7), Action: fc.oneof(action, fc.array(action, { maxLength: 3 })), Resource: fc.oneof(resourceArn, fc.array(resourceArn, { maxLength: 3 })) },
  { requiredKeys: ['Effect'] },
);
const resourceType = fc.constantFrom('AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::RDS::DBInstance', 'Custom::Thing', 'AWS::Nope::Nope');
const resourceProperties = fc.dictionary(
  fc.constantFrom('BucketName', 'TableName', 'KmsMasterKeyId', 'SSESpecification', 'Policies', 'AssumeRolePolicyDocument', 'StorageEncrypted', 'Environment', 'Handler', 'Runtime', 'Role'),
  fc.oneof(envValue, resourceArn, fc.record({ PolicyDocument: fc.record({ Statement: fc.array(statement, { maxLength: 2 }) }) })),
  { maxKeys: 4 },
);
const resource = fc.record({ Type: resourceType, Properties: resourceProperties }, { requiredKeys: ['Type'] });
const runtime = fc.constantFrom('nodejs20.x', 'nodejs22.x', 'nodejs12.x', 'python3.12', 'provided.al2023', 42);
const functionDefinition = fc.record(
  {
    handler: fc.oneof(fc.constantFrom('src/h0.handler', 'src/h1.handler', 'src/missing.handler', '../out.handler', '/etc/x.handler', 'src/h0'), weirdText, fc.integer()),
    runtime,
    environment: fc.dictionary(envName, envValue, { maxKeys: 3 }),
    memorySize: fc.oneof(fc.integer({ min: -1, max: 20_000 }), weirdText),
    timeout: fc.integer({ min: 0, max: 1000 }),
    tracing: fc.constantFrom('Active', 'PassThrough', true),
    role: fc.constantFrom('SharedRole', 'arn:aws:iam::123456789012:role/x'),
    iamRoleStatements: fc.array(statement, { maxLength: 2 }),
    events: fc.array(fc.oneof(fc.constant({ http: 'GET /x' }), fc.constant({ sqs: { arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } } }), weirdText), { maxLength: 2 }),
  },
  { requiredKeys: ['handler'] },
);
const serverlessManifest = fc.record(
  {
    service: fc.oneof(identifier, weirdText),
    custom: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(weirdText, fc.constantFrom('${self:custom.b}', '${self:custom.a}', '${opt:stage}'))),
    provider: fc.record(
      {
        name: fc.constant('aws'),
        runtime,
        stage: fc.constantFrom('dev', '${opt:stage, "dev"}', '${self:provider.stage}'),
        environment: fc.dictionary(envName, envValue, { maxKeys: 3 }),
        iam: fc.record({ role: fc.record({ statements: fc.array(statement, { maxLength: 3 }) }) }),
      },
      { requiredKeys: ['name'] },
    ),
    functions: fc.dictionary(identifier, functionDefinition, { minKeys: 1, maxKeys: 4 }),
  },
  { requiredKeys: ['service', 'provider', 'functions'] },
);
const cloudFormationTemplate = fc.record({
  AWSTemplateFormatVersion: fc.constant('2010-09-09'),
  Transform: fc.constantFrom('AWS::Serverless-2016-10-31', 'Other'),
  Resources: fc.dictionary(identifier, resource, { minKeys: 1, maxKeys: 5 }),
});

/** Handler code from pieces: SDK v2 and v3 clients at module or handler scope, helpers, secrets, odd syntax. */
const handlerSource = fc
  .array(
    fc.constantFrom(
      "import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';",
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
      "const AWS = require('aws-sdk');",
      "import { helper } from './helper';",
      "import * as missing from './nowhere';",
      'const s3 = new S3Client({});',
      "const key = 'sk_live_51HxQyZ2eZvKYlo2C9mN4pQr';",
      'let cache = {};',
      "export const handler = async (event) => { const db = new DynamoDBClient({}); await db.send(new GetItemCommand({ TableName: 'Orders', Key: {} })); cache[event.id] = 1; return helper(event); };",
      "export const handler = async (event) => s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: 'k' }));",
      "exports.handler = async () => new AWS.S3().putObject({ Bucket: 'b', Key: 'k', Body: '' }).promise();",
      'export default async function handler() { return eval("1"); }',
      'function recurse(n) { return recurse(n + 1); }',
      'for (;;) {}',
      'while (true) { process.exit(1); }',
    ),
    { minLength: 1, maxLength: 7 },
  )
  .map((lines) => lines.join('\n'));

type Mutation = (text: string, position: number, insert: string) => string;
const MUTATIONS: Record<string, Mutation> = {
  truncate: (text, position) => text.slice(0, position % (text.length + 1)),
  insert: (text, position, insert) => text.slice(0, position % (text.length + 1)) + insert + text.slice(position % (text.length + 1)),
  deleteLine: (text, position) => text.split('\n').filter((_, i, lines) => i !== position % lines.length).join('\n'),
  duplicateLine: (text, position) => {
    const lines = text.split('\n');
    const index = position % lines.length;
    return [...lines.slice(0, index + 1), lines[index], ...lines.slice(index + 1)].join('\n');
  },
  indent: (text, position) => text.split('\n').map((line, i) => (i === position % 7 ? `  ${line}` : line)).join('\n'),
};
const mutation = fc.record({
  kind: fc.constantFrom(...(Object.keys(MUTATIONS) as Array<keyof typeof MUTATIONS>)),
  position: fc.nat(),
  insert: fc.oneof(fc.constantFrom('\t', ':', '- ', '&a ', '*a', '!GetAtt a.b.c', '!Foo ', '{', '[', ']', '}', '"', "'", '${', '\ufeff', '\r', '<<: *a\n', '\u0000', '}}}}'), fc.string({ maxLength: 6 })),
});
const mutate = (text: string, m: { kind: string; position: number; insert: string }) => MUTATIONS[m.kind]!(text, m.position, m.insert);

// ---- checks ----

let workspace: string;
let counter = 0;
beforeAll(() => {
  workspace = scratchDir('noops-prop-');
});
afterAll(() => removeDir(workspace));

function project(files: Record<string, string>): string {
  const root = path.join(workspace, String(counter++));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function reports(run: LintRun): Record<string, string> {
  return Object.fromEntries(FORMAT_NAMES.map((format) => [format, REPORTERS[format](run, { color: false })]));
}

/** No throw, no internal/rule-error, only sane locations, valid SARIF, and the same bytes on a second run. */
function checkRun(root: string): LintRun {
  const checked = checkRoot(root);
  for (const fn of checked.project.functions) checked.analysis.usageOf(fn);
  const run = lintRoot(root);
  expect(run.findings.filter((f) => f.ruleId === 'internal/rule-error').map((f) => f.message)).toEqual([]);
  for (const finding of run.findings) {
    expect(finding.location.line).toBeGreaterThanOrEqual(1);
    expect(finding.location.column).toBeGreaterThanOrEqual(1);
    expect(path.isAbsolute(finding.location.file)).toBe(false);
    expect(finding.location.file.startsWith('..')).toBe(false);
  }
  const first = reports(run);
  expect(sarifErrors(first.sarif!)).toEqual([]);
  expect(reports(lintRoot(root))).toEqual(first);
  return run;
}

const HANDLERS = { 'src/helper.ts': 'export const helper = (e: unknown) => e;\n' };

describe('property: generated manifests and sources', () => {
  it('serverless.yml, valid and mutated, with generated handler code', () => {
    fc.assert(
      fc.property(serverlessManifest, fc.option(mutation, { nil: undefined }), handlerSource, handlerSource, (manifest, m, h0, h1) => {
        const text = stringify(manifest);
        checkRun(project({ 'serverless.yml': m ? mutate(text, m) : text, 'src/h0.js': h0, 'src/h1.ts': m ? mutate(h1, m) : h1, ...HANDLERS }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('SAM / CloudFormation templates, valid and mutated, YAML and JSON', () => {
    fc.assert(
      fc.property(cloudFormationTemplate, fc.option(mutation, { nil: undefined }), fc.boolean(), (template, m, asJson) => {
        const text = asJson ? JSON.stringify(template, null, 2) : stringify(template);
        checkRun(project({ [asJson ? 'template.json' : 'template.yaml']: m ? mutate(text, m) : text }));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('adding an unrelated resource never removes a finding', () => {
    const unrelated = { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'zz-unrelated', KmsMasterKeyId: 'alias/aws/sns' } };
    const identity = (run: LintRun) => run.findings.map((f) => `${f.ruleId}|${f.location.file}|${f.location.line}|${f.location.column}|${f.key}`);
    fc.assert(
      fc.property(serverlessManifest, cloudFormationTemplate, handlerSource, (manifest, template, h0) => {
        const withResource = { ...manifest, resources: { Resources: { ZzUnrelatedTopic: unrelated } } };
        const before = checkRun(project({ 'serverless.yml': stringify(manifest), 'template.yaml': stringify(template), 'src/h0.js': h0, ...HANDLERS }));
        const templateAfter = { ...template, Resources: { ...template.Resources, ZzUnrelatedTopic: unrelated } };
        const after = checkRun(project({ 'serverless.yml': stringify(withResource), 'template.yaml': stringify(templateAfter), 'src/h0.js': h0, ...HANDLERS }));
        const kept = new Set(identity(after));
        expect(identity(before).filter((id) => !kept.has(id))).toEqual([]);
      }),
      { seed: SEED, numRuns: Math.max(5, Math.floor(RUNS / 2)) },
    );
  });
});
