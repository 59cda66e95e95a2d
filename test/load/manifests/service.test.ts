// Tests for the kind: Service loader: the model it builds, its schema messages, and Dockerfile FROM parsing.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import type { ManifestContext } from '../../../src/load/manifests/context.js';
import { loadService, parseDockerfileBaseImages } from '../../../src/load/manifests/service.js';
import { parseYaml } from '../../../src/load/yaml.js';

function load(yaml: string, files: Record<string, string> = {}, file = 'svc/serverless-config.yaml') {
  const parsed = parseYaml(yaml, file);
  if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message).join('; '));
  const findings: Finding[] = [...parsed.findings];
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const context: ManifestContext = {
    root: '/project',
    file,
    dir,
    options: { resolveEnv: false, env: {} },
    report: (finding) => findings.push(finding),
    readFile: (written) => {
      const rel = dir ? `${dir}/${written}` : written;
      return rel in files ? { ok: true, text: files[rel]!, file: rel } : { ok: false, reason: 'it does not exist' };
    },
    resolvePath: (written) => (dir ? `${dir}/${written}` : written),
  };
  const service = loadService(parsed.value, context);
  return { service, findings };
}

const EXAMPLE = `# serverless-config.yaml
apiVersion: serverless.example.com/v1
kind: Service
metadata:
  name: myservice
spec:
  image: myapp:latest

  scaling:
    minReplicas: 0
    maxReplicas: 100
    metrics:
      - type: cpu
        target: 70
      - type: request
        target: 1000
      - type: queue_depth
        target: 100

  # Predictive scaling with ML
  predictive:
    enabled: true
    model: hourly-usage-v1
    lookahead: 2h
`;

describe('loadService', () => {
  it('builds the container model of the example manifest without findings', () => {
    const { service, findings } = load(EXAMPLE, { 'svc/Dockerfile': 'FROM node:18-alpine\nWORKDIR /app\n' });
    expect(findings).toEqual([]);
    expect(service).toMatchObject({ id: 'svc/serverless-config.yaml', name: 'myservice', kind: 'service', dir: 'svc', functions: [], roles: [], resources: [] });
    expect(service!.location).toMatchObject({ file: 'svc/serverless-config.yaml', line: 5, column: 9 });
    const container = service!.container!;
    expect(container.name).toBe('myservice');
    expect(container.image).toMatchObject({ value: 'myapp:latest', location: { line: 7, column: 10 } });
    expect(container.scaling?.location.line).toBe(9);
    expect(container.scaling?.value.maxReplicas).toBe(100);
    expect(container.security).toBeUndefined();
    expect(container.dockerfile).toBe('svc/Dockerfile');
    expect(container.baseImages).toEqual([{ value: 'node:18-alpine', location: { file: 'svc/Dockerfile', line: 1, column: 6, endLine: 1, endColumn: 20 } }]);
  });

  it('has no Dockerfile and no base images when none is beside the manifest', () => {
    const { service } = load(EXAMPLE);
    expect(service!.container!.dockerfile).toBeUndefined();
    expect(service!.container!.baseImages).toEqual([]);
  });

  it('keeps security and healthCheck blocks, located at their keys', () => {
    const { service, findings } = load(
      'apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  image: a:1\n  security:\n    encryption:\n      atRest: true\n    auth:\n      type: jwt\n  healthCheck:\n    path: /health\n    port: 8080\n    intervalSeconds: 10\n',
    );
    expect(findings).toEqual([]);
    expect(service!.container!.security).toMatchObject({ value: { auth: { type: 'jwt' } }, location: { line: 7 } });
    expect(service!.container!.healthCheck).toMatchObject({ value: { path: '/health', port: 8080 }, location: { line: 12 } });
  });

  it('locates the service at the kind line when metadata.name is missing, and says so', () => {
    const { service, findings } = load('apiVersion: serverless.example.com/v1\nkind: Service\nmetadata: {}\nspec:\n  image: a:1\n', {}, 'service.yaml');
    expect(service!.location.line).toBe(2);
    expect(service!.name).toBe('service.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'input/invalid-manifest', severity: 'warning', location: { line: 3 } });
    expect(findings[0]!.message).toBe(
      'The kind: Service manifest has no "metadata.name": it must be a lowercase DNS label of at most 63 characters (letters, digits and -, such as orders-api).',
    );
  });

  it('reports a missing spec.image at the spec key', () => {
    const { service, findings } = load('apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  port: 8080\n');
    expect(service!.container!.image).toBeUndefined();
    expect(findings.map((f) => [f.location.line, f.message])).toEqual([
      [5, expect.stringMatching(/^The kind: Service manifest has no "spec\.image": it must be a container image reference/)],
    ]);
  });

  it('reports a missing spec at the kind line', () => {
    const { findings } = load('apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: a\n');
    expect(findings.map((f) => [f.location.line, f.message])).toEqual([
      [2, 'The kind: Service manifest has no "spec": it must be a mapping with image (and optionally scaling, predictive, security, healthCheck, env, resources).'],
    ]);
  });

  it('names unknown keys and lists the allowed ones, at the key', () => {
    const { findings } = load('apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  image: a:1\n  scalling:\n    maxReplicas: 3\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ line: 7, column: 3 });
    expect(findings[0]!.message).toBe(
      'Unknown key "spec.scalling" in the kind: Service manifest; the keys allowed under "spec" are image, command, args, port, env, resources, scaling, predictive, security, healthCheck.',
    );
  });

  it('explains wrong types, enums and patterns at the value', () => {
    const yaml = `apiVersion: serverless.example.com/v1
kind: Service
metadata:
  name: a
spec:
  image: a:1
  scaling:
    minReplicas: some
    metrics:
      - type: cpus
        target: 70
      - type: custom
        target: 5
  predictive:
    lookahead: 2 hours
  env:
    bad-name: x
    NESTED:
      a: 1
`;
    const { findings } = load(yaml);
    expect(findings.sort((a, b) => a.location.line - b.location.line).map((f) => `${f.location.line}: ${f.message}`)).toEqual([
      '8: "spec.scaling.minReplicas" must be a whole number of replicas, 0 or more; it is the string "some".',
      '10: "spec.scaling.metrics[0].type" must be one of "cpu", "memory", "request", "concurrency", "queue_depth", "custom"; it is the string "cpus".',
      '12: The kind: Service manifest has no "spec.scaling.metrics[1].name": it must be the custom metric\'s name.',
      '15: "spec.predictive.lookahead" must be a duration such as 30m, 2h or 1d; it is the string "2 hours".',
      '17: "bad-name" under "spec.env" is not a valid name: names use letters, digits and _, and do not start with a digit.',
      '19: "spec.env.NESTED" must be a string, number or boolean (not a mapping); it is a mapping.',
    ]);
  });

  it('rejects another apiVersion and explains the value', () => {
    const { findings } = load('apiVersion: serverless.example.com/v2\nkind: Service\nmetadata:\n  name: a\nspec:\n  image: a:1\n');
    expect(findings.map((f) => [f.location.line, f.message])).toEqual([
      [1, '"apiVersion" must be one of "serverless.example.com/v1"; it is the string "serverless.example.com/v2".'],
    ]);
  });

  it('does not judge values an unknown YAML tag left unresolved', () => {
    const { findings, service } = load('apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  image: !Secret image\n  scaling: !Include scaling.yaml\n');
    expect(findings.filter((f) => f.ruleId === 'input/invalid-manifest')).toEqual([]);
    expect(service!.container!.scaling).toBeUndefined();
  });
});

describe('parseDockerfileBaseImages', () => {
  const at = (text: string) => parseDockerfileBaseImages(text, 'Dockerfile').map((l) => `${l.location.line}:${l.location.column} ${l.value}`);

  it('reads each stage, resolving a stage built FROM an earlier one to that stage', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=node',
      'FROM --platform=linux/amd64 node:20 AS build',
      'RUN npm ci',
      'FROM build AS test',
      'FROM gcr.io/distroless/nodejs20-debian12',
      'COPY --from=build /app /app',
    ].join('\n');
    expect(at(text)).toEqual(['3:29 node:20', '3:29 node:20', '6:6 gcr.io/distroless/nodejs20-debian12']);
  });

  it('follows line continuations and ignores comments and heredoc bodies', () => {
    const text = ['FROM \\', '  # the runtime image', '  python:3.12-slim', 'RUN <<END', 'FROM not-an-instruction', 'END', 'from alpine:3.20 as final'].join('\n');
    expect(at(text)).toEqual(['3:3 python:3.12-slim', '7:6 alpine:3.20']);
  });

  it('honours the escape directive of Windows Dockerfiles', () => {
    expect(at('# escape=`\nFROM `\n  mcr.microsoft.com/windows/servercore:ltsc2022\n')).toEqual(['3:3 mcr.microsoft.com/windows/servercore:ltsc2022']);
  });

  it('keeps build arguments as written', () => {
    expect(at('ARG V=18\nFROM node:${V}-alpine\n')).toEqual(['2:6 node:${V}-alpine']);
  });

  it('returns nothing for a Dockerfile without FROM', () => {
    expect(at('# empty\n')).toEqual([]);
  });
});
