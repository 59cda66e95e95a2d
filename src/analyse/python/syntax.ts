// Python source as a small tree with offsets: parsed by @lezer/python (pure JavaScript, synchronous, no native
// or WebAssembly part), copied once into plain nodes the analysis walks. Python is never run.
import { parser } from '@lezer/python';
import type { Location } from '../../model/location.js';
import { inputFinding, INPUT_RULES, laterErrors, type Finding } from '../../model/finding.js';
import { lineIndexAt } from '../../util/line-index.js';

export interface PyNode {
  /** The grammar's node name: `CallExpression`, `VariableName`, `(`, `⚠` for a syntax error. */
  type: string;
  from: number;
  to: number;
  children: PyNode[];
  parent: PyNode | undefined;
  /** The identifier, on `VariableName` and `PropertyName` nodes. */
  name?: string;
}

export interface PyModule {
  /** Root-relative path with forward slashes. */
  file: string;
  text: string;
  root: PyNode;
  /** Offsets where each line starts. */
  lineStarts: number[];
  findings: Finding[];
}

/** Nodes whose text carries nothing the analysis reads. */
const PUNCTUATION = new Set(['(', ')', ',', ':', '[', ']', '{', '}', ';', 'Comment']);

/** Parses `text`; a syntax error gives one parse-error finding for the file and the tree recovers around it. */
export function parsePython(file: string, text: string): PyModule {
  const tree = parser.parse(text);
  const cursor = tree.cursor();
  const root: PyNode = { type: cursor.name, from: cursor.from, to: cursor.to, children: [], parent: undefined };
  const errors: number[] = [];
  // Iterative copy: deeply nested expressions must not overflow the stack.
  const stack: PyNode[] = [root];
  if (cursor.firstChild()) {
    for (;;) {
      const parent = stack[stack.length - 1]!;
      const name = cursor.name;
      if (cursor.type.isError && !(cursor.from === cursor.to && parent.type === 'YieldExpression')) errors.push(cursor.from);
      let entered = false;
      if (!PUNCTUATION.has(name)) {
        const node: PyNode = { type: name, from: cursor.from, to: cursor.to, children: [], parent };
        if (name === 'VariableName' || name === 'PropertyName') node.name = text.slice(cursor.from, cursor.to);
        parent.children.push(node);
        if (cursor.firstChild()) {
          stack.push(node);
          entered = true;
        }
      }
      if (entered) continue;
      while (!cursor.nextSibling()) {
        if (!cursor.parent() || stack.length <= 1) return finish(file, text, root, errors);
        stack.pop();
      }
    }
  }
  return finish(file, text, root, errors);
}

function finish(file: string, text: string, root: PyNode, errors: number[]): PyModule {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const module: PyModule = { file, text, root, lineStarts, findings: [] };
  if (errors.length > 0) {
    const at = errors[0]!;
    const message = `Could not parse ${JSON.stringify(file)}: invalid Python syntax${laterErrors(errors.length - 1)}.`;
    module.findings.push(inputFinding(INPUT_RULES.parseError, 'error', message, spanLocation(module, at, Math.min(text.length, at + 1))));
  }
  return module;
}

function position(module: PyModule, offset: number): { line: number; column: number } {
  const starts = module.lineStarts;
  const index = lineIndexAt(starts, offset);
  return { line: index + 1, column: offset - starts[index]! + 1 };
}

export function spanLocation(module: PyModule, from: number, to: number): Location {
  const start = position(module, from);
  const end = position(module, Math.max(from, to));
  return { file: module.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function pyLocation(module: PyModule, node: PyNode): Location {
  return spanLocation(module, node.from, node.to);
}

export function textOf(module: PyModule, node: PyNode): string {
  return module.text.slice(node.from, node.to);
}

/** The text shortened to one line for messages. */
export function shortText(module: PyModule, node: PyNode, max = 60): string {
  const text = textOf(module, node).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export function child(node: PyNode, type: string): PyNode | undefined {
  return node.children.find((c) => c.type === type);
}

/** Every node under `node` (not `node` itself) in source order, without descending where `enter` says no. */
export function descendants(node: PyNode, enter: (n: PyNode) => boolean = () => true): PyNode[] {
  const out: PyNode[] = [];
  const stack: PyNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    if (enter(next)) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return out;
}

export const FUNCTION_TYPES = new Set(['FunctionDefinition', 'LambdaExpression']);
export const SCOPE_TYPES = new Set(['FunctionDefinition', 'LambdaExpression', 'ClassDefinition']);

/** The value of a string literal (`'a'`, `"""b"""`, `r'c'`, adjacent literals); undefined for bytes or odd forms. */
export function stringValue(module: PyModule, node: PyNode): string | undefined {
  if (node.type !== 'String') return undefined;
  const raw = textOf(module, node);
  // Adjacent literals ("a" "b") are one String node.
  let out = '';
  const re = /([rRuUbB]{0,2})('''|"""|'|")/g;
  let i = 0;
  while (i < raw.length) {
    re.lastIndex = i;
    const m = re.exec(raw);
    if (!m || m.index !== i) {
      if (/\s/.test(raw[i]!)) {
        i++;
        continue;
      }
      return undefined;
    }
    const prefix = m[1]!.toLowerCase();
    if (prefix.includes('b')) return undefined;
    const quote = m[2]!;
    const start = i + m[0].length;
    const end = raw.indexOf(quote, start);
    if (end < 0) return undefined;
    const body = raw.slice(start, end);
    out += prefix.includes('r') ? body : unescape(body);
    i = end + quote.length;
  }
  return out;
}

function unescape(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '\n':
        return '';
      case 'u':
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        return e === '\\' || e === "'" || e === '"' ? e : `\\${e}`;
    }
  });
}
