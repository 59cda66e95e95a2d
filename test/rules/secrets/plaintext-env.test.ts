import { describe, expect, it } from 'vitest';
import rule from '../../../rules/secrets/plaintext-env.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

function run(files: Record<string, string>) {
  return ruleTester.lint(rule, { files }).findings;
}

const handlers = { 'src/app.js': 'exports.a = async () => 1;\nexports.b = async () => 1;\n' };

describe('secrets/plaintext-env', () => {
  it('reports a provider secret once, at its line, with no function', () => {
    const findings = run({
      ...handlers,
      'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
  environment:
    DB_PASSWORD: correct-horse-battery-staple
functions:
  a:
    handler: src/app.a
  b:
    handler: src/app.b
    environment:
      DB_PASSWORD: override-for-b-only
`,
    });
    expect(findings).toMatchObject([
      { severity: 'error', location: { line: 6 }, key: 'serverless.yml|env|DB_PASSWORD', function: undefined },
      { location: { line: 13 }, key: 'serverless.yml|env|b|DB_PASSWORD', function: 'b' },
    ]);
  });

  it('masks the value in the message', () => {
    const [finding] = run({
      ...handlers,
      'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
functions:
  a:
    handler: src/app.a
    environment:
      RESIZER_API_TOKEN: tok_live_4f9a2c1e8b7d6a5f3e2d1c0b
`,
    });
    expect(finding?.message).toBe('Environment variable "RESIZER_API_TOKEN" holds a live API token in plain text (tok_********).');
    expect(finding?.message).not.toContain('4f9a2c1e');
  });

  it('leaves deploy-time references, numbers and booleans alone', () => {
    const findings = run({
      ...handlers,
      'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
functions:
  a:
    handler: src/app.a
    environment:
      DB_PASSWORD: \${ssm:/shop/db-password}
      API_TOKEN: \${env:API_TOKEN}
      STRIPE_SECRET: \${self:custom.stripeSecret}
      PIN_PASSWORD: 1234
      AUTH_TOKEN_REQUIRED: true
custom:
  stripeSecret: \${ssm:/shop/stripe}
`,
    });
    expect(findings).toEqual([]);
  });

  it('reports a Globals secret once for all the functions that inherit it', () => {
    const findings = run({
      ...handlers,
      'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22.x
    Environment:
      Variables:
        SLACK_TOKEN: xoxb-123456789012-abcdefghijkl
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      Handler: src/app.a
  B:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      Handler: src/app.b
`,
    });
    expect(findings).toMatchObject([{ location: { line: 8 }, key: 'template.yaml|env|SLACK_TOKEN', message: 'Environment variable "SLACK_TOKEN" holds a Slack token in plain text (xoxb********).' }]);
    expect(findings[0]?.function).toBeUndefined();
  });
});

describe('credential slots', () => {
  it('calls a fill-in-here value under a secret name a credential slot, not a secret in plain text', () => {
    const findings = run({
      ...handlers,
      'serverless.yml': `service: sms
provider:
  name: aws
  runtime: nodejs22.x
  environment:
    TWILIO_AUTH_TOKEN: YOUR-TWILIO-AUTH-TOKEN-HERE
    STRIPE_API_KEY: <your-stripe-key>
    DB_PASSWORD: changeme
    ADMIN_PASSWORD: correct-horse-battery-staple
    BUCKET_NAME: YOUR-BUCKET-HERE
functions:
  a:
    handler: src/app.a
`,
    });
    expect(findings.map((f) => [f.location.line, f.messageId])).toEqual([
      [6, 'credentialSlot'],
      [7, 'credentialSlot'],
      [8, 'credentialSlot'],
      [9, 'secretName'],
    ]);
    expect(findings[0]!.message).toBe(
      'Environment variable "TWILIO_AUTH_TOKEN" is a credential slot in the manifest (YOUR********): whoever fills it in commits the secret with the template. Pass a reference to a secret store instead: ${ssm:...}, a Secrets Manager dynamic reference, or a secret ARN the function reads at run time.',
    );
    expect(findings[0]!.message).not.toContain('plain text');
  });
});
