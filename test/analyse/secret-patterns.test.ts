import { describe, it, expect } from 'vitest';
import { detectSecretValue } from '../../src/util/credentials.js';
import {
  isDynamicReference,
  isNonSecretShape,
  isNonSecretValueFor,
  isPlaceholderValue,
  isSecretLikeName,
  nameSegments,
} from '../../src/analyse/secret-patterns.js';

describe('detectSecretValue', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'aws-access-key-id'],
    ['ASIAY34FZKBOKMUTVV7A', 'aws-access-key-id'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow...', 'private-key'],
    ['-----BEGIN PRIVATE KEY-----', 'private-key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'private-key'],
    ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'private-key'],
    ['sk_live_51H8abcdefghijklmnop', 'token'],
    ['tok_live_4f9a2c1e8b7d6a5f3e2d1c0b', 'token'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', 'token'],
    ['glpat-abcdefghij0123456789', 'token'],
    ['xoxb-123456789012-abcdefghij', 'token'],
    ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'token'],
    ['AIzaSyA-1234567890abcdefghijklmnopqrstu', 'token'],
    ['postgres://app:s3cr3t@db.internal:5432/orders', 'url-password'],
    ['mongodb+srv://admin:hunter2@cluster0.example.net/app', 'url-password'],
    ['redis://:hunter2@cache:6379', 'url-password'],
  ])('recognises %s', (value, kind) => {
    expect(detectSecretValue(value)?.kind).toBe(kind);
  });

  it.each([
    'sk_live_',
    'sk_test_51H8abcdefghijklmnop',
    'AKIA1234',
    'xAKIAIOSFODNN7EXAMPLEx',
    '-----BEGIN PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----',
    'postgres://app@db.internal:5432/orders',
    'postgres://app:${DB_PASSWORD}@db/orders',
    'postgres://app:****@db/orders',
    'mysql://app:<password>@db/orders',
    'https://example.com:8443/path',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf',
    'hello world',
  ])('does not flag %s', (value) => {
    expect(detectSecretValue(value)).toBeUndefined();
  });

  it('describes what it found', () => {
    expect(detectSecretValue('AKIAIOSFODNN7EXAMPLE')?.description).toBe('an AWS access key id');
    expect(detectSecretValue('postgres://u:p@h/db')?.description).toBe('a URL with an embedded password');
  });
});

describe('nameSegments', () => {
  it('splits snake, kebab and camel case', () => {
    expect(nameSegments('RESIZER_API_TOKEN')).toEqual(['RESIZER', 'API', 'TOKEN']);
    expect(nameSegments('resizerApiToken')).toEqual(['RESIZER', 'API', 'TOKEN']);
    expect(nameSegments('APIKey')).toEqual(['API', 'KEY']);
    expect(nameSegments('db-password')).toEqual(['DB', 'PASSWORD']);
  });
});

describe('isSecretLikeName', () => {
  it.each([
    'PASSWORD',
    'DB_PASSWORD',
    'DBPASSWORD',
    'dbPassword',
    'MYSQL_PASSWD',
    'SMTP_PASS',
    'DB_PWD',
    'JWT_SECRET',
    'CLIENT_SECRET',
    'GITHUB_TOKEN',
    'RESIZER_API_TOKEN',
    'STRIPE_API_KEY',
    'APIKEY',
    'apiKey',
    'PRIVATE_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'SIGNING_KEY',
    'BASIC_AUTH',
    'AUTH_HEADER',
    'AUTHORIZATION',
    'SERVICE_CREDENTIALS',
    'GPG_PASSPHRASE',
    'NEXTAUTH_SECRET',
  ])('%s is secret-like', (name) => {
    expect(isSecretLikeName(name)).toBe(true);
  });

  it.each([
    'DB_PASSWORD_ARN',
    'JWT_SECRET_NAME',
    'CLIENT_SECRET_ID',
    'AWS_ACCESS_KEY_ID',
    'TOKEN_URL',
    'TOKEN_TTL',
    'TOKEN_EXPIRY_SECONDS',
    'AUTH_ENABLED',
    'AUTH_MODE',
    'AUTH_DOMAIN',
    'SECRETS_TABLE',
    'TOKENS_BUCKET',
    'SECRET_QUEUE',
    'TOKEN_TOPIC',
    'PRIVATE_KEY_PATH',
    'DB_PASSWORD_PARAM',
    'API_KEY_HEADER_NAME',
    'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
    'SECRETS_MANAGER_TTL',
    'S3_KEY',
    'PARTITION_KEY',
    'KMS_KEY',
    'PASS_THROUGH',
    'PWD',
    'ORDERS_TABLE',
    'NODE_ENV',
  ])('%s is not secret-like', (name) => {
    expect(isSecretLikeName(name)).toBe(false);
  });
});

describe('isNonSecretValueFor', () => {
  it('accepts flags, numbers, ARNs and paths under any name', () => {
    for (const value of ['true', 'False', 'disabled', '3600', '15m', 'arn:aws:ssm:eu-west-1:1:parameter/x', '/app/prod/db-password', './keys/service.json', 'alias/app']) {
      expect(isNonSecretValueFor('DB_PASSWORD', value)).toBe(true);
    }
  });

  it('accepts an authentication mode under an AUTH name only', () => {
    expect(isNonSecretValueFor('BASIC_AUTH', 'admin:hunter2')).toBe(false);
    expect(isNonSecretValueFor('BASIC_AUTH', 'cognito')).toBe(true);
    expect(isNonSecretValueFor('AUTHORIZATION', 'jwt')).toBe(true);
    expect(isNonSecretValueFor('AUTH_HEADER', 'Bearer abc123')).toBe(false);
    expect(isNonSecretValueFor('DB_PASSWORD', 'jwt')).toBe(false);
  });

  it('accepts a header name under a HEADER name', () => {
    expect(isNonSecretValueFor('TOKEN_HEADER', 'X-Api-Token')).toBe(true);
    expect(isNonSecretValueFor('TOKEN_HEADER', 'abc123')).toBe(false);
  });

  it('keeps real-looking literals', () => {
    expect(isNonSecretValueFor('DB_PASSWORD', 'changeme')).toBe(false);
    expect(isNonSecretValueFor('API_KEY', 'k-12345')).toBe(false);
  });
});

describe('isNonSecretShape', () => {
  it('does not treat a password starting with a digit as a number', () => {
    expect(isNonSecretShape('1234abcd')).toBe(false);
  });

  it('treats short numbers as settings but long digit strings as possible keys', () => {
    expect(isNonSecretShape('86400')).toBe(true);
    expect(isNonSecretShape('12345678901234567890')).toBe(false);
  });
});

describe('isPlaceholderValue', () => {
  it.each(['', '   ', 'TODO', 'tbd', 'FIXME', '${DB_PASSWORD}', '{{ db_password }}'])('%j is a placeholder', (value) => {
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each(['changeme', 'password', 'TODO: rotate s3cr3t'])('%j is a literal', (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });
});

describe('isDynamicReference', () => {
  it('recognises CloudFormation dynamic references', () => {
    expect(isDynamicReference('{{resolve:secretsmanager:prod/db:SecretString:password}}')).toBe(true);
    expect(isDynamicReference('{{resolve:ssm-secure:/app/db-password:1}}')).toBe(true);
    expect(isDynamicReference('postgres://app:{{resolve:ssm-secure:/db:1}}@db/x')).toBe(true);
    expect(isDynamicReference('{{resolve:unknown:x}}')).toBe(false);
  });
});
