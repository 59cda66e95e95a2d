// ops/deprecated-runtime: deprecated function runtimes and end-of-life container base images, and how base images
// and runtimes are read.
import { describe, expect, it } from 'vitest';
import rule, { imageRuntime, replacementFor } from '../../../rules/ops/deprecated-runtime.js';
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

describe('imageRuntime', () => {
  it.each([
    ['node:18-alpine', { kind: 'node', id: '18' }],
    ['node:18.20.4-bookworm-slim', { kind: 'node', id: '18' }],
    ['docker.io/library/node:16', { kind: 'node', id: '16' }],
    ['public.ecr.aws/docker/library/node:20-alpine@sha256:abc', { kind: 'node', id: '20' }],
    ['node:hydrogen-alpine', { kind: 'node', id: '18' }],
    ['node:lts-gallium', { kind: 'node', id: '16' }],
    ['public.ecr.aws/lambda/nodejs:18', { kind: 'lambda', id: 'nodejs18.x' }],
    ['amazon/aws-lambda-python:3.9.2024.01.01-x86_64', { kind: 'lambda', id: 'python3.9' }],
    ['public.ecr.aws/lambda/java:8.al2', { kind: 'lambda', id: 'java8.al2' }],
    ['public.ecr.aws/lambda/provided:al2', { kind: 'lambda', id: 'provided.al2' }],
    ['python:3.8-slim', { kind: 'language', language: 'python', id: '3.8' }],
    ['docker.io/library/python:3.12.4-bookworm', { kind: 'language', language: 'python', id: '3.12' }],
    ['ruby:3.0-alpine', { kind: 'language', language: 'ruby', id: '3.0' }],
    ['golang:1.21.5-alpine3.19', { kind: 'language', language: 'go', id: '1.21' }],
    ['eclipse-temurin:20-jre', { kind: 'language', language: 'java', id: '20' }],
    ['openjdk:8u342-jdk', { kind: 'language', language: 'java', id: '8' }],
    ['amazoncorretto:17', { kind: 'language', language: 'java', id: '17' }],
    ['mcr.microsoft.com/dotnet/aspnet:6.0-alpine', { kind: 'language', language: 'dotnet', id: '6.0' }],
    ['mcr.microsoft.com/dotnet/core/runtime:3.1', { kind: 'language', language: 'dotnet', id: '3.1' }],
    ['microsoft/dotnet:2.1-runtime', { kind: 'language', language: 'dotnet', id: '2.1' }],
  ])('%s runs %o', (image, expected) => {
    expect(imageRuntime(image)).toEqual(expected);
  });

  it.each(['node', 'node:lts', 'node:current-alpine', 'node@sha256:abc', 'node:${NODE_VERSION}', 'mynode:18', 'localhost:5000/app', 'public.ecr.aws/lambda/nodejs:latest', 'python:3', 'python:slim', 'golang:alpine', 'mcr.microsoft.com/dotnet/aspnet:latest'])(
    'cannot date %s',
    (image) => {
      expect(imageRuntime(image)).toBeUndefined();
    },
  );
});

describe('replacementFor', () => {
  it('suggests the newest supported runtime of the same family', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(replacementFor('nodejs16.x', now)).toBe('nodejs24.x');
    expect(replacementFor('go1.x', now)).toBe('provided.al2023');
    expect(replacementFor('dotnetcore3.1', now)).toBe('dotnet10');
    expect(replacementFor('python3.7', now)).toBe('python3.14');
  });
});
