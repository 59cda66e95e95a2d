import { describe, expect, it } from 'vitest';
import rule, { allowsLegacyTls } from '../../../rules/encryption/in-transit.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

function run(files: Record<string, string>) {
  return ruleTester.lint(rule, { files }).findings;
}

const template = (resources: string): Record<string, string> => ({
  'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}`,
});

describe('encryption/in-transit', () => {
  it('reports a bucket without a TLS-only policy and a cache without TLS, both at the rule\'s one severity', () => {
    const findings = run(
      template(`  Uploads:
    Type: AWS::S3::Bucket
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      TransitEncryptionEnabled: false
`),
    );
    expect(findings).toMatchObject([
      { severity: 'warning', location: { line: 3 }, key: 'Uploads|template.yaml|secure-transport' },
      {
        severity: 'warning',
        location: { line: 5 },
        message: 'ElastiCache replication group "Cache" does not encrypt traffic: TransitEncryptionEnabled is not true.',
        related: [{ location: expect.objectContaining({ line: 9 }), message: 'TransitEncryptionEnabled is set here.' }],
      },
    ]);
  });

  it('finds the policy through !Sub and reads a policy document written as a JSON string', () => {
    const findings = run(
      template(`  Uploads:
    Type: AWS::S3::Bucket
  UploadsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Sub '\${Uploads}'
      PolicyDocument: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
`),
    );
    expect(findings).toEqual([]);
  });

  it('does not count an Allow on aws:SecureTransport true, which other statements can bypass', () => {
    const findings = run(
      template(`  Uploads:
    Type: AWS::S3::Bucket
  UploadsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Uploads
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: '*'
            Condition:
              Bool:
                aws:SecureTransport: true
`),
    );
    expect(findings).toMatchObject([
      {
        message: 'S3 bucket "Uploads" accepts plain HTTP requests: its bucket policy "UploadsPolicy" has no Deny on aws:SecureTransport false.',
        related: [{ location: expect.objectContaining({ line: 5 }), message: 'Bucket policy "UploadsPolicy".' }],
      },
    ]);
  });

  it('reports a provider database URL once, without a function, and never prints the URL', () => {
    const findings = run({
      'serverless.yml': `service: reports
provider:
  name: aws
  runtime: nodejs22.x
  environment:
    DATABASE_URL: postgres://app:hunter2@db.internal/reports?sslmode=disable
functions:
  daily:
    handler: src/report.daily
  weekly:
    handler: src/report.weekly
`,
      'src/report.js': 'exports.daily = async () => 1;\nexports.weekly = async () => 1;\n',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ location: { line: 6 }, key: 'serverless.yml|env|DATABASE_URL', function: undefined });
    expect(findings[0]!.message).not.toContain('hunter2');
  });

  it('judges only the literal text of a !Sub template', () => {
    const findings = run(
      template(`  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Code: { ZipFile: 'exports.handler = async () => 1' }
      Role: arn:aws:iam::123456789012:role/fn
      Environment:
        Variables:
          FROM_PARAMETER: !Sub 'postgres://\${Host}/app?sslmode=\${Mode}'
          LITERAL: !Sub 'postgres://\${Host}/app?sslmode=disable'
`),
    );
    expect(findings).toMatchObject([{ location: { line: 13 }, function: 'Fn', key: 'template.yaml|env|Fn|LITERAL' }]);
  });
});

describe('allowsLegacyTls', () => {
  it('knows the Elastic Load Balancing policies that still negotiate TLS 1.0 or 1.1', () => {
    for (const policy of ['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-2015-05', 'ELBSecurityPolicy-TLS-1-0-2015-04', 'ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-FS-2018-06', 'ELBSecurityPolicy-FS-1-1-2019-08', 'ELBSecurityPolicy-TLS13-1-0-2021-06', 'ELBSecurityPolicy-TLS13-1-1-2021-06']) {
      expect(allowsLegacyTls(policy), policy).toBe(true);
    }
    for (const policy of ['ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS13-1-3-2021-06', 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 'ELBSecurityPolicy-FS-1-2-Res-2020-10', 'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04']) {
      expect(allowsLegacyTls(policy), policy).toBe(false);
    }
  });
});

describe('CloudFront viewers over HTTP', () => {
  it('one finding per distribution, naming the behaviours that allow HTTP', () => {
    const behaviors = ['/api/*', '/login/*', '/me/*', '/oauth/*', '/static/*']
      .map((p) => `          - PathPattern: '${p}'\n            TargetOriginId: app\n            ViewerProtocolPolicy: allow-all\n`)
      .join('');
    const findings = run(
      template(`  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
        CacheBehaviors:
${behaviors}        Origins:
          - Id: app
            DomainName: example.com
            CustomOriginConfig: { OriginProtocolPolicy: https-only }
`),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'CloudFront distribution "Cdn" serves viewers over plain HTTP: the cache behavior for "/api/*", the cache behavior for "/login/*", the cache behavior for "/me/*" and 2 more each has ViewerProtocolPolicy allow-all.',
    ]);
    expect(findings[0]!.related).toHaveLength(5);
  });
});
