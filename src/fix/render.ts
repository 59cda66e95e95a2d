// Writes statements the way the file around them is written: YAML or JSON, its indentation, scalar or list
// Action values, its quoting, CloudFormation short tags (`!GetAtt T.Arn`) or long form, its line ending.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { isIntrinsic } from '../model/values.js';
import type { SourceIndex } from './source-index.js';

export interface StatementStyle {
  json: boolean;
  /** Spaces a nested block list (YAML) or a nesting level (JSON) is indented by. */
  indent: number;
  /** One action written as a scalar (`Action: s3:GetObject`) rather than a one-item list. */
  actionScalarWhenOne: boolean;
  resourceScalarWhenOne: boolean;
  /** How action strings are quoted in YAML. */
  quote: '' | "'" | '"';
  /** JSON arrays written on one line. */
  inlineArrays: boolean;
  /** YAML lists written `[a, b]`, for Action and for Resource. */
  flowActions: boolean;
  flowResources: boolean;
  shortTags: boolean;
  newline: string;
  /** One-line JSON objects written with spaces inside the braces (`{ "Ref": "T" }`), as the file writes them. */
  paddedBraces: boolean;
  /** The order of the statement keys (`Effect`, `Action`, `Resource`, and `Sid` when written). */
  keyOrder: string[];
}

/** A resource as it will be written: one line of text; a block mapping (`Fn::GetAtt: [T, Arn]`) only fits a list item. */
export interface WrittenResource {
  text: string;
  blockMap: boolean;
}

const DEFAULT_ORDER = ['Sid', 'Effect', 'Action', 'Resource'];

/** The style of a file's statements, read from one statement (the one being replaced, or a neighbour). */
export function styleOf(source: SourceIndex, statement: Node | undefined): StatementStyle {
  const style: StatementStyle = {
    json: source.json,
    indent: 2,
    actionScalarWhenOne: false,
    resourceScalarWhenOne: true,
    quote: source.json ? '"' : '',
    inlineArrays: false,
    flowActions: false,
    flowResources: false,
    shortTags: source.usesShortTags,
    newline: source.newline,
    keyOrder: DEFAULT_ORDER,
    paddedBraces: source.json && /\{ "/.test(source.text) && !/\{"/.test(source.text),
  };
  if (!statement || !isMap(statement)) return style;
  const keys = statement.items.map((pair) => keyName(pair)).filter((k): k is string => k !== undefined);
  style.keyOrder = [...keys.filter((k) => DEFAULT_ORDER.includes(k)), ...DEFAULT_ORDER.filter((k) => !keys.includes(k))];
  const startColumn = source.columnOf(source.startOf(statement));
  const action = pairOf(statement, 'Action');
  const resource = pairOf(statement, 'Resource');
  if (source.json) {
    const firstKey = statement.items[0]?.key as Node | undefined;
    if (firstKey?.range) {
      const keyColumn = source.columnOf(firstKey.range[0]);
      const sameLine = !source.text.slice(source.startOf(statement), firstKey.range[0]).includes('\n');
      if (!sameLine && keyColumn > startColumn) style.indent = keyColumn - startColumn;
    }
    const value = action?.value as Node | undefined;
    if (value && isScalar(value)) style.actionScalarWhenOne = true;
    if (value && isSeq(value) && value.range) style.inlineArrays = !source.text.slice(value.range[0], value.range[1]).includes('\n');
    const resourceValue = resource?.value as Node | undefined;
    style.resourceScalarWhenOne = !resourceValue || !isSeq(resourceValue);
    return style;
  }
  const actionValue = action?.value as Node | undefined;
  if (actionValue && isScalar(actionValue)) {
    style.actionScalarWhenOne = true;
    style.quote = quoteOf(actionValue);
  } else if (actionValue && isSeq(actionValue)) {
    if (actionValue.flow) style.flowActions = true;
    const first = actionValue.items[0] as Node | undefined;
    if (first && isScalar(first)) style.quote = quoteOf(first);
    const dash = first ? source.dashOf(first) : undefined;
    const keyStart = (action!.key as Node).range?.[0];
    if (dash !== undefined && keyStart !== undefined) {
      const offset = source.columnOf(dash) - source.columnOf(keyStart);
      if (offset >= 0) style.indent = offset;
    }
  }
  const resourceValue = resource?.value as Node | undefined;
  // `!Join ['', [...]]` is one resource written as a tagged flow list, not a list of resources.
  const tagged = Boolean(resourceValue?.tag && resourceValue.tag.startsWith('!') && !resourceValue.tag.startsWith('!!'));
  style.resourceScalarWhenOne = !resourceValue || !isSeq(resourceValue) || tagged;
  if (resourceValue && isSeq(resourceValue) && resourceValue.flow && !tagged) style.flowResources = true;
  return style;
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  return key && isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
}

export function pairOf(map: YAMLMap, name: string): Pair | undefined {
  return map.items.find((pair) => keyName(pair) === name);
}

function quoteOf(node: Node): StatementStyle['quote'] {
  if (!isScalar(node)) return '';
  if (node.type === Scalar.QUOTE_SINGLE) return "'";
  if (node.type === Scalar.QUOTE_DOUBLE) return '"';
  return '';
}

/** A string as a YAML scalar: plain when that reads back as the same string, else quoted. */
export function yamlString(value: string, preferred: StatementStyle['quote']): string {
  if (preferred === '"') return JSON.stringify(value);
  const plain = /^[A-Za-z0-9_$/][^\s#,[\]{}]*$/.test(value) && !/:(\s|$)/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?)$/i.test(value);
  if (plain && preferred === '') return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/** A value as one-line JSON (`{"Fn::GetAtt": ["T", "Arn"]}`, or `{ "Fn::GetAtt": ["T", "Arn"] }` with `padded`). */
export function jsonInline(value: unknown, padded = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => jsonInline(item, padded)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${jsonInline(v, padded)}`);
    return padded ? `{ ${entries.join(', ')} }` : `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A derived resource (a string ARN, `*`, or a CloudFormation intrinsic) written in the file's style. */
export function writeResource(value: unknown, style: StatementStyle): WrittenResource {
  if (style.json) return { text: jsonInline(value, style.paddedBraces), blockMap: false };
  if (typeof value === 'string') return { text: yamlString(value, value === '*' ? (style.quote || "'") : style.quote), blockMap: false };
  if (isIntrinsic(value)) {
    const record = value as Record<string, unknown>;
    const getAtt = record['Fn::GetAtt'];
    if (typeof record.Ref === 'string') return style.shortTags ? { text: `!Ref ${record.Ref}`, blockMap: false } : { text: `Ref: ${record.Ref}`, blockMap: true };
    if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt.every((p) => typeof p === 'string')) {
      return style.shortTags ? { text: `!GetAtt ${getAtt[0]}.${getAtt[1]}`, blockMap: false } : { text: `Fn::GetAtt: [${getAtt[0]}, ${getAtt[1]}]`, blockMap: true };
    }
    const sub = record['Fn::Sub'];
    if (typeof sub === 'string') {
      const quoted = `'${sub.replace(/'/g, "''")}'`;
      return style.shortTags ? { text: `!Sub ${quoted}`, blockMap: false } : { text: `Fn::Sub: ${quoted}`, blockMap: true };
    }
    const join = record['Fn::Join'];
    if (Array.isArray(join) && join.length === 2 && typeof join[0] === 'string' && Array.isArray(join[1])) {
      // `!Join ['', [!GetAtt Bucket.Arn, '/exports/*']]`, or its long form with flow mappings inside.
      const parts = join[1].map((part) => flowPart(part, style.shortTags));
      if (parts.every((p) => p !== undefined)) {
        const text = `['${join[0].replace(/'/g, "''")}', [${parts.join(', ')}]]`;
        return style.shortTags ? { text: `!Join ${text}`, blockMap: false } : { text: `Fn::Join: ${text}`, blockMap: true };
      }
    }
  }
  // Any other value reads the same as a JSON flow collection.
  return { text: jsonInline(value), blockMap: false };
}

/** A part of a flow list: a quoted string, `!GetAtt X.Arn` / `!Ref X` (or `{Fn::GetAtt: [X, Arn]}` / `{Ref: X}`). */
function flowPart(part: unknown, shortTags: boolean): string | undefined {
  if (typeof part === 'string') return `'${part.replace(/'/g, "''")}'`;
  if (!isIntrinsic(part)) return undefined;
  const record = part as Record<string, unknown>;
  const getAtt = record['Fn::GetAtt'];
  if (typeof record.Ref === 'string') return shortTags ? `!Ref ${record.Ref}` : `{Ref: ${record.Ref}}`;
  if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt.every((p) => typeof p === 'string')) return shortTags ? `!GetAtt ${getAtt[0]}.${getAtt[1]}` : `{'Fn::GetAtt': [${getAtt[0]}, ${getAtt[1]}]}`;
  return undefined;
}

/** An `Action` or `Resource` value written after its key (`: x`, `:` and a block list, or a JSON array), for a key at `keyColumn`. */
export function writeValue(style: StatementStyle, keyColumn: number, key: 'Action' | 'Resource', items: readonly string[], blockMaps = false): string {
  const nl = style.newline;
  const scalarWhenOne = key === 'Action' ? style.actionScalarWhenOne : style.resourceScalarWhenOne;
  if (style.json) {
    if (items.length === 1 && scalarWhenOne) return `: ${items[0]}`;
    if (style.inlineArrays) return `: [${items.join(', ')}]`;
    return `: [${nl}${items.map((item) => `${' '.repeat(keyColumn + style.indent)}${item}`).join(`,${nl}`)}${nl}${' '.repeat(keyColumn)}]`;
  }
  if (items.length === 1 && scalarWhenOne && !blockMaps) return `: ${items[0]}`;
  // `Resource:` over a block mapping (`Fn::GetAtt: [Queue, Arn]` on the next line).
  if (items.length === 1 && scalarWhenOne && key === 'Resource') return `:${nl}${' '.repeat(keyColumn + style.indent)}${items[0]}`;
  if ((key === 'Action' ? style.flowActions : style.flowResources) && !blockMaps) return `: [${items.join(', ')}]`;
  return `:${items.map((item) => `${nl}${' '.repeat(keyColumn + style.indent)}- ${item}`).join('')}`;
}

/** The actions as the style writes them (quoted in JSON). */
export function actionTexts(style: StatementStyle, actions: readonly string[]): string[] {
  return actions.map((a) => (style.json ? JSON.stringify(a) : yamlString(a, style.quote)));
}

/**
 * One statement's text, starting at `column` (where its first key, or its `{`, goes); the lines after the first are
 * indented to it.
 */
export function writeStatement(style: StatementStyle, column: number, actions: readonly string[], resources: readonly WrittenResource[], sid?: string): string {
  const nl = style.newline;
  const blockMaps = resources.some((r) => r.blockMap);
  if (style.json) {
    const u = style.indent;
    const keyColumn = column + u;
    const entries: string[] = [];
    for (const key of style.keyOrder) {
      if (key === 'Sid' && sid !== undefined) entries.push(`"Sid": ${JSON.stringify(sid)}`);
      if (key === 'Effect') entries.push('"Effect": "Allow"');
      if (key === 'Action') entries.push(`"Action"${writeValue(style, keyColumn, 'Action', actionTexts(style, actions))}`);
      if (key === 'Resource') entries.push(`"Resource"${writeValue(style, keyColumn, 'Resource', resources.map((r) => r.text))}`);
    }
    return `{${nl}${entries.map((entry) => `${' '.repeat(keyColumn)}${entry}`).join(`,${nl}`)}${nl}${' '.repeat(column)}}`;
  }
  const parts: string[] = [];
  for (const key of style.keyOrder) {
    if (key === 'Sid' && sid !== undefined) parts.push(`Sid: ${yamlString(sid, style.quote)}`);
    if (key === 'Effect') parts.push('Effect: Allow');
    if (key === 'Action') parts.push(`Action${writeValue(style, column, 'Action', actionTexts(style, actions))}`);
    if (key === 'Resource') parts.push(`Resource${writeValue(style, column, 'Resource', resources.map((r) => r.text), blockMaps)}`);
  }
  return parts.join(`${nl}${' '.repeat(column)}`);
}
