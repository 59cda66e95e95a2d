// ops/tracing-disabled: functions that do not start X-Ray traces.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/tracing-disabled.js';
import { ruleTester } from '../../helpers/rule-tester.js';

/** A SAM template: Globals lines, then each function (line 3 + 7 * index + globals lines) with its extra properties. */
function sam(functions: string[], globals = ''): Record<string, string> {
  const body = functions
    .map((extra, i) => `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      CodeUri: src/\n      Handler: app.handler\n${extra}`)
    .join('');
  return {
    'template.yaml': `Transform: AWS::Serverless-2016-10-31\n${globals}Parameters:\n  TracingMode:\n    Type: String\nResources:\n${body}`,
    'src/app.js': 'exports.handler = async () => 1;\n',
  };
}

const oneWithout = sam(['']);
const twoWithout = sam(['', '', '      Tracing: Active\n']);

ruleTester.run(rule, {
  valid: [
    { name: 'Active tracing set by the function', files: sam(['      Tracing: Active\n']) },
    { name: 'Active tracing inherited from Globals', files: sam(['', ''], 'Globals:\n  Function:\n    Tracing: Active\n') },
    {
      name: 'provider tracing in the Serverless Framework',
      files: {
        'serverless.yml': 'service: svc\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  tracing:\n    lambda: true\nfunctions:\n  a:\n    handler: src/app.handler\n',
        'src/app.js': 'exports.handler = async () => 1;\n',
      },
    },
    {
      name: 'an OpenTelemetry layer or an exec wrapper',
      files: sam([
        '      Layers:\n        - arn:aws:lambda:eu-west-1:901920570463:layer:aws-otel-nodejs-amd64-ver-1-30-1:1\n',
        '      Environment:\n        Variables:\n          AWS_LAMBDA_EXEC_WRAPPER: /opt/otel-handler\n',
      ]),
    },
    { name: 'a mode chosen at deploy time', files: sam(['      Tracing: !Ref TracingMode\n']) },
  ],
  invalid: [
    {
      name: 'one function without tracing, at the function',
      files: oneWithout,
      errors: [{ messageId: 'notSet', file: 'template.yaml', line: 6, function: 'Fn0', key: 'template.yaml#Fn0|tracing' }],
    },
    {
      name: 'the functions of a service without tracing once, naming them',
      files: twoWithout,
      errors: [{ messageId: 'notSetMany', file: 'template.yaml', line: 6, function: null, key: 'template.yaml|tracing', data: { count: 2, functions: '"Fn0", "Fn1"' } }],
    },
    {
      name: 'PassThrough, at the function',
      files: sam(['      Tracing: PassThrough\n']),
      errors: [{ messageId: 'notActive', file: 'template.yaml', line: 6, function: 'Fn0', data: { function: '"Fn0"', mode: '"PassThrough"' } }],
    },
  ],
});

describe('ops/tracing-disabled findings', () => {
  it('relates the functions of a service-wide note', () => {
    const [finding] = ruleTester.lint(rule, { files: twoWithout }).findings;
    expect(finding!.related.map((r) => r.location.line)).toEqual([6, 12]);
  });

  it('points from PassThrough to where it is set', () => {
    const [finding] = ruleTester.lint(rule, { files: sam(['      Tracing: PassThrough\n']) }).findings;
    expect(finding!.related.map((r) => r.location.line)).toEqual([12]);
  });
});
