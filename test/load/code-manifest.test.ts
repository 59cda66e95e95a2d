// serverless.ts / serverless.js read as static data: what is evaluated, what becomes unresolved (with a note where it
// is written), where values point, and that nothing is run or read outside the project root.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODE_MANIFEST_LIMITS, readCodeManifest } from '../../src/analyse/code-manifest.js';
import { ProjectFiles } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import { locationOfKey, locationOfValue } from '../../src/model/positions.js';
import { Unresolved } from '../../src/model/values.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/load/serverless-ts');
const OPTIONS = { resolveEnv: false, env: {} };

function project(files: Record<string, string>): string {
  const base = mkdtempSync(path.join(os.tmpdir(), 'noops-code-manifest-'));
  const root = path.join(base, 'project');
  mkdirSync(root);
  writeFileSync(path.join(base, 'outside.ts'), "export const secret = 'DO-NOT-READ';\n");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function read(files: Record<string, string>, file = 'serverless.ts', options: { resolveEnv: boolean; env: Record<string, string | undefined> } = OPTIONS) {
  const root = project(files);
  const result = readCodeManifest(new ProjectFiles(root), file, options);
  const notes = result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`);
  return { result, notes, value: (result.ok ? result.value : undefined) as Record<string, any>, root };
}

/** The value with Unresolved shown as `<unresolved: text>`, for whole-value comparisons. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Unresolved ? `<unresolved: ${v.text}>` : v)));
}

describe('the exported configuration', () => {
  it.each([
    ['module.exports = x', "const config = { service: 'a' };\nmodule.exports = config;\n"],
    ['export default x', "export default { service: 'a' };\n"],
    ['export = x', "const config = { service: 'a' };\nexport = config;\n"],
    ['export default of a const typed AWS', "import type { AWS } from '@serverless/typescript';\nconst config: AWS = { service: 'a' };\nexport default config;\n"],
    ['one const typed AWS and no export', "import type { AWS } from '@serverless/typescript';\nconst serverlessConfiguration: AWS = { service: 'a' };\n"],
  ])('%s', (_name, text) => {
    const { result, value } = read({ 'serverless.ts': text });
    expect(result.ok).toBe(true);
    expect(plain(value)).toEqual({ service: 'a' });
  });

  it('module.exports wins over export default, as the framework loads CommonJS', () => {
    const { value } = read({ 'serverless.js': "module.exports = { service: 'cjs' };\n" }, 'serverless.js');
    expect(value.service).toBe('cjs');
  });

  it('a file that exports nothing is an invalid manifest, said once', () => {
    const { result } = read({ 'serverless.ts': "const config = { service: 'a' };\n" });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining('"serverless.ts" exports no configuration')]);
  });

  it('a syntax error is a parse error at its line, and nothing else is read', () => {
    const { result } = read({ 'serverless.ts': "export default {\n  service: 'a',,\n};\n" });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.ruleId, f.location.line])).toEqual([['input/parse-error', 2]]);
  });
});

describe('static values', () => {
  it('evaluates literals, templates, const bindings, spreads, shorthand, computed keys, enums and operators', () => {
    const { value, notes } = read({
      'serverless.ts': [
        "const stage = 'dev';",
        'const memory = 128 * 2;',
        "enum Runtime { Node = 'nodejs22.x' }",
        "const base = { name: 'aws', region: 'eu-west-1', tags: { team: 'a' } };",
        "const key = 'TABLE';",
        'const environment = { [key]: `orders-${stage}`, COUNT: -3, EMPTY: undefined, ON: !false };',
        'export default {',
        "  service: 'svc' + '-' + stage,",
        '  provider: { ...base, runtime: Runtime.Node, memorySize: memory, environment, region: undefined, ...null },',
        "  custom: { list: [1, ...['a', 'b'], null], flag: stage === 'dev' ? 'yes' : 'no', name: base.tags.team ?? 'x', either: '' || 'fallback' },",
        '} as const;',
      ].join('\n'),
    });
    expect(notes).toEqual([]);
    expect(plain(value)).toEqual({
      service: 'svc-dev',
      provider: { name: 'aws', tags: { team: 'a' }, runtime: 'nodejs22.x', memorySize: 256, environment: { TABLE: 'orders-dev', COUNT: -3, ON: true } },
      custom: { list: [1, 'a', 'b', null], flag: 'yes', name: 'a', either: 'fallback' },
    });
  });

  it('keeps Serverless variables as written, for the manifest loader to resolve', () => {
    const { value } = read({ 'serverless.ts': "export default { provider: { stage: \"${opt:stage, 'dev'}\" }, custom: { arn: 'arn:aws:sqs:${aws:region}:*:q' } };\n" });
    expect(value.provider.stage).toBe("${opt:stage, 'dev'}");
    expect(value.custom.arn).toBe('arn:aws:sqs:${aws:region}:*:q');
  });

  it('records where each key and value is written, in the module that wrote it', () => {
    const { value } = read({
      'serverless.ts': "import { statements } from './iam';\nexport default {\n  provider: {\n    iam: { role: { statements } },\n  },\n};\n",
      'iam.ts': "export const statements = [\n  { Effect: 'Allow', Action: 's3:*', Resource: '*' },\n];\n",
    });
    const statement = value.provider.iam.role.statements[0];
    expect(locationOfKey(value, 'provider')).toMatchObject({ file: 'serverless.ts', line: 3, column: 3 });
    expect(locationOfKey(value.provider.iam.role, 'statements')).toMatchObject({ file: 'serverless.ts', line: 4, column: 20 });
    expect(locationOfValue(statement, 'Action')).toMatchObject({ file: 'iam.ts', line: 2, column: 30, endColumn: 36 });
    expect(locationOfKey(statement, 'Action')).toMatchObject({ file: 'iam.ts', line: 2, column: 22 });
  });
});

describe('imports of project modules', () => {
  it('follows relative paths, index files, default, named and namespace imports, re-exports and require()', () => {
    const { value, notes, result } = read({
      'serverless.ts': [
        "import fns from './fns';",
        "import * as shared from './shared';",
        "import { tags as stackTags } from './shared';",
        "const { region } = require('./settings.js');",
        "export default { functions: fns, custom: { shared: { ...shared }, stackTags, region } };",
      ].join('\n'),
      'fns/index.ts': "export { default as hello } from './hello';\nexport * from './more';\nimport * as all from './more';\nexport default { hello: require('./hello').default, ...all };\n",
      'fns/hello.ts': "export default { handler: 'fns/hello.main' };\n",
      'fns/more.ts': "export const bye = { handler: 'fns/bye.main' };\n",
      'shared.ts': "export const tags = { team: 'a' };\nexport const owner = 'ops';\n",
      'settings.js': "module.exports = { region: 'eu-west-1' };\n",
    });
    expect(notes).toEqual([]);
    expect(plain(value)).toEqual({
      functions: { hello: { handler: 'fns/hello.main' }, bye: { handler: 'fns/bye.main' } },
      custom: { shared: { owner: 'ops', tags: { team: 'a' } }, stackTags: { team: 'a' }, region: 'eu-west-1' },
    });
    expect(result.files).toEqual(['fns/hello.ts', 'fns/index.ts', 'fns/more.ts', 'serverless.ts', 'settings.js', 'shared.ts']);
  });

  it('resolves tsconfig paths and baseUrl aliases (extends included) and JSON modules', () => {
    const { value, notes } = read({
      'tsconfig.json': '{ "extends": "./tsconfig.paths.json", "compilerOptions": { "strict": true } }',
      'tsconfig.paths.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@functions/*": ["src/functions/*"] } } }',
      'serverless.ts': "import hello from '@functions/hello';\nimport { limits } from 'config/limits';\nimport pkg from './package.json';\nexport default { service: pkg.name, functions: { hello }, custom: limits };\n",
      'src/functions/hello/index.ts': "export default { handler: 'src/functions/hello/handler.main' };\n",
      'config/limits.ts': 'export const limits = { memory: 512 };\n',
      'package.json': '{ "name": "from-package" }',
    });
    expect(notes).toEqual([]);
    expect(plain(value)).toEqual({ service: 'from-package', functions: { hello: { handler: 'src/functions/hello/handler.main' } }, custom: { memory: 512 } });
  });

  it('recognises handlerPath(__dirname) by what it computes, however it is written', () => {
    const { value, notes } = read({
      'svc/serverless.ts': [
        "import { a } from './src/a';",
        "import { b } from './src/deep/b';",
        "import { c } from './src/c';",
        'export default { functions: { a, b, c } };',
      ].join('\n'),
      'svc/src/libs/split.ts': "export const handlerPath = (context: string) => `${context.split(process.cwd())[1].substring(1).replace(/\\\\/g, '/')}`;\n",
      'svc/src/libs/relative.ts': "import * as path from 'path';\nexport function codeFolder(dir: string) {\n  const rel = path.relative(process.cwd(), dir);\n  return rel.split(path.sep).join('/');\n}\n",
      'svc/src/a.ts': "import { handlerPath } from './libs/split';\nexport const a = { handler: `${handlerPath(__dirname)}/a.main` };\n",
      'svc/src/deep/b.ts': "import { codeFolder } from '../libs/relative';\nexport const b = { handler: `${codeFolder(__dirname)}/b.main` };\n",
      'svc/src/c.ts': "import { join } from 'node:path';\nexport const c = { handler: join('src', 'c.main') };\n",
    }, 'svc/serverless.ts');
    expect(notes).toEqual([]);
    expect(plain(value)).toEqual({ functions: { a: { handler: 'src/a.main' }, b: { handler: 'src/deep/b.main' }, c: { handler: 'src/c.main' } } });
  });

  it('calls small helpers that only compute a value (parameters, defaults, const locals, map)', () => {
    const { value, notes } = read({
      'serverless.ts': [
        "import { route, handler } from './helpers';",
        "export default { functions: { list: { handler: handler('list'), events: ['/a', '/b'].map((p) => route('get', p)) } } };",
      ].join('\n'),
      'helpers.ts': [
        "export const handler = (name: string, dir = 'src/handlers') => `${dir}/${name}.main`;",
        'export function route(method: string, path: string, authorizer?: object) {',
        '  const http = { method, path, ...authorizer };',
        '  return { http };',
        '}',
      ].join('\n'),
    });
    expect(notes).toEqual([]);
    expect(plain(value)).toEqual({ functions: { list: { handler: 'src/handlers/list.main', events: [{ http: { method: 'get', path: '/a' } }, { http: { method: 'get', path: '/b' } }] } } });
  });

  it('places what a helper builds where the helper is called, and values passed to it where they are written', () => {
    const { value } = read({
      'serverless.ts': "import { httpEvent } from './helpers';\nexport default {\n  functions: {\n    list: { handler: 'a.main', events: [httpEvent('get', '/items')] },\n  },\n};\n",
      'helpers.ts': 'export const httpEvent = (method: string, path: string) => ({\n  http: { method, path },\n});\n',
    });
    const event = value.functions.list.events[0];
    expect(locationOfValue(value.functions.list.events, 0)).toMatchObject({ file: 'serverless.ts', line: 4, column: 41 });
    expect(locationOfKey(event.http, 'method')).toMatchObject({ file: 'serverless.ts', line: 4 });
    expect(locationOfValue(event.http, 'path')).toMatchObject({ file: 'serverless.ts', line: 4, column: 58 });
  });

  it('applies unconditional top-level changes in order and notes the ones that may not run', () => {
    const { value, notes } = read({
      'serverless.ts': "import fns from './fns';\nexport default { functions: fns };\n",
      'fns.ts': [
        "const api = { handler: 'api.main', events: [{ http: { method: 'get', path: 'a' } }] };",
        "api.events.push(...[{ http: { method: 'post', path: 'a' } }]);",
        "const all: Record<string, unknown> = { api };",
        "if (process.env.NODE_ENV === 'local') {",
        "  all.debug = { handler: 'debug.main' };",
        '}',
        'export default all;',
      ].join('\n'),
    });
    expect(plain(value)).toEqual({ functions: { api: { handler: 'api.main', events: [{ http: { method: 'get', path: 'a' } }, { http: { method: 'post', path: 'a' } }] } } });
    expect(notes).toEqual(['input/unresolved fns.ts:5:3 "all" is changed at line 5 by code that may or may not run; noops-lint read it as declared.']);
  });
});

describe('what is not evaluated becomes unresolved, with one note where it is written', () => {
  it('calls, the environment, conditions on unknown values and awaited promises', () => {
    const { value, notes } = read({
      'serverless.ts': [
        "import { app } from 'some-framework';",
        'const stamp = () => new Date().toISOString();',
        'export default {',
        '  functions: app.functions(),',
        '  custom: {',
        '    stamp: stamp(),',
        '    bucket: process.env.BUCKET,',
        "    name: process.env.NAME || 'default-name',",
        '    timeout: process.env.TIMEOUT ? Number(process.env.TIMEOUT) : 10,',
        '    list: [...app.list, 1],',
        '    method() { return 1; },',
        '  },',
        '};',
      ].join('\n'),
    });
    expect(value.functions).toBeInstanceOf(Unresolved);
    expect(value.custom.name).toBe('default-name');
    expect(value.custom.list[0]).toBeInstanceOf(Unresolved);
    expect(value.custom.list[1]).toBe(1);
    expect(notes).toEqual([
      'input/unresolved serverless.ts:4:14 Could not resolve "app.functions()": it comes from the package "some-framework", which noops-lint does not read.',
      'input/unresolved serverless.ts:6:12 Could not resolve "stamp()": it calls stamp(), whose result noops-lint cannot evaluate (it creates Date with new, which only running the code does).',
      'input/unresolved serverless.ts:7:13 Could not resolve "process.env.BUCKET": the environment is read when the configuration runs (noops-lint reads it only with --resolve-env).',
      'input/unresolved serverless.ts:8:11 "process.env.NAME" reads the environment when the configuration runs; without --resolve-env noops-lint assumed its default "default-name".',
      'input/unresolved serverless.ts:9:14 Could not resolve "process.env.TIMEOUT ? Number(process.env.TIMEOUT) : 10": the environment is read when the configuration runs (noops-lint reads it only with --resolve-env).',
      'input/unresolved serverless.ts:10:12 Could not resolve "...app.list": it comes from the package "some-framework", which noops-lint does not read.',
      'input/unresolved serverless.ts:11:5 Could not resolve "method() { return 1; }": it is code, not a value.',
    ]);
  });

  it('reads the environment only with --resolve-env, as ${env:X} is', () => {
    const { value, notes } = read({ 'serverless.ts': "export default { custom: { a: process.env.A, b: process.env.B || 'b', c: process.env['C'] } };\n" }, 'serverless.ts', { resolveEnv: true, env: { A: 'from-env', C: 'c' } });
    expect(notes).toEqual([]);
    expect(value.custom).toEqual({ a: 'from-env', b: 'b', c: 'c' });
  });

  it('a module outside the project root is never read; a missing one and a cycle are unresolved, not a crash', () => {
    const { value, notes, result } = read({
      'serverless.ts': "import { secret } from '../outside';\nimport { gone } from './missing';\nimport { a } from './a';\nexport default { custom: { secret, gone, a } };\n",
      'a.ts': "import { b } from './b';\nexport const a = { b };\n",
      'b.ts': "import { a } from './a';\nexport const b = { a };\n",
    });
    expect(JSON.stringify(plain(value))).not.toContain('DO-NOT-READ');
    expect(value.custom.secret).toBeInstanceOf(Unresolved);
    expect(value.custom.gone).toBeInstanceOf(Unresolved);
    expect(value.custom.a.b.a).toBeInstanceOf(Unresolved);
    expect(result.files).toEqual(['a.ts', 'b.ts', 'serverless.ts']);
    const defaults = read({
      'serverless.ts': "import a from './a';\nexport default { custom: a };\n",
      'a.ts': "import b from './b';\nexport default { b };\n",
      'b.ts': "import a from './a';\nexport default { a, json: require('./data.json').list };\n",
      'data.json': '{ "list": [\n  "x"\n] }',
    });
    expect(defaults.value.custom.b.a).toBeInstanceOf(Unresolved);
    expect(defaults.value.custom.b.json).toEqual(['x']);
    expect(locationOfValue(defaults.value.custom.b.json, 0)).toMatchObject({ file: 'data.json', line: 2 });
    expect(defaults.notes).toEqual(['input/unresolved a.ts:2:16 Could not resolve "{ b }": "a.ts" imports itself through a cycle of modules.']);
    expect(notes.map((n) => n.replace(/ Could not resolve .*?: /, ' ')).sort()).toEqual([
      'input/unresolved b.ts:2:20 "a" refers to itself.',
      'input/unresolved serverless.ts:1:10 "../outside" leaves the project root.',
      'input/unresolved serverless.ts:2:10 no file for "./missing".',
    ]);
  });

  it('stops at its budget on runaway helpers and deep nesting, and reports the file as skipped', () => {
    const { result } = read({ 'serverless.ts': 'const grow = (n: number): unknown => [grow(n + 1), grow(n + 1)];\nexport default { custom: grow(0) };\n' });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.message)).toEqual([`Skipped "serverless.ts": evaluating it took more than ${CODE_MANIFEST_LIMITS.maxSteps} steps.`]);
    const doubling = Array.from({ length: 40 }, (_, i) => (i === 0 ? 'const a0 = [1, 2];' : `const a${i} = [...a${i - 1}, ...a${i - 1}];`)).join('\n');
    const wide = read({ 'serverless.ts': `${doubling}\nexport default { custom: a39 };\n` });
    expect(wide.result.findings.map((f) => f.message)).toEqual([`Skipped "serverless.ts": evaluating it took more than ${CODE_MANIFEST_LIMITS.maxSteps} steps.`]);
    const deep = read({ 'serverless.ts': `export default ${'['.repeat(CODE_MANIFEST_LIMITS.maxDepth + 10)}${']'.repeat(CODE_MANIFEST_LIMITS.maxDepth + 10)};\n` });
    expect(deep.result.findings.map((f) => f.ruleId)).toContain('input/skipped-file');
  });

  it('keeps hostile keys as data and reaches nothing of the runtime through members', () => {
    const { value, result } = read({
      'serverless.ts': [
        "const evil = { ['__proto__']: { polluted: true }, constructor: 'c' };",
        "const probes = [''.constructor, [].constructor, ({}).constructor, Object['constructor'], 'a'['__proto__'], JSON.parse('{}'), (() => 1).call(null)];",
        "export default { ...evil, custom: { probes, spreadProto: { ...({ __proto__: { polluted: true } }) } }, '__proto__': { polluted: true } };",
      ].join('\n'),
    });
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value.constructor).toBe('c');
    expect(value.custom.probes.every((probe: unknown) => probe instanceof Unresolved || probe === undefined || probe === null)).toBe(true);
  });

  it('never runs the configuration or what it imports', () => {
    const marker = "require('fs').writeFileSync(require('path').join(__dirname, 'EXECUTED'), 'ran');\n";
    const { root, value } = read({ 'serverless.js': `${marker}const side = require('./side');\nmodule.exports = { service: 'x', custom: { side } };\n`, 'side.js': `${marker}module.exports = 1;\n` }, 'serverless.js');
    expect(value.service).toBe('x');
    expect(value.custom.side).toBe(1);
    expect(existsSync(path.join(root, 'EXECUTED'))).toBe(false);
  });
});

describe('the fixtures, through the project loader', () => {
  it('template style: @functions aliases, handlerPath, a shared provider spread, an unresolvable call', () => {
    const project = loadProject(new ProjectFiles(path.join(FIXTURES, 'template')), { paths: [''], ignores: [], gitignore: false, readCodeManifest, ...OPTIONS });
    const [service] = project.services;
    expect(project.services).toHaveLength(1);
    expect(service!.name).toBe('orders-ts');
    expect(service!.functions.map((fn) => [fn.name, fn.handler?.value, fn.handler?.location.file, fn.runtime?.value, fn.runtime?.location.file])).toEqual([
      ['createOrder', 'src/functions/create-order/handler.main', 'src/functions/create-order/index.ts', 'nodejs22.x', 'config/base.ts'],
      ['listOrders', 'src/functions/list-orders/handler.main', 'src/functions/list-orders/index.ts', 'nodejs22.x', 'config/base.ts'],
    ]);
    const statement = service!.roles[0]!.statements.find((s) => s.origin.kind === 'inline')!;
    expect(statement.actions.map((a) => [a.value, a.location.file, a.location.line])).toEqual([
      ['dynamodb:PutItem', 'serverless.ts', 24],
      ['dynamodb:Query', 'serverless.ts', 24],
      ['dynamodb:DeleteTable', 'serverless.ts', 24],
    ]);
    expect(statement.resources.map((r) => r.value)).toEqual(['arn:aws:dynamodb:eu-west-1:${AWS::AccountId}:table/orders-dev']);
    expect(project.inputFindings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`)).toEqual(['input/unresolved serverless.ts:17']);
    expect(project.files).toEqual([
      'config/base.ts',
      'config/stamp.ts',
      'serverless.ts',
      'src/functions/create-order/index.ts',
      'src/functions/index.ts',
      'src/functions/list-orders/index.ts',
      'src/libs/handler-resolver.ts',
      'tsconfig.json',
    ].filter((file) => file !== 'tsconfig.json'));
  });

  it('a module named serverless.js that exports no configuration is skipped with a note, not a service', () => {
    const root = project({ 'lib/serverless.js': "module.exports = { hooks: {}, commands: ['deploy'] };\n", 'plugin/serverless.js': 'module.exports = class Plugin {};\n' });
    const loaded = loadProject(new ProjectFiles(root), { paths: [''], ignores: [], gitignore: false, readCodeManifest, ...OPTIONS });
    expect(loaded.services).toEqual([]);
    expect(loaded.inputFindings.map((f) => `${f.ruleId} ${f.location.file} ${f.message}`)).toEqual([
      'input/skipped-file lib/serverless.js Skipped "lib/serverless.js": it exports no Serverless configuration (service, provider, functions).',
      'input/unresolved plugin/serverless.js Could not resolve "class Plugin {}": it is a class, whose code noops-lint does not run.',
    ]);
  });

  it('one note for a variable written once in a constant that several functions share', () => {
    const root = project({
      'serverless.ts': "const environment = { TABLE: '${param:table}' };\nexport default { service: 's', provider: { name: 'aws' }, functions: { a: { handler: 'a.main', environment }, b: { handler: 'b.main', environment } } };\n",
    });
    const loaded = loadProject(new ProjectFiles(root), { paths: [''], ignores: [], gitignore: false, readCodeManifest, ...OPTIONS });
    expect(loaded.inputFindings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`)).toEqual([
      'serverless.ts:1:30 Could not resolve "${param:table}": the parameter "table" is not set under params (it may come from --param or the Serverless Dashboard).',
    ]);
  });

  it('compose style: each named folder is a service; serverless.yml wins over serverless.ts beside it', () => {
    const project = loadProject(new ProjectFiles(path.join(FIXTURES, 'compose')), { paths: [''], ignores: [], gitignore: false, readCodeManifest, ...OPTIONS });
    expect(project.services.map((s) => [s.manifest, s.name])).toEqual([
      ['api/serverless.ts', 'compose-api'],
      ['infra/serverless.yml', 'compose-infra'],
    ]);
    const api = project.services[0]!;
    expect(api.functions.map((fn) => [fn.name, fn.handler?.value])).toEqual([['report', 'functions/report.handler']]);
    const statements = api.roles[0]!.statements.filter((s) => s.origin.kind === 'inline');
    expect(statements.map((s) => s.actions.map((a) => `${a.value}@${a.location.file}:${a.location.line}`))).toEqual([['s3:GetObject@api/serverless.ts:16'], ['sqs:*@api/serverless.ts:17']]);
    // The params serverless-compose.yml gives the service: its own ${env:X, default} resolved there, another service's output unresolved.
    expect(api.functions[0]!.environment.map((e) => [e.name, e.value instanceof Unresolved ? `<${e.value.text}>` : e.value])).toEqual([
      ['REPORTS_BUCKET', 'reports-dev'],
      ['QUEUE_URL', '<process.env.QUEUE_URL>'],
      ['REPORTS_TABLE', 'reports-blue'],
      ['INFRA_BUCKET', '<${param:bucket}>'],
    ]);
    expect(project.inputFindings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`)).toEqual([
      'input/skipped-file infra/serverless.ts:1 Skipped "infra/serverless.ts": the Serverless Framework reads "infra/serverless.yml" in the same folder first, so this file is not the service\'s configuration.',
      'input/unresolved api/serverless.ts:11 Could not resolve "process.env.QUEUE_URL": the environment is read when the configuration runs (noops-lint reads it only with --resolve-env).',
      'input/unresolved serverless-compose.yml:10 "${env:REPORTS_SUFFIX, \'blue\'}" reads the environment at deploy time; without --resolve-env noops-lint assumed its default "blue".',
      'input/unresolved api/serverless.ts:13 Could not resolve "${param:bucket}": serverless-compose gives it the output "ReportsBucketName" of the service "infra", known once that service is deployed.',
    ]);
  });
});
