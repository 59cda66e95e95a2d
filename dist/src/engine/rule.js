export const DOCS_BASE = 'https://github.com/noops-lint/noops-lint/blob/main/README.md#';
export function defineRule(rule) {
    return rule;
}
export function helpUri(ruleId) {
    return DOCS_BASE + ruleId.replace('/', '').toLowerCase();
}
export function formatMessage(template, data = {}) {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => (name in data ? String(data[name]) : whole));
}
