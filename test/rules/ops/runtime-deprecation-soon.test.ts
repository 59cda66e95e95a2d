// ops/runtime-deprecation-soon: runtimes and base images due for deprecation or end of life within the notice period.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/runtime-deprecation-soon.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { container, RUNTIME_STAGES_NOW, runtimeStages, sharedRuntime, unjudgedRuntimes } from './runtime-projects.js';

ruleTester.run(rule, {
  valid: [
    { name: 'unknown, unresolved or intrinsic runtimes are not judged', files: unjudgedRuntimes },
    { name: 'a blocked or deprecated runtime is not due soon', files: sharedRuntime },
    { name: 'an end-of-life base image is ops/deprecated-runtime\'s', files: container('node:18-alpine') },
    { name: 'an end-of-life final stage is ops/deprecated-runtime\'s', files: container('node:22', 'node:20-slim') },
    { name: 'a deprecated Lambda base image is ops/deprecated-runtime\'s', files: container('public.ecr.aws/lambda/python:3.8') },
    { name: 'an end-of-life build stage does not run', files: container('node:16', 'node:22-alpine') },
    { name: 'nothing to say without a Dockerfile', files: container() },
    { name: 'the notice period comes from the options', files: runtimeStages, now: RUNTIME_STAGES_NOW, options: { noticeDays: 0 } },
  ],
  invalid: [
    {
      name: 'only the runtime due within the notice period',
      files: runtimeStages,
      now: RUNTIME_STAGES_NOW,
      errors: [{ messageId: 'deprecatedSoon', file: 'serverless.yml', line: 13, function: 'soon', message: /^dotnet8 will be deprecated on .*, in 40 days/ }],
    },
    {
      name: 'Node.js before its end of life',
      files: container('node:22'),
      now: '2027-03-01T00:00:00Z',
      errors: [{ messageId: 'nodeEndOfLifeSoon', file: 'Dockerfile', line: 1, message: /, in 60 days\.$/ }],
    },
    {
      name: 'a Lambda base image whose runtime is due for deprecation',
      files: container('public.ecr.aws/lambda/dotnet:8'),
      now: RUNTIME_STAGES_NOW,
      errors: [{ messageId: 'imageDeprecatedSoon', file: 'Dockerfile', line: 1, message: /dotnet8 Lambda runtime, which will be deprecated on 2026-11-10, in 40 days\./ }],
    },
    {
      name: 'a language version before its end of life',
      files: container('python:3.10-slim'),
      now: RUNTIME_STAGES_NOW,
      errors: [{ messageId: 'languageEndOfLifeSoon', file: 'Dockerfile', line: 1, message: /Python 3\.10, which reaches end of life on 2026-10-31, in 30 days\.$/ }],
    },
  ],
});

describe('ops/runtime-deprecation-soon findings', () => {
  it('is a note', () => {
    expect(ruleTester.lint(rule, { files: runtimeStages, now: RUNTIME_STAGES_NOW }).findings.map((f) => f.severity)).toEqual(['note']);
  });
});
