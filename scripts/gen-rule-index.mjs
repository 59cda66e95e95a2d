// Writes rules/index.ts from the rule modules on disk (a test checks the committed file matches).
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../rules');
const only = process.argv.slice(2);
const ids = [];
for (const category of readdirSync(dir).sort()) {
  if (!statSync(path.join(dir, category)).isDirectory()) continue;
  for (const file of readdirSync(path.join(dir, category)).sort()) {
    if (!file.endsWith('.ts')) continue;
    const id = `${category}/${file.slice(0, -3)}`;
    if (only.length === 0 || only.some((p) => id.startsWith(p))) ids.push(id);
  }
}
const name = (id) => id.replace(/[/-](\w)/g, (_, c) => c.toUpperCase());
const lines = [
  '// Every built-in rule, listed explicitly and sorted by id (a test keeps this list equal to the files on disk).',
  "import type { AnyRule } from './kit.js';",
  ...ids.map((id) => `import ${name(id)} from './${id}.js';`),
  '',
  'export const BUILTIN_RULES: AnyRule[] = [',
  ...ids.map((id) => `  ${name(id)},`),
  '];',
  '',
];
writeFileSync(path.join(dir, 'index.ts'), lines.join('\n'));
console.log(`rules/index.ts: ${ids.length} rules`);
