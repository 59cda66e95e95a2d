// Parses handler code with TypeScript's parser, once per file per run, and turns nodes into locations.
import ts, { loadTypeScriptNow } from './typescript.js';
import { inputFinding, INPUT_RULES, laterErrors } from '../engine/finding.js';
import { collectNode } from './module-syntax.js';
export const CODE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];
export function isCodeFile(file) {
    return CODE_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts');
}
function scriptKindOf(file) {
    if (file.endsWith('.tsx'))
        return ts.ScriptKind.TSX;
    if (file.endsWith('.jsx'))
        return ts.ScriptKind.JSX;
    if (/\.(js|mjs|cjs)$/.test(file))
        return ts.ScriptKind.JS;
    return ts.ScriptKind.TS;
}
/** Parse results shared by every function of a run, so a module imported by many handlers is parsed once. */
export class SourceCache {
    reader;
    loaded = new Map();
    constructor(reader) {
        this.reader = reader;
        loadTypeScriptNow();
    }
    load(file) {
        let result = this.loaded.get(file);
        if (!result) {
            result = this.parse(file);
            this.loaded.set(file, result);
        }
        return result;
    }
    parse(file) {
        const read = this.reader.read(file);
        if (!read.ok) {
            return { ok: false, finding: inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${JSON.stringify(file)}: ${read.reason}.`, { file, line: 1, column: 1, endLine: 1, endColumn: 1 }) };
        }
        // JSDoc is never read, and one plain walk sets parents faster than the parser's own queue-based pass.
        const sourceFile = ts.createSourceFile(file, read.text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(file));
        const nodes = setParents(sourceFile);
        const module = { file, sourceFile, findings: [], nodes };
        // parseDiagnostics is not in the public typings but is how the parser reports syntax errors.
        // As for manifests, the first syntax error is reported, with the count of those after it (they often follow from it).
        const diagnostics = sourceFile.parseDiagnostics ?? [];
        const diagnostic = diagnostics[0];
        if (diagnostic) {
            const start = diagnostic.start ?? 0;
            const end = start + (diagnostic.length ?? 0);
            const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\.$/, '');
            module.findings.push(inputFinding(INPUT_RULES.parseError, 'error', `Could not parse ${JSON.stringify(file)}: ${message}${laterErrors(diagnostics.length - 1)}.`, spanLocation(module, start, end)));
        }
        return { ok: true, module };
    }
}
/**
 * Sets `parent` on every node below `root` (what createSourceFile's setParentNodes does, in one plain walk rather
 * than the parser's queue-based pass) and gathers the nodes module-info needs, so the file is walked once. The
 * walk is depth-first in document order; it recurses, which is safe because the parser that built the tree recursed
 * deeper for the same nesting.
 */
function setParents(root) {
    const collected = { loads: [], assignments: [] };
    let parent = root;
    const visit = (child) => {
        child.parent = parent;
        collectNode(child, collected);
        const saved = parent;
        parent = child;
        ts.forEachChild(child, visit);
        parent = saved;
    };
    ts.forEachChild(root, visit);
    return collected;
}
export function spanLocation(module, start, end) {
    const s = module.sourceFile.getLineAndCharacterOfPosition(start);
    const e = module.sourceFile.getLineAndCharacterOfPosition(Math.max(start, end));
    return { file: module.file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}
/** The node's region, or from `startNode` to the node's end (a call located at its method name). */
export function nodeLocation(module, node, startNode = node) {
    return spanLocation(module, startNode.getStart(module.sourceFile), node.getEnd());
}
