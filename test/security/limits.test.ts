// Promise 2: hostile sizes and shapes hit an explicit limit with an input/* finding instead of hanging or exhausting memory.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../src/load/files.js';
import { YAML_LIMITS } from '../../src/load/yaml.js';
import { VARIABLE_LIMITS } from '../../src/load/manifests/serverless-variables.js';
import { MAX_FILES_PER_FUNCTION } from '../../src/analyse/index.js';
import type { LintRun } from '../../src/engine/lint.js';
import { checkRoot } from '../helpers/checked-project.js';
import { cli, cliAllFormats, copyFixture, expectCompletedRun, lintRoot, noInternalErrors, removeDir, sarifErrors, scratchDir, writeProject } from './harness.js';

const MIB = 1024 * 1024;

const SERVERLESS = (handler: string) => `service: limits\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  f:\n    handler: ${handler}\n`;

function inputFindings(run: Pick<LintRun, 'findings'>) {
  return run.findings.filter((f) => f.ruleId.startsWith('input/')).map((f) => ({ ruleId: f.ruleId, file: f.location.file, line: f.location.line, message: f.message }));
}

function usageFindings(run: ReturnType<typeof checkRoot>) {
  return run.project.functions.flatMap((fn) => run.analysis.usageOf(fn)?.findings ?? []);
}

describe('limits on manifests', () => {
  it('stops a billion-laughs alias bomb', () => {
    const root = copyFixture('alias-bomb');
    try {
      const run = lintRoot(root);
      expect(inputFindings(run)).toEqual([
        { ruleId: 'input/skipped-file', file: 'serverless.yml', line: 1, message: expect.stringContaining(`more than ${YAML_LIMITS.maxAliasedValues} values`) },
      ]);
      const output = cli(root, ['--format', 'sarif']);
      expect({ code: output.code, stderr: output.stderr }).toEqual({ code: 1, stderr: '' });
      expect(sarifErrors(output.stdout)).toEqual([]);
    } finally {
      removeDir(root);
    }
  });

  it('stops one wide anchor repeated thousands of times (few aliases, millions of values)', () => {
    const wide = `service: wide\nprovider:\n  name: aws\ncustom:\n  big: &big [${Array(20_000).fill('x').join(',')}]\n  use: [${Array(5_000).fill('*big').join(',')}]\n`;
    const root = writeProject({ 'serverless.yml': wide });
    try {
      const run = lintRoot(root);
      expect(inputFindings(run)).toMatchObject([{ ruleId: 'input/skipped-file', file: 'serverless.yml', message: expect.stringContaining('alias bomb') }]);
    } finally {
      removeDir(root);
    }
  });

  it('skips nesting 100,000 levels deep (flow YAML and JSON) without a stack overflow', () => {
    const depth = 100_000;
    const root = writeProject({
      'serverless.yml': `service: deep\nprovider:\n  name: aws\ncustom:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
      'template.json': `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"AWS::x": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
      'deep/template.yaml': `Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n${Array.from({ length: YAML_LIMITS.maxDepth + 5 }, (_, i) => `${'  '.repeat(i + 3)}k${i}:`).join('\n')} end\n`,
    });
    try {
      const run = lintRoot(root);
      const skipped = inputFindings(run).filter((f) => f.ruleId === 'input/skipped-file');
      expect(skipped.map((f) => f.file)).toEqual(['deep/template.yaml', 'serverless.yml', 'template.json']);
      expect(skipped[0]!.message).toContain(`deeper than ${YAML_LIMITS.maxDepth} levels`);
      expect(skipped[1]!.message).toContain(`more than ${YAML_LIMITS.maxBracketNesting} levels deep`);
    } finally {
      removeDir(root);
    }
  });

  it('skips a 50 MB manifest by its size, without reading it', () => {
    const root = writeProject({ 'src/f.js': 'export const handler = async () => 1;\n' });
    try {
      const line = '# padding padding padding padding padding padding padding padding padding\n';
      writeFileSync(path.join(root, 'serverless.yml'), SERVERLESS('src/f.handler') + line.repeat(Math.ceil((50 * MIB) / line.length)));
      const run = checkRoot(root);
      expect(inputFindings(run)).toEqual([
        { ruleId: 'input/skipped-file', file: 'serverless.yml', line: 1, message: expect.stringContaining(`larger than ${FILE_LIMITS.maxFileBytes / MIB} MiB`) },
      ]);
      expect(run.project.functions).toEqual([]);
    } finally {
      removeDir(root);
    }
  });

  it('stops variables that refer to each other in a cycle, to themselves, through files, or double at each step', () => {
    const root = copyFixture('variable-cycle');
    try {
      const run = lintRoot(root);
      noInternalErrors(run.findings);
      const unresolved = inputFindings(run).filter((f) => f.ruleId === 'input/unresolved');
      expect(unresolved.map((f) => `${f.file}:${f.line}`)).toEqual(['loop.yml:1', 'serverless.yml:4', 'serverless.yml:5', 'serverless.yml:11', 'serverless.yml:28']);
      expect(unresolved.find((f) => f.line === 11)?.message).toContain(`beyond ${VARIABLE_LIMITS.maxStringLength} characters`);
      expect(unresolved.find((f) => f.line === 4)?.message).toContain('refers back to itself');
      expectCompletedRun(cliAllFormats(root));
    } finally {
      removeDir(root);
    }
  });

  it('survives a symbolic link loop and a folder that links to its parent', () => {
    const root = writeProject({ 'services/api/serverless.yml': SERVERLESS('src/f.handler') });
    try {
      symlinkSync('b.yml', path.join(root, 'a.yml'));
      symlinkSync('a.yml', path.join(root, 'b.yml'));
      symlinkSync('..', path.join(root, 'services', 'api', 'up'));
      symlinkSync(path.join(root, 'services'), path.join(root, 'services', 'api', 'again'));
      const run = checkRoot(root);
      expect(inputFindings(run).filter((f) => f.ruleId === 'input/skipped-file')).toMatchObject([
        { file: 'a.yml', message: expect.stringContaining('broken or loops') },
        { file: 'b.yml', message: expect.stringContaining('broken or loops') },
      ]);
      // The service is found once, not once per path through the links.
      expect(run.project.services.map((s) => s.manifest)).toEqual(['services/api/serverless.yml']);
      const outputs = cliAllFormats(root);
      expectCompletedRun(outputs);
      expect(sarifErrors(outputs.sarif.stdout)).toEqual([]);
    } finally {
      removeDir(root);
    }
  });
});

describe('limits on handler code', () => {
  it('skips a minified 20 MB bundle named as the handler by its size', () => {
    const root = writeProject({ 'serverless.yml': SERVERLESS('dist/bundle.handler') });
    try {
      mkdirSync(path.join(root, 'dist'));
      const chunk = 'var a=function(b,c){return b+c||(function(){return"x"})()};';
      writeFileSync(path.join(root, 'dist', 'bundle.js'), chunk.repeat(Math.ceil((20 * MIB) / chunk.length)) + 'exports.handler=async function(){return a(1,2)};');
      const run = checkRoot(root);
      noInternalErrors(run.findings);
      const findings = usageFindings(run);
      expect(findings.map((f) => f.ruleId)).toEqual(['input/skipped-file']);
      expect(findings[0]!.message).toContain('larger than 2 MiB');
      expect(findings[0]!.location).toMatchObject({ file: 'dist/bundle.js', line: 1 });
      expect(findings[0]!.function).toBe('f');
    } finally {
      removeDir(root);
    }
  });

  it('follows circular imports once each and still finds the SDK call', () => {
    const root = copyFixture('circular-imports');
    try {
      const run = checkRoot(root);
      noInternalErrors(run.findings);
      const usage = run.analysis.usageOf(run.project.functions[0]!)!;
      expect(usage.files).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
      expect(usage.calls.map((c) => `${c.service}:${c.operation}`)).toEqual(['s3:GetObject']);
      expect(usage.findings).toEqual([]);
    } finally {
      removeDir(root);
    }
  });

  describe('an import chain longer than the per-function file limit', () => {
    let root: string;
    const length = MAX_FILES_PER_FUNCTION + 5;
    beforeAll(() => {
      root = scratchDir();
      mkdirSync(path.join(root, 'src'));
      writeFileSync(path.join(root, 'serverless.yml'), SERVERLESS('src/m0.handler'));
      writeFileSync(path.join(root, 'src', 'm0.js'), "import './m1.js';\nexport const handler = async () => 1;\n");
      for (let i = 1; i < length; i++) writeFileSync(path.join(root, 'src', `m${i}.js`), `import './m${i + 1}.js';\n`);
      // Writing thousands of files takes longer than the default 10 s on a busy machine.
    }, 60_000);
    afterAll(() => removeDir(root));

    it(`stops after ${MAX_FILES_PER_FUNCTION} files with a finding`, () => {
      const run = checkRoot(root, { rules: [] });
      const usage = run.analysis.usageOf(run.project.functions[0]!)!;
      expect(usage.files.length).toBe(MAX_FILES_PER_FUNCTION);
      expect(usage.findings.map((f) => [f.ruleId, f.location.file, f.location.line])).toEqual([['input/skipped-file', 'serverless.yml', 7]]);
      expect(usage.findings[0]!.message).toContain(`more than ${MAX_FILES_PER_FUNCTION} files`);
    }, 60_000);
  });
});
