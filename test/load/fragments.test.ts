// Template fragments included with ${file()} belong to their serverless.yml: never linted as templates of their own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { BUILTIN_RULES } from '../../rules/index.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'noops-fragments-'));
mkdirSync(path.join(root, 'resources'));
writeFileSync(
  path.join(root, 'serverless.yml'),
  ['service: notes', 'provider:', '  name: aws', '  runtime: nodejs22.x', 'functions:', '  list:', '    handler: list.handler', 'resources:', '  - ${file(resources/bucket.yml)}', '  - ${file(./resources/role.yml)}', ''].join('\n'),
);
writeFileSync(path.join(root, 'resources/bucket.yml'), ['Resources:', '  AttachmentsBucket:', '    Type: AWS::S3::Bucket', ''].join('\n'));
writeFileSync(
  path.join(root, 'resources/role.yml'),
  [
    'Resources:',
    '  AuthRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Federated: cognito-identity.amazonaws.com }, Action: sts:AssumeRoleWithWebIdentity }] }',
    '      Policies:',
    '        - PolicyName: files',
    '          PolicyDocument:',
    '            Statement:',
    '              - Effect: Allow',
    '                Action: s3:*',
    "                Resource: !Join ['', [!GetAtt AttachmentsBucket.Arn, '/private/*']]",
    '',
  ].join('\n'),
);
// A template nobody includes is still a template of its own.
writeFileSync(path.join(root, 'resources/standalone.yml'), ['Resources:', '  Other:', '    Type: AWS::S3::Bucket', ''].join('\n'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('${file()} fragments', () => {
  const run = lint({ rules: BUILTIN_RULES, root, paths: [''] });

  it('reads them once, through their service', () => {
    // The template nobody includes is linted on its own (its bucket has no TLS-only policy); the fragments are not.
    const inTransit = run.findings.filter((f) => f.ruleId === 'encryption/in-transit').map((f) => f.location.file);
    expect(inTransit).toEqual(['resources/bucket.yml', 'resources/standalone.yml']);
    const wildcard = run.findings.filter((f) => f.ruleId === 'iam/wildcard-action');
    expect(wildcard.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['resources/role.yml:11']);
  });

  it('does not call a reference to another fragment invalid', () => {
    expect(run.findings.filter((f) => f.ruleId === 'input/invalid-manifest')).toEqual([]);
  });

  it('writes a joined ARN as a person would', () => {
    expect(run.findings.find((f) => f.ruleId === 'iam/wildcard-action')?.message).toContain('"!Sub ${AttachmentsBucket.Arn}/private/*"');
  });
});
