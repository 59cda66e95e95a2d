// Libraries that call AWS on the handler's behalf (Powertools, middy middlewares): section J of the IAM facts.
const POWERTOOLS = '@aws-lambda-powertools';
const LIBRARIES = [
    { packages: [`${POWERTOOLS}/parameters/ssm`], path: ['getParameter'], how: 'call', inputArgument: 0, operations: [{ service: 'ssm', operation: 'GetParameter' }] },
    { packages: [`${POWERTOOLS}/parameters/ssm`], path: ['getParameters'], how: 'call', inputArgument: 0, operations: [{ service: 'ssm', operation: 'GetParametersByPath' }] },
    {
        packages: [`${POWERTOOLS}/parameters/ssm`], path: ['getParametersByName'], how: 'call', inputArgument: 0,
        operations: [{ service: 'ssm', operation: 'GetParameter' }, { service: 'ssm', operation: 'GetParameters' }],
    },
    { packages: [`${POWERTOOLS}/parameters/ssm`], path: ['setParameter'], how: 'call', inputArgument: 0, operations: [{ service: 'ssm', operation: 'PutParameter' }] },
    { packages: [`${POWERTOOLS}/parameters/secrets`], path: ['getSecret'], how: 'call', inputArgument: 0, operations: [{ service: 'secretsmanager', operation: 'GetSecretValue' }] },
    {
        packages: [`${POWERTOOLS}/parameters/appconfig`], path: ['getAppConfig'], how: 'call', inputArgument: 0,
        operations: [{ service: 'appconfig', operation: 'StartConfigurationSession' }, { service: 'appconfig', operation: 'GetLatestConfiguration' }],
    },
    {
        packages: [`${POWERTOOLS}/idempotency/dynamodb`], path: ['DynamoDBPersistenceLayer'], how: 'new', inputArgument: 0,
        operations: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'].map((operation) => ({ service: 'dynamodb', operation })),
    },
    { packages: ['@middy/ssm'], path: [], how: 'call', inputArgument: 0, operations: [{ service: 'ssm', operation: 'GetParameters' }] },
    { packages: ['@middy/secrets-manager'], path: [], how: 'call', inputArgument: 0, operations: [{ service: 'secretsmanager', operation: 'GetSecretValue' }] },
    { packages: ['@middy/sts'], path: [], how: 'call', inputArgument: 0, operations: [{ service: 'sts', operation: 'AssumeRole' }] },
];
export function libraryCall(packageName, path, how) {
    return LIBRARIES.find((entry) => entry.how === how && entry.packages.includes(packageName) && entry.path.length === path.length && entry.path.every((part, i) => part === path[i]));
}
