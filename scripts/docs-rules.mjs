// Writes the rules section of README.md from the rules' metadata (read from the sources) and their first bad fixtures.
// Usage: npm run docs:rules   (--check: exit 1 when README.md is out of date)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importSource } from './import-source.mjs';

const { BUILTIN_RULES, rulesDocsMarkdown, toolIdsDocsMarkdown, TOOL_RULES, SUPPRESSION_RULES } = await importSource({
  BUILTIN_RULES: 'rules/index.ts',
  rulesDocsMarkdown: 'src/cli/rules-table.ts',
  toolIdsDocsMarkdown: 'src/cli/rules-table.ts',
  TOOL_RULES: 'src/engine/tool-rules.ts',
  SUPPRESSION_RULES: 'src/engine/suppressions.ts',
});

const root = path.resolve(import.meta.dirname, '..');
const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const generated = renderRulesSection(root);
const updated = readme
  .replace(/(<!-- rules-table:start -->\n)[\s\S]*?(<!-- rules-table:end -->)/, `$1${generated}$2`)
  .replace(/(<!-- tool-ids:start -->\n)[\s\S]*?(<!-- tool-ids:end -->)/, `$1${toolIdsDocsMarkdown([...TOOL_RULES, ...SUPPRESSION_RULES])}$2`);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md rules section is out of date: run npm run docs:rules');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, updated);
  console.log(`README.md: ${BUILTIN_RULES.length} rules documented`);
}

function renderRulesSection(rootDir) {
  return rulesDocsMarkdown(BUILTIN_RULES, (rule) => exampleOf(rootDir, rule.id));
}

function exampleOf(rootDir, id) {
  const badDir = path.join(rootDir, 'fixtures/rules', id, 'bad');
  let cases;
  try {
    cases = readdirSync(badDir).sort();
  } catch {
    return undefined;
  }
  for (const name of cases) {
    for (const file of listFiles(path.join(badDir, name))) {
      const text = readFileSync(path.join(badDir, name, file), 'utf8');
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes(`expect: ${id}`));
      if (at < 0) continue;
      const start = Math.max(0, at - 12);
      const end = Math.min(lines.length, at + 6);
      const language = file.endsWith('.json') ? 'json' : /\.[cm]?[jt]s$/.test(file) ? (file.endsWith('ts') ? 'ts' : 'js') : /Dockerfile$/.test(file) ? 'dockerfile' : 'yaml';
      return { file: `fixtures/rules/${id}/bad/${name}/${file}`, language, text: (start > 0 ? '# ...\n' : '') + lines.slice(start, end).join('\n') };
    }
  }
  return undefined;
}

function listFiles(dir, base = dir) {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const abs = path.join(dir, n);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs, base));
    else out.push(path.relative(base, abs).split(path.sep).join('/'));
  }
  return out;
}
