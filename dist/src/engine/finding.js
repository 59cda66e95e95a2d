export const SEVERITY_RANK = { error: 3, warning: 2, note: 1 };
/** Findings the tool reports about its own input (reserved ids). */
export const INPUT_RULES = {
    parseError: 'input/parse-error',
    skippedFile: 'input/skipped-file',
    unresolved: 'input/unresolved',
    invalidManifest: 'input/invalid-manifest',
    ruleError: 'internal/rule-error',
};
export function inputFinding(ruleId, severity, message, location, key = '') {
    return { ruleId, severity, message, location, related: [], key: key || `${ruleId}|${location.file}|${message}` };
}
