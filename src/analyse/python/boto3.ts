// boto3's shapes: service names to IAM prefixes, snake_case methods to API operations (the same operations the
// JavaScript SDK sends, looked up in the same data), and the resource models (`Table`, `Bucket`, `Object` ...).
import { actionsOfService } from '../../model/iam-catalog.js';
import { SDK_DATA } from '../sdk-catalog.js';
import { readPackageJson } from '../../util/package-root.js';

/** boto3 service names whose IAM prefix differs from the name (botocore's `signingName` / endpoint prefix). */
const SERVICE_PREFIXES: Record<string, string> = {
  stepfunctions: 'states',
  'apigatewaymanagementapi': 'execute-api',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  'bedrock-agent': 'bedrock',
  appconfigdata: 'appconfig',
  'iot-data': 'iot',
  sesv2: 'ses',
  dynamodbstreams: 'dynamodb',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  opensearch: 'es',
  'sagemaker-runtime': 'sagemaker',
  'lex-runtime': 'lex',
  'lexv2-runtime': 'lex',
  pinpoint: 'mobiletargeting',
  efs: 'elasticfilesystem',
  location: 'geo',
  resourcegroupstaggingapi: 'tag',
  'timestream-write': 'timestream',
  'timestream-query': 'timestream',
  'kinesis-video-media': 'kinesisvideo',
  'kinesis-video-archived-media': 'kinesisvideo',
  'mediastore-data': 'mediastore',
  'marketplace-entitlement': 'aws-marketplace',
  meteringmarketplace: 'aws-marketplace',
  'cloudsearchdomain': 'cloudsearch',
  'connect-contact-lens': 'connect',
  'sms-voice': 'sms-voice',
  'pinpoint-sms-voice-v2': 'sms-voice',
  'ecr-public': 'ecr-public',
};

/** The IAM prefix of a boto3 service name (`stepfunctions` -> `states`). */
export function servicePrefix(name: string): string {
  const lower = name.toLowerCase();
  return SERVICE_PREFIXES[lower] ?? SDK_DATA.v3Packages[`client-${lower}`] ?? lower;
}

interface OperationsData {
  operations: Record<string, unknown>;
}
let operationNames: Map<string, string> | undefined;

/** `service:operation` lower-cased -> the spelling the data or the IAM catalogue uses (`rds:describedbinstances` -> DescribeDBInstances). */
function knownSpelling(service: string, pascal: string): string | undefined {
  if (!operationNames) {
    operationNames = new Map();
    for (const key of Object.keys(readPackageJson<OperationsData>('src/data/sdk-operations.json').operations)) operationNames.set(key.toLowerCase(), key.slice(key.indexOf(':') + 1));
  }
  const key = `${service}:${pascal}`.toLowerCase();
  const listed = operationNames.get(key);
  if (listed) return listed;
  for (const full of actionsOfService(service)) {
    if (full.toLowerCase() === key) {
      const name = full.slice(full.indexOf(':') + 1);
      operationNames.set(key, name);
      return name;
    }
  }
  return undefined;
}

/** `put_item` -> `PutItem`, `list_objects_v2` -> `ListObjectsV2`, spelled as the data spells the operation. */
export function operationName(service: string, method: string): string {
  const pascal = method
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return knownSpelling(service, pascal) ?? pascal;
}

/** Client methods that are not API operations. */
export const CLIENT_NON_OPERATIONS = new Set(['close', 'can_paginate', 'get_paginator', 'get_waiter', 'meta', 'exceptions', 'waiter_names']);

/** The API operation a waiter waits with (`bucket_exists` -> HeadBucket), from the JavaScript SDK's waiter table. */
export function waiterOperation(service: string, waiter: string): string | undefined {
  const state = waiter
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  const operation = SDK_DATA.waiters[state];
  return operation ? (knownSpelling(service, operation) ?? operation) : undefined;
}

/** S3 transfer methods of the client: operation and the positional parameters they take. */
export const S3_TRANSFER: Record<string, { operation: string; positional: string[] }> = {
  upload_file: { operation: 'PutObject', positional: ['Filename', 'Bucket', 'Key'] },
  upload_fileobj: { operation: 'PutObject', positional: ['Fileobj', 'Bucket', 'Key'] },
  download_file: { operation: 'GetObject', positional: ['Bucket', 'Key', 'Filename'] },
  download_fileobj: { operation: 'GetObject', positional: ['Bucket', 'Key', 'Fileobj'] },
  copy: { operation: 'CopyObject', positional: ['CopySource', 'Bucket', 'Key'] },
};

/** A resource type of `boto3.resource(service)`: its identifiers as request parameters, its actions and sub-resources. */
export interface ResourceType {
  /** Request parameters the identifiers fill, in constructor order (`Table(name)` -> TableName). */
  identifiers: string[];
  /** Methods whose operation is not the method name in PascalCase, or that take positional parameters. */
  actions?: Record<string, { operation: string; positional?: string[] }>;
  /** Sub-resources created from this one: `bucket.Object(key)` -> Object with (Bucket, key). */
  subresources?: Record<string, string>;
  /** Collections (`bucket.objects`): the list operation their iteration sends, and what `.delete()` sends. */
  collections?: Record<string, { operation: string; batch?: Record<string, string> }>;
}

export const RESOURCE_TYPES: Record<string, Record<string, ResourceType>> = {
  dynamodb: {
    '': { identifiers: [], collections: { tables: { operation: 'ListTables' } } },
    Table: {
      identifiers: ['TableName'],
      actions: { load: { operation: 'DescribeTable' }, reload: { operation: 'DescribeTable' }, delete: { operation: 'DeleteTable' }, update: { operation: 'UpdateTable' } },
    },
  },
  s3: {
    '': { identifiers: [], collections: { buckets: { operation: 'ListBuckets' } } },
    Bucket: {
      identifiers: ['Bucket'],
      actions: {
        upload_file: { operation: 'PutObject', positional: ['Filename', 'Key'] },
        upload_fileobj: { operation: 'PutObject', positional: ['Fileobj', 'Key'] },
        download_file: { operation: 'GetObject', positional: ['Key', 'Filename'] },
        download_fileobj: { operation: 'GetObject', positional: ['Key', 'Fileobj'] },
        copy: { operation: 'CopyObject', positional: ['CopySource', 'Key'] },
        create: { operation: 'CreateBucket' },
        delete: { operation: 'DeleteBucket' },
        load: { operation: 'ListBuckets' },
      },
      subresources: { Object: 'Object', ObjectSummary: 'Object', Acl: 'BucketAcl', Policy: 'BucketPolicy', Cors: 'BucketCors', Website: 'BucketWebsite', Tagging: 'BucketTagging' },
      collections: { objects: { operation: 'ListObjects', batch: { delete: 'DeleteObjects' } }, object_versions: { operation: 'ListObjectVersions', batch: { delete: 'DeleteObjects' } }, multipart_uploads: { operation: 'ListMultipartUploads' } },
    },
    Object: {
      identifiers: ['Bucket', 'Key'],
      actions: {
        get: { operation: 'GetObject' },
        put: { operation: 'PutObject' },
        delete: { operation: 'DeleteObject' },
        load: { operation: 'HeadObject' },
        reload: { operation: 'HeadObject' },
        upload_file: { operation: 'PutObject', positional: ['Filename'] },
        upload_fileobj: { operation: 'PutObject', positional: ['Fileobj'] },
        download_file: { operation: 'GetObject', positional: ['Filename'] },
        download_fileobj: { operation: 'GetObject', positional: ['Fileobj'] },
        copy_from: { operation: 'CopyObject' },
        copy: { operation: 'CopyObject', positional: ['CopySource'] },
        restore_object: { operation: 'RestoreObject' },
      },
    },
    BucketAcl: { identifiers: ['Bucket'], actions: { load: { operation: 'GetBucketAcl' }, put: { operation: 'PutBucketAcl' } } },
    BucketPolicy: { identifiers: ['Bucket'], actions: { load: { operation: 'GetBucketPolicy' }, put: { operation: 'PutBucketPolicy' }, delete: { operation: 'DeleteBucketPolicy' } } },
    BucketCors: { identifiers: ['Bucket'], actions: { load: { operation: 'GetBucketCors' }, put: { operation: 'PutBucketCors' }, delete: { operation: 'DeleteBucketCors' } } },
    BucketWebsite: { identifiers: ['Bucket'], actions: { load: { operation: 'GetBucketWebsite' }, put: { operation: 'PutBucketWebsite' }, delete: { operation: 'DeleteBucketWebsite' } } },
    BucketTagging: { identifiers: ['Bucket'], actions: { load: { operation: 'GetBucketTagging' }, put: { operation: 'PutBucketTagging' }, delete: { operation: 'DeleteBucketTagging' } } },
  },
  sqs: {
    '': { identifiers: [], collections: { queues: { operation: 'ListQueues' } } },
    Queue: {
      identifiers: ['QueueUrl'],
      actions: { send_messages: { operation: 'SendMessageBatch' }, receive_messages: { operation: 'ReceiveMessage' }, delete_messages: { operation: 'DeleteMessageBatch' }, change_message_visibility_batch: { operation: 'ChangeMessageVisibilityBatch' }, purge: { operation: 'PurgeQueue' }, delete: { operation: 'DeleteQueue' }, load: { operation: 'GetQueueAttributes' }, reload: { operation: 'GetQueueAttributes' } },
    },
  },
  sns: {
    '': { identifiers: [], collections: { topics: { operation: 'ListTopics' } } },
    Topic: { identifiers: ['TopicArn'], actions: { load: { operation: 'GetTopicAttributes' }, reload: { operation: 'GetTopicAttributes' }, delete: { operation: 'DeleteTopic' } } },
    PlatformEndpoint: { identifiers: ['TargetArn'], actions: { load: { operation: 'GetEndpointAttributes' } } },
  },
};
