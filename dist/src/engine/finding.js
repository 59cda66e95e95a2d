import { plural } from '../util/plural.js';
export const SEVERITY_RANK = { error: 3, warning: 2, note: 1 };
/** Findings the tool reports about its own input (reserved ids). */
export const INPUT_RULES = {
    parseError: 'input/parse-error',
    skippedFile: 'input/skipped-file',
    unresolved: 'input/unresolved',
    invalidManifest: 'input/invalid-manifest',
    ruleError: 'internal/rule-error',
};
/**
 * What a parser reported after its first error, for the one parse-error finding a file gets: recovery after one
 * mistake (an unclosed quote) often reports every later token again. Empty when there was nothing after it.
 */
export function laterErrors(count) {
    return count > 0 ? ` (and ${plural(count, 'more error')} after it, which may follow from this one)` : '';
}
export function inputFinding(ruleId, severity, message, location, key = '') {
    return { ruleId, severity, message, location, related: [], key: key || `${ruleId}|${location.file}|${message}` };
}
/** The one order of findings: file, line, column, rule id, message, then the rest, so equal inputs print equally. */
export function compareFindings(a, b) {
    return (compareStrings(a.location.file, b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column ||
        compareStrings(a.ruleId, b.ruleId) ||
        compareStrings(a.message, b.message) ||
        a.location.endLine - b.location.endLine ||
        a.location.endColumn - b.location.endColumn ||
        compareStrings(a.key, b.key));
}
/** Code-unit order, not localeCompare: the same bytes on every machine and locale. */
export function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
