// Build output and packaged templates are not source: skipped with one note each, read with `buildOutput: check`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtTemplateReason } from '../../src/load/build-output.js';
import { lint } from '../../src/engine/lint.js';
import { parseConfig } from '../../src/engine/config.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const fn = (code: Record<string, unknown>, type = 'AWS::Serverless::Function') => ({ Type: type, Properties: { Handler: 'app.handler', Runtime: 'nodejs20.x', ...code } });
const template = (resources: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources });
const HASH = '0c8f5e2d9a4b41c7a3e6f0b1d2c3e4f5';

describe('builtTemplateReason', () => {
  it('knows packaged templates by their content-hash keys, whatever the file name', () => {
    expect(builtTemplateReason('template.yaml', template({ A: fn({ CodeUri: `s3://artifacts/${HASH}` }) }))).toContain('packaged template');
    expect(builtTemplateReason('cfn.yaml', template({ A: fn({ Code: { S3Bucket: 'b', S3Key: `prefix/${HASH}` } }, 'AWS::Lambda::Function') }))).toContain('packaged template');
    expect(builtTemplateReason('x.yaml', template({ L: { Type: 'AWS::Serverless::LayerVersion', Properties: { ContentUri: `s3://b/${HASH}` } } }))).toContain('packaged template');
  });

  it('knows them by a packaged file name when all code is in S3', () => {
    for (const name of ['packaged.yaml', 'packaged-template.yml', 'template-export.yml', 'out.yaml', 'infra/output.json']) {
      expect({ name, reason: builtTemplateReason(name, template({ A: fn({ CodeUri: 's3://artifacts/app.zip' }) })) }).toEqual({ name, reason: expect.stringContaining('packaged template') });
    }
  });

  it('keeps hand-written templates as source: local code, readable S3 keys, no functions', () => {
    expect(builtTemplateReason('template.yaml', template({ A: fn({ CodeUri: 'src/' }) }))).toBeUndefined();
    expect(builtTemplateReason('template.yaml', template({ A: fn({ CodeUri: 's3://artifacts/releases/app-1.2.zip' }) }))).toBeUndefined();
    expect(builtTemplateReason('template.yaml', template({ A: fn({ CodeUri: { Bucket: { Ref: 'Artifacts' }, Key: 'app.zip' } }) }))).toBeUndefined();
    // one function still built from the project: not a packaged copy
    expect(builtTemplateReason('packaged.yaml', template({ A: fn({ CodeUri: `s3://b/${HASH}` }), B: fn({ CodeUri: 'src/' }) }))).toBeUndefined();
    expect(builtTemplateReason('packaged.yaml', template({ T: { Type: 'AWS::DynamoDB::Table', Properties: {} } }))).toBeUndefined();
    expect(builtTemplateReason('packaged.yaml', 'text')).toBeUndefined();
  });

  it('knows serverless-sam exports and the CDK bootstrap template', () => {
    const exported = template({ A: fn({ CodeUri: '.serverless/svc.zip' }) }, { Transform: 'AWS::Serverless-2016-10-31', Description: 'SAM template for Serverless framework service: ' });
    expect(builtTemplateReason('sam-template.yml', exported)).toContain('serverless-sam plugin');
    const bootstrap = template({ Role: { Type: 'AWS::IAM::Role', Properties: {} } }, { Description: 'This stack includes resources needed to deploy AWS CDK apps into this environment', Outputs: { BootstrapVersion: { Value: 21 } } });
    expect(builtTemplateReason('bootstrap-template.yaml', bootstrap)).toContain('CDK bootstrap');
  });
});

const SOURCE_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: nodejs20.x
      MemorySize: 256
      Timeout: 10
      Policies:
        - Statement:
            - Effect: Allow
              Action: 's3:*'
              Resource: '*'
`;
const PACKAGED = SOURCE_TEMPLATE.replace('CodeUri: src/', `CodeUri: s3://my-artifacts/${HASH}`);
const HANDLER = "exports.handler = async () => ({ statusCode: 200 });\n";

describe('a project with committed build output', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'noops-build-output-'));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write('template.yaml', SOURCE_TEMPLATE);
  write('src/app.js', HANDLER);
  write('packaged.yaml', PACKAGED);
  write('.aws-sam/build/template.yaml', SOURCE_TEMPLATE.replace('CodeUri: src/', 'CodeUri: Api'));
  write('.aws-sam/build/Api/app.js', HANDLER);
  write('.serverless/cloudformation-template-update-stack.json', JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { R: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] } } } }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('skips each with one note naming it and why, and reports nothing from them', () => {
    const run = lint({ rules: BUILTIN_RULES, root, now: new Date('2026-01-15T00:00:00Z'), gitignore: false });
    const files = [...new Set(run.findings.filter((f) => f.ruleId !== 'input/skipped-file').map((f) => f.location.file))];
    expect(files.filter((file) => file !== 'template.yaml' && !file.startsWith('src/'))).toEqual([]);
    const notes = run.findings.filter((f) => f.ruleId === 'input/skipped-file').map((f) => [f.severity, f.location.file, f.message]);
    expect(notes).toEqual([
      ['note', '.aws-sam/build/template.yaml', expect.stringMatching(/^Skipped "\.aws-sam\/": it is `sam build` output .*buildOutput: check/)],
      ['note', '.serverless/cloudformation-template-update-stack.json', expect.stringMatching(/^Skipped "\.serverless\/": it is `serverless package` output/)],
      ['note', 'packaged.yaml', expect.stringMatching(/^Skipped "packaged\.yaml": it is a packaged template \(`sam package`/)],
    ]);
    expect(run.findings.some((f) => f.ruleId === 'input/handler-not-found' || f.ruleId === 'input/handler-not-analysed')).toBe(false);
    expect(run.findings.filter((f) => f.location.file === 'template.yaml' && f.ruleId.startsWith('iam/')).length).toBeGreaterThan(0);
  });

  it('reads them like source with buildOutput: check', () => {
    const config = parseConfig({ buildOutput: 'check' }, '.noops-lint.yaml');
    const run = lint({ rules: BUILTIN_RULES, root, config, now: new Date('2026-01-15T00:00:00Z'), gitignore: false });
    expect(run.findings.filter((f) => f.ruleId === 'input/skipped-file')).toEqual([]);
    const files = new Set(run.findings.map((f) => f.location.file));
    for (const file of ['packaged.yaml', '.aws-sam/build/template.yaml', '.serverless/cloudformation-template-update-stack.json']) expect(files).toContain(file);
  });
});
