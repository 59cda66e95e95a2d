// Minimal Project/FunctionModel stubs for source-analysis tests (the manifest loaders are tested elsewhere).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionModel, Project, RoleModel, ServiceModel } from '../../src/model/project.js';
import type { Location } from '../../src/model/location.js';
import { analyseFunctions, createFsSourceReader, type SourceReader } from '../../src/analyse/index.js';
import type { FunctionUsage } from '../../src/analyse/types.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/analyse');

export interface StubFunction {
  name: string;
  handler: unknown;
  codeDir?: string | undefined;
  runtime?: string;
  manifest?: string;
  properties?: Record<string, unknown>;
}

const at = (file: string, line: number): Location => ({ file, line, column: 3, endLine: line, endColumn: 20 });

export function stubProject(root: string, functions: StubFunction[]): Project {
  const service = { id: 'serverless.yml', name: 'test', kind: 'serverless', manifest: 'serverless.yml', dir: '' } as unknown as ServiceModel;
  const role = { id: 'serverless.yml#Role', name: 'Role', kind: 'serverless-provider', functions: [], statements: [], managedPolicies: [], incomplete: false } as unknown as RoleModel;
  const models = functions.map((f, index): FunctionModel => {
    const manifest = f.manifest ?? 'serverless.yml';
    return {
      id: `${manifest}#${f.name}`,
      name: f.name,
      service,
      location: at(manifest, 10 + index * 3),
      handler: { value: f.handler, location: at(manifest, 11 + index * 3) },
      ...('codeDir' in f ? (f.codeDir === undefined ? {} : { codeDir: f.codeDir }) : { codeDir: '' }),
      ...(f.runtime ? { runtime: { value: f.runtime, location: at(manifest, 2) } } : {}),
      environment: [],
      events: [],
      role,
      vpc: false,
      tags: {},
      properties: f.properties ?? {},
    } as FunctionModel;
  });
  return { root, services: [service], functions: models, roles: [role], resources: [], inputFindings: [], files: [] };
}

/** Analyses the fixture `fixtures/analyse/<name>` with the given functions; returns usages by function name. */
export function analyseFixture(name: string, functions: StubFunction[]): Map<string, FunctionUsage> {
  const root = path.join(FIXTURES, name);
  const project = stubProject(root, functions);
  const usages = analyseFunctions(project, createFsSourceReader(root));
  return new Map(project.functions.map((fn) => [fn.name, usages.get(fn.id)!]));
}

/** `service:Operation@file:line` for compact assertions. */
export function callKeys(usage: FunctionUsage): string[] {
  return usage.calls.map((c) => `${c.service}:${c.operation}@${c.location.file}:${c.location.line}`);
}

/** An in-memory project for inline cases; counts reads so tests can check each file is parsed once. */
export function memoryReader(files: Record<string, string>): SourceReader & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    exists: (file) => Object.hasOwn(files, file),
    read(file) {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return Object.hasOwn(files, file) ? { ok: true, text: files[file]! } : { ok: false, reason: 'no such file' };
    },
  };
}

/** Analyses inline files with one function per handler string. */
export function analyseInline(files: Record<string, string>, handlers: Record<string, string>) {
  const reader = memoryReader(files);
  const project = stubProject('/virtual', Object.entries(handlers).map(([name, handler]) => ({ name, handler })));
  const usages = analyseFunctions(project, reader);
  return { reader, usages: new Map(project.functions.map((fn) => [fn.name, usages.get(fn.id)!])) };
}
