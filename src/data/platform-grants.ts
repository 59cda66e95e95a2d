// What Lambda and the deployment frameworks do with a function's role on its behalf, in one place:
// the actions the platform uses (logs, X-Ray, VPC network interfaces, event-source pollers) and the
// subset each framework writes into the role it generates. Sources: the AWS Lambda execution-role
// pages and AWS managed policies (AWSLambdaSQSQueueExecutionRole, AWSLambdaKinesisExecutionRole,
// AWSLambdaDynamoDBExecutionRole, AWSLambdaMSKExecutionRole, AWSLambdaVPCAccessExecutionRole),
// serverless/serverless lib/plugins/aws/package/compile/events/{sqs,stream}.js.

/** Lambda writes the function's logs. */
export const LOG_ACTIONS: readonly string[] = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

/** A traced function sends segments and asks for sampling rules (AWSXRayDaemonWriteAccess). */
export const XRAY_ACTIONS: readonly string[] = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'];

/** Lambda attaches network interfaces for a function in a VPC. */
export const VPC_ACTIONS: readonly string[] = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

/**
 * Lambda mounts a function's EFS file system (CloudFormation/SAM `FileSystemConfigs`, Serverless `fileSystemConfig`)
 * with the execution role: ClientMount always, ClientWrite to write, ClientRootAccess as root (AWS Lambda
 * "Configuring file system access", execution role permissions).
 */
export const EFS_MOUNT_ACTIONS: readonly string[] = ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'];

/** The event-source types whose poller runs with the function's role (keys are `NormalizedEventType`s). */
export type PolledEventSource = 'sqs' | 'dynamodb-stream' | 'kinesis';

/** Actions the event-source poller may call with the function's role: never unused while the trigger exists. */
export const EVENT_SOURCE_ACTIONS: Readonly<Record<PolledEventSource, readonly string[]>> = {
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
  'dynamodb-stream': ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
  kinesis: [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:ListStreams',
    'kinesis:SubscribeToShard',
  ],
};

/**
 * What the poller of a stream may read with the function's role (lower case): a stream may be attached outside the
 * manifest (an event source mapping of another stack), so a grant of these is never judged unused.
 */
export const STREAM_READING_ACTIONS: ReadonlySet<string> = new Set(
  [...EVENT_SOURCE_ACTIONS['dynamodb-stream'], ...EVENT_SOURCE_ACTIONS.kinesis, 'kinesis:DescribeStreamConsumer'].map((a) => a.toLowerCase()),
);

/** The network calls Lambda makes with the function's role to reach a broker or cluster in a VPC. */
const POLLER_NETWORK_ACTIONS: readonly string[] = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeVpcs'];

/** Pollers of brokers and clusters the platform runs with the function's role, by event type as the manifest spells it (lower case). */
export const BROKER_POLLER_ACTIONS: Readonly<Partial<Record<string, readonly string[]>>> = {
  msk: [
    'kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers', 'kafka-cluster:Connect', 'kafka-cluster:DescribeGroup',
    'kafka-cluster:AlterGroup', 'kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:DescribeClusterDynamicConfiguration',
    'secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS,
  ],
  kafka: ['secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS],
  selfmanagedkafka: ['secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS],
  mq: ['mq:DescribeBroker', 'secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS],
  activemq: ['mq:DescribeBroker', 'secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS],
  rabbitmq: ['mq:DescribeBroker', 'secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS],
  documentdb: ['rds:DescribeDBClusters', 'rds:DescribeDBClusterParameters', 'rds:DescribeDBSubnetGroups', 'secretsmanager:GetSecretValue', 'kms:Decrypt', ...POLLER_NETWORK_ACTIONS],
};

/** What asynchronous-invocation destinations may need (an SQS queue, an SNS topic, a function, an event bus, an S3 bucket), when the function configures any. */
export const DESTINATION_ACTIONS: readonly string[] = ['sqs:SendMessage', 'sns:Publish', 'lambda:InvokeFunction', 'events:PutEvents', 's3:PutObject'];

/** What the Serverless Framework writes into the role it generates for each polled event source (a subset of the above). */
export const SERVERLESS_EVENT_SOURCE_GRANTS: Readonly<Record<PolledEventSource, readonly string[]>> = {
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  'dynamodb-stream': ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
  kinesis: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'],
};

/** What the Serverless Framework grants a traced function (`tracing.lambda: true`, serverless-plugin-tracing). */
export const SERVERLESS_XRAY_GRANT: readonly string[] = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** Managed policies SAM attaches to a role it generates for pull event sources, by event Type (samtranslator eventsources/pull.py). */
export const SAM_POLLER_POLICIES: Readonly<Record<string, string>> = {
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
};

/**
 * Actions SAM grants a role it generates for each EventInvokeConfig destination Type (samtranslator model/iam.py);
 * an S3Bucket destination gets s3:PutObject on its objects and s3:ListBucket on the bucket.
 */
export const SAM_DESTINATION_GRANTS: Readonly<Record<string, readonly string[]>> = {
  SQS: ['sqs:SendMessage'],
  SNS: ['sns:Publish'],
  EventBridge: ['events:PutEvents'],
  Lambda: ['lambda:InvokeFunction'],
};

/** The action the Serverless Framework grants for a `destinations` target of each `type`. */
export const SERVERLESS_DESTINATION_GRANTS: Readonly<Record<string, string>> = { sqs: 'sqs:SendMessage', sns: 'sns:Publish', eventBus: 'events:PutEvents', function: 'lambda:InvokeFunction' };

/** The entry of a grant table for a key the manifest spells; undefined for a key the table lacks (also `constructor`, `__proto__`). */
export function grantFor<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
