// The dating of runtimes and base images that ops/blocked-runtime, ops/deprecated-runtime and
// ops/runtime-deprecation-soon report: what a base image tag runs, and the runtime to move to.
import { describe, expect, it } from 'vitest';
import { imageRuntime, replacementFor } from '../../src/analyse/runtimes.js';

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
