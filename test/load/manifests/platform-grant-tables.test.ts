// The grants SAM and the Serverless Framework write into the roles they generate come from the tables in
// src/data/platform-grants.ts, looked up by the type the manifest spells: a type the table lacks grants nothing,
// also when it is named like an object member (constructor, __proto__), and never stops the manifest being read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectFiles } from '../../../src/load/files.js';
import { loadProject } from '../../../src/load/project.js';
import { grantFor, SAM_DESTINATION_GRANTS } from '../../../src/data/platform-grants.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'noops-grant-tables-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/app.js'), 'exports.handler = async () => 1;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function load(manifest: string, text: string) {
  writeFileSync(path.join(root, manifest), text);
  const project = loadProject(new ProjectFiles(root), { paths: [''], ignores: [], gitignore: false, resolveEnv: false, env: {} });
  const statements = project.roles.flatMap((role) => role.statements);
  return { project, granted: (suffix: string) => statements.filter((s) => s.path.includes(suffix)).flatMap((s) => s.actions.map((a) => a.value)) };
}

function samDestination(type: string): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: nodejs22.x',
    '      CodeUri: src/',
    '      Handler: app.handler',
    '      Events:',
    '        Queue:',
    `          Type: ${type}`,
    '          Properties:',
    '            Queue: arn:aws:sqs:eu-west-1:123456789012:in',
    '      EventInvokeConfig:',
    '        DestinationConfig:',
    '          OnSuccess:',
    `            Type: ${type}`,
    '            Destination: arn:aws:sqs:eu-west-1:123456789012:out',
    '',
  ].join('\n');
}

function serverlessDestination(type: string): string {
  return [
    'service: svc',
    'provider:',
    '  name: aws',
    '  runtime: nodejs22.x',
    'functions:',
    '  fn:',
    '    handler: src/app.handler',
    '    destinations:',
    '      onSuccess:',
    `        type: ${type}`,
    '        arn: !GetAtt Out.Arn',
    '',
  ].join('\n');
}

describe('platform grant tables', () => {
  it('grants what SAM grants for a known event source and destination type', () => {
    const { project, granted } = load('template.yaml', samDestination('SQS'));
    expect(project.inputFindings).toEqual([]);
    expect(granted('#AWSLambdaSQSQueueExecutionRole')).toContain('sqs:ReceiveMessage');
    expect(granted('#EventInvokeConfig.OnSuccess')).toEqual(['sqs:SendMessage']);
  });

  it.each(['constructor', '__proto__', 'toString'])('grants nothing for a SAM type named %s, and reads the template', (type) => {
    const { project, granted } = load('template.yaml', samDestination(type));
    expect(project.inputFindings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([]);
    expect(project.functions.map((f) => f.name)).toEqual(['Fn']);
    expect(granted('#EventInvokeConfig')).toEqual([]);
  });

  it('grants what the Serverless Framework grants for a typed destination, and nothing for an unknown type', () => {
    expect(load('serverless.yml', serverlessDestination('sqs')).granted('#destination')).toEqual(['sqs:SendMessage']);
    for (const type of ['constructor', '__proto__']) {
      const { project, granted } = load('serverless.yml', serverlessDestination(type));
      expect(project.inputFindings.filter((f) => f.ruleId.startsWith('internal/'))).toEqual([]);
      expect(granted('#destination')).toEqual([]);
    }
  });

  it('looks keys up as own entries only', () => {
    expect(grantFor(SAM_DESTINATION_GRANTS, 'SNS')).toEqual(['sns:Publish']);
    for (const key of ['constructor', '__proto__', 'hasOwnProperty', undefined, 3]) expect(grantFor(SAM_DESTINATION_GRANTS, key)).toBeUndefined();
  });
});
