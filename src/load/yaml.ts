// Parses YAML or JSON manifest text into plain values with recorded positions, turning
// CloudFormation short-form tags (!Ref, !GetAtt, ...) into their long form.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type CollectionTag, type Document, type Node, type ScalarTag } from 'yaml';
import type { Location } from '../model/location.js';
import { recordMember, recordPosition } from '../model/positions.js';
import { SHORT_TAGS, Unresolved } from '../model/values.js';
import { inputFinding, INPUT_RULES, laterErrors, type Finding } from '../model/finding.js';
import { quote } from '../util/quote.js';

export const YAML_LIMITS = {
  /** Alias dereferences per document: a "billion laughs" document stops here. */
  maxAliasExpansions: 10_000,
  /**
   * Values copied through aliases per document: one wide anchor used many times (`a: &a [20,000 items]`,
   * `b: [*a, *a, ...]`) needs few dereferences but would build millions of values.
   */
  maxAliasedValues: 50_000,
  /** Nesting depth of mappings and sequences. */
  maxDepth: 200,
  /** Open `[` and `{` counted over the raw text before parsing, so the parser never recurses that deep. */
  maxBracketNesting: 1000,
};

/**
 * One schema for every document: YAML 1.2's core schema, whatever `%YAML` directive the file carries. Under
 * `%YAML 1.1` the parser would otherwise switch to the 1.1 schema, whose timestamps turn `2001-12-14:` into a Date
 * whose text depends on the time zone of the machine (and `yes`, `0b101`, `1:20` into booleans and numbers).
 */
export const YAML_SCHEMA = { schema: 'core', version: '1.2' } as const;

export type ParsedYaml = { ok: true; value: unknown; findings: Finding[] } | { ok: false; findings: Finding[] };

class LimitExceeded extends Error {}

/**
 * CloudFormation's short-form tags, known to the parser so it keeps them on their nodes without a warning each
 * (warnings are Error objects: a template full of !Ref and !GetAtt made thousands of stack traces). The values are
 * left as parsed; convert() below turns them into the long form.
 */
const CLOUDFORMATION_TAGS: Array<ScalarTag | CollectionTag> = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const },
  { tag, collection: 'map' as const },
]);

const TOO_DEEP = 'it is nested too deeply to parse';

export function parseYaml(text: string, file: string): ParsedYaml {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (flowNestingExceeds(text, YAML_LIMITS.maxBracketNesting)) {
    const reason = `it nests [ and { more than ${YAML_LIMITS.maxBracketNesting} levels deep`;
    return { ok: false, findings: [inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(file)}: ${reason}.`, start(file))] };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_SCHEMA, lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, customTags: CLOUDFORMATION_TAGS });
  } catch (error) {
    // The parser itself recurses; absurd nesting can exhaust the stack.
    return { ok: false, findings: [inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(file)}: ${error instanceof RangeError ? TOO_DEEP : String((error as Error).message ?? error)}.`, start(file))] };
  }
  const at = (range: readonly [number, number, number] | null | undefined): Location => {
    if (!range) return start(file);
    const s = lineCounter.linePos(range[0]);
    const e = lineCounter.linePos(Math.max(range[0], range[1]));
    return { file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
  // The parser catches its own stack overflow on absurd nesting and reports it as a syntax error: it is a limit.
  const overflow = doc.errors.find((error) => /call stack/i.test(error.message));
  if (overflow) {
    return { ok: false, findings: [inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(file)}: ${TOO_DEEP}.`, start(file))] };
  }
  if (doc.errors.length > 0) {
    // The first error is the one to fix: the parser's recovery after it reports every later token again (one
    // unclosed quote gave 845 errors in a public template), which buries the cause.
    const language = /\.json$/i.test(file) ? 'JSON' : 'YAML';
    const error = doc.errors[0]!;
    // With prettyErrors off the parser leaves linePos unset; the offset in `pos` is always there.
    const loc = error.pos ? at([error.pos[0], error.pos[1], error.pos[1]]) : start(file);
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    return { ok: false, findings: [inputFinding(INPUT_RULES.parseError, 'error', `${quote(file)} is not valid ${language}: ${reason}${laterErrors(doc.errors.length - 1)}.`, loc)] };
  }
  const findings: Finding[] = [];
  let aliasExpansions = 0;
  let aliasedValues = 0;
  let insideAlias = 0;
  const anchors = new Map<object, unknown>();

  const convert = (node: unknown, depth: number): unknown => {
    if (depth > YAML_LIMITS.maxDepth) throw new LimitExceeded(`nesting deeper than ${YAML_LIMITS.maxDepth} levels`);
    if (isAlias(node)) {
      aliasExpansions += 1;
      if (aliasExpansions > YAML_LIMITS.maxAliasExpansions) {
        throw new LimitExceeded(`more than ${YAML_LIMITS.maxAliasExpansions} alias expansions (a YAML alias bomb?)`);
      }
      // Alias.resolve walks the document to find its anchor; a bomb expands the same alias node thousands of times.
      if (!anchors.has(node)) anchors.set(node, node.resolve(doc));
      insideAlias += 1;
      try {
        return convert(anchors.get(node), depth + 1);
      } finally {
        insideAlias -= 1;
      }
    }
    if (insideAlias > 0 && ++aliasedValues > YAML_LIMITS.maxAliasedValues) {
      throw new LimitExceeded(
        `its aliases expand to more than ${YAML_LIMITS.maxAliasedValues} values (a YAML alias bomb?); the limits are ${YAML_LIMITS.maxAliasExpansions} alias uses and ${YAML_LIMITS.maxAliasedValues} values copied through aliases`,
      );
    }
    if (node === null || node === undefined) return null;
    let value: unknown;
    const n = node as Node;
    if (isScalar(n)) {
      value = n.value;
      if (typeof value === 'bigint') value = Number(value);
    } else if (isMap(n)) {
      const obj: Record<string, unknown> = {};
      recordPosition(obj, at(n.range));
      const seen = new Set<string>();
      const merges: unknown[] = [];
      for (const pair of n.items) {
        const keyNode = pair.key as Node | null;
        const keyValue = isScalar(keyNode) ? keyNode.value : keyNode === null ? '' : JSON.stringify(convert(keyNode, depth + 1));
        const key = String(keyValue);
        if (key === '<<' && isScalar(keyNode) && keyNode.source === '<<') {
          merges.push(convert(pair.value, depth + 1));
          continue;
        }
        if (seen.has(key)) {
          findings.push(inputFinding(INPUT_RULES.parseError, 'warning', `Duplicate key ${quote(key)} in ${quote(file)}: the last one wins.`, at(keyNode?.range)));
        }
        seen.add(key);
        const child = convert(pair.value, depth + 1);
        defineMember(obj, key, child);
        recordMember(obj, key, keyNode ? at(keyNode.range) : undefined, pair.value ? at((pair.value as Node).range) : at(keyNode?.range));
      }
      // <<: *defaults merges keys the mapping does not set itself.
      for (const merged of merges.flat()) {
        if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) continue;
        for (const [k, v] of Object.entries(merged)) if (!seen.has(k)) defineMember(obj, k, v);
      }
      value = obj;
    } else if (isSeq(n)) {
      const arr: unknown[] = [];
      recordPosition(arr, at(n.range));
      n.items.forEach((item, index) => {
        arr.push(convert(item, depth + 1));
        recordMember(arr, index, undefined, at((item as Node | null)?.range));
      });
      value = arr;
    } else {
      value = null;
    }
    const tag = n.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const longName = SHORT_TAGS[tag];
      if (!longName) {
        findings.push(inputFinding(INPUT_RULES.unresolved, 'note', `Could not resolve the unknown YAML tag ${quote(tag)} in ${quote(file)}.`, at(n.range)));
        return new Unresolved(`${tag} ${typeof value === 'string' ? value : JSON.stringify(value)}`, `unknown tag ${tag}`);
      }
      if (longName === 'Fn::GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : [value];
      }
      const wrapped: Record<string, unknown> = { [longName]: value };
      recordPosition(wrapped, at(n.range));
      recordMember(wrapped, longName, undefined, at(n.range));
      return wrapped;
    }
    return value;
  };

  try {
    return { ok: true, value: convert(doc.contents, 0), findings };
  } catch (error) {
    if (error instanceof LimitExceeded || error instanceof RangeError) {
      const reason = error instanceof LimitExceeded ? error.message : TOO_DEEP;
      return { ok: false, findings: [inputFinding(INPUT_RULES.skippedFile, 'error', `Skipped ${quote(file)}: ${reason}.`, start(file))] };
    }
    throw error;
  }
}

/**
 * A cheap scan before parsing: `[[[[...` or `{"a":{"a":...` nested thousands deep would only overflow the
 * parser's stack after seconds of work. Brackets inside strings count too, which can only overstate the depth;
 * the bound is far above any real manifest.
 */
function flowNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth -= 1;
  }
  return false;
}

function defineMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  // A key named __proto__ must stay data, never change the object's prototype (Object.prototype has no other setter).
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function start(file: string): Location {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
