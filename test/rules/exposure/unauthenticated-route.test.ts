import { describe, expect, it } from 'vitest';
import { RuleOptionsError } from '../../../src/engine/lint.js';
import rule from '../../../rules/exposure/unauthenticated-route.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

function run(files: Record<string, string>, options?: Record<string, unknown>) {
  return ruleTester.lint(rule, { files, options }).findings;
}

const serverless = (events: string): Record<string, string> => ({
  'serverless.yml': `service: shop\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  api:\n    handler: src/api.handler\n    events:\n${events}`,
  'src/api.js': 'exports.handler = async () => ({ statusCode: 200 });\n',
});

describe('exposure/unauthenticated-route', () => {
  it('names the method, the path and the API, at the event, for the function', () => {
    const [finding, ...rest] = run(serverless('      - httpApi: POST /orders\n'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      message: 'POST /orders can be called by anyone: neither the route nor the HTTP API requires an authorizer, IAM auth or an API key.',
      location: { file: 'serverless.yml', line: 9 },
      function: 'api',
    });
  });

  it('reports a catch-all route as ANY', () => {
    expect(run(serverless("      - httpApi: '*'\n")).map((f) => f.message)).toEqual([
      'ANY /{proxy+} can be called by anyone: neither the route nor the HTTP API requires an authorizer, IAM auth or an API key.',
    ]);
  });

  it('leaves paths listed in publicPaths alone', () => {
    const events = '      - httpApi: POST /signup\n      - httpApi: POST /webhooks/stripe\n      - httpApi: DELETE /users/{id}\n';
    const findings = run(serverless(events), { publicPaths: ['/signup', '/webhooks/*'] });
    expect(findings.map((f) => f.message)).toEqual([
      'DELETE /users/{id} can be called by anyone: neither the route nor the HTTP API requires an authorizer, IAM auth or an API key.',
    ]);
  });

  it('leaves endpoints that authenticate the caller themselves alone, unless conventionalPublicPaths is off', () => {
    const open = ['POST /login', 'POST /auth/sign-up', 'POST /oauth/token', 'PUT /oauth2/client/{clientId}', 'POST /payments/stripe-webhook', 'POST /.well-known/jwks', 'POST /users/{id}/token'];
    const closed = ['POST /login-history', 'DELETE /users/{id}', 'POST /tokens', 'PUT /webhook-settings/{id}'];
    const events = [...open, ...closed].map((route) => `      - httpApi: ${route}\n`).join('');
    expect(run(serverless(events)).map((f) => f.message.slice(0, f.message.indexOf(' can be called')))).toEqual(closed);
    expect(run(serverless(events), { conventionalPublicPaths: false })).toHaveLength(open.length + closed.length);
  });

  it('rejects unknown options', () => {
    expect(() => run(serverless('      - httpApi: POST /x\n'), { allowPaths: ['/x'] })).toThrow(RuleOptionsError);
  });

  it('does not judge an API whose security lives in an OpenAPI body', () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: api.handler
      CodeUri: src/
      Events:
        Create:
          Type: Api
          Properties: { RestApiId: !Ref Api, Path: /orders, Method: post }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: openapi.yaml
`;
    expect(run({ 'template.yaml': template, 'src/api.js': 'exports.handler = async () => ({});\n' })).toEqual([]);
  });

  it('keeps a route that opts out of the default authorizer reported', () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    Auth:
      DefaultAuthorizer: AWS_IAM
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: api.handler
      CodeUri: src/
      Events:
        Create:
          Type: Api
          Properties:
            Path: /orders
            Method: post
            Auth: { Authorizer: NONE }
        List:
          Type: Api
          Properties: { Path: '/orders/{id}', Method: put }
`;
    expect(run({ 'template.yaml': template, 'src/api.js': 'exports.handler = async () => ({});\n' }).map((f) => f.location.line)).toEqual([14]);
  });
});
