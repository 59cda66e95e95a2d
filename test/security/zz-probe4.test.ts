import { it } from 'vitest';
import { writeProject, lintRoot } from './harness.js';
import { analyseFunctions } from '../../src/analyse/index.js';
import { sourceReader } from '../../src/engine/lint.js';
import { ProjectFiles } from '../../src/load/files.js';

it('big yaml', () => {
  let y = 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n';
  let i = 0;
  while (y.length < 9.5 * 1024 * 1024) { y += `  f${i}:\n    handler: src/h.handler\n    environment:\n      A_${i}: value-${i}\n      DB_PASSWORD: supersecret${i}\n`; i++; }
  const root = writeProject({ 'serverless.yml': y, 'src/h.js': 'export const handler = async () => 1;\n' });
  const t = Date.now();
  const run = lintRoot(root);
  console.log('bigyaml', i, Date.now() - t, run.findings.length);
});

it('big bundle', () => {
  let js = '';
  let i = 0;
  while (js.length < 9.5 * 1024 * 1024) { js += `var a${i}=function(b,c){return b+c*${i}||(function(){return"x${i}"})()};`; i++; }
  js += 'exports.handler=async function(e){return a1(1,2)};';
  const root = writeProject({ 'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: dist/bundle.handler\n', 'dist/bundle.js': js });
  const run = lintRoot(root);
  const t = Date.now();
  const u = analyseFunctions(run.project, sourceReader(new ProjectFiles(root)));
  console.log('bundle', Date.now() - t, JSON.stringify([...u.values()].map(x=>[x.files, x.findings])));
});
