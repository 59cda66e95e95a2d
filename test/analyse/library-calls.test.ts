// Libraries that reach AWS without an SDK call (src/data/aws-libraries.ts): the operations each performs, the requests
// built from its arguments and its objects' state, and the places the derivation cannot follow.
import { describe, expect, it } from 'vitest';
import { analyseInline, callKeys } from './stub-project.js';
import type { FunctionUsage } from '../../src/analyse/types.js';

function analyse(source: string, file = 'src/fn.js'): FunctionUsage {
  const { usages } = analyseInline({ [file]: source }, { fn: `${file.replace(/\.[jt]s$/, '')}.handler` });
  return usages.get('fn')!;
}

const unfollowed = (usage: FunctionUsage) => (usage.unfollowed ?? []).map((u) => `${u.location.line}: ${u.reason}`);

describe('objects whose methods call AWS', () => {
  it('dynamoose: the model describes its table once, and each method is an operation on it', () => {
    const usage = analyse(`
const dynamoose = require('dynamoose');
const Person = dynamoose.model('people', { id: String });
exports.handler = async (e) => { await Person.get(e.id); return Person.query('id').eq(e.id).exec(); };
`);
    expect(callKeys(usage)).toEqual(['dynamodb:DescribeTable@src/fn.js:3', 'dynamodb:GetItem@src/fn.js:4', 'dynamodb:Query@src/fn.js:4']);
    expect(usage.calls.every((c) => c.input.kind === 'object' && JSON.stringify(c.input.properties.TableName) === '{"kind":"string","value":"people"}')).toBe(true);
  });

  it('dynamoose with create and waitForActive off does not describe the table', () => {
    const usage = analyse(`
const dynamoose = require('dynamoose');
const Person = dynamoose.model('people', {}, { create: false, waitForActive: false });
exports.handler = async (e) => Person.get(e.id);
`);
    expect(callKeys(usage)).toEqual(['dynamodb:GetItem@src/fn.js:4']);
  });

  it('the QLDB driver sends commands to the ledger it was made for; close() calls nothing', () => {
    const usage = analyse(`
import { QldbDriver } from 'amazon-qldb-driver-nodejs';
const driver = new QldbDriver(process.env.LEDGER);
export const handler = async () => { const names = await driver.getTableNames(); driver.close(); return names; };
`, 'src/fn.ts');
    expect(callKeys(usage)).toEqual(['qldb:SendCommand@src/fn.ts:4']);
    expect(usage.calls[0]!.input).toEqual({ kind: 'object', properties: { LedgerName: { kind: 'env', name: 'LEDGER', prefix: '', suffix: '' } } });
    expect(unfollowed(usage)).toEqual([]);
  });

  it('the AppSync client calls AWS with the role only with IAM auth, and says so when the auth type is not known', () => {
    const iam = analyse(`
const { default: Client, AUTH_TYPE } = require('aws-appsync');
const options = { url: process.env.URL, auth: { type: AUTH_TYPE.AWS_IAM } };
const client = new Client(options);
exports.handler = async () => client.query({ query: 'q' });
`);
    expect(callKeys(iam)).toEqual(['appsync:GraphQL@src/fn.js:5']);
    const apiKey = analyse(`
const Client = require('aws-appsync').default;
const client = new Client({ url: process.env.URL, auth: { type: 'API_KEY', apiKey: 'k' } });
exports.handler = async () => client.query({ query: 'q' });
`);
    expect(callKeys(apiKey)).toEqual([]);
    expect(unfollowed(apiKey)).toEqual([]);
    const unknown = analyse(`
const Client = require('aws-appsync').default;
exports.handler = async (e) => new Client({ url: process.env.URL, auth: e.auth }).mutate({ mutation: 'm' });
`);
    expect(callKeys(unknown)).toEqual([]);
    expect(unfollowed(unknown)).toEqual([
      "3: the auth type of the AWSAppSyncClient created by new Client({ url: process.env.URL, auth: e.auth }) is not known statically, so noops-lint cannot tell whether it calls AWS with the function's role",
    ]);
  });
});

describe('the AWS Encryption SDK', () => {
  it('encrypt asks the generator for a data key and encrypts it under each other key; decrypt may use any of them', () => {
    const usage = analyse(`
const { buildClient, KmsKeyringNode } = require('@aws-crypto/client-node');
const { encrypt, decrypt } = buildClient();
const keyring = new KmsKeyringNode({ generatorKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/a', keyIds: ['arn:aws:kms:eu-west-1:111122223333:key/b'] });
exports.handler = async (e) => { const { result } = await encrypt(keyring, e.data); return decrypt(keyring, result); };
`);
    expect(usage.calls.map((c) => `${c.service}:${c.operation} ${JSON.stringify(c.input.kind === 'object' ? c.input.properties.KeyId : c.input)}`)).toEqual([
      'kms:GenerateDataKey {"kind":"string","value":"arn:aws:kms:eu-west-1:111122223333:key/a"}',
      'kms:Encrypt {"kind":"string","value":"arn:aws:kms:eu-west-1:111122223333:key/b"}',
      'kms:Decrypt {"kind":"string","value":"arn:aws:kms:eu-west-1:111122223333:key/a"}',
      'kms:Decrypt {"kind":"string","value":"arn:aws:kms:eu-west-1:111122223333:key/b"}',
    ]);
  });

  it('a discovery keyring decrypts with an unknown key, a raw keyring calls no KMS, another keyring is not followed', () => {
    const discovery = analyse(`
const { buildClient, buildAwsKmsMrkAwareDiscoveryMultiKeyringNode } = require('@aws-crypto/client-node');
const client = buildClient();
const keyring = buildAwsKmsMrkAwareDiscoveryMultiKeyringNode({ discoveryFilter: { accountIDs: ['1'], partition: 'aws' } });
exports.handler = async (e) => client.decrypt(keyring, e.blob);
`);
    expect(discovery.calls.map((c) => [c.operation, c.input])).toEqual([
      ['Decrypt', { kind: 'object', properties: { KeyId: { kind: 'unknown', reason: 'a discovery keyring decrypts with whichever KMS key encrypted the message' } } }],
    ]);
    const raw = analyse(`
const { encrypt, RawAesKeyringNode } = require('@aws-crypto/client-node');
const keyring = new RawAesKeyringNode({ keyName: 'k', keyNamespace: 'n', unencryptedMasterKey: Buffer.alloc(32), wrappingSuite: 1 });
exports.handler = async (e) => encrypt(keyring, e.data);
`);
    expect(raw.calls).toEqual([]);
    expect(unfollowed(raw)).toEqual([]);
    const multi = analyse(`
const { encrypt, MultiKeyringNode } = require('@aws-crypto/client-node');
const keyring = new MultiKeyringNode({ children: [] });
exports.handler = async (e) => encrypt(keyring, e.data);
`);
    expect(multi.calls).toEqual([]);
    expect(unfollowed(multi)).toEqual(['4: encrypt(keyring, e.data) uses keyring, which noops-lint cannot trace to the KMS keyring or KMS discovery keyring or raw keyring it needs']);
  });
});

describe('SigV4-signed HTTP requests', () => {
  it('aws4.sign to an execute-api host is execute-api:Invoke on the route; the service comes from the host', () => {
    const usage = analyse(`
const aws4 = require('aws4');
exports.handler = async (e) => aws4.sign({ host: 'a1b2c3.execute-api.us-east-2.amazonaws.com', path: '/prod/items?x=1' });
`);
    expect(usage.calls.map((c) => [c.service, c.operation, c.input])).toEqual([
      ['execute-api', 'Invoke', { kind: 'object', properties: { ApiPath: { kind: 'string', value: 'a1b2c3/prod/GET/items' }, Region: { kind: 'string', value: 'us-east-2' } } }],
    ]);
  });

  it('a host not known statically leaves the route unknown; a service noops-lint does not map, or none at all, is not followed', () => {
    const unknownHost = analyse(`
const { sign } = require('aws4');
exports.handler = async () => sign({ host: process.env.API_HOST, path: '/prod/x', service: 'execute-api', method: 'PUT' });
`);
    expect(unknownHost.calls.map((c) => [c.operation, c.input])).toEqual([
      ['Invoke', { kind: 'object', properties: { ApiPath: { kind: 'unknown', reason: 'the host of the signed request is not known statically' } } }],
    ]);
    const unmapped = analyse(`
const { SignatureV4 } = require('@aws-sdk/signature-v4');
const signer = new SignatureV4({ service: 'aoss', region: 'eu-west-1' });
exports.handler = async (e) => signer.sign({ hostname: e.host, path: '/' });
`);
    expect(unfollowed(unmapped)).toEqual(['4: signer.sign({ hostname: e.host, path: \'/\' }): requests signed for the service "aoss" are authorized by actions noops-lint does not derive']);
    const unnamed = analyse(`
const aws4 = require('aws4');
exports.handler = async (e) => aws4.sign({ host: e.host, path: '/' });
`);
    expect(unfollowed(unnamed)).toEqual(["3: aws4.sign({ host: e.host, path: '/' }): the AWS service this request is signed for is not known statically"]);
  });

  it('an interceptor that signs every request of an HTTP client for execute-api derives Invoke on an unknown route', () => {
    const usage = analyse(`
const axios = require('axios');
const { aws4Interceptor } = require('aws4-axios');
const http = axios.create();
http.interceptors.request.use(aws4Interceptor({ options: { region: 'eu-west-1', service: 'execute-api' } }));
exports.handler = async () => http.get(process.env.API_URL);
`);
    expect(usage.calls.map((c) => `${c.service}:${c.operation}@${c.location.line}`)).toEqual(['execute-api:Invoke@5']);
  });
});
