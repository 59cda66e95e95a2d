// ops/deprecated-runtime: deprecated function runtimes and end-of-life container base images (how base images and
// runtimes are read is tested in test/analyse/runtimes.test.ts).
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ops/deprecated-runtime.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { container, RUNTIME_STAGES_NOW, runtimeStages, sharedRuntime, unjudgedRuntimes } from './runtime-projects.js';

ruleTester.run(rule, {
  valid: [
    { name: 'unknown, unresolved or intrinsic runtimes are not judged', files: unjudgedRuntimes },
    { name: 'an end-of-life build stage does not run', files: container('node:16', 'node:22-alpine') },
    { name: 'nothing to say without a Dockerfile', files: container() },
    { name: 'Node.js before its end of life is ops/runtime-deprecation-soon\'s', files: container('node:22'), now: '2027-03-01T00:00:00Z' },
  ],
  invalid: [
    {
      name: 'a runtime once per manifest, at the line most functions share',
      files: sharedRuntime,
      errors: [{ messageId: 'deprecated', file: 'serverless.yml', line: 4, function: null, key: 'serverless.yml|python3.8|shared' }],
    },
    {
      name: 'only the deprecated runtime, with its dates and the upgrade',
      files: runtimeStages,
      now: RUNTIME_STAGES_NOW,
      errors: [
        {
          messageId: 'deprecated',
          file: 'serverless.yml',
          line: 10,
          function: 'deprecated',
          data: { runtime: 'nodejs18.x', deprecated: '2025-09-01', blockUpdate: '2027-03-03', functions: '"deprecated"', upgrade: ' Upgrade to nodejs24.x.' },
        },
      ],
    },
    {
      name: 'an end-of-life Node.js in the final stage, at its FROM line',
      files: container('node:18-alpine'),
      errors: [{ messageId: 'nodeEndOfLife', file: 'Dockerfile', line: 1, data: { image: '"node:18-alpine"', version: '18', date: '2025-04-30' } }],
    },
    {
      name: 'only the stage that runs',
      files: container('node:22', 'node:20-slim'),
      errors: [{ messageId: 'nodeEndOfLife', file: 'Dockerfile', line: 2 }],
    },
    {
      name: 'a Lambda base image read against the runtime table',
      files: container('public.ecr.aws/lambda/python:3.8'),
      errors: [{ messageId: 'imageDeprecated', file: 'Dockerfile', line: 1, message: /python3\.8 Lambda runtime, deprecated since .* Upgrade to python3\.14\.$/ }],
    },
  ],
});

describe('ops/deprecated-runtime findings', () => {
  it('names every function of a shared runtime, and relates the own line of one that writes it and the others at their function', () => {
    const [finding] = ruleTester.lint(rule, { files: sharedRuntime }).findings;
    expect(finding!.message).toContain('("c", "a", "b")');
    expect(finding!.related.map((r) => r.location.line)).toEqual([8, 9, 11]);
  });

  it('is a warning', () => {
    expect(ruleTester.lint(rule, { files: container('node:18-alpine') }).findings.map((f) => f.severity)).toEqual(['warning']);
  });
});
