export function rulesTableMarkdown(rules) {
    const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
    const rows = sorted.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`);
    return ['| Rule | Default | What it finds |', '| --- | --- | --- |', ...rows, ''].join('\n');
}
export function rulesDocsMarkdown(rules, exampleOf) {
    const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
    const parts = [rulesTableMarkdown(sorted)];
    for (const rule of sorted) {
        const example = exampleOf(rule);
        parts.push(`### \`${rule.id}\``, '', `${rule.severity} · ${rule.description}`, '', rule.fullDescription, '');
        if (example) {
            parts.push(`Reported (\`${example.file}\`):`, '', '```' + example.language, example.text.trimEnd(), '```', '');
        }
        parts.push(`Fix: ${rule.help}`, '');
    }
    return parts.join('\n');
}
/** GitHub's heading anchor for "### `iam/wildcard-action`". */
export function anchor(id) {
    return id.replace('/', '').toLowerCase();
}
