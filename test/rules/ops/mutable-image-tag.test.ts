// ops/mutable-image-tag: image references that move with every push, and how references are read.
import { describe, expect, it } from 'vitest';
import rule, { mutableReference, parseImageReference } from '../../../rules/ops/mutable-image-tag.js';
import { ruleTester } from '../../helpers/rule-tester.js';

/** A kind: Service manifest whose spec.image (line 7) is `image`, and a Dockerfile with one FROM line per base image. */
function service(image: string | undefined, ...baseImages: string[]): Record<string, string> {
  return {
    'svc.yaml': `apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  port: 8080\n${image === undefined ? '' : `  image: ${image}\n`}`,
    ...(baseImages.length > 0 ? { Dockerfile: baseImages.map((b) => `FROM ${b}\n`).join('') } : {}),
  };
}

ruleTester.run(rule, {
  valid: [
    { name: 'a version tag', files: service('myapp:2.0.1') },
    { name: 'an image chosen at deploy time', files: service('${ssm:/image}') },
    { name: 'no image', files: service(undefined), inputProblems: ['input/invalid-manifest svc.yaml:5'] },
    { name: 'a tagged final stage', files: service('myapp:1.0', 'golang', 'gcr.io/distroless/static:nonroot') },
    { name: 'scratch', files: service('myapp:1.0', 'golang:1.23', 'scratch') },
  ],
  invalid: [
    { name: ':latest, at spec.image', files: service('myapp:latest'), errors: [{ messageId: 'latest', file: 'svc.yaml', line: 7 }] },
    { name: 'no tag', files: service('myapp'), errors: [{ messageId: 'untagged', file: 'svc.yaml', line: 7 }] },
    { name: "the final stage's untagged base image, not the build stage", files: service('myapp:1.0', 'golang', 'gcr.io/distroless/static'), errors: [{ messageId: 'baseUntagged', file: 'Dockerfile', line: 2 }] },
    { name: 'a :latest base image', files: service('myapp:1.0', 'node:latest'), errors: [{ messageId: 'baseLatest', file: 'Dockerfile', line: 1 }] },
  ],
});

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
