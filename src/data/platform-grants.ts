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

/** What the Serverless Framework writes into the role it generates for each polled event source (a subset of the above). */
export const SERVERLESS_EVENT_SOURCE_GRANTS: Readonly<Record<PolledEventSource, readonly string[]>> = {
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  'dynamodb-stream': ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
  kinesis: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'],
};

/** What the Serverless Framework grants a traced function (`tracing.lambda: true`, serverless-plugin-tracing). */
export const SERVERLESS_XRAY_GRANT: readonly string[] = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
