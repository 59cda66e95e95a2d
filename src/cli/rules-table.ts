// The README's rules section, generated from rule metadata and each rule's first bad fixture
// (`npm run docs:rules` writes it; a test keeps README.md equal to this output).
import type { AnyRule } from '../../rules/kit.js';
import { fenceIndentedLines } from '../report/sarif.js';
import { readmeAnchor } from '../util/docs-link.js';

export interface RuleExample {
  /** Root-relative path of the fixture file shown. */
  file: string;
  language: string;
  text: string;
}

export function rulesTableMarkdown(rules: AnyRule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = sorted.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.severity}${r.strictOnly ? ' (strict preset)' : ''} | ${r.description.replace(/\|/g, '\\|')} |`);
  return ['| Rule | Default | What it finds |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

export function rulesDocsMarkdown(rules: AnyRule[], exampleOf: (rule: AnyRule) => RuleExample | undefined): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const parts = [rulesTableMarkdown(sorted)];
  for (const rule of sorted) {
    const example = exampleOf(rule);
    parts.push(`### \`${rule.id}\``, '', `${rule.severity}${rule.strictOnly ? ' · only in the strict preset' : ''} · ${rule.description}`, '', rule.fullDescription, '');
    if (example) {
      parts.push(`Reported (\`${example.file}\`):`, '', '```' + example.language, example.text.trimEnd(), '```', '');
    }
    parts.push(`Fix: ${rule.help}`, '');
  }
  return parts.join('\n');
}

/** GitHub's heading anchor for "### `iam/wildcard-action`". */
export function anchor(id: string): string {
  return readmeAnchor(id);
}

/**
 * The README section on noops-lint's own ids (input/*, internal/*, suppression/*): a heading each, so every id a
 * finding may carry has the docs page its link points at.
 */
export function toolIdsDocsMarkdown(ids: AnyRule[]): string {
  const sorted = [...ids].sort((a, b) => (a.id < b.id ? -1 : 1));
  const parts: string[] = [];
  for (const rule of sorted) {
    parts.push(`### \`${rule.id}\``, '', `${rule.severity} · ${rule.description}`, '', rule.fullDescription, '', ...fenceIndentedLines(`Fix: ${rule.help}`), '');
  }
  return parts.join('\n');
}
