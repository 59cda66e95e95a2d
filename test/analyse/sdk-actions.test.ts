import { describe, expect, it } from 'vitest';
import { getActionByFullName } from '../../src/model/iam-catalog.js';
import { mappedActions, operationActions, resourceTypeSpec } from '../../src/analyse/sdk-actions.js';

describe('sdk-operations.json', () => {
  it('produces only actions that exist in the IAM catalogue', () => {
    const actions = mappedActions();
    expect(actions.length).toBeGreaterThan(100);
    const missing = actions.filter((a) => getActionByFullName(a) === undefined);
    expect(missing).toEqual([]);
  });

  it('names only resource kinds it defines', () => {
    for (const service of ['dynamodb', 's3', 'sqs', 'sns', 'lambda', 'ssm', 'secretsmanager', 'kms', 'events', 'states', 'kinesis']) {
      for (const op of ['GetItem', 'GetObject', 'SendMessage', 'Publish', 'Invoke', 'GetParameter', 'GetSecretValue', 'Decrypt', 'PutEvents', 'StartExecution', 'PutRecord']) {
        for (const template of operationActions({ service, operation: op, style: 'v3-command' }).actions) {
          if (template.resource && template.resource !== '*') expect(resourceTypeSpec(template.resource), `${service}:${op}`).toBeDefined();
        }
      }
    }
  });

  it('applies the exceptions of the facts', () => {
    const actionsOf = (service: string, operation: string, style: 'v3-command' | 'presign' | 'library' = 'v3-command') =>
      operationActions({ service, operation, style }).actions.map((a) => a.action);
    expect(actionsOf('s3', 'ListObjectsV2')).toEqual(['s3:ListBucket']);
    expect(actionsOf('s3', 'HeadObject')).toContain('s3:GetObject');
    expect(actionsOf('s3', 'Upload')).toEqual(['s3:PutObject', 's3:AbortMultipartUpload', 's3:PutObjectTagging']);
    expect(actionsOf('lambda', 'Invoke')).toEqual(['lambda:InvokeFunction']);
    expect(actionsOf('bedrock', 'Converse')).toEqual(['bedrock:InvokeModel']);
    expect(actionsOf('sqs', 'SendMessageBatch')).toEqual(['sqs:SendMessage']);
    expect(actionsOf('sns', 'PublishBatch')).toEqual(['sns:Publish']);
    expect(actionsOf('execute-api', 'PostToConnection')).toEqual(['execute-api:ManageConnections']);
    expect(actionsOf('kms', 'ReEncrypt')).toEqual(['kms:ReEncryptFrom', 'kms:ReEncryptTo']);
    expect(actionsOf('sts', 'GetCallerIdentity')).toEqual([]);
    expect(actionsOf('cognito-idp', 'InitiateAuth')).toEqual([]);
    expect(actionsOf('s3', 'getObject', 'presign')).toContain('s3:GetObject');
    expect(actionsOf('s3', 'PutObject', 'presign')).toContain('s3:PutObject');
    expect(operationActions({ service: 'dynamodb', operation: 'TransactWriteItems', style: 'v3-command' }).items?.kinds.Put).toBe('dynamodb:PutItem');
    expect(operationActions({ service: 'dynamodb', operation: 'ExecuteStatement', style: 'v3-command' }).partiql).toBe('Statement');
  });

  it('defaults to <prefix>:<Operation> and marks wildcard-only actions', () => {
    const put = operationActions({ service: 'cloudwatch', operation: 'PutMetricData', style: 'v3-command' });
    const listBuckets = operationActions({ service: 's3', operation: 'ListBuckets', style: 'v3-command' });
    expect(listBuckets.actions[0]).toMatchObject({ action: 's3:ListAllMyBuckets', resource: '*', wildcardOnly: true });
    expect(put.actions[0]).toMatchObject({ action: 'cloudwatch:PutMetricData', resource: '*' });
    const unlisted = operationActions({ service: 'sqs', operation: 'ListQueues', style: 'v3-command' });
    expect(unlisted.listed).toBe(false);
    expect(unlisted.actions.map((a) => a.action)).toEqual(['sqs:ListQueues']);
    expect(operationActions({ service: 'sqs', operation: 'NoSuchOperation', style: 'v3-command' }).unknownAction).toBe('sqs:NoSuchOperation');
  });
});
