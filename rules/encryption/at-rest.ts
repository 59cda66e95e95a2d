// Finds data stores that keep data unencrypted at rest (SNS, Kinesis, RDS, DocumentDB, EFS, ElastiCache, OpenSearch,
// SQS with SSE turned off, kind: Service containers) and, on request, stores without a customer managed key.
import { defineRule, hasProperty, type Location, locationOfProperty, type PropertyRead, quote, readFlag, readProperty, type RelatedLocation, type ResourceModel } from '../kit.js';

interface Options {
  /** Also require a customer managed KMS key where AWS encrypts by default (DynamoDB, S3, SQS) or an AWS managed key is named. */
  requireCustomerManagedKeys: boolean;
}

type MessageId = 'unencrypted' | 'sqsSseOff' | 'notCustomerManaged' | 'serviceUnencrypted';

interface Problem {
  messageId: MessageId;
  data: Record<string, string>;
  /** The property that decides, when it is written (StorageEncrypted: false). */
  property?: string | (string | number)[];
}

// Snapshots and replicas inherit encryption from their source, which the template does not show.
const RDS_CLUSTER_SOURCES = ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier'];
const RDS_INSTANCE_SOURCES = [
  'DBClusterIdentifier',
  'SourceDBInstanceIdentifier',
  'SourceDBInstanceAutomatedBackupsArn',
  'SourceDbiResourceId',
  'SourceDBClusterIdentifier',
  'DBSnapshotIdentifier',
  'DBClusterSnapshotIdentifier',
];

const AWS_MANAGED_KEY = /^alias\/aws\//;

export default defineRule<Options, MessageId>({
  id: 'encryption/at-rest',
  category: 'encryption',
  severity: 'warning',
  description: 'A data store keeps its data unencrypted at rest.',
  fullDescription:
    'SNS topics without KmsMasterKeyId, Kinesis streams without StreamEncryption, RDS clusters and instances, DocumentDB clusters, EFS file systems, ' +
    'ElastiCache replication groups and OpenSearch domains without their encryption flag store data in the clear, as does an SQS ' +
    'queue with SqsManagedSseEnabled: false and no KMS key, and a kind: Service container without spec.security.encryption. ' +
    'DynamoDB tables, S3 buckets and SQS queues are encrypted by default, so they are reported only with the option ' +
    'requireCustomerManagedKeys, which asks for a customer managed KMS key; with it, an encrypted RDS, DocumentDB, EFS or ' +
    'OpenSearch store without a KmsKeyId (the AWS managed key) is reported too. Aurora Serverless v1 clusters and ElastiCache ' +
    'serverless caches are always encrypted; RDS instances in a cluster, restored from a snapshot or replicating another database ' +
    'inherit their encryption and are skipped. A value set by a parameter or condition (!Ref, !If) is not judged.',
  help:
    'Turn encryption on where the resource is declared, for example `KmsMasterKeyId: alias/aws/sns` on an SNS topic, ' +
    '`StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis }` on a Kinesis stream, `StorageEncrypted: true` on RDS, ' +
    '`Encrypted: true` on EFS, `StorageEncrypted: true` on DocumentDB, `AtRestEncryptionEnabled: true` on ElastiCache, `EncryptionAtRestOptions: { Enabled: true }` on ' +
    'OpenSearch; with requireCustomerManagedKeys add `KmsKeyId: !Ref AppKey` (a key of your own). RDS, DocumentDB, EFS and ElastiCache cannot be encrypted in place: the change replaces the resource, so migrate the data ' +
    '(snapshot and restore) first.\n' +
    'cdk-nag: AwsSolutions-SNS2 (SNS), AwsSolutions-SQS2 (SQS), AwsSolutions-RDS2 (RDS), AwsSolutions-EFS1 (EFS), AwsSolutions-KDS3 (Kinesis).',
  securitySeverity: 5.0,
  precision: 'high',
  tags: ['security', 'encryption', 'external/cwe/cwe-311'],
  messages: {
    unencrypted: '{{kind}} {{name}} is not encrypted at rest: {{reason}}.',
    sqsSseOff: 'SQS queue {{name}} is not encrypted at rest: SqsManagedSseEnabled is false and no KmsMasterKeyId is set.',
    notCustomerManaged: '{{kind}} {{name}} is not encrypted with a customer managed KMS key ({{reason}}), as requireCustomerManagedKeys asks.',
    serviceUnencrypted: 'Service {{name}} does not declare encryption at rest: {{reason}}.',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { requireCustomerManagedKeys: { type: 'boolean' } },
  },
  defaultOptions: { requireCustomerManagedKeys: false },
  check({ project, options, report }) {
    for (const resource of project.resources) {
      for (const problem of findProblems(resource, options)) {
        const related: RelatedLocation[] = [];
        const where = problem.property === undefined ? undefined : locationOfProperty(resource.properties, problem.property);
        if (where) related.push({ location: where, message: 'The setting that leaves it unencrypted.' });
        report({
          messageId: problem.messageId,
          data: { name: quote(resource.logicalId), ...problem.data },
          at: resource.location,
          related,
          key: `${resource.logicalId}|${resource.service.id}|${problem.messageId}`,
        });
      }
    }
    for (const service of project.services) {
      const container = service.container;
      if (service.kind !== 'service' || !container) continue;
      const reason = describeServiceEncryption(container.security?.value);
      if (!reason) continue;
      const related: RelatedLocation[] = [];
      const where: Location | undefined = container.security?.location;
      if (where) related.push({ location: where, message: 'spec.security is declared here.' });
      report({
        messageId: 'serviceUnencrypted',
        data: { name: quote(container.name), reason },
        at: container.location,
        related,
        key: `${container.name}|${service.id}|serviceUnencrypted`,
      });
    }
  },
});

function findProblems(resource: ResourceModel, options: Options): Problem[] {
  const props = resource.properties;
  const unencrypted = (kind: string, reason: string, property?: string): Problem[] => [
    { messageId: 'unencrypted', data: { kind, reason }, ...(property ? { property } : {}) },
  ];
  switch (resource.type) {
    case 'AWS::SNS::Topic':
      if (!hasProperty(props, 'KmsMasterKeyId')) return unencrypted('SNS topic', 'it has no KmsMasterKeyId');
      return options.requireCustomerManagedKeys ? awsManagedKeyProblem('SNS topic', readProperty(props, 'KmsMasterKeyId'), 'KmsMasterKeyId') : [];
    case 'AWS::Kinesis::Stream':
      if (!hasProperty(props, 'StreamEncryption')) return unencrypted('Kinesis stream', 'it has no StreamEncryption');
      return options.requireCustomerManagedKeys ? awsManagedKeyProblem('Kinesis stream', readProperty(props, 'StreamEncryption.KeyId'), 'StreamEncryption.KeyId') : [];
    case 'AWS::RDS::DBCluster': {
      if (RDS_CLUSTER_SOURCES.some((p) => hasProperty(props, p))) return [];
      const kind = 'RDS DB cluster';
      // Aurora Serverless v1 always encrypts its storage, with aws/rds unless KmsKeyId names another key.
      const engineMode = readProperty(props, 'EngineMode');
      if (engineMode.kind === 'unknown') return [];
      if (isLiteral(props, 'EngineMode', 'serverless')) return options.requireCustomerManagedKeys ? storageKeyProblem(kind, props, 'KmsKeyId', 'aws/rds') : [];
      return encryptedStorageProblems(kind, props, 'StorageEncrypted', 'KmsKeyId', 'aws/rds', options);
    }
    case 'AWS::RDS::DBInstance':
      if (RDS_INSTANCE_SOURCES.some((p) => hasProperty(props, p))) return [];
      return encryptedStorageProblems('RDS DB instance', props, 'StorageEncrypted', 'KmsKeyId', 'aws/rds', options);
    case 'AWS::DocDB::DBCluster':
      // A restored cluster takes its encryption from the snapshot.
      if (['SnapshotIdentifier', 'SourceDBClusterIdentifier'].some((p) => hasProperty(props, p))) return [];
      return encryptedStorageProblems('DocumentDB cluster', props, 'StorageEncrypted', 'KmsKeyId', 'aws/rds', options);
    case 'AWS::EFS::FileSystem':
      return encryptedStorageProblems('EFS file system', props, 'Encrypted', 'KmsKeyId', 'aws/elasticfilesystem', options);
    case 'AWS::ElastiCache::ReplicationGroup':
      return readFlag(props, 'AtRestEncryptionEnabled') === 'off'
        ? unencrypted('ElastiCache replication group', 'AtRestEncryptionEnabled is not true', 'AtRestEncryptionEnabled')
        : [];
    case 'AWS::OpenSearchService::Domain':
    case 'AWS::Elasticsearch::Domain': {
      const kind = resource.type === 'AWS::Elasticsearch::Domain' ? 'Elasticsearch domain' : 'OpenSearch domain';
      return encryptedStorageProblems(kind, props, 'EncryptionAtRestOptions.Enabled', 'EncryptionAtRestOptions.KmsKeyId', 'aws/es', options);
    }
    case 'AWS::SQS::Queue':
      return sqsProblems(props, options);
    case 'AWS::DynamoDB::Table':
      return options.requireCustomerManagedKeys ? dynamoDbProblems(props) : [];
    case 'AWS::S3::Bucket':
      return options.requireCustomerManagedKeys ? s3Problems(props) : [];
    default:
      return [];
  }
}

function sqsProblems(props: Record<string, unknown>, options: Options): Problem[] {
  const key = readProperty(props, 'KmsMasterKeyId');
  const sse = readProperty(props, 'SqsManagedSseEnabled');
  // SqsManagedSseEnabled: false turns off the default encryption; only a KMS key brings it back.
  if (sse.kind === 'value' && readFlag(props, 'SqsManagedSseEnabled') === 'off' && !hasProperty(props, 'KmsMasterKeyId')) {
    return [{ messageId: 'sqsSseOff', data: {}, property: 'SqsManagedSseEnabled' }];
  }
  if (!options.requireCustomerManagedKeys) return [];
  if (key.kind === 'missing' || (key.kind === 'value' && key.value === '')) {
    return [{ messageId: 'notCustomerManaged', data: { kind: 'SQS queue', reason: 'it has no KmsMasterKeyId' } }];
  }
  return awsManagedKeyProblem('SQS queue', key, 'KmsMasterKeyId');
}

function dynamoDbProblems(props: Record<string, unknown>): Problem[] {
  const enabled = readFlag(props, 'SSESpecification.SSEEnabled');
  if (enabled === 'unknown') return [];
  const kind = 'DynamoDB table';
  if (enabled === 'off') return [{ messageId: 'notCustomerManaged', data: { kind, reason: 'SSESpecification.SSEEnabled is not true' } }];
  const key = readProperty(props, 'SSESpecification.KMSMasterKeyId');
  if (key.kind === 'missing') return [{ messageId: 'notCustomerManaged', data: { kind, reason: 'it has no SSESpecification.KMSMasterKeyId' } }];
  return awsManagedKeyProblem(kind, key, 'SSESpecification.KMSMasterKeyId');
}

function s3Problems(props: Record<string, unknown>): Problem[] {
  const kind = 'S3 bucket';
  const rules = readProperty(props, 'BucketEncryption.ServerSideEncryptionConfiguration');
  if (rules.kind === 'unknown') return [];
  if (rules.kind === 'missing' || !Array.isArray(rules.value)) {
    return [{ messageId: 'notCustomerManaged', data: { kind, reason: 'it has no BucketEncryption with SSEAlgorithm aws:kms' } }];
  }
  let sawKmsAlgorithm = false;
  for (let index = 0; index < rules.value.length; index++) {
    const base = ['BucketEncryption', 'ServerSideEncryptionConfiguration', index, 'ServerSideEncryptionByDefault'];
    const algorithm = readProperty(props, [...base, 'SSEAlgorithm']);
    if (algorithm.kind === 'unknown') return [];
    if (algorithm.kind !== 'value' || typeof algorithm.value !== 'string' || !algorithm.value.startsWith('aws:kms')) continue;
    sawKmsAlgorithm = true;
    const key = readProperty(props, [...base, 'KMSMasterKeyID']);
    if (isCustomerManagedKey(key)) return [];
  }
  const reason = sawKmsAlgorithm ? 'SSEAlgorithm aws:kms without a customer managed KMSMasterKeyID' : 'its SSEAlgorithm is not aws:kms';
  return [{ messageId: 'notCustomerManaged', data: { kind, reason } }];
}

/**
 * A store encrypted by a flag (`StorageEncrypted`, `Encrypted`): unencrypted when the flag is off; with
 * requireCustomerManagedKeys, encrypted without a key of the user's own (no key property means the AWS managed key).
 */
function encryptedStorageProblems(kind: string, props: Record<string, unknown>, flag: string, keyProperty: string, awsKey: string, options: Options): Problem[] {
  const state = readFlag(props, flag);
  if (state === 'off') return [{ messageId: 'unencrypted', data: { kind, reason: `${flag} is not true` }, property: flag }];
  if (state === 'unknown' || !options.requireCustomerManagedKeys) return [];
  return storageKeyProblem(kind, props, keyProperty, awsKey);
}

/** With requireCustomerManagedKeys: no key property (or an empty one) means the AWS managed key `awsKey`. */
function storageKeyProblem(kind: string, props: Record<string, unknown>, keyProperty: string, awsKey: string): Problem[] {
  const key = readProperty(props, keyProperty);
  if (key.kind === 'missing' || (key.kind === 'value' && key.value === '')) {
    return [{ messageId: 'notCustomerManaged', data: { kind, reason: `it has no ${keyProperty}, so it uses the AWS managed key ${awsKey}` } }];
  }
  return awsManagedKeyProblem(kind, key, keyProperty);
}

/** With requireCustomerManagedKeys: a key written as `alias/aws/<service>` is the AWS managed key. */
function awsManagedKeyProblem(kind: string, key: PropertyRead, property: string): Problem[] {
  if (key.kind !== 'value' || typeof key.value !== 'string' || !AWS_MANAGED_KEY.test(key.value)) return [];
  return [{ messageId: 'notCustomerManaged', data: { kind, reason: `it uses the AWS managed key ${quote(key.value)}` }, property }];
}

function isCustomerManagedKey(key: PropertyRead): boolean {
  if (key.kind === 'unknown') return true; // !Ref KmsKey, !GetAtt Key.Arn, a parameter: not judged
  if (key.kind === 'missing') return false;
  return !(typeof key.value === 'string' && (key.value === '' || AWS_MANAGED_KEY.test(key.value)));
}

function isLiteral(props: Record<string, unknown>, path: string, expected: string): boolean {
  const read = readProperty(props, path);
  return read.kind === 'value' && typeof read.value === 'string' && read.value.toLowerCase() === expected;
}

/** Why a kind: Service manifest's spec.security leaves encryption undeclared, or undefined when it declares it. */
function describeServiceEncryption(security: Record<string, unknown> | undefined): string | undefined {
  if (security === undefined) return 'spec.security.encryption is missing';
  const encryption = readProperty(security, 'encryption');
  if (encryption.kind === 'unknown') return undefined;
  if (encryption.kind === 'missing') return 'spec.security.encryption is missing';
  if (encryption.value === false || encryption.value === 'false') return 'spec.security.encryption is false';
  for (const flag of ['enabled', 'atRest']) {
    if (readProperty(encryption.value, flag).kind === 'value' && readFlag(encryption.value, flag) === 'off') return `spec.security.encryption.${flag} is false`;
  }
  return undefined;
}
