import { it } from 'vitest';
import { writeProject, lintRoot } from './harness.js';
import { parseYaml } from '../../src/load/yaml.js';
import { loadProject } from '../../src/load/project.js';
import { ProjectFiles } from '../../src/load/files.js';
import { BUILTIN_RULES } from '../../rules/index.js';

for (const mb of [0.5, 1]) it('big yaml ' + mb, () => {
  let y = 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n';
  let i = 0;
  while (y.length < mb * 1024 * 1024) { y += `  f${i}:\n    handler: src/h.handler\n    environment:\n      A_${i}: value-${i}\n      DB_PASSWORD: supersecret${i}\n`; i++; }
  const root = writeProject({ 'serverless.yml': y, 'src/h.js': 'export const handler = async () => 1;\n' });
  let t = Date.now();
  parseYaml(y, 'serverless.yml');
  console.log(mb, i, 'parse', Date.now() - t); t = Date.now();
  loadProject(new ProjectFiles(root), { paths: [''], ignores: [], gitignore: true, resolveEnv: false, env: {} });
  console.log(mb, 'load', Date.now() - t); t = Date.now();
  for (const rule of BUILTIN_RULES) { lintRoot(root, { rules: [rule] }); console.log(mb, rule.id, Date.now() - t); t = Date.now(); }
  lintRoot(root, { rules: [] }); console.log(mb, 'none', Date.now() - t);
});
