// Credentials a Lambda extension or observability library reads with the function's role when the function starts,
// by the setting that names them. Source: the Datadog Serverless plugin (serverless-plugin-datadog) README,
// `apiKeySecretArn` (set as DD_API_KEY_SECRET_ARN) and `apiKMSKey` (set as DD_KMS_API_KEY), and the Datadog Lambda
// extension / datadog-lambda-js, which read those variables with the execution role.

export interface ExtensionCredential {
  /** Who reads it, for the reason shown with the need. */
  reader: string;
  /** The environment variable the reader reads (set by hand or by the plugin). */
  environment: string;
  /** The Serverless Framework plugin that sets it from `custom.<customKey>.<setting>`. */
  plugin?: { name: string; customKey: string; setting: string };
  actions: readonly string[];
  /** `value`: the setting's value is the resource (a secret ARN); `unknown`: it names no resource (an encrypted key). */
  resource: 'value' | 'unknown';
}

export const EXTENSION_CREDENTIALS: readonly ExtensionCredential[] = [
  {
    reader: 'the Datadog Lambda extension',
    environment: 'DD_API_KEY_SECRET_ARN',
    plugin: { name: 'serverless-plugin-datadog', customKey: 'datadog', setting: 'apiKeySecretArn' },
    actions: ['secretsmanager:GetSecretValue'],
    resource: 'value',
  },
  {
    reader: 'the Datadog Lambda extension',
    environment: 'DD_KMS_API_KEY',
    plugin: { name: 'serverless-plugin-datadog', customKey: 'datadog', setting: 'apiKMSKey' },
    actions: ['kms:Decrypt'],
    resource: 'unknown',
  },
];
