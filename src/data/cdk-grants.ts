// The actions the AWS CDK's grant methods put in a principal's policy, per construct class, as aws-cdk-lib 2.278
// writes them (aws-dynamodb/lib/perms.js, aws-s3/lib/perms.js, the generated *-grants of SQS, SNS, Events, and the
// grant methods of Lambda, Secrets Manager, SSM, Kinesis, Step Functions, KMS). Key actions the grants add for
// encrypted resources are left out: they follow the resource's key, not the method chosen.
// Ordered from narrow to broad within each class: the first method covering what the code uses is the suggestion.

export interface CdkGrantMethod {
  method: string;
  actions: readonly string[];
}

const DYNAMODB_READ = ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeTable'];
const DYNAMODB_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable'];
const S3_READ = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
const S3_PUT = ['s3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging', 's3:Abort*'];
const S3_DELETE = ['s3:DeleteObject*'];
const KINESIS_READ = ['kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard', 'kinesis:DescribeStream', 'kinesis:ListStreams', 'kinesis:DescribeStreamConsumer'];
const KINESIS_WRITE = ['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'];

/** By the construct class name as the app writes it, without its module (`Table`, `Bucket`). */
export const CDK_GRANTS: Readonly<Record<string, readonly CdkGrantMethod[]>> = {
  Table: [
    { method: 'grantReadData', actions: DYNAMODB_READ },
    { method: 'grantWriteData', actions: DYNAMODB_WRITE },
    { method: 'grantReadWriteData', actions: [...new Set([...DYNAMODB_READ, ...DYNAMODB_WRITE])] },
    { method: 'grantFullAccess', actions: ['dynamodb:*'] },
  ],
  Bucket: [
    { method: 'grantPut', actions: S3_PUT },
    { method: 'grantDelete', actions: S3_DELETE },
    { method: 'grantRead', actions: S3_READ },
    { method: 'grantWrite', actions: [...S3_DELETE, ...S3_PUT] },
    { method: 'grantReadWrite', actions: [...S3_READ, ...S3_DELETE, ...S3_PUT] },
  ],
  Queue: [
    { method: 'grantPurge', actions: ['sqs:PurgeQueue', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] },
    { method: 'grantSendMessages', actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] },
    { method: 'grantConsumeMessages', actions: ['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'] },
  ],
  Topic: [
    { method: 'grantPublish', actions: ['sns:Publish'] },
    { method: 'grantSubscribe', actions: ['sns:Subscribe'] },
  ],
  Function: [{ method: 'grantInvoke', actions: ['lambda:InvokeFunction'] }],
  NodejsFunction: [{ method: 'grantInvoke', actions: ['lambda:InvokeFunction'] }],
  Secret: [
    { method: 'grantRead', actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] },
    { method: 'grantWrite', actions: ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecret'] },
  ],
  StringParameter: [
    { method: 'grantRead', actions: ['ssm:DescribeParameters', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParameterHistory'] },
    { method: 'grantWrite', actions: ['ssm:PutParameter'] },
  ],
  Stream: [
    { method: 'grantWrite', actions: KINESIS_WRITE },
    { method: 'grantRead', actions: KINESIS_READ },
    { method: 'grantReadWrite', actions: [...new Set([...KINESIS_READ, ...KINESIS_WRITE])] },
  ],
  EventBus: [{ method: 'grantPutEventsTo', actions: ['events:PutEvents'] }],
  StateMachine: [
    { method: 'grantStartExecution', actions: ['states:StartExecution'] },
    { method: 'grantStartSyncExecution', actions: ['states:StartSyncExecution'] },
  ],
  Key: [
    { method: 'grantDecrypt', actions: ['kms:Decrypt'] },
    { method: 'grantEncrypt', actions: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] },
    { method: 'grantEncryptDecrypt', actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] },
  ],
};

/** How the app writes the ARN of a construct of each class, for a PolicyStatement's resources (`table.tableArn`). */
const ARN_PROPERTIES: Readonly<Record<string, string>> = {
  Table: 'tableArn',
  Bucket: "arnForObjects('*')",
  Queue: 'queueArn',
  Topic: 'topicArn',
  Function: 'functionArn',
  NodejsFunction: 'functionArn',
  Secret: 'secretArn',
  StringParameter: 'parameterArn',
  Stream: 'streamArn',
  EventBus: 'eventBusArn',
  StateMachine: 'stateMachineArn',
  Key: 'keyArn',
};

/** `table.tableArn` for a construct of a known class held in `receiver`, or undefined. */
export function cdkArnExpression(className: string, receiver: string): string | undefined {
  const base = className.slice(className.lastIndexOf('.') + 1).replace(/V2$/, '');
  return Object.hasOwn(ARN_PROPERTIES, base) ? `${receiver}.${ARN_PROPERTIES[base]}` : undefined;
}

/** The grant methods of a class as written (`dynamodb.Table`, `TableV2`), or undefined when it is not known. */
export function cdkGrantMethods(className: string): readonly CdkGrantMethod[] | undefined {
  const base = className.slice(className.lastIndexOf('.') + 1).replace(/V2$/, '');
  return Object.hasOwn(CDK_GRANTS, base) ? CDK_GRANTS[base] : undefined;
}
