// Where a value came from: a root-relative file and a 1-based region (end column exclusive).
export function locationAtStart(file) {
    return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
export function compareLocations(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}
export function formatLocation(loc) {
    return `${loc.file}:${loc.line}:${loc.column}`;
}
