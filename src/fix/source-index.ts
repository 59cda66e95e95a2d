// The text of a manifest file with its YAML/JSON nodes by offset, so a fix can splice exactly the bytes of a
// statement, a list item or a value and leave every other byte (comments, quoting, anchors, CRLF) as it was.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit as visitNodes, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Location } from '../model/location.js';
import { SHORT_TAGS } from '../model/values.js';

/** Tags the loader knows, so the parser keeps them on their nodes. */
const TAGS = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const },
  { tag, collection: 'map' as const },
]);

export interface IndexedNode {
  node: Node;
  /** The sequence holding it, and its index there. */
  parentSeq?: YAMLSeq;
  index?: number;
  /** The mapping pair whose value (or key) it is. */
  parentPair?: Pair;
  parentMap?: YAMLMap;
}

export class SourceIndex {
  readonly text: string;
  /** A byte-order mark the loader strips before parsing: offsets below are in the text after it. */
  readonly bom: string;
  readonly newline: string;
  readonly json: boolean;
  /** A JSON file indented with tabs: its columns count tabs, and written text is indented with them. */
  readonly tabs: boolean;
  readonly ok: boolean;
  private readonly lines = new LineCounter();
  private readonly byStart = new Map<number, IndexedNode[]>();
  private readonly pairByKeyStart = new Map<number, { pair: Pair; map: YAMLMap }>();
  /** Nodes under an anchor that an alias uses, and that anchor: editing one would change every alias of it. */
  private readonly anchored = new Map<Node, { name: string; offset: number }>();
  /** Offsets of the aliases, by anchor name. */
  private readonly aliases = new Map<string, number[]>();
  /** Whether the file writes CloudFormation short tags (`!GetAtt`), the style new resources are written in. */
  readonly usesShortTags: boolean;

  constructor(readonly file: string, raw: string) {
    this.bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    this.text = this.bom ? raw.slice(1) : raw;
    this.newline = /\r\n/.test(this.text) ? '\r\n' : '\n';
    this.json = /\.json$/i.test(file);
    this.tabs = this.json && /^\t/m.test(this.text) && !/^ +\S/m.test(this.text);
    const doc = parseDocument(this.text, { lineCounter: this.lines, uniqueKeys: false, prettyErrors: false, customTags: TAGS });
    this.ok = doc.errors.length === 0;
    this.usesShortTags = false;
    let shortTags = false;
    if (this.ok) {
      visitNodes(doc, (_key, n) => {
        if (isAlias(n) && n.range) this.aliases.set(n.source, [...(this.aliases.get(n.source) ?? []), n.range[0]]);
      });
    }
    const visit = (node: unknown, context: Omit<IndexedNode, 'node'>, inAnchor: { name: string; offset: number } | undefined): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Node;
      if (isAlias(n)) return;
      const own = (n as { anchor?: string }).anchor;
      const anchored = inAnchor ?? (own && this.aliases.has(own) && n.range ? { name: own, offset: Math.max(0, this.text.lastIndexOf(`&${own}`, n.range[0])) } : undefined);
      if (anchored) this.anchored.set(n, anchored);
      if (n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!')) shortTags = true;
      if (n.range) {
        const list = this.byStart.get(n.range[0]) ?? [];
        list.push({ node: n, ...context });
        this.byStart.set(n.range[0], list);
      }
      if (isMap(n)) {
        for (const pair of n.items) {
          const key = pair.key as Node | null;
          if (key && isScalar(key) && key.range) this.pairByKeyStart.set(key.range[0], { pair, map: n });
          visit(pair.value, { parentPair: pair, parentMap: n }, anchored);
        }
      } else if (isSeq(n)) {
        n.items.forEach((item, index) => visit(item, { parentSeq: n, index }, anchored));
      }
    };
    if (this.ok) visit(doc.contents, {}, undefined);
    this.usesShortTags = shortTags;
  }

  /** Text written with spaces for columns, indented the file's way (each leading space a tab in a tab-indented file). */
  indented(text: string): string {
    return this.tabs ? text.replace(/\n( +)/g, (_, spaces: string) => `\n${'\t'.repeat(spaces.length)}`) : text;
  }

  /** Offset in `text` of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    const start = this.lines.lineStarts[line - 1];
    return start === undefined ? -1 : start + column - 1;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  /** The node a model location starts at (the innermost collection there, else the scalar). */
  nodeAt(location: Location, want?: 'map' | 'seq' | 'scalar'): IndexedNode | undefined {
    const list = this.byStart.get(this.offsetOf(location.line, location.column)) ?? [];
    return list.find((entry) => (want === 'map' ? isMap(entry.node) : want === 'seq' ? isSeq(entry.node) : want === 'scalar' ? isScalar(entry.node) : true));
  }

  /** The mapping pair whose key starts at a location (`S3CrudPolicy:` of a SAM policy template entry). */
  pairAtKey(location: Location): { pair: Pair; map: YAMLMap } | undefined {
    return this.pairByKeyStart.get(this.offsetOf(location.line, location.column));
  }

  /** The index entry of a node (its parents), found by its start offset. */
  entryOf(node: Node): IndexedNode | undefined {
    return node.range ? this.byStart.get(node.range[0])?.find((entry) => entry.node === node) : undefined;
  }

  isAnchored(node: Node): boolean {
    return this.anchored.has(node);
  }

  /** The anchor an alias uses that a node is under (its name, line, and the lines of its aliases). */
  anchorOf(node: Node): { name: string; line: number; aliasLines: number[] } | undefined {
    const anchor = this.anchored.get(node);
    if (!anchor) return undefined;
    return { name: anchor.name, line: this.lineOf(anchor.offset), aliasLines: (this.aliases.get(anchor.name) ?? []).map((offset) => this.lineOf(offset)) };
  }

  /** Start of a node's text, including a short tag written before it (`!GetAtt X.Arn`). */
  startOf(node: Node): number {
    let start = node.range![0];
    // Properties written before the value, in either order: a short tag, an anchor (and a comment after it).
    const properties: string[] = [];
    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) properties.push(tag);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) properties.push(`&${anchor}`);
    for (let round = 0; round < properties.length; round += 1) {
      for (const property of properties) {
        const at = this.text.lastIndexOf(property, start - 1);
        if (at >= 0 && at + property.length <= start && /^(\s|#[^\n]*)*$/.test(this.text.slice(at + property.length, start))) start = at;
      }
    }
    return start;
  }

  /** End of a node's own text: its value end, without the newline and blank lines a block collection's range keeps. */
  endOf(node: Node): number {
    let end = node.range![1];
    while (end > node.range![0] && /\s/.test(this.text[end - 1]!)) end -= 1;
    return end;
  }

  /** The node's source text, tag included. */
  sourceOf(node: Node): string {
    return this.text.slice(this.startOf(node), this.endOf(node));
  }

  /** Column (0-based) of an offset. */
  columnOf(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** Start of the line holding an offset. */
  lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The `-` of a block sequence item, when the item is written `- value` on its own line. */
  dashOf(item: Node): number | undefined {
    let at = this.startOf(item) - 1;
    while (at >= 0 && (this.text[at] === ' ' || this.text[at] === '\t')) at -= 1;
    if (this.text[at] !== '-') return undefined;
    const before = this.text.slice(this.lineStartOf(at), at);
    return /^[ \t]*$/.test(before) ? at : undefined;
  }
}

export function isSequenceFlow(seq: YAMLSeq): boolean {
  return Boolean(seq.flow);
}

export { isMap, isSeq, isScalar, isPair };
