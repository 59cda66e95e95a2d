import { it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeProject, lintRoot, cli, scratchDir } from './harness.js';
import { analyseFunctions } from '../../src/analyse/index.js';
import { sourceReader } from '../../src/engine/lint.js';
import { ProjectFiles } from '../../src/load/files.js';

function show(name: string, root: string) {
  const t = Date.now();
  const run = lintRoot(root);
  const t2 = Date.now();
  const usages = analyseFunctions(run.project, sourceReader(new ProjectFiles(root)));
  const t3 = Date.now();
  console.log(name, `lint ${t2 - t}ms analyse ${t3 - t2}ms`, JSON.stringify(run.findings.map((f) => [f.ruleId, `${f.location.file}:${f.location.line}:${f.location.column}`, f.message.slice(0, 200)]), null, 1));
  for (const [id, u] of usages) console.log('  usage', id, u.files.length, u.calls.length, JSON.stringify(u.findings.map((f) => [f.ruleId, `${f.location.file}:${f.location.line}`, f.message.slice(0, 200)])));
}

it('escapes', () => {
  const outer = scratchDir();
  writeFileSync(path.join(outer, 'secret.yml'), 'CANARY: canary-7f3a9\n');
  writeFileSync(path.join(outer, 'canary.js'), 'export const h = async () => { /* canary-7f3a9 */ };\n');
  const root = path.join(outer, 'a', 'b');
  mkdirSync(root, { recursive: true });
  writeProject({
    'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  environment:\n    X: ${file(../../secret.yml):CANARY}\n    Y: ${file(/etc/passwd)}\n    Z: ${file(./link.yml)}\nfunctions:\n  a:\n    handler: ../../canary.h\n  b:\n    handler: /etc/passwd.h\n  c:\n    handler: linked/canary.h\n',
    'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: canary.h\n      Runtime: nodejs20.x\n      CodeUri: /etc\n  G:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: canary.h\n      Runtime: nodejs20.x\n      CodeUri: ../../\n',
  }, root);
  symlinkSync(path.join(outer, 'secret.yml'), path.join(root, 'link.yml'));
  symlinkSync(outer, path.join(root, 'linked'));
  symlinkSync(path.join(outer, 'secret.yml'), path.join(root, 'evil.yml'));
  show('escapes', root);
});

it('self cycle', () => {
  const root = writeProject({ 'serverless.yml': 'service: a\ncustom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}\n  c: ${self:custom.c}\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  stage: ${self:provider.stage}\n  environment:\n    A: ${self:custom.a}\n' });
  show('selfcycle', root);
});

it('symlink loop', () => {
  const root = writeProject({ 'serverless.yml': 'service: a\nprovider:\n  name: aws\n' });
  mkdirSync(path.join(root, 'd'));
  symlinkSync(path.join(root, 'd'), path.join(root, 'd', 'loop'));
  symlinkSync('self1', path.join(root, 'self2.yml'));
  symlinkSync('self2.yml', path.join(root, 'self1'));
  show('symlinkloop', root);
});

it('circular imports', () => {
  const root = writeProject({
    'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: src/a.handler\n',
    'src/a.ts': "import { b } from './b';\nimport { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport const handler = async () => { b(); return s3.send(new GetObjectCommand({Bucket:'x', Key:'y'})); };\nexport const a = () => b();\n",
    'src/b.ts': "import { a } from './a';\nexport const b = () => a();\n",
  });
  show('circular', root);
});

it('import chain 10000', () => {
  const files: Record<string, string> = { 'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: src/m0.handler\n' };
  for (let i = 0; i < 10050; i++) files[`src/m${i}.js`] = `import { f${i + 1} } from './m${i + 1}.js';\nexport const f${i} = () => f${i + 1}();\n${i === 0 ? 'export const handler = async () => f0();\n' : ''}`;
  const root = writeProject(files);
  show('chain', root);
});
