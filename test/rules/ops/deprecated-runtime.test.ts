// Tests for ops/deprecated-runtime, ops/blocked-runtime and ops/runtime-deprecation-soon on hand-built models: dated
// stages, inherited runtimes, base images.
import { describe, expect, it } from 'vitest';
import type { RuleReport } from '../../../rules/kit.js';
import { analysisWithoutSources } from '../../helpers/analysed-project.js';
import type { Location } from '../../../src/model/location.js';
import type { FunctionModel, Located, Project, RoleModel, ServiceModel } from '../../../src/model/project.js';
import { Unresolved } from '../../../src/model/values.js';
import rule, { imageRuntime, replacementFor } from '../../../rules/ops/deprecated-runtime.js';
import blocked from '../../../rules/ops/blocked-runtime.js';
import soon from '../../../rules/ops/runtime-deprecation-soon.js';
import type { AnyRule } from '../../../rules/kit.js';

const at = (line: number, file = 'serverless.yml'): Location => ({ file, line, column: 3, endLine: line, endColumn: 20 });

function service(kind: ServiceModel['kind'] = 'serverless'): ServiceModel {
  return { id: 'serverless.yml', name: 'svc', kind, manifest: 'serverless.yml', dir: '', location: at(1), functions: [], roles: [], resources: [], document: {} };
}

function fn(svc: ServiceModel, name: string, line: number, runtime?: Located<unknown>): FunctionModel {
  const role = { id: 'r', name: 'r', kind: 'serverless-provider', service: svc, location: at(1), functions: [], statements: [], managedPolicies: [], incomplete: false } satisfies RoleModel;
  const f: FunctionModel = { id: `serverless.yml#${name}`, name, service: svc, location: at(line), environment: [], events: [], role, vpc: false, tags: {}, properties: {}, ...(runtime ? { runtime } : {}) };
  svc.functions.push(f);
  return f;
}

function project(services: ServiceModel[]): Project {
  return { root: '/p', services, functions: services.flatMap((s) => s.functions), roles: [], resources: [], inputFindings: [], files: [] };
}

/** What the three runtime rules report, each finding with the severity of the rule that reported it. */
function run(p: Project, now = '2026-12-01T00:00:00Z', options = soon.defaultOptions) {
  const reports: (RuleReport<string> & { severity: string })[] = [];
  for (const checked of [blocked, rule, soon] as AnyRule[]) {
    const ruleOptions = checked === soon ? options : checked.defaultOptions;
    checked.check({ project: p, analysis: analysisWithoutSources(p), options: ruleOptions, now: new Date(now), report: (r) => reports.push({ ...r, severity: checked.severity }), reportLimit: () => undefined });
  }
  return reports.sort((a, b) => a.at.file.localeCompare(b.at.file) || a.at.line - b.at.line);
}

describe('ops/deprecated-runtime: function runtimes', () => {
  it('is an error once updates are blocked, a warning once deprecated, a note shortly before', () => {
    const svc = service();
    fn(svc, 'old', 10, { value: 'nodejs12.x', location: at(11) });
    fn(svc, 'deprecated', 20, { value: 'nodejs18.x', location: at(21) });
    fn(svc, 'soon', 30, { value: 'dotnet8', location: at(31) });
    fn(svc, 'fine', 40, { value: 'nodejs24.x', location: at(41) });
    const reports = run(project([svc]), '2026-10-01T00:00:00Z');
    expect(reports.map((r) => [r.at.line, r.messageId, r.severity])).toEqual([
      [11, 'blocked', 'error'],
      [21, 'deprecated', 'warning'],
      [31, 'deprecatedSoon', 'note'],
    ]);
    expect(reports[1]!.data).toMatchObject({ runtime: 'nodejs18.x', deprecated: '2025-09-01', blockUpdate: '2027-03-03', functions: '"deprecated"', upgrade: ' Upgrade to nodejs24.x.' });
    expect(reports[2]!.data).toMatchObject({ days: 40 });
    expect(reports[0]!.function).toBe('old');
  });

  it('reports a runtime once per manifest, at the line most functions share, the other places related', () => {
    const svc = service();
    const shared = at(5);
    fn(svc, 'c', 30, { value: 'python3.8', location: at(31) });
    fn(svc, 'a', 10, { value: 'python3.8', location: shared });
    fn(svc, 'b', 20, { value: 'python3.8', location: shared });
    const reports = run(project([svc]));
    expect(reports.map((r) => [r.at.line, r.key, r.data?.functions])).toEqual([[5, 'serverless.yml|python3.8|shared', '"c", "a", "b"']]);
    // The function that writes its own runtime is related at that line; those sharing the provider line at their own.
    expect(reports[0]!.related?.map((r) => r.location.line)).toEqual([31, 10, 20]);
    expect(reports[0]!.function).toBeUndefined();
  });

  it('does not judge unknown, unresolved or intrinsic runtimes', () => {
    const svc = service();
    fn(svc, 'a', 10, { value: new Unresolved('${param:runtime}', 'parameters are resolved at deploy time'), location: at(11) });
    fn(svc, 'b', 20, { value: { Ref: 'Runtime' }, location: at(21) });
    fn(svc, 'c', 30, { value: 'nodejs99.x', location: at(31) });
    fn(svc, 'd', 40);
    expect(run(project([svc]))).toEqual([]);
  });

  it('takes the notice period from the options', () => {
    const svc = service();
    fn(svc, 'a', 10, { value: 'dotnet8', location: at(11) });
    expect(run(project([svc]), '2026-10-01T00:00:00Z', { noticeDays: 0 })).toEqual([]);
  });
});

describe('ops/deprecated-runtime: container base images', () => {
  const container = (images: string[]): ServiceModel => {
    const svc = service('service');
    svc.container = {
      name: 'svc',
      location: at(4, 'svc.yaml'),
      baseImages: images.map((value, i) => ({ value, location: at(i + 1, 'Dockerfile') })),
      dockerfile: 'Dockerfile',
    };
    return svc;
  };

  it('reports an end-of-life Node.js in the final stage at its FROM line', () => {
    const reports = run(project([container(['node:18-alpine'])]));
    expect(reports).toMatchObject([{ messageId: 'nodeEndOfLife', severity: 'warning', at: { file: 'Dockerfile', line: 1 }, data: { version: '18', date: '2025-04-30' } }]);
  });

  it('looks only at the stage that runs', () => {
    expect(run(project([container(['node:16', 'node:22-alpine'])]))).toEqual([]);
    expect(run(project([container(['node:22', 'node:20-slim'])])).map((r) => r.at.line)).toEqual([2]);
  });

  it('warns before Node.js end of life, and reads Lambda base images against the runtime table', () => {
    const reports = run(project([container(['public.ecr.aws/lambda/python:3.8'])]), '2026-12-01T00:00:00Z');
    expect(reports).toMatchObject([{ messageId: 'imageDeprecated', severity: 'warning', data: { runtime: 'python3.8', upgrade: ' Upgrade to python3.14.' } }]);
    expect(run(project([container(['node:22'])]), '2027-03-01T00:00:00Z')).toMatchObject([{ messageId: 'nodeEndOfLifeSoon', severity: 'note', data: { days: 60 } }]);
  });

  it('has nothing to say without a Dockerfile', () => {
    const svc = container([]);
    expect(run(project([svc]))).toEqual([]);
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
