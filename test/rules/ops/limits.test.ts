// ops/limits: timeouts longer than the API in front of the function waits, and memory the code does not need.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/limits.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { aboveMaximum, behindApis, service, sharedTimeout, someDefaults } from './timeout-projects.js';

const above = (line: number, fn: string, limit: number, api: string) => ({
  messageId: 'aboveIntegration',
  file: 'serverless.yml',
  line,
  function: fn,
  message: new RegExp(`than the ${limit}-second ${api} integration timeout`),
});

ruleTester.run(rule, {
  valid: [
    { name: 'the Lambda maximum is ops/timeout-above-maximum\'s', files: aboveMaximum },
    { name: 'the defaults are ops/default-limits\'s', files: someDefaults },
    {
      name: 'values it cannot know',
      files: {
        ...service({ fromParameter: '    timeout: ${param:timeout}\n    events:\n      - http: GET /a\n' }),
        'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Timeout:
    Type: Number
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      CodeUri: src/
      Handler: app.handler
      Timeout: !Ref Timeout
      Events:
        Get:
          Type: Api
          Properties: { Path: /, Method: get }
`,
      },
    },
    { name: 'asynchronous http events do not wait for the function', files: service({ fn: '    timeout: 60\n    events:\n      - http:\n          path: /a\n          method: post\n          async: true\n' }) },
  ],
  invalid: [
    {
      name: 'an API Gateway integration gives up first',
      files: behindApis,
      errors: [above(8, 'rest30', 29, 'REST API'), above(18, 'http31', 30, 'HTTP API'), above(38, 'ws40', 29, 'WebSocket API')],
    },
    {
      name: 'a numeric string, which CloudFormation accepts',
      files: {
        'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      CodeUri: src/
      Handler: app.handler
      Timeout: '60'
      Events:
        Get:
          Type: Api
          Properties: { Path: /, Method: get }
`,
        'src/app.js': 'exports.handler = async () => 1;\n',
      },
      errors: [{ ...above(9, 'Api', 29, 'REST API'), file: 'template.yaml' }],
    },
    {
      name: 'a provider-level timeout once for the functions behind the API',
      files: sharedTimeout,
      errors: [{ messageId: 'aboveIntegration', file: 'serverless.yml', line: 5, function: null, key: 'serverless.yml|timeout>REST API|shared' }],
    },
  ],
});

describe('ops/limits findings', () => {
  it('is a warning', () => {
    expect(ruleTester.lint(rule, { files: behindApis }).findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it('names the functions behind the API of a shared timeout, and relates them', () => {
    const [finding] = ruleTester.lint(rule, { files: sharedTimeout }).findings;
    expect(finding!.message).toContain('("fn0", "fn1")');
    expect(finding!.related.map((r) => r.location.line)).toEqual([7, 11]);
  });
});
