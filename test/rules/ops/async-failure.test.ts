import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/async-failure.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const project = (template: string) => ({
  'template.yaml': `Transform: AWS::Serverless-2016-10-31\nResources:\n${template}`,
  'src/app.js': 'exports.handler = async () => {};\n',
});
const run = (template: string) => ruleTester.lint(rule, { files: project(template) }).findings;

const fn = (name: string, extra: string) => `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      CodeUri: src/
      Handler: app.handler
${extra}`;

ruleTester.run(rule, {
  valid: [
    {
      name: 'nothing invokes it asynchronously, even with reserved concurrency 0',
      files: project(fn('Switch', "      ReservedConcurrentExecutions: 0\n      Events:\n        Get:\n          Type: Api\n          Properties: { Path: /, Method: get }\n")),
    },
  ],
  invalid: [
    {
      name: 'reserved concurrency 0 once, at the setting',
      files: project(fn('Paused', '      ReservedConcurrentExecutions: 0\n      Events:\n        Jobs:\n          Type: SQS\n          Properties: { Queue: !GetAtt Jobs.Arn }\n') + '  Jobs:\n    Type: AWS::SQS::Queue\n'),
      errors: [{ messageId: 'zeroConcurrency', file: 'template.yaml', line: 9, function: 'Paused' }],
    },
  ],
});

describe('ops/async-failure', () => {
  it('reports an asynchronously invoked function without a failure destination at the function, naming its events', () => {
    const findings = run(fn('OnTopic', "      Events:\n        Alerts:\n          Type: SNS\n          Properties: { Topic: arn:aws:sns:eu-west-1:123456789012:alerts }\n"));
    expect(findings).toMatchObject([
      {
        severity: 'error',
        message: '"OnTopic" is invoked asynchronously ("SNS") but has no dead-letter queue or on-failure destination: an event that still fails after two retries is dropped without a trace.',
        location: { line: 3 },
        function: 'OnTopic',
      },
    ]);
  });

  it('reports reserved concurrency 0 once, at the setting, saying where queued events go', () => {
    const findings = run(
      fn('Paused', '      ReservedConcurrentExecutions: 0\n      Events:\n        Jobs:\n          Type: SQS\n          Properties: { Queue: !GetAtt Jobs.Arn }\n') +
        '  Jobs:\n    Type: AWS::SQS::Queue\n',
    );
    expect(findings.map((f) => [f.location.line, f.message])).toEqual([
      [9, '"Paused" has ReservedConcurrentExecutions 0, so it can never run: every SQS event sent to it is throttled and waits in its queue or stream.'],
    ]);
  });

  it('leaves functions nothing invokes asynchronously alone, even with reserved concurrency 0', () => {
    expect(run(fn('Switch', "      ReservedConcurrentExecutions: 0\n      Events:\n        Get:\n          Type: Api\n          Properties: { Path: /, Method: get }\n"))).toEqual([]);
  });
});
