import { describe, expect, it } from 'vitest';
import { RuleOptionsError } from '../../../src/engine/lint.js';
import rule from '../../../rules/encryption/at-rest.js';
import { ruleTester } from '../../helpers/rule-tester.js';


function run(files: Record<string, string>, options?: Record<string, unknown>) {
  return ruleTester.lint(rule, { files, options }).findings;
}

const template = (resources: string): Record<string, string> => ({
  'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}`,
});

const stores = template(`  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification:
        SSEEnabled: true
  KeyedTable:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification:
        SSEEnabled: true
        SSEType: KMS
        KMSMasterKeyId: !Ref Key
  AwsKeyTable:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification:
        SSEEnabled: true
        KMSMasterKeyId: alias/aws/dynamodb
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
  KeyedBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
  Aes256Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
  Queue:
    Type: AWS::SQS::Queue
  AwsKeyQueue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
  KeyedQueue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref Key
  AwsKeyTopic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
  Key:
    Type: AWS::KMS::Key
`);

ruleTester.run(rule, {
  valid: [{ name: 'requireCustomerManagedKeys is off by default: these stores are encrypted by AWS', files: stores }],
  invalid: [
    {
      name: 'requireCustomerManagedKeys reports stores without a customer managed key',
      files: stores,
      options: { requireCustomerManagedKeys: true },
      errors: [3, 15, 21, 36, 43, 45, 53].map((line) => ({ messageId: 'notCustomerManaged', file: 'template.yaml', line })),
    },
  ],
});

describe('encryption/at-rest', () => {
  it('reports at the logical id with a message naming the resource', () => {
    const [finding, ...rest] = run(template('  Alerts:\n    Type: AWS::SNS::Topic\n'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      message: 'SNS topic "Alerts" is not encrypted at rest: it has no KmsMasterKeyId.',
      location: { file: 'template.yaml', line: 3, column: 3 },
      key: 'Alerts|template.yaml|unencrypted',
    });
  });

  it('points a related location at an explicit false', () => {
    const [finding] = run(template('  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      StorageEncrypted: false\n'));
    expect(finding?.location.line).toBe(3);
    expect(finding?.related).toEqual([{ location: expect.objectContaining({ line: 7 }), message: 'The setting that leaves it unencrypted.' }]);
  });

  it('treats an empty KmsMasterKeyId as no key', () => {
    expect(run(template("  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: ''\n"))).toHaveLength(1);
  });

  it('does not judge values chosen by a condition or a parameter', () => {
    const resources = `  Files:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !If [Prod, true, false]
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      AtRestEncryptionEnabled: !Ref Encrypt
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions: !If [Prod, { Enabled: true }, { Enabled: false }]
`;
    expect(run(template(resources))).toEqual([]);
  });

  describe('requireCustomerManagedKeys', () => {

    it('reports stores without a customer managed key', () => {
      const findings = run(stores, { requireCustomerManagedKeys: true });
      expect(findings.map((f) => f.message)).toEqual([
        'DynamoDB table "Table" is not encrypted with a customer managed KMS key (it has no SSESpecification.KMSMasterKeyId), as requireCustomerManagedKeys asks.',
        'DynamoDB table "AwsKeyTable" is not encrypted with a customer managed KMS key (it uses the AWS managed key "alias/aws/dynamodb"), as requireCustomerManagedKeys asks.',
        'S3 bucket "Bucket" is not encrypted with a customer managed KMS key (SSEAlgorithm aws:kms without a customer managed KMSMasterKeyID), as requireCustomerManagedKeys asks.',
        'S3 bucket "Aes256Bucket" is not encrypted with a customer managed KMS key (its SSEAlgorithm is not aws:kms), as requireCustomerManagedKeys asks.',
        'SQS queue "Queue" is not encrypted with a customer managed KMS key (it has no KmsMasterKeyId), as requireCustomerManagedKeys asks.',
        'SQS queue "AwsKeyQueue" is not encrypted with a customer managed KMS key (it uses the AWS managed key "alias/aws/sqs"), as requireCustomerManagedKeys asks.',
        'SNS topic "AwsKeyTopic" is not encrypted with a customer managed KMS key (it uses the AWS managed key "alias/aws/sns"), as requireCustomerManagedKeys asks.',
      ]);
      expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
    });

    it('reports encrypted databases and file systems left on the AWS managed key', () => {
      const databases = template(`  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
  Aurora:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: true
      KmsKeyId: alias/aws/rds
  ServerlessV1:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineMode: serverless
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties:
      StorageEncrypted: true
  Files:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
  KeyedDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
      KmsKeyId: !Ref Key
  KeyedDocs:
    Type: AWS::DocDB::DBCluster
    Properties:
      StorageEncrypted: true
      KmsKeyId: !GetAtt Key.Arn
  KeyedFiles:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
  Key:
    Type: AWS::KMS::Key
`);
      expect(run(databases)).toEqual([]);
      expect(run(databases, { requireCustomerManagedKeys: true }).map((f) => f.message)).toEqual([
        'RDS DB instance "Db" is not encrypted with a customer managed KMS key (it has no KmsKeyId, so it uses the AWS managed key aws/rds), as requireCustomerManagedKeys asks.',
        'RDS DB cluster "Aurora" is not encrypted with a customer managed KMS key (it uses the AWS managed key "alias/aws/rds"), as requireCustomerManagedKeys asks.',
        'RDS DB cluster "ServerlessV1" is not encrypted with a customer managed KMS key (it has no KmsKeyId, so it uses the AWS managed key aws/rds), as requireCustomerManagedKeys asks.',
        'DocumentDB cluster "Docs" is not encrypted with a customer managed KMS key (it has no KmsKeyId, so it uses the AWS managed key aws/rds), as requireCustomerManagedKeys asks.',
        'EFS file system "Files" is not encrypted with a customer managed KMS key (it has no KmsKeyId, so it uses the AWS managed key aws/elasticfilesystem), as requireCustomerManagedKeys asks.',
      ]);
    });

    it('reports an unencrypted store once, as unencrypted', () => {
      const findings = run(template('  Files:\n    Type: AWS::EFS::FileSystem\n'), { requireCustomerManagedKeys: true });
      expect(findings.map((f) => f.message)).toEqual(['EFS file system "Files" is not encrypted at rest: Encrypted is not true.']);
    });

    it('rejects unknown options', () => {
      expect(() => run(stores, { requireCmk: true })).toThrow(RuleOptionsError);
    });
  });

  it('reports a kind: Service manifest at its name', () => {
    const findings = run({
      'serverless-config.yaml': 'apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: billing\nspec:\n  image: billing:1.0.0\n',
    });
    expect(findings).toMatchObject([
      { message: 'Service "billing" does not declare encryption at rest: spec.security.encryption is missing.', location: { line: 4 }, key: 'billing|serverless-config.yaml|serviceUnencrypted' },
    ]);
  });
});
