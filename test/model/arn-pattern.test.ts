import { describe, expect, it } from 'vitest';
import { ANY_STRING, patternFromGlob, patternFromTemplate, patternsOverlap, resourcePattern, type ArnPattern } from '../../src/model/arn-pattern.js';
import type { ResourceModel } from '../../src/model/project.js';
import { resourceTypeArn } from '../../src/model/iam-catalog.js';

const template = (service: string, type: string): string => {
  const arn = resourceTypeArn(service, type);
  if (!arn) throw new Error(`no template for ${service}:${type}`);
  return arn;
};

const fits = (resource: string, service: string, type: string): boolean =>
  patternsOverlap(patternFromGlob(resource), patternFromTemplate(template(service, type)));

describe('patternsOverlap', () => {
  it('tells bucket ARNs from object ARNs', () => {
    expect(fits('arn:aws:s3:::uploads', 's3', 'bucket')).toBe(true);
    expect(fits('arn:aws:s3:::uploads', 's3', 'object')).toBe(false);
    expect(fits('arn:aws:s3:::uploads/*', 's3', 'object')).toBe(true);
    expect(fits('arn:aws:s3:::uploads/*', 's3', 'bucket')).toBe(false);
    expect(fits('arn:aws:s3:::uploads*', 's3', 'bucket')).toBe(true);
    expect(fits('arn:aws:s3:::uploads*', 's3', 'object')).toBe(true);
    expect(fits('arn:aws:s3:::*', 's3', 'object')).toBe(true);
  });

  it('does not let an S3 ARN pass for an access point (which has a region)', () => {
    expect(fits('arn:aws:s3:::uploads/*', 's3', 'accesspointobject')).toBe(false);
  });

  it('tells tables from indexes and streams', () => {
    const table = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders';
    expect(fits(table, 'dynamodb', 'table')).toBe(true);
    expect(fits(`${table}/index/*`, 'dynamodb', 'table')).toBe(false);
    expect(fits(`${table}/index/*`, 'dynamodb', 'index')).toBe(true);
    expect(fits(`${table}/stream/*`, 'dynamodb', 'table')).toBe(false);
    expect(fits('arn:aws:dynamodb:*:*:table/*', 'dynamodb', 'table')).toBe(true);
    expect(fits('arn:aws:dynamodb:*:*:table/*', 'dynamodb', 'index')).toBe(true);
  });

  it('accepts log-group ARNs ending in :* for log-stream actions', () => {
    const group = 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders-dev-getOrder:*';
    expect(fits(group, 'logs', 'log-group')).toBe(true);
    expect(fits(group, 'logs', 'log-stream')).toBe(true);
  });

  it('accepts qualified function ARNs', () => {
    expect(fits('arn:aws:lambda:eu-west-1:123456789012:function:resize:*', 'lambda', 'function')).toBe(true);
  });

  it('never matches another service', () => {
    expect(fits('arn:aws:s3:::uploads', 'dynamodb', 'table')).toBe(false);
  });

  it('treats unknown parts as any string', () => {
    expect(patternsOverlap(ANY_STRING, patternFromTemplate(template('s3', 'object')))).toBe(true);
    expect(patternsOverlap([...patternFromGlob('arn:aws:s3:::'), ...ANY_STRING], patternFromTemplate(template('s3', 'object')))).toBe(true);
  });

  it('handles ? and adjacent runs', () => {
    expect(patternsOverlap(patternFromGlob('a?c'), patternFromGlob('abc'))).toBe(true);
    expect(patternsOverlap(patternFromGlob('a?c'), patternFromGlob('ac'))).toBe(false);
    expect(patternsOverlap(patternFromGlob('a**b'), patternFromGlob('*x*'))).toBe(true);
    expect(patternsOverlap(patternFromGlob(''), patternFromGlob('*'))).toBe(true);
    expect(patternsOverlap(patternFromGlob(''), patternFromTemplate('${Name}'))).toBe(false);
  });
});

describe('resourcePattern', () => {
  const resources = [
    { logicalId: 'Uploads', type: 'AWS::S3::Bucket' },
    { logicalId: 'Orders', type: 'AWS::DynamoDB::Table' },
    { logicalId: 'Logs', type: 'AWS::Logs::LogGroup' },
  ] as unknown as ResourceModel[];
  const objectType = patternFromTemplate(template('s3', 'object'));
  const bucketType = patternFromTemplate(template('s3', 'bucket'));
  const tableType = patternFromTemplate(template('dynamodb', 'table'));
  const overlaps = (value: unknown, type: ArnPattern): boolean => {
    const pattern = resourcePattern(value, resources);
    if (!pattern) throw new Error('unreadable');
    return patternsOverlap(pattern, type);
  };

  it('reads Fn::GetAtt of known resource types', () => {
    expect(overlaps({ 'Fn::GetAtt': ['Uploads', 'Arn'] }, bucketType)).toBe(true);
    expect(overlaps({ 'Fn::GetAtt': ['Uploads', 'Arn'] }, objectType)).toBe(false);
    expect(overlaps({ 'Fn::GetAtt': 'Orders.Arn' }, tableType)).toBe(true);
    expect(resourcePattern({ 'Fn::GetAtt': ['Unknown', 'Arn'] }, resources)).toBeUndefined();
  });

  it('reads Fn::Sub with pseudo parameters, resource names and attributes', () => {
    expect(overlaps({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Uploads}' }, objectType)).toBe(false);
    expect(overlaps({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Uploads}/*' }, objectType)).toBe(true);
    expect(overlaps({ 'Fn::Sub': '${Uploads.Arn}/*' }, objectType)).toBe(true);
    expect(overlaps({ 'Fn::Sub': '${Uploads.Arn}/*' }, bucketType)).toBe(false);
    // An unknown variable (a parameter) might hold "bucket/prefix": never judged as a bucket only.
    expect(overlaps({ 'Fn::Sub': 'arn:aws:s3:::${BucketParameter}' }, objectType)).toBe(true);
    expect(overlaps({ 'Fn::Sub': ['arn:aws:s3:::${B}', { B: { Ref: 'Uploads' } }] }, objectType)).toBe(false);
  });

  it('reads Fn::Join', () => {
    const join = { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Orders', 'Arn'] }, '/index/*']] };
    expect(overlaps(join, tableType)).toBe(false);
    expect(overlaps(join, patternFromTemplate(template('dynamodb', 'index')))).toBe(true);
    expect(overlaps({ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Uploads' }]] }, objectType)).toBe(false);
  });

  it('does not read bare names, unresolved values or unknown intrinsics', () => {
    expect(resourcePattern('uploads', resources)).toBeUndefined();
    expect(resourcePattern({ 'Fn::ImportValue': 'x' }, resources)).toBeUndefined();
    expect(resourcePattern({ Ref: 'Uploads' }, resources)).toBeUndefined();
  });
});
