// Libraries that reach AWS for the code without an SDK call the analysis can see: helpers that call AWS themselves
// (Powertools, middy), objects whose methods call AWS (dynamoose models, the QLDB driver, the AppSync client, the AWS
// Encryption SDK), and SigV4 signers whose requests AWS authorizes as an action of the signed service. The source
// analysis reads this table; it has no branch per library. Sources: /work/shared/reference/aws-iam-facts.md section J,
// the libraries' documentation and type definitions (dynamoose 2-3 Model, amazon-qldb-driver-nodejs 3 QldbDriver,
// aws-appsync 4 AWSAppSyncClient and AUTH_TYPE, @aws-crypto/client-node 4 KmsKeyringNode and buildClient, aws4 1.x
// sign, @smithy/signature-v4 SignatureV4, aws4-axios aws4Interceptor, aws-sigv4-fetch createSignedFetcher).

/**
 * Where a value comes from: an argument of the call (`arg`, then property names `path`), the state an object kept
 * from its creation (`state`, read from the receiver of a method, or from the library object passed as argument
 * `of`), a fixed text, or a value only known at run time.
 */
export type LibraryValue =
  | { arg: number; path?: string[] }
  | { state: string; of?: number }
  | { literal: string }
  /** A value the library decides at run time (`reason` says which). */
  | { unknown: string };

/** One API operation the library performs; the request is built field by field and read by sdk-operations.json. */
export interface LibraryOperation {
  service: string;
  operation: string;
  /** The whole request is this value (`getParameter(name)`), or an object of these fields. */
  input?: LibraryValue | { fields: Record<string, LibraryValue> };
  /** One operation per item when this request field holds an array (`keyIds`: one kms:Encrypt per key). */
  each?: string;
  /** Not performed when every one of these values is literally `false` (dynamoose `{ create: false, waitForActive: false }`). */
  unlessAllFalse?: LibraryValue[];
}

/** A request signed with the function's credentials (SigV4): AWS authorizes it as an action of the signing service. */
export interface SignedRequest {
  /** The request (`{ host, path, method, service }`); absent when requests are signed later, through an HTTP client. */
  request?: LibraryValue;
  /** The signing service name, when not in the request. */
  service?: LibraryValue;
}

/** What the library does when a package export is called or constructed, or a method of one of its objects is called. */
export interface LibraryBehaviour {
  /** Operations this call performs. */
  operations?: LibraryOperation[];
  /** The call returns an object of this kind (a key of LIBRARY_OBJECTS). */
  returns?: string;
  /** The call signs a request (aws4.sign, signer.sign). */
  signs?: SignedRequest;
  /** The object passed as this argument must be one of these kinds (a keyring); another makes the derivation incomplete. */
  objectArgument?: { index: number; kinds: string[] };
}

export interface LibraryExport extends LibraryBehaviour {
  packages: string[];
  /** Property path after the import (`[]` = the default export or the module itself). */
  path: string[];
  how: 'new' | 'call';
}

/** An object made by a library whose methods reach AWS. */
export interface LibraryObject {
  /** For messages: `dynamoose model`, `QldbDriver`. */
  name: string;
  /** Values kept from the creation call, read by `{ state }` (`table`: the model name, `ledger`: the ledger name). */
  state: Record<string, LibraryValue>;
  /** Methods and what each does. */
  methods: Record<string, LibraryBehaviour>;
  /** Methods not listed: `none` when they never call AWS (local helpers), `incomplete` when they may. */
  otherMethods: 'none' | 'incomplete';
  /**
   * The object reaches AWS with the function's role only when this value is one of `equals` (AppSync with IAM auth);
   * another value means it never does; a value not known statically makes the derivation incomplete. An enum member
   * (`AUTH_TYPE.AWS_IAM`) counts as its name.
   */
  when?: { value: LibraryValue; equals: string[]; what: string };
}

const POWERTOOLS = '@aws-lambda-powertools';
const ENCRYPTION_SDK = '@aws-crypto/client-node';
const KMS_KEYRINGS = ['kms-keyring', 'kms-discovery-keyring'];

/** The AWS Encryption SDK's encrypt and decrypt: data keys from every KMS key of the keyring. */
const ENCRYPT: LibraryBehaviour = {
  objectArgument: { index: 0, kinds: [...KMS_KEYRINGS, 'raw-keyring'] },
  operations: [
    { service: 'kms', operation: 'GenerateDataKey', input: { fields: { KeyId: { state: 'generatorKeyId', of: 0 } } } },
    { service: 'kms', operation: 'Encrypt', input: { fields: { KeyId: { state: 'keyIds', of: 0 } } }, each: 'KeyId' },
  ],
};
const DECRYPT: LibraryBehaviour = {
  objectArgument: { index: 0, kinds: [...KMS_KEYRINGS, 'raw-keyring'] },
  operations: [
    { service: 'kms', operation: 'Decrypt', input: { fields: { KeyId: { state: 'generatorKeyId', of: 0 } } } },
    { service: 'kms', operation: 'Decrypt', input: { fields: { KeyId: { state: 'keyIds', of: 0 } } }, each: 'KeyId' },
    { service: 'kms', operation: 'Decrypt', input: { fields: { KeyId: { state: 'anyKey', of: 0 } } } },
  ],
};

export const LIBRARY_EXPORTS: LibraryExport[] = [
  // Powertools parameters and idempotency, middy middlewares (facts J).
  { packages: [`${POWERTOOLS}/parameters/ssm`], path: ['getParameter'], how: 'call', operations: [{ service: 'ssm', operation: 'GetParameter', input: { arg: 0 } }] },
  { packages: [`${POWERTOOLS}/parameters/ssm`], path: ['getParameters'], how: 'call', operations: [{ service: 'ssm', operation: 'GetParametersByPath', input: { arg: 0 } }] },
  {
    packages: [`${POWERTOOLS}/parameters/ssm`], path: ['getParametersByName'], how: 'call',
    operations: [{ service: 'ssm', operation: 'GetParameter', input: { arg: 0 } }, { service: 'ssm', operation: 'GetParameters', input: { arg: 0 } }],
  },
  { packages: [`${POWERTOOLS}/parameters/ssm`], path: ['setParameter'], how: 'call', operations: [{ service: 'ssm', operation: 'PutParameter', input: { arg: 0 } }] },
  { packages: [`${POWERTOOLS}/parameters/secrets`], path: ['getSecret'], how: 'call', operations: [{ service: 'secretsmanager', operation: 'GetSecretValue', input: { arg: 0 } }] },
  {
    packages: [`${POWERTOOLS}/parameters/appconfig`], path: ['getAppConfig'], how: 'call',
    operations: [{ service: 'appconfig', operation: 'StartConfigurationSession', input: { arg: 0 } }, { service: 'appconfig', operation: 'GetLatestConfiguration', input: { arg: 0 } }],
  },
  {
    packages: [`${POWERTOOLS}/idempotency/dynamodb`], path: ['DynamoDBPersistenceLayer'], how: 'new',
    operations: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'].map((operation) => ({ service: 'dynamodb', operation, input: { arg: 0 } })),
  },
  { packages: ['@middy/ssm'], path: [], how: 'call', operations: [{ service: 'ssm', operation: 'GetParameters', input: { arg: 0 } }] },
  { packages: ['@middy/secrets-manager'], path: [], how: 'call', operations: [{ service: 'secretsmanager', operation: 'GetSecretValue', input: { arg: 0 } }] },
  { packages: ['@middy/sts'], path: [], how: 'call', operations: [{ service: 'sts', operation: 'AssumeRole', input: { arg: 0 } }] },

  // dynamoose: with the default table options (create, waitForActive) a model describes its table when it initialises.
  {
    packages: ['dynamoose'], path: ['model'], how: 'call', returns: 'dynamoose-model',
    operations: [{
      service: 'dynamodb', operation: 'DescribeTable', input: { fields: { TableName: { arg: 0 } } },
      unlessAllFalse: [{ arg: 2, path: ['create'] }, { arg: 2, path: ['waitForActive'] }],
    }],
  },

  // The QLDB driver sends every statement through the QLDB session API.
  { packages: ['amazon-qldb-driver-nodejs'], path: ['QldbDriver'], how: 'new', returns: 'qldb-driver' },

  // The AppSync client (Apollo) with IAM auth signs each GraphQL request with the function's role.
  { packages: ['aws-appsync'], path: [], how: 'new', returns: 'appsync-client' },
  { packages: ['aws-appsync'], path: ['AWSAppSyncClient'], how: 'new', returns: 'appsync-client' },

  // The AWS Encryption SDK: KMS keyrings, and encrypt/decrypt (v1 exports them, v2+ returns them from buildClient).
  { packages: [ENCRYPTION_SDK], path: ['KmsKeyringNode'], how: 'new', returns: 'kms-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['AwsKmsMrkAwareSymmetricKeyringNode'], how: 'new', returns: 'kms-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['buildAwsKmsMrkAwareStrictMultiKeyringNode'], how: 'call', returns: 'kms-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['buildAwsKmsMrkAwareDiscoveryMultiKeyringNode'], how: 'call', returns: 'kms-discovery-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['AwsKmsMrkAwareSymmetricDiscoveryKeyringNode'], how: 'new', returns: 'kms-discovery-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['RawAesKeyringNode'], how: 'new', returns: 'raw-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['RawRsaKeyringNode'], how: 'new', returns: 'raw-keyring' },
  { packages: [ENCRYPTION_SDK], path: ['buildClient'], how: 'call', returns: 'encryption-client' },
  { packages: [ENCRYPTION_SDK], path: ['encrypt'], how: 'call', ...ENCRYPT },
  { packages: [ENCRYPTION_SDK], path: ['encryptStream'], how: 'call', ...ENCRYPT },
  { packages: [ENCRYPTION_SDK], path: ['decrypt'], how: 'call', ...DECRYPT },
  { packages: [ENCRYPTION_SDK], path: ['decryptStream'], how: 'call', ...DECRYPT },

  // SigV4-signed HTTP: the request is authorized as the signing service's action (execute-api:Invoke for API Gateway).
  { packages: ['aws4'], path: ['sign'], how: 'call', signs: { request: { arg: 0 } } },
  { packages: ['@aws-sdk/signature-v4', '@smithy/signature-v4'], path: ['SignatureV4'], how: 'new', returns: 'sigv4-signer' },
  { packages: ['aws4-axios'], path: ['aws4Interceptor'], how: 'call', signs: { service: { arg: 0, path: ['options', 'service'] } } },
  { packages: ['aws-sigv4-fetch'], path: ['createSignedFetcher'], how: 'call', signs: { service: { arg: 0, path: ['service'] } } },
];

export const LIBRARY_OBJECTS: Record<string, LibraryObject> = {
  'dynamoose-model': {
    name: 'dynamoose model',
    state: { table: { arg: 0 } },
    methods: Object.fromEntries(
      Object.entries({
        get: 'GetItem', create: 'PutItem', update: 'UpdateItem', delete: 'DeleteItem', batchGet: 'BatchGetItem',
        batchPut: 'BatchWriteItem', batchDelete: 'BatchWriteItem', query: 'Query', scan: 'Scan',
      }).map(([method, operation]) => [method, { operations: [{ service: 'dynamodb', operation, input: { fields: { TableName: { state: 'table' } } } }] }]),
    ),
    // Model.Document, Model.table(), Model.serializeMany(): local helpers; a document's save() is not followed.
    otherMethods: 'none',
  },
  'qldb-driver': {
    name: 'QldbDriver',
    state: { ledger: { arg: 0 } },
    methods: {
      executeLambda: { operations: [{ service: 'qldb', operation: 'SendCommand', input: { fields: { LedgerName: { state: 'ledger' } } } }] },
      getTableNames: { operations: [{ service: 'qldb', operation: 'SendCommand', input: { fields: { LedgerName: { state: 'ledger' } } } }] },
    },
    otherMethods: 'none',
  },
  'appsync-client': {
    name: 'AWSAppSyncClient',
    state: { url: { arg: 0, path: ['url'] } },
    methods: Object.fromEntries(
      ['query', 'mutate', 'subscribe', 'watchQuery', 'refetchQueries', 'reFetchObservableQueries', 'resetStore'].map((method) => [
        method,
        { operations: [{ service: 'appsync', operation: 'GraphQL', input: { fields: { GraphQLUrl: { state: 'url' } } } }] },
      ]),
    ),
    otherMethods: 'none',
    when: { value: { arg: 0, path: ['auth', 'type'] }, equals: ['AWS_IAM'], what: 'the auth type' },
  },
  'kms-keyring': {
    name: 'KMS keyring',
    state: { generatorKeyId: { arg: 0, path: ['generatorKeyId'] }, keyIds: { arg: 0, path: ['keyIds'] } },
    methods: {},
    otherMethods: 'none',
  },
  'kms-discovery-keyring': {
    name: 'KMS discovery keyring',
    // Decrypts with whichever key encrypted the message: the key is not known.
    state: { anyKey: { unknown: 'a discovery keyring decrypts with whichever KMS key encrypted the message' } },
    methods: {},
    otherMethods: 'none',
  },
  'raw-keyring': { name: 'raw keyring', state: {}, methods: {}, otherMethods: 'none' },
  'encryption-client': {
    name: 'AWS Encryption SDK client',
    state: {},
    methods: { encrypt: ENCRYPT, encryptStream: ENCRYPT, decrypt: DECRYPT, decryptStream: DECRYPT, decryptUnsignedMessageStream: DECRYPT },
    otherMethods: 'none',
  },
  'sigv4-signer': {
    name: 'SignatureV4',
    state: { service: { arg: 0, path: ['service'] } },
    methods: { sign: { signs: { request: { arg: 0 }, service: { state: 'service' } } }, presign: { signs: { request: { arg: 0 }, service: { state: 'service' } } } },
    otherMethods: 'none',
  },
};

/**
 * The action a SigV4-signed request needs, by signing service name. The request's host, method and path name the
 * resource of `execute-api:Invoke`; other services' requests are authorized without a known resource. A service not
 * listed makes the derivation incomplete.
 */
export const SIGNED_SERVICES: Record<string, { service: string; operation: string }> = {
  'execute-api': { service: 'execute-api', operation: 'Invoke' },
  appsync: { service: 'appsync', operation: 'GraphQL' },
  lambda: { service: 'lambda', operation: 'InvokeFunctionUrl' },
};

export function libraryExport(packageName: string, path: readonly string[], how: 'new' | 'call'): LibraryExport | undefined {
  return LIBRARY_EXPORTS.find(
    (entry) => entry.how === how && entry.packages.includes(packageName) && entry.path.length === path.length && entry.path.every((part, i) => part === path[i]),
  );
}
