// Tests for ops/mutable-image-tag: image reference parsing and what is reported where.
import { describe, expect, it } from 'vitest';
import type { RuleReport } from '../../../rules/kit.js';
import { analysisWithoutSources } from '../../helpers/analysed-project.js';
import type { Location } from '../../../src/model/location.js';
import type { Project, ServiceModel } from '../../../src/model/project.js';
import { Unresolved } from '../../../src/model/values.js';
import rule, { mutableReference, parseImageReference } from '../../../rules/ops/mutable-image-tag.js';

const at = (line: number, file = 'svc.yaml'): Location => ({ file, line, column: 10, endLine: line, endColumn: 22 });

function project(image: unknown, baseImages: string[] = []): Project {
  const svc: ServiceModel = { id: 'svc.yaml', name: 'svc', kind: 'service', manifest: 'svc.yaml', dir: '', location: at(4), functions: [], roles: [], resources: [], document: {} };
  svc.container = {
    name: 'svc',
    location: at(4),
    ...(image === undefined ? {} : { image: { value: image, location: at(7) } }),
    baseImages: baseImages.map((value, i) => ({ value, location: at(i + 1, 'Dockerfile') })),
  };
  return { root: '/p', services: [svc], functions: [], roles: [], resources: [], inputFindings: [], files: [] };
}

function run(p: Project) {
  const reports: RuleReport<string>[] = [];
  rule.check({ project: p, analysis: analysisWithoutSources(p), options: {}, now: new Date('2026-12-01T00:00:00Z'), report: (r) => reports.push(r), reportLimit: () => undefined });
  return reports.map((r) => `${r.at.file}:${r.at.line} ${r.messageId}`);
}

describe('parseImageReference', () => {
  it('tells a registry port from a tag and keeps the digest', () => {
    expect(parseImageReference('registry:5000/team/app')).toEqual({ repository: 'registry:5000/team/app' });
    expect(parseImageReference('registry:5000/team/app:1.2')).toEqual({ repository: 'registry:5000/team/app', tag: '1.2' });
    expect(parseImageReference('app:1.2@sha256:abc')).toEqual({ repository: 'app', tag: '1.2', digest: 'sha256:abc' });
  });
});

describe('mutableReference', () => {
  it.each([
    ['myapp:latest', 'latest'],
    ['myapp:LATEST', 'latest'],
    ['myapp', 'untagged'],
    ['registry.example.com:5000/team/myapp', 'untagged'],
    ['myapp:1.4.2', undefined],
    ['myapp@sha256:0123abcd', undefined],
    ['myapp:latest@sha256:0123abcd', undefined],
    ['myapp:${TAG}', undefined],
    ['${IMAGE}', undefined],
    ['{{ .Values.image }}', undefined],
  ])('%s -> %s', (image, expected) => {
    expect(mutableReference(image)).toBe(expected);
  });
});

describe('ops/mutable-image-tag', () => {
  it('reports spec.image at its value', () => {
    expect(run(project('myapp:latest'))).toEqual(['svc.yaml:7 latest']);
    expect(run(project('myapp'))).toEqual(['svc.yaml:7 untagged']);
    expect(run(project('myapp:2.0.1'))).toEqual([]);
  });

  it('does not judge an unresolved or missing image', () => {
    expect(run(project(new Unresolved('${ssm:/image}', 'SSM parameters are read at deploy time')))).toEqual([]);
    expect(run(project(undefined))).toEqual([]);
  });

  it("checks the final stage's base image, not build stages or scratch", () => {
    expect(run(project('myapp:1.0', ['golang', 'gcr.io/distroless/static']))).toEqual(['Dockerfile:2 baseUntagged']);
    expect(run(project('myapp:1.0', ['golang', 'gcr.io/distroless/static:nonroot']))).toEqual([]);
    expect(run(project('myapp:1.0', ['node:latest']))).toEqual(['Dockerfile:1 baseLatest']);
    expect(run(project('myapp:1.0', ['golang:1.23', 'scratch']))).toEqual([]);
  });
});
