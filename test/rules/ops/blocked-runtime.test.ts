// ops/blocked-runtime: runtimes whose updates Lambda already blocks, reported once per manifest.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/blocked-runtime.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { container, RUNTIME_STAGES_NOW, runtimeStages, sharedRuntime, unjudgedRuntimes } from './runtime-projects.js';

ruleTester.run(rule, {
  valid: [
    { name: 'unknown, unresolved or intrinsic runtimes are not judged', files: unjudgedRuntimes },
    { name: 'an end-of-life base image is ops/deprecated-runtime\'s', files: container('node:18-alpine') },
    { name: 'an end-of-life final stage is ops/deprecated-runtime\'s', files: container('node:22', 'node:20-slim') },
    { name: 'a deprecated Lambda base image is ops/deprecated-runtime\'s', files: container('public.ecr.aws/lambda/python:3.8') },
    { name: 'an end-of-life build stage does not run', files: container('node:16', 'node:22-alpine') },
    { name: 'nothing to say without a Dockerfile', files: container() },
    { name: 'a deprecated runtime is ops/deprecated-runtime\'s', files: sharedRuntime },
  ],
  invalid: [
    {
      name: 'only the runtime whose updates are blocked',
      files: runtimeStages,
      now: RUNTIME_STAGES_NOW,
      errors: [{ messageId: 'blocked', file: 'serverless.yml', line: 7, function: 'old' }],
    },
  ],
});

describe('ops/blocked-runtime findings', () => {
  it('is an error', () => {
    expect(ruleTester.lint(rule, { files: runtimeStages, now: RUNTIME_STAGES_NOW }).findings.map((f) => f.severity)).toEqual(['error']);
  });
});
