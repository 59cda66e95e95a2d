// The README's rules table, generated from rule metadata (a test keeps README and this output equal).
import type { AnyRule } from '../engine/rule.js';

export function rulesTableMarkdown(rules: AnyRule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = sorted.map((r) => `| [\`${r.id}\`](#${r.id.replace('/', '').toLowerCase()}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`);
  return ['| Rule | Default | What it finds |', '| --- | --- | --- |', ...rows, ''].join('\n');
}
