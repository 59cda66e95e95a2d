import { it } from 'vitest';
import { writeProject, lintRoot } from './harness.js';
import { analyseFunctions } from '../../src/analyse/index.js';
import { sourceReader } from '../../src/engine/lint.js';
import { ProjectFiles } from '../../src/load/files.js';

for (const n of [1000, 2000, 4000]) it('chain ' + n, () => {
  const files: Record<string, string> = { 'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: src/m0.handler\n' };
  for (let i = 0; i < n; i++) files[`src/m${i}.js`] = `import { f${i + 1} } from './m${i + 1}.js';\nexport const f${i} = () => f${i + 1}();\n${i === 0 ? 'export const handler = async () => f0();\n' : ''}`;
  const root = writeProject(files);
  const run = lintRoot(root);
  const t2 = Date.now();
  analyseFunctions(run.project, sourceReader(new ProjectFiles(root)));
  console.log(n, Date.now() - t2);
  const files2: Record<string, string> = { 'serverless.yml': files['serverless.yml']! };
  for (let i = 0; i < n; i++) files2[`src/m${i}.js`] = `import './m${i + 1}.js';\n${i === 0 ? 'export const handler = async () => 1;\n' : ''}`;
  const root2 = writeProject(files2);
  const run2 = lintRoot(root2);
  const t3 = Date.now();
  analyseFunctions(run2.project, sourceReader(new ProjectFiles(root2)));
  console.log(n, 'side-effect imports', Date.now() - t3);
});
