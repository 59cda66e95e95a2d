// Handler resolution and bad input: missing files and exports, syntax errors, unresolvable imports, other runtimes.
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { analyseFixture, callKeys } from './stub-project.js';
import { loadAnalysedProject } from '../helpers/analysed-project.js';

const usages = analyseFixture('broken-input', [
  { name: 'broken', handler: 'src/broken.handler' },
  { name: 'missingFile', handler: 'src/nope.handler' },
  { name: 'missingExport', handler: 'src/broken.other' },
  { name: 'nestedExport', handler: 'src/api.handlers.run' },
  { name: 'notFunction', handler: 'src/api.notAFunction' },
  { name: 'commonJsObject', handler: 'src/cjs-object.start' },
  { name: 'unresolvedImports', handler: 'src/imports-missing.main' },
  { name: 'escapes', handler: '../outside.handler' },
  { name: 'outsideCodeDir', handler: 'index.handler', codeDir: undefined },
  { name: 'python', handler: 'app.handler', codeDir: 'py', runtime: 'python3.12' },
  { name: 'pythonNoRuntime', handler: 'app.handler', codeDir: 'py' },
  { name: 'unresolvedHandler', handler: { unresolved: '${ssm:/x}' } },
  { name: 'middy', handler: 'src/middy.handler' },
  { name: 'libraryBuilt', handler: 'src/library-built.handler' },
  { name: 'unknownAdapter', handler: 'src/unknown-adapter.handler' },
  { name: 'buildOutput', handler: 'dist/getUser.handler' },
  { name: 'nestedBuildOutput', handler: 'services/users/.webpack/service/get.handler' },
  { name: 'typoNotBuildOutput', handler: 'src/distributor.handler' },
  { name: 'archive', handler: 'index.handler', codeDir: 'deploy/fn.zip' },
  { name: 's3Code', handler: 'index.handler', codeDir: undefined, properties: { CodeUri: 's3://artifacts/abc123' } },
]);

const finding = (name: string) => usages.get(name)!.findings.map((f) => [f.ruleId, f.severity, `${f.location.file}:${f.location.line}`]);

describe('handler resolution', () => {
  it('reports a syntax error at its position and still analyses what parsed', () => {
    const usage = usages.get('broken')!;
    expect(callKeys(usage)).toEqual(['sqs:SendMessage@src/broken.ts:6']);
    expect(usage.findings).toHaveLength(1);
    expect(usage.findings[0]).toMatchObject({ ruleId: 'input/parse-error', severity: 'error', location: { file: 'src/broken.ts', line: 9 } });
  });

  it('reports a missing file or export at the manifest handler line', () => {
    expect(finding('missingFile')).toEqual([['input/handler-not-found', 'warning', 'serverless.yml:14']]);
    expect(usages.get('missingFile')!.findings[0]!.function).toBe('missingFile');
    expect(finding('missingExport')).toEqual([['input/handler-not-found', 'warning', 'serverless.yml:17']]);
    expect(usages.get('missingExport')!.handlerFile).toBe('src/broken.ts');
    expect(finding('notFunction')).toEqual([['input/handler-not-found', 'warning', 'serverless.yml:23']]);
    expect(usages.get('notFunction')!.findings[0]!.message).toContain('is not a function');
    expect(finding('typoNotBuildOutput')[0]![0]).toBe('input/handler-not-found');
  });

  it('notes, never warns about, a handler it cannot follow: built by a library, an unknown adapter, build output, code in S3', () => {
    for (const name of ['libraryBuilt', 'unknownAdapter', 'buildOutput', 'nestedBuildOutput', 'archive', 's3Code']) {
      expect({ name, findings: finding(name).map(([id, severity]) => [id, severity]) }).toEqual({ name, findings: [['input/handler-not-analysed', 'note']] });
      expect(usages.get(name)!.findings[0]!.function).toBe(name);
    }
    const message = (name: string) => usages.get(name)!.findings[0]!.message;
    expect(message('libraryBuilt')).toBe('The handler export `handler` of "libraryBuilt" in "src/library-built.ts" is built at run time by a call to "createHandler", which noops-lint does not follow, so the function\'s code was not analysed.');
    expect(message('unknownAdapter')).toContain('built at run time by a call to "handle", which');
    expect(message('buildOutput')).toBe('The handler of "buildOutput" is "dist/getUser", in the build output folder "dist/", which is not committed: noops-lint reads source, not build output, so the function\'s code was not analysed.');
    expect(message('nestedBuildOutput')).toContain('in the build output folder ".webpack/"');
    expect(message('s3Code')).toBe('The code of "s3Code" is not in the project ("CodeUri s3://artifacts/abc123": uploaded before deployment), so its handler was not analysed.');
  });

  it('finds index files, nested export paths and CommonJS export objects', () => {
    const nested = usages.get('nestedExport')!;
    expect(nested.handlerFile).toBe('src/api/index.mjs');
    expect(nested.handlerExport).toBe('handlers.run');
    expect(callKeys(nested)).toEqual(['events:PutEvents@src/api/index.mjs:6']);
    expect(callKeys(usages.get('commonJsObject')!)).toEqual(['states:StartExecution@src/cjs-object.cjs:5']);
  });

  it('notes imports it cannot follow, including paths out of the root, and ignores data files', () => {
    const usage = usages.get('unresolvedImports')!;
    expect(usage.findings.map((f) => [f.ruleId, f.severity, f.location.line])).toEqual([
      ['input/unresolved', 'note', 1],
      ['input/unresolved', 'note', 2],
    ]);
    expect(usage.findings[1]!.message).toContain('leaves the project root');
  });

  it('never follows a handler out of the root', () => {
    expect(finding('escapes')).toEqual([['input/handler-not-found', 'warning', 'serverless.yml:32']]);
    expect(finding('outsideCodeDir')).toEqual([['input/handler-not-found', 'warning', 'serverless.yml:35']]);
  });

  it('skips unresolved handler values without findings', () => {
    expect(usages.get('unresolvedHandler')).toMatchObject({ calls: [], findings: [], files: [] });
  });

  it('analyses Python handlers, with a python runtime or a .py handler file and no runtime', () => {
    for (const name of ['python', 'pythonNoRuntime']) {
      expect(usages.get(name)).toMatchObject({ calls: [], findings: [], files: ['py/app.py'], handlerFile: 'py/app.py', handlerExport: 'handler', handlerLocation: { file: 'py/app.py', line: 1 } });
    }
  });
});

describe('libraries that call AWS', () => {
  it('follows a middy-wrapped handler and records Powertools and middleware calls', () => {
    const usage = usages.get('middy')!;
    expect(usage.findings).toEqual([]);
    expect(usage.calls.map((c) => [c.service, c.operation, c.style, c.location.line])).toEqual([
      ['dynamodb', 'GetItem', 'library', 7],
      ['dynamodb', 'PutItem', 'library', 7],
      ['dynamodb', 'UpdateItem', 'library', 7],
      ['dynamodb', 'DeleteItem', 'library', 7],
      ['ssm', 'GetParameter', 'library', 10],
      ['secretsmanager', 'GetSecretValue', 'library', 11],
      ['ssm', 'GetParameters', 'library', 15],
    ]);
    expect(usage.calls[0]!.input).toMatchObject({ properties: { tableName: { kind: 'env', name: 'IDEMPOTENCY_TABLE' } } });
    expect(usage.calls[4]!.input).toEqual({ kind: 'string', value: '/app/flags/beta' });
  });
});

describe('code written in the template', () => {
  const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
  const loaded = loadAnalysedProject(path.join(fixtures, 'rules/iam/missing-permission/bad/inline-code'));
  const byName = (name: string) => loaded.project.functions.find((f) => f.name === name)!;

  it('analyses SAM InlineCode and Code.ZipFile as files, at the template lines that hold the code', () => {
    const purge = loaded.analysis.usageOf(byName('PurgeFunction'))!;
    expect(purge.handlerLocation).toMatchObject({ file: 'template.yaml', line: 23 });
    expect(purge.files).toEqual(['template.yaml']);
    expect(purge.calls.map((c) => [c.operation, `${c.location.file}:${c.location.line}:${c.location.column}`])).toEqual([
      ['GetItem', 'template.yaml:26:34'],
      ['DeleteItem', 'template.yaml:28:36'],
    ]);
    const purgeNeeds = loaded.analysis.permissionsOf(byName('PurgeFunction'))!;
    expect(purgeNeeds.incompleteReasons).toEqual([]);
    expect(purgeNeeds.needs.map((n) => [n.action, n.logicalId])).toEqual([['dynamodb:GetItem', 'Notes'], ['dynamodb:DeleteItem', 'Notes']]);
    const archive = loaded.analysis.permissionsOf(byName('ArchiveFunction'))!;
    expect(archive.needs.map((n) => [n.action, n.evidence.location.line])).toEqual([['s3:PutObject', 46]]);
  });

  it('leaves code CloudFormation fills values into unanalysed, with a note: the derivation is incomplete', () => {
    const template = loadAnalysedProject(path.join(fixtures, 'load/cloudformation/inline-code'));
    const fn = template.project.functions.find((f) => f.name === 'Substituted')!;
    expect(template.analysis.usageOf(fn)!.findings.map((f) => [f.ruleId, f.severity])).toEqual([['input/handler-not-analysed', 'note']]);
    expect(template.analysis.permissionsOf(fn)!.incompleteReasons).toHaveLength(1);
    const escaped = template.project.functions.find((f) => f.name === 'Escaped')!;
    expect(template.analysis.permissionsOf(escaped)!.incompleteReasons).toEqual([]);
  });
});
