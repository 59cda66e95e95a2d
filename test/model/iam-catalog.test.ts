import { describe, expect, it } from 'vitest';
import {
  actionsOfService,
  countAllActions,
  dataVersion,
  expandActionPattern,
  getAction,
  getActionByFullName,
  globMatcher,
  iamActionExists,
  resourceTypeArn,
  serviceExists,
  splitActionName,
} from '../../src/model/iam-catalog.js';

describe('serviceExists', () => {
  it('knows real prefixes in any case', () => {
    expect(serviceExists('s3')).toBe(true);
    expect(serviceExists('DynamoDB')).toBe(true);
    expect(serviceExists('cognito-idp')).toBe(true);
  });

  it('rejects unknown and crafted prefixes without throwing', () => {
    expect(serviceExists('nosuchservice')).toBe(false);
    expect(serviceExists('')).toBe(false);
    expect(serviceExists('../../x')).toBe(false);
    expect(serviceExists('../services')).toBe(false);
    expect(serviceExists('s3/../dynamodb')).toBe(false);
    expect(serviceExists('constructor')).toBe(false);
    expect(serviceExists('__proto__')).toBe(false);
    expect(serviceExists(undefined as unknown as string)).toBe(false);
  });
});

describe('getAction', () => {
  it('returns the canonical action with its resource types', () => {
    const action = getAction('s3', 'getobject');
    expect(action).toMatchObject({ service: 's3', name: 'GetObject', accessLevel: 'Read', wildcardOnly: false });
    expect(action?.resourceTypes.map((r) => r.name)).toContain('object');
  });

  it('marks actions without resource types as wildcard-only', () => {
    expect(getAction('xray', 'PutTraceSegments')?.wildcardOnly).toBe(true);
    expect(getAction('ecr', 'GetAuthorizationToken')?.wildcardOnly).toBe(true);
    expect(getAction('dynamodb', 'GetItem')?.wildcardOnly).toBe(false);
  });

  it('finds a full name', () => {
    expect(getActionByFullName('DynamoDB:getItem')?.name).toBe('GetItem');
    expect(getActionByFullName('GetItem')).toBeUndefined();
  });

  it('never finds inherited object properties', () => {
    expect(iamActionExists('s3', 'constructor')).toBe(false);
    expect(iamActionExists('s3', '__proto__')).toBe(false);
    expect(iamActionExists('s3', 'toString')).toBe(false);
    expect(iamActionExists('s3', 'hasOwnProperty')).toBe(false);
  });

  it('is undefined for unknown services and actions, and for path traversal', () => {
    expect(getAction('dynamodb', 'GetItems')).toBeUndefined();
    expect(getAction('nosuchservice', 'GetItem')).toBeUndefined();
    expect(getAction('../../x', 'GetItem')).toBeUndefined();
    expect(getAction('../actions/s3', 'GetObject')).toBeUndefined();
    expect(iamActionExists('../../../../etc/passwd', 'x')).toBe(false);
  });
});

describe('expandActionPattern', () => {
  it('expands a partial wildcard case-insensitively, sorted', () => {
    const names = expandActionPattern('s3:get*');
    expect(names).toContain('s3:GetObject');
    expect(names).toContain('s3:GetBucketPolicy');
    expect(names.every((n) => n.startsWith('s3:Get'))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it('supports ? and wildcards in the middle', () => {
    expect(expandActionPattern('sqs:SendMessag?')).toEqual(['sqs:SendMessage']);
    expect(expandActionPattern('sqs:*Message')).toEqual(['sqs:DeleteMessage', 'sqs:ReceiveMessage', 'sqs:SendMessage']);
    // The batch APIs are authorized by the single-message actions: they are not IAM actions.
    expect(expandActionPattern('sqs:*MessageBatch')).toEqual([]);
  });

  it('expands a service wildcard to every action of the service', () => {
    expect(expandActionPattern('dynamodb:*')).toEqual(actionsOfService('dynamodb'));
    expect(expandActionPattern('dynamodb:*').length).toBeGreaterThan(50);
  });

  it('expands wildcards in the service part', () => {
    const names = expandActionPattern('s?s:Publish');
    expect(names).toEqual(['sns:Publish']);
  });

  it('expands "*" to every action', () => {
    expect(expandActionPattern('*').length).toBe(countAllActions());
    expect(countAllActions()).toBeGreaterThan(10_000);
  });

  it('returns plain names canonically and nothing for unknown or malformed patterns', () => {
    expect(expandActionPattern('DYNAMODB:GETITEM')).toEqual(['dynamodb:GetItem']);
    expect(expandActionPattern('s3:Gett*')).toEqual([]);
    expect(expandActionPattern('nosuch:*')).toEqual([]);
    expect(expandActionPattern('GetItem')).toEqual([]);
    expect(expandActionPattern('../../x:*')).toEqual([]);
    expect(expandActionPattern('s3:constructor')).toEqual([]);
  });

  it('does not treat regular-expression characters as syntax', () => {
    expect(expandActionPattern('s3:Get.bject')).toEqual([]);
    expect(expandActionPattern('s3:(GetObject)')).toEqual([]);
    expect(globMatcher('a.b').test('axb')).toBe(false);
  });
});

describe('resourceTypeArn', () => {
  it('gives the ARN template of a resource type in any case', () => {
    expect(resourceTypeArn('s3', 'bucket')).toBe('arn:${Partition}:s3:::${BucketName}');
    expect(resourceTypeArn('dynamodb', 'table')).toBe('arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}');
    expect(resourceTypeArn('sso', 'Instance')).toMatch(/^arn:/);
  });

  it('is undefined for unknown types and services', () => {
    expect(resourceTypeArn('s3', 'constructor')).toBeUndefined();
    expect(resourceTypeArn('s3', 'nosuchtype')).toBeUndefined();
    expect(resourceTypeArn('../../x', 'bucket')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('splits action names at the first colon', () => {
    expect(splitActionName('s3:GetObject')).toEqual({ service: 's3', action: 'GetObject' });
    expect(splitActionName(':x')).toBeUndefined();
    expect(splitActionName('s3:')).toBeUndefined();
  });

  it('reports the data version', () => {
    expect(dataVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
