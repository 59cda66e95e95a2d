// Knows the AWS SDK's shapes: which package export is a client, a command, a paginator, and the IAM prefix of each.
import { readPackageJson } from '../util/package-root.js';
export const SDK_DATA = readPackageJson('src/data/sdk-packages.json');
const V2_NON_OPERATIONS = new Set(SDK_DATA.v2NonOperations);
const V3_NON_OPERATIONS = new Set(SDK_DATA.v3NonOperations);
const V2_CLASS_BY_LOWER = new Map(Object.keys(SDK_DATA.v2Classes).map((name) => [name.toLowerCase(), name]));
/** `AWS.<Name>` members that are not service clients. */
const V2_NOT_CLIENTS = new Set(['Config', 'Credentials', 'Endpoint', 'Request', 'Response', 'Service', 'HttpClient', 'MetadataService', 'Token', 'Signers', 'CredentialProviderChain', 'EventListeners', 'Sequential', 'ParamValidator', 'util']);
export function upperFirst(name) {
    return name.charAt(0).toUpperCase() + name.slice(1);
}
/** The IAM prefix of a v3 package (`@aws-sdk/client-sfn` -> `states`), or undefined for non-client packages. */
export function v3ServicePrefix(packageName) {
    const match = /^@aws-sdk\/([a-z0-9-]+)$/.exec(packageName);
    if (!match)
        return undefined;
    const short = match[1];
    const known = SDK_DATA.v3Packages[short];
    if (known)
        return known;
    return short.startsWith('client-') ? short.slice('client-'.length).replace(/-/g, '') : undefined;
}
function v2Service(className) {
    if (V2_NOT_CLIENTS.has(className) || !/^[A-Z]/.test(className) || /(Credentials|Error)$/.test(className))
        return undefined;
    return SDK_DATA.v2Classes[className] ?? className.toLowerCase();
}
/** What `path` (property names after the import) names in `packageName`, for the AWS SDK; undefined otherwise. */
export function classifySdkExport(packageName, path) {
    if (packageName === 'aws-sdk' || packageName === 'aws-sdk/global')
        return classifyV2(path);
    const v2Client = /^aws-sdk\/clients\/([a-z0-9]+)$/.exec(packageName);
    if (v2Client) {
        const className = V2_CLASS_BY_LOWER.get(v2Client[1]) ?? upperFirst(v2Client[1]);
        return classifyV2([className, ...path]);
    }
    if (packageName === 'aws-sdk/lib/dynamodb/document_client' && path.length === 0) {
        return { kind: 'client-class', service: 'dynamodb', flavour: 'v2-document', name: 'AWS.DynamoDB.DocumentClient' };
    }
    const service = v3ServicePrefix(packageName);
    if (!service || path.length !== 1)
        return undefined;
    const name = path[0];
    if (packageName === '@aws-sdk/lib-dynamodb') {
        if (name === 'DynamoDBDocumentClient')
            return { kind: 'document-factory', flavour: 'v3-document', name };
        if (name === 'DynamoDBDocument')
            return { kind: 'document-factory', flavour: 'v3-document-aggregated', name };
        const operation = SDK_DATA.documentCommands[name];
        if (operation)
            return { kind: 'command-class', service, operation };
        const paginated = SDK_DATA.documentPaginators[name];
        if (paginated)
            return { kind: 'paginator', service, operation: paginated };
        return undefined;
    }
    if (packageName === '@aws-sdk/lib-storage')
        return name === 'Upload' ? { kind: 'upload', style: 'v3-lib' } : undefined;
    if (packageName === '@aws-sdk/s3-request-presigner')
        return name === 'getSignedUrl' ? { kind: 'presigner' } : undefined;
    if (packageName === '@aws-sdk/s3-presigned-post')
        return name === 'createPresignedPost' ? { kind: 'presigned-post' } : undefined;
    if (!packageName.startsWith('@aws-sdk/client-'))
        return undefined;
    if (/^[A-Z]\w*Command$/.test(name))
        return { kind: 'command-class', service, operation: name.slice(0, -'Command'.length) };
    if (/^paginate[A-Z]/.test(name))
        return { kind: 'paginator', service, operation: name.slice('paginate'.length) };
    const waiter = /^waitUntil([A-Z]\w*)$/.exec(name) ?? /^waitFor([A-Z]\w*)$/.exec(name);
    if (waiter) {
        const operation = SDK_DATA.waiters[waiter[1]];
        return operation ? { kind: 'waiter', service, operation } : undefined;
    }
    if (/^[A-Z]\w*Client$/.test(name))
        return { kind: 'client-class', service, flavour: 'v3', name };
    if (/^[A-Z]/.test(name) && !/(Exception|Error|ServiceException)$/.test(name))
        return { kind: 'client-class', service, flavour: 'v3-aggregated', name };
    return undefined;
}
function classifyV2(path) {
    const [first, second, ...rest] = path;
    if (first === undefined || rest.length > 0)
        return undefined;
    if (first === 'DynamoDB' && second === 'DocumentClient')
        return { kind: 'client-class', service: 'dynamodb', flavour: 'v2-document', name: 'AWS.DynamoDB.DocumentClient' };
    if (first === 'S3' && second === 'ManagedUpload')
        return { kind: 'upload', style: 'v2' };
    if (second !== undefined)
        return undefined;
    const service = v2Service(first);
    return service ? { kind: 'client-class', service, flavour: 'v2', name: `AWS.${first}` } : undefined;
}
/** The operation a method call on a client performs (`getItem` -> GetItem), or undefined when the method is not one. */
export function clientMethodOperation(flavour, method) {
    switch (flavour) {
        case 'v3':
        case 'v3-document':
            return undefined;
        case 'v3-aggregated': {
            if (V3_NON_OPERATIONS.has(method) || !/^[a-z]/.test(method))
                return undefined;
            if (/^paginate[A-Z]/.test(method))
                return { operation: method.slice('paginate'.length), style: 'v3-paginator' };
            const waiter = /^waitUntil([A-Z]\w*)$/.exec(method);
            if (waiter) {
                const operation = SDK_DATA.waiters[waiter[1]];
                return operation ? { operation, style: 'v3-paginator' } : undefined;
            }
            return { operation: upperFirst(method), style: 'v3-aggregated' };
        }
        case 'v3-document-aggregated': {
            const operation = SDK_DATA.documentMethods[method];
            if (operation)
                return { operation, style: 'v3-aggregated' };
            const paginated = SDK_DATA.documentPaginators[method];
            return paginated ? { operation: paginated, style: 'v3-paginator' } : undefined;
        }
        case 'v2-document': {
            const operation = SDK_DATA.documentMethods[method];
            return operation ? { operation, style: 'v2' } : undefined;
        }
        case 'v2':
            if (V2_NON_OPERATIONS.has(method) || !/^[a-z]/.test(method))
                return undefined;
            return { operation: upperFirst(method), style: 'v2' };
    }
}
export function waiterOperation(state) {
    return SDK_DATA.waiters[upperFirst(state)];
}
