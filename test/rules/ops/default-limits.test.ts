// ops/default-limits: functions left on the platform's memory size and timeout.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/default-limits.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { aboveMaximum, behindApis, sharedTimeout, someDefaults } from './timeout-projects.js';

ruleTester.run(rule, {
  valid: [
    { name: 'functions that set a timeout', files: aboveMaximum },
    { name: 'functions behind APIs that set a timeout', files: behindApis },
    { name: 'a timeout set for every function in the provider', files: sharedTimeout },
  ],
  invalid: [
    {
      name: 'once per service, naming the functions with neither memory size nor timeout',
      files: someDefaults,
      errors: [
        {
          messageId: 'defaults',
          file: 'serverless.yml',
          line: 1,
          data: { functions: '"fn0", "fn2"', subject: 'they run', defaults: '1024 MB and 6 seconds in the Serverless Framework' },
        },
      ],
    },
    {
      name: 'the SAM defaults',
      files: {
        'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      CodeUri: src/
      Handler: app.handler
`,
        'src/app.js': 'exports.handler = async () => 1;\n',
      },
      errors: [{ messageId: 'defaults', file: 'template.yaml', line: 1, data: { functions: '"Fn"', subject: 'it runs', defaults: '128 MB and 3 seconds' } }],
    },
  ],
});

describe('ops/default-limits findings', () => {
  it('is a note', () => {
    expect(ruleTester.lint(rule, { files: someDefaults }).findings.map((f) => f.severity)).toEqual(['note']);
  });
});
