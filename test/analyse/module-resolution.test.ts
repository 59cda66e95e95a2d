// Import specifiers to project files: relative paths, ESM `.js` specifiers of TS files, index files, tsconfig paths.
import { describe, it, expect } from 'vitest';
import { ModuleResolver } from '../../src/analyse/module-resolution.js';
import { memoryReader } from './stub-project.js';

const reader = memoryReader({
  'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "./", "paths": { "@shared/*": ["packages/shared/src/*"], "@shared/special": ["packages/special.ts"] } } }',
  'svc/tsconfig.json': '{ "extends": "../tsconfig.base.json", /* lenient */ }',
  'svc/src/handler.ts': '',
  'svc/src/util.ts': '',
  'svc/src/lib/index.js': '',
  'packages/shared/src/log.ts': '',
  'packages/special.ts': '',
  'config/settings.ts': '',
  'data.json': '{}',
});
const resolver = new ModuleResolver(reader);

describe('ModuleResolver', () => {
  it('resolves relative paths with extension probing, .js to .ts and index files', () => {
    expect(resolver.resolve('svc/src/handler.ts', './util')).toEqual({ kind: 'file', file: 'svc/src/util.ts' });
    expect(resolver.resolve('svc/src/handler.ts', './util.js')).toEqual({ kind: 'file', file: 'svc/src/util.ts' });
    expect(resolver.resolve('svc/src/handler.ts', './lib')).toEqual({ kind: 'file', file: 'svc/src/lib/index.js' });
    expect(resolver.resolve('svc/src/handler.ts', '../../data.json')).toEqual({ kind: 'data', file: 'data.json' });
  });

  it('refuses to leave the root and reports missing files', () => {
    expect(resolver.resolve('svc/src/handler.ts', '../../../etc/passwd')).toMatchObject({ kind: 'missing', reason: expect.stringContaining('leaves the project root') });
    expect(resolver.resolve('svc/src/handler.ts', './nope')).toMatchObject({ kind: 'missing' });
    expect(resolver.resolve('svc/src/handler.ts', '/abs/path')).toMatchObject({ kind: 'missing' });
  });

  it('uses the nearest tsconfig (following a relative extends): longest paths prefix, then baseUrl', () => {
    expect(resolver.resolve('svc/src/handler.ts', '@shared/log')).toEqual({ kind: 'file', file: 'packages/shared/src/log.ts' });
    expect(resolver.resolve('svc/src/handler.ts', '@shared/special')).toEqual({ kind: 'file', file: 'packages/special.ts' });
    expect(resolver.resolve('svc/src/handler.ts', 'config/settings')).toEqual({ kind: 'file', file: 'config/settings.ts' });
    expect(resolver.resolve('svc/src/handler.ts', '@aws-sdk/client-s3')).toEqual({ kind: 'package', name: '@aws-sdk/client-s3' });
    expect(resolver.resolve('svc/src/handler.ts', 'node:crypto')).toEqual({ kind: 'package', name: 'node:crypto' });
  });
});
