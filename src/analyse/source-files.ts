// Parses handler code with TypeScript's parser, once per file per run, and turns nodes into locations.
import ts, { loadTypeScriptNow } from './typescript.js';
import type { Location } from '../model/location.js';
import type { InlineCode } from '../model/project.js';
import { inputFinding, INPUT_RULES, laterErrors, type Finding } from '../model/finding.js';
import type { SourceReader } from './source-reader.js';
import { collectNode, type CollectedNodes } from './module-syntax.js';
import { PARSE_LIMITS, parseBudgetProblem } from './parse-budget.js';

/** One parsed source file; `findings` holds its parse errors (the tree still holds what parsed). */
export interface SourceModule {
  /** Root-relative path with forward slashes. */
  file: string;
  sourceFile: ts.SourceFile;
  findings: Finding[];
  /** Nodes module-info needs, gathered in document order by the walk that sets parents (see `setParents`). */
  nodes?: CollectedNodes;
  /** Code written in a manifest (`file` is then a name of its own): locations point into the manifest. */
  inline?: InlineCode;
}

export type SourceLoadResult = { ok: true; module: SourceModule } | { ok: false; finding: Finding };

export const CODE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'] as const;

export function isCodeFile(file: string): boolean {
  return CODE_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts');
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function hasParseErrors(sourceFile: ts.SourceFile): boolean {
  return ((sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0) > 0;
}

/** Names that cannot be the default export named by `export NAME from`: they start a declaration. */
const DECLARATION_WORDS = new Set(['default', 'const', 'let', 'var', 'function', 'class', 'async', 'type', 'interface', 'enum', 'declare', 'abstract', 'namespace', 'module', 'import']);

/**
 * `export name from 'm'` (Babel's export-default-from proposal) written as the standard `export { default as name }
 * from 'm'`; only statements at the start of a line, so strings and comments stay as they are. Undefined when there is
 * none. Lines keep their numbers; only the columns after such a statement move.
 */
export function withStandardDefaultReExports(text: string): string | undefined {
  let changed = false;
  const rewritten = text.replace(/^([ \t]*)export[ \t]+([A-Za-z_$][\w$]*)([ \t]*,[ \t]*\{|[ \t]+from(?=[ \t]*['"]))/gm, (whole, indent: string, name: string, rest: string) => {
    if (DECLARATION_WORDS.has(name)) return whole;
    changed = true;
    // `export name, { a } from 'm'`: the default joins the named list.
    return rest.includes('{') ? `${indent}export { default as ${name},` : `${indent}export { default as ${name} } from`;
  });
  return changed ? rewritten : undefined;
}

/** Parse results shared by every function of a run, so a module imported by many handlers is parsed once. */
export class SourceCache {
  private readonly loaded = new Map<string, SourceLoadResult>();

  constructor(private readonly reader: SourceReader) {
    loadTypeScriptNow();
  }

  /** The modules parsed so far, by file name (for a stable order). */
  modules(): SourceModule[] {
    const modules: SourceModule[] = [];
    for (const result of this.loaded.values()) if (result.ok) modules.push(result.module);
    return modules.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  load(file: string): SourceLoadResult {
    let result = this.loaded.get(file);
    if (!result) {
      result = this.parse(file);
      this.loaded.set(file, result);
    }
    return result;
  }

  private parse(file: string): SourceLoadResult {
    const read = this.reader.read(file);
    if (!read.ok) {
      return { ok: false, finding: inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${JSON.stringify(file)}: ${read.reason}.`, { file, line: 1, column: 1, endLine: 1, endColumn: 1 }) };
    }
    const skipped = (reason: string): SourceLoadResult => ({
      ok: false,
      finding: inputFinding(INPUT_RULES.skippedFile, 'warning', `Skipped ${JSON.stringify(file)}: ${reason}.`, { file, line: 1, column: 1, endLine: 1, endColumn: 1 }),
    });
    const kind = scriptKindOf(file);
    const problem = parseBudgetProblem(read.text);
    if (problem) return skipped(problem);
    let sourceFile: ts.SourceFile;
    let nodes: CollectedNodes;
    try {
      // JSDoc is never read, and one plain walk sets parents faster than the parser's own queue-based pass.
      sourceFile = ts.createSourceFile(file, read.text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
      // Babel's export-default-from (`export helper from './helper'`, stage-0 and 1 presets) is valid in the projects
      // that compile with it: read as the standard re-export it means, rather than reported as a syntax error.
      const standard = hasParseErrors(sourceFile) && kind !== ts.ScriptKind.TS && kind !== ts.ScriptKind.TSX ? withStandardDefaultReExports(read.text) : undefined;
      if (standard !== undefined) {
        const reparsed = ts.createSourceFile(file, standard, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
        if (!hasParseErrors(reparsed)) sourceFile = reparsed;
      }
      nodes = setParents(sourceFile);
    } catch (error) {
      // The pre-scan keeps the parser far from the stack's end; this is the last line of defence.
      if (error instanceof TreeTooDeep) return skipped(`its syntax tree is more than ${PARSE_LIMITS.maxTreeDepth} levels deep`);
      if (error instanceof RangeError) return skipped('its code is nested too deeply to parse');
      throw error;
    }
    const module: SourceModule = { file, sourceFile, findings: [], nodes, ...(read.inline ? { inline: read.inline } : {}) };
    // parseDiagnostics is not in the public typings but is how the parser reports syntax errors.
    // As for manifests, the first syntax error is reported, with the count of those after it (they often follow from it).
    const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
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
function setParents(root: ts.SourceFile): CollectedNodes {
  const collected: CollectedNodes = { loads: [], assignments: [], news: [] };
  let parent: ts.Node = root;
  let depth = 0;
  const visit = (child: ts.Node): void => {
    (child as { parent: ts.Node }).parent = parent;
    collectNode(child, collected);
    const saved = parent;
    parent = child;
    // Chains such as `a + b + …` or `a.b.c…` parse without recursion but make a tree every later walk recurses on.
    if (++depth > PARSE_LIMITS.maxTreeDepth) throw new TreeTooDeep();
    ts.forEachChild(child, visit);
    depth -= 1;
    parent = saved;
  };
  ts.forEachChild(root, visit);
  return collected;
}

class TreeTooDeep extends Error {}

export function spanLocation(module: SourceModule, start: number, end: number): Location {
  const s = module.sourceFile.getLineAndCharacterOfPosition(start);
  const e = module.sourceFile.getLineAndCharacterOfPosition(Math.max(start, end));
  if (module.inline) return placeInManifest(module.inline, s, e);
  return { file: module.file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

interface LineAndCharacter {
  line: number;
  character: number;
}

/** A region of code written in a manifest, at the manifest's line and column (the start of the line's value when inexact). */
function placeInManifest(inline: InlineCode, start: LineAndCharacter, end: LineAndCharacter): Location {
  const at = (position: LineAndCharacter): { line: number; column: number } => {
    const placed = inline.lines[Math.min(position.line, inline.lines.length - 1)];
    if (!placed) return { line: inline.location.line, column: inline.location.column };
    return { line: placed.line, column: placed.column + (placed.exact ? position.character : 0) + 1 };
  };
  const s = at(start);
  const e = at(end);
  const after = e.line > s.line || (e.line === s.line && e.column >= s.column);
  return { file: inline.manifest, line: s.line, column: s.column, endLine: after ? e.line : s.line, endColumn: after ? e.column : s.column };
}

/** The node's region, or from `startNode` to the node's end (a call located at its method name). */
export function nodeLocation(module: SourceModule, node: ts.Node, startNode: ts.Node = node): Location {
  return spanLocation(module, startNode.getStart(module.sourceFile), node.getEnd());
}
