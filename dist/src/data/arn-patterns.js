// ARN shapes for deciding which resources an action can apply to: what CloudFormation attributes return,
// and which ARN template variables can never contain a slash or colon.
/**
 * Characters an ARN template variable can never contain. Variables not listed may contain anything
 * (object keys, paths, `function:NAME:QUALIFIER` qualifiers): unknown means permissive, so a grant is
 * never called useless on a guess.
 */
export const ARN_VARIABLE_EXCLUDED_CHARACTERS = {
    Partition: ':/',
    Region: ':/',
    Account: ':/',
    // S3 bucket names: lower-case letters, digits, dots and hyphens.
    BucketName: ':/',
    // DynamoDB table names: letters, digits, `_`, `-`, `.`.
    TableName: ':/',
};
export const CLOUDFORMATION_ARN_SHAPES = {
    source: 'aws-iam-facts.md sections E and F (CloudFormation resource "Return values"; Service Authorization Reference ARN formats)',
    generated: '2026-12-01',
    types: {
        'AWS::S3::Bucket': { attributes: { Arn: 'arn:${Partition}:s3:::${BucketName}' }, refName: 'BucketName' },
        'AWS::DynamoDB::Table': {
            attributes: {
                Arn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
                StreamArn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/stream/${StreamLabel}',
            },
            refName: 'TableName',
        },
        'AWS::DynamoDB::GlobalTable': {
            attributes: {
                Arn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
                StreamArn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/stream/${StreamLabel}',
            },
            refName: 'TableName',
        },
        'AWS::Serverless::SimpleTable': {
            attributes: { Arn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}' },
            refName: 'TableName',
        },
        'AWS::SQS::Queue': { attributes: { Arn: 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}' } },
        'AWS::SNS::Topic': {
            attributes: { TopicArn: 'arn:${Partition}:sns:${Region}:${Account}:${TopicName}' },
            refArn: 'arn:${Partition}:sns:${Region}:${Account}:${TopicName}',
        },
        'AWS::Kinesis::Stream': { attributes: { Arn: 'arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}' } },
        'AWS::KinesisFirehose::DeliveryStream': {
            attributes: { Arn: 'arn:${Partition}:firehose:${Region}:${Account}:deliverystream/${DeliveryStreamName}' },
        },
        'AWS::Lambda::Function': { attributes: { Arn: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}' } },
        'AWS::Serverless::Function': { attributes: { Arn: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}' } },
        'AWS::StepFunctions::StateMachine': {
            attributes: { Arn: 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}' },
            refArn: 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
        },
        'AWS::Serverless::StateMachine': {
            attributes: { Arn: 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}' },
            refArn: 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
        },
        'AWS::Events::EventBus': { attributes: { Arn: 'arn:${Partition}:events:${Region}:${Account}:event-bus/${EventBusName}' } },
        'AWS::KMS::Key': { attributes: { Arn: 'arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}' } },
        'AWS::SecretsManager::Secret': { refArn: 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}' },
        'AWS::Logs::LogGroup': { attributes: { Arn: 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*' } },
        'AWS::IAM::Role': { attributes: { Arn: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}' } },
    },
};
/** CloudFormation pseudo parameters as ARN segments. */
export const PSEUDO_PARAMETER_VARIABLES = {
    'AWS::Partition': 'Partition',
    'AWS::Region': 'Region',
    'AWS::AccountId': 'Account',
};
