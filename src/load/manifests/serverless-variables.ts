// Resolves Serverless Framework variables (${self:…}, ${sls:stage}, ${param:…}, ${file(…)}, …) statically into a
// new document tree that keeps the original positions; whatever needs the network, the account or running code stays Unresolved.
import { extname, posix } from 'node:path';
import { inputFinding, INPUT_RULES, type Finding } from '../../model/finding.js';
import { locationAtStart, type Location } from '../../model/location.js';
import { copyPositions, locationOf, locationOfValue, recordOrigin } from '../../model/positions.js';
import { Unresolved } from '../../model/values.js';
import { maskSecret } from '../../util/mask-secret.js';
import { quote } from '../../util/quote.js';
import { parseYaml } from '../yaml.js';
import type { ManifestContext } from './context.js';

export const VARIABLE_LIMITS = {
  /** Variables resolved per manifest (fallbacks and nested variables count). */
  maxSteps: 10_000,
  /** Variables resolved inside the resolution of another variable. */
  maxDepth: 32,
  /** Characters of one resolved string (`a: ${self:b}${self:b}` chains double at each step). */
  maxStringLength: 100_000,
  /** Size of a file included with `${file()}`: fragments are small; anything larger is not a manifest fragment. */
  maxIncludedFileBytes: 256 * 1024,
  /**
   * Values (mappings, lists, scalars) that variables substitute into one manifest, counted as the tree they
   * expand to: `m1: [${m0}, ${m0}]`, `m2: [${m1}, ${m1}]`, … doubles at each level while sharing in memory.
   */
  maxExpandedNodes: 200_000,
  /** Characters of the strings that variables substitute into one manifest, counted the same way. */
  maxExpandedChars: 16 * 1024 * 1024,
};

/** The size of a resolved value as the tree it stands for (shared parts counted each time they are used). */
interface ExpandedSize {
  nodes: number;
  chars: number;
}

export const DEFAULT_STAGE = 'dev';
export const DEFAULT_REGION = 'us-east-1';

export interface ResolvedManifest {
  /** The document with every variable replaced by its value or an Unresolved. */
  document: unknown;
  /** `--stage`, else `provider.stage`, else `dev`. */
  stage: string | Unresolved;
  /** `--region`, else `provider.region`, else `us-east-1`. */
  region: string | Unresolved;
}

type PathSegment = string | number;

/** `provider.iam.role.statements[0]` for ['provider', 'iam', 'role', 'statements', 0]. */
export function formatDocumentPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** Resolves every variable of a parsed `serverless.yml`; reports each unresolvable one as an `input/unresolved` note. */
export function resolveServerlessVariables(document: unknown, context: ManifestContext): ResolvedManifest {
  const resolver = new VariableResolver(document, context);
  try {
    const resolved = resolver.resolveDocument();
    return { document: resolved, stage: resolver.stage(), region: resolver.region() };
  } catch (error) {
    // Only absurd input reaches this (the limits stop cycles and runaway nesting first).
    if (!(error instanceof RangeError)) throw error;
    context.report(
      inputFinding(INPUT_RULES.unresolved, 'note', `Could not resolve the variables of ${quote(context.file)}: ${error.message}.`, locationOf(document) ?? locationAtStart(context.file)),
    );
    return { document, stage: context.options.stage ?? DEFAULT_STAGE, region: context.options.region ?? DEFAULT_REGION };
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax: `${type:address}`, `${type(param, …):address}`, `${source, fallback, 'literal'}`, nested anywhere.

type VariableSource =
  | { kind: 'literal'; value: unknown }
  /** A whole `${…}` written as a fallback. */
  | { kind: 'nested'; text: string }
  /** params and address are templates: they may hold variables themselves. */
  | { kind: 'source'; type: string; params: string[] | undefined; address: string | undefined };

interface VariablePart {
  kind: 'variable';
  text: string;
  sources: VariableSource[];
}

type TemplatePart = { kind: 'text'; text: string } | VariablePart;

class SyntaxProblem {
  constructor(readonly message: string) {}
}

/** Splits a string into literal text and variables; `${AWS::Region}`, `${Foo}` (CloudFormation's own) stay text. */
function parseTemplate(value: string): TemplatePart[] | SyntaxProblem {
  const parts: TemplatePart[] = [];
  let text = '';
  let index = 0;
  while (index < value.length) {
    const open = value.indexOf('${', index);
    if (open < 0) break;
    const close = findClosingBrace(value, open + 2);
    if (close < 0) {
      // An unterminated `${self:x` is a typo the framework rejects; plain `${` in text is harmless.
      if (/^[a-z][a-zA-Z0-9]*[:(]/.test(value.slice(open + 2))) return new SyntaxProblem(`"${value}" has a variable without its closing "}"`);
      break;
    }
    text += value.slice(index, open);
    const body = value.slice(open + 2, close);
    const whole = value.slice(open, close + 1);
    const sources = /^[a-z]/.test(body) ? parseVariableBody(body) : undefined;
    if (sources instanceof SyntaxProblem) return sources;
    if (sources) {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'variable', text: whole, sources });
    } else {
      text += whole;
    }
    index = close + 1;
  }
  text += value.slice(index);
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** Index of the `}` closing a `${` whose body starts at `from`, skipping nested braces and quoted strings. */
function findClosingBrace(value: string, from: number): number {
  let depth = 1;
  for (let i = from; i < value.length; i += 1) {
    const char = value[i];
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    } else if ((char === "'" || char === '"') && isQuoteStart(value, i, from)) {
      const end = value.indexOf(char, i + 1);
      if (end > 0) i = end;
    }
  }
  return -1;
}

/** Quotes only delimit strings where a fallback, a param or an address starts: `, 'dev'`, `('x')`, `:'a'`. */
function isQuoteStart(value: string, index: number, from: number): boolean {
  let i = index - 1;
  while (i >= from && value[i] === ' ') i -= 1;
  return i < from || value[i] === ',' || value[i] === '(' || value[i] === ':';
}

/** Splits at commas outside nested variables, parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '{' || char === '(') depth += 1;
    else if (char === '}' || char === ')') depth -= 1;
    else if ((char === "'" || char === '"') && isQuoteStart(text, i, 0)) {
      const end = text.indexOf(char, i + 1);
      if (end > 0) i = end;
    } else if (char === ',' && depth === 0) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** The sources of `type:address, fallback, …`, or undefined when the first one is not a variable source (`${foo}`). */
function parseVariableBody(body: string): VariableSource[] | SyntaxProblem | undefined {
  const [first = '', ...fallbacks] = splitTopLevel(body);
  const primary = parseSourceExpression(first.trim());
  if (!primary) return undefined;
  if (primary instanceof SyntaxProblem) return primary;
  const sources: VariableSource[] = [primary];
  for (const raw of fallbacks) {
    const piece = raw.trim();
    if (piece === '') return new SyntaxProblem(`"\${${body}}" has an empty fallback`);
    const quoted = unquote(piece);
    if (quoted !== undefined) sources.push({ kind: 'literal', value: quoted });
    else if (piece.startsWith('${') && findClosingBrace(piece, 2) === piece.length - 1) sources.push({ kind: 'nested', text: piece });
    else {
      const source = parseSourceExpression(piece);
      if (source instanceof SyntaxProblem) return source;
      sources.push(source ?? { kind: 'literal', value: parseLiteral(piece) });
    }
  }
  return sources;
}

/** `self:a.b`, `file(./x.yml):a`, `strToBool(true)`, `ssm(us-east-1, raw):/x`. */
function parseSourceExpression(text: string): VariableSource | SyntaxProblem | undefined {
  const type = /^[a-z][a-zA-Z0-9]*/.exec(text)?.[0];
  if (!type) return undefined;
  let rest = text.slice(type.length);
  let params: string[] | undefined;
  if (rest.startsWith('(')) {
    let depth = 0;
    let close = -1;
    for (let i = 0; i < rest.length; i += 1) {
      if (rest[i] === '(' || rest[i] === '{') depth += 1;
      else if (rest[i] === ')' || rest[i] === '}') {
        depth -= 1;
        if (depth === 0) {
          close = i;
          break;
        }
      }
    }
    if (close < 0) return new SyntaxProblem(`"${text}" has no closing ")"`);
    const inner = rest.slice(1, close).trim();
    params = inner === '' ? [] : splitTopLevel(inner).map((param) => unquote(param.trim()) ?? param.trim());
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest === '') return params ? { kind: 'source', type, params, address: undefined } : undefined;
  if (!rest.startsWith(':')) return params ? new SyntaxProblem(`"${text}" has text after its ")"`) : undefined;
  const address = rest.slice(1).trim();
  // `${aws::x}`-like text is foreign, as the framework's parser treats it.
  if (address.startsWith(':')) return undefined;
  return { kind: 'source', type, params, address: address === '' ? undefined : (unquote(address) ?? address) };
}

function unquote(text: string): string | undefined {
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1);
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return undefined;
}

function parseLiteral(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  const number = Number(text);
  return Number.isNaN(number) ? text : number;
}

// ---------------------------------------------------------------------------------------------
// Resolution.

interface PendingReport {
  text: string;
  reason: string;
}

/** value: resolved; missing: the source has no value (a fallback applies); unresolved: cannot be known statically. */
type Outcome =
  /** `origin`: where a scalar brought from another file (`${file()}`) is written there. */
  | { kind: 'value'; value: unknown; origin?: Location }
  | { kind: 'missing'; reason: string }
  /** `deployTime`: every unresolved part is one the framework resolves when it deploys (`${cf:…}`, `${ssm:…}`, `${s3:…}`). */
  | { kind: 'unresolved'; reason: string; pending: PendingReport[]; deployTime?: boolean };

interface Scope {
  /** Memo namespace: 'self' or the included file. */
  id: string;
  root: unknown;
}

type LoadedFile = { ok: true; scope: Scope } | { ok: false; missing: boolean; reason: string };

const COMPOSE_FILES = ['serverless-compose.yml', 'serverless-compose.yaml', 'serverless-compose.json'];
/** `${infra.userPoolId}`: in serverless-compose.yml, an output of another service. */
const COMPOSE_OUTPUT = /^\$\{\s*([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\s*\}$/;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unresolved);
}

const CODE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts']);
const DATA_EXTENSIONS = new Set(['.yml', '.yaml', '.json', '.tfstate']);

class VariableResolver {
  private readonly memo = new Map<string, unknown>();
  private readonly active = new Set<string>();
  /** Strings that were one variable bringing a scalar from another file, by memo key: where that scalar is written. */
  private readonly origins = new Map<string, Location>();
  private readonly files = new Map<string, LoadedFile>();
  private readonly self: Scope;
  private steps = 0;
  private depth = 0;
  private limitReported = false;
  /** Defaults taken because `${env:X, default}` was not read (no --resolve-env), noted where the string is. */
  private readonly assumed: { text: string; value: unknown }[] = [];
  /** Expanded sizes of the mappings and lists this resolver built (each is built once, bottom up). */
  private readonly sizes = new WeakMap<object, ExpandedSize>();
  /** What variables have substituted so far, as expanded trees. */
  private readonly expanded: ExpandedSize = { nodes: 0, chars: 0 };
  private expansionReported = false;
  private readonly noted = new Set<string>();
  /** The serverless-compose.yml naming this service, once looked for (null: none). */
  private compose: { scope: Scope; key: string; services: Set<string> } | null | undefined;
  private stageValue: string | Unresolved | undefined;
  private regionValue: string | Unresolved | undefined;

  constructor(
    root: unknown,
    private readonly context: ManifestContext,
  ) {
    this.self = { id: 'self', root };
  }

  resolveDocument(): unknown {
    return this.resolveNode(this.self, this.self.root, [], locationOf(this.self.root) ?? locationAtStart(this.context.file));
  }

  stage(): string | Unresolved {
    if (this.stageValue === undefined) {
      this.stageValue = this.context.options.stage ?? this.fromProvider('stage', DEFAULT_STAGE, '${sls:stage}');
    }
    return this.stageValue;
  }

  region(): string | Unresolved {
    if (this.regionValue === undefined) {
      this.regionValue = this.context.options.region ?? this.fromProvider('region', DEFAULT_REGION, '${aws:region}');
    }
    return this.regionValue;
  }

  private fromProvider(key: 'stage' | 'region', fallback: string, text: string): string | Unresolved {
    const outcome = this.navigate(this.self, ['provider', key], locationAtStart(this.context.file), text);
    if (outcome.kind === 'missing') return fallback;
    if (outcome.kind === 'unresolved') return new Unresolved(text, outcome.reason);
    if (typeof outcome.value === 'string' || typeof outcome.value === 'number') return String(outcome.value);
    return new Unresolved(text, `provider.${key} is not a string`);
  }

  /** A copy of `node` with its variables resolved; memoized per path so each variable is reported once. */
  private resolveNode(scope: Scope, node: unknown, path: readonly PathSegment[], location: Location): unknown {
    if (typeof node === 'string') {
      if (!node.includes('${')) return node;
    } else if (node === null || typeof node !== 'object' || node instanceof Unresolved) {
      return node;
    }
    const key = memoKey(scope, path);
    if (this.memo.has(key)) return this.memo.get(key);
    this.active.add(key);
    try {
      let result: unknown;
      if (typeof node === 'string') {
        result = this.resolveString(scope, node, path, location);
      } else if (Array.isArray(node)) {
        const copy: unknown[] = [];
        copyPositions(node, copy);
        node.forEach((item, index) => copy.push(this.resolveNode(scope, item, [...path, index], locationOfValue(node, index) ?? location)));
        this.sizes.set(copy, this.sizeOfChildren(copy));
        result = copy;
      } else {
        const source = node as Record<string, unknown>;
        const copy: Record<string, unknown> = {};
        copyPositions(source, copy);
        for (const name of Object.keys(source)) {
          const value = this.resolveNode(scope, source[name], [...path, name], locationOfValue(source, name) ?? location);
          // A key named __proto__ stays data.
          Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
          const origin = this.origins.get(memoKey(scope, [...path, name]));
          if (origin) recordOrigin(copy, name, origin);
        }
        this.sizes.set(copy, this.sizeOfChildren(Object.values(copy)));
        result = copy;
      }
      this.memo.set(key, result);
      return result;
    } finally {
      this.active.delete(key);
    }
  }

  private sizeOf(value: unknown): ExpandedSize {
    if (typeof value === 'string') return { nodes: 1, chars: value.length };
    if (value !== null && typeof value === 'object') return { ...(this.sizes.get(value) ?? { nodes: 1, chars: 0 }) };
    return { nodes: 1, chars: 0 };
  }

  private sizeOfChildren(children: readonly unknown[]): ExpandedSize {
    const size = { nodes: 1, chars: 0 };
    for (const child of children) {
      const own = this.sizeOf(child);
      size.nodes += own.nodes;
      size.chars += own.chars;
    }
    return size;
  }

  /** Adds a substituted value to what this manifest's variables expand to; the reason when that passes a limit. */
  private countExpansion(value: unknown): string | undefined {
    const size = this.sizeOf(value);
    // A scalar adds no structure: only its characters count, so `${self:service}` resolves after the limit too.
    if (value === null || typeof value !== 'object') size.nodes = 0;
    if (this.expanded.nodes + size.nodes > VARIABLE_LIMITS.maxExpandedNodes) {
      return `the variables of this manifest would expand to more than ${formatCount(VARIABLE_LIMITS.maxExpandedNodes)} values`;
    }
    if (this.expanded.chars + size.chars > VARIABLE_LIMITS.maxExpandedChars) {
      return `the variables of this manifest would expand to more than ${VARIABLE_LIMITS.maxExpandedChars / 1024 / 1024} MiB of text`;
    }
    // A value that does not fit is left out, so the smaller ones after it still resolve.
    this.expanded.nodes += size.nodes;
    this.expanded.chars += size.chars;
    return undefined;
  }

  /**
   * Reports a note once per place and message: a value written once and used at several paths (a YAML anchor, a
   * shared constant of serverless.ts) is one problem, one note.
   */
  private note(finding: Finding): void {
    const place = `${finding.location.file}:${finding.location.line}:${finding.location.column}|${finding.message}`;
    if (this.noted.has(place)) return;
    this.noted.add(place);
    this.context.report(finding);
  }

  /** A string value in the tree: its variables resolved, or an Unresolved reported here. */
  private resolveString(scope: Scope, value: string, path: readonly PathSegment[], location: Location): unknown {
    const before = this.assumed.length;
    let outcome = this.resolveTemplate(scope, value, path, location);
    for (const assumption of this.assumed.splice(before)) {
      const shown = typeof assumption.value === 'string' ? quote(assumption.value) : JSON.stringify(assumption.value);
      this.note(
        inputFinding(
          INPUT_RULES.unresolved,
          'note',
          `${quote(assumption.text)} reads the environment at deploy time; without --resolve-env noops-lint assumed its default ${shown}.`,
          location,
          `${INPUT_RULES.unresolved}|${location.file}|${scope.id}:${formatDocumentPath(path)}|${assumption.text}|assumed`,
        ),
      );
    }
    if (outcome.kind === 'value') {
      const overflow = this.countExpansion(outcome.value);
      if (overflow === undefined) {
        if (outcome.origin) this.origins.set(memoKey(scope, path), outcome.origin);
        return outcome.value;
      }
      // Reported once: one problem, one finding, however many variables it stops.
      outcome = { kind: 'unresolved', reason: overflow, pending: this.expansionReported ? [] : [{ text: value, reason: overflow }] };
      this.expansionReported = true;
    }
    const pending = outcome.kind === 'unresolved' ? outcome.pending : [{ text: value, reason: outcome.reason }];
    for (const report of pending) {
      this.note(
        inputFinding(
          INPUT_RULES.unresolved,
          'note',
          `Could not resolve ${quote(withMaskedFallbacks(report.text))}: ${report.reason}.`,
          location,
          `${INPUT_RULES.unresolved}|${location.file}|${scope.id}:${formatDocumentPath(path)}|${report.text}`,
        ),
      );
    }
    return new Unresolved(value, outcome.reason, outcome.kind === 'unresolved' && outcome.deployTime === true);
  }

  private resolveTemplate(scope: Scope, value: string, path: readonly PathSegment[], location: Location): Outcome {
    const parts = parseTemplate(value);
    if (parts instanceof SyntaxProblem) {
      return { kind: 'unresolved', reason: `the variable syntax is invalid (${parts.message})`, pending: [{ text: value, reason: `the variable syntax is invalid (${parts.message})` }] };
    }
    const [only] = parts;
    if (parts.length === 1 && only?.kind === 'variable') return this.resolveVariable(scope, only, path, location);
    let text = '';
    let firstReason: string | undefined;
    let deployTime = true;
    const pending: PendingReport[] = [];
    for (const part of parts) {
      if (part.kind === 'text') {
        text += part.text;
        continue;
      }
      const outcome = this.resolveVariable(scope, part, path, location);
      if (outcome.kind === 'value' && isInterpolable(outcome.value)) {
        text += String(outcome.value);
        if (text.length <= VARIABLE_LIMITS.maxStringLength) continue;
        const reason = `the value grows beyond ${VARIABLE_LIMITS.maxStringLength} characters`;
        return { kind: 'unresolved', reason, pending: [...pending, { text: value, reason }] };
      }
      let reason: string;
      if (outcome.kind === 'value') {
        reason = `it is a ${Array.isArray(outcome.value) ? 'list' : 'mapping'} inside a string`;
        pending.push({ text: part.text, reason });
      } else if (outcome.kind === 'missing') {
        reason = outcome.reason;
        pending.push({ text: part.text, reason });
      } else {
        reason = outcome.reason;
        pending.push(...outcome.pending);
      }
      if (outcome.kind !== 'unresolved' || outcome.deployTime !== true) deployTime = false;
      firstReason ??= reason;
    }
    if (firstReason !== undefined) return { kind: 'unresolved', reason: firstReason, pending, ...(deployTime ? { deployTime } : {}) };
    return { kind: 'value', value: text };
  }

  /** One `${…}`: its sources in order until one has a value. */
  private resolveVariable(scope: Scope, variable: VariablePart, path: readonly PathSegment[], location: Location): Outcome {
    this.steps += 1;
    if (this.steps > VARIABLE_LIMITS.maxSteps) {
      const reason = `variable resolution stopped after ${VARIABLE_LIMITS.maxSteps} steps`;
      const pending = this.limitReported ? [] : [{ text: variable.text, reason }];
      this.limitReported = true;
      return { kind: 'unresolved', reason, pending };
    }
    if (this.depth >= VARIABLE_LIMITS.maxDepth) {
      const reason = `variables are nested more than ${VARIABLE_LIMITS.maxDepth} levels deep`;
      return { kind: 'unresolved', reason, pending: [{ text: variable.text, reason }] };
    }
    this.depth += 1;
    try {
      let firstMissing: string | undefined;
      let environmentSkipped = false;
      for (const [index, source] of variable.sources.entries()) {
        const isLast = index === variable.sources.length - 1;
        const outcome = this.resolveSource(scope, source, variable.text, isLast, path, location);
        if (outcome.kind !== 'missing') {
          if (environmentSkipped && outcome.kind === 'value') this.assumed.push({ text: variable.text, value: outcome.value });
          return outcome;
        }
        if (source.kind === 'source' && source.type === 'env' && !this.context.options.resolveEnv) environmentSkipped = true;
        firstMissing ??= outcome.reason;
      }
      return { kind: 'missing', reason: firstMissing ?? 'it has no value' };
    } finally {
      this.depth -= 1;
    }
  }

  private resolveSource(scope: Scope, source: VariableSource, text: string, isLast: boolean, path: readonly PathSegment[], location: Location): Outcome {
    if (source.kind === 'literal') return source.value === null ? { kind: 'missing', reason: 'the fallback is null' } : { kind: 'value', value: source.value };
    if (source.kind === 'nested') return this.resolveTemplate(scope, source.text, path, location);
    const params: string[] = [];
    for (const param of source.params ?? []) {
      const resolved = this.resolveArgument(scope, param, path, location);
      if (typeof resolved !== 'string') return resolved;
      params.push(resolved);
    }
    let address: string | undefined;
    if (source.address !== undefined) {
      const resolved = this.resolveArgument(scope, source.address, path, location);
      if (typeof resolved !== 'string') return resolved;
      address = resolved;
    }
    const unresolved = (reason: string): Outcome => ({ kind: 'unresolved', reason, pending: [{ text, reason }] });
    // Read by the framework when it deploys: the variable, written as it is, still names the value.
    const atDeploy = (reason: string): Outcome => ({ kind: 'unresolved', reason, pending: [{ text, reason }], deployTime: true });
    switch (source.type) {
      case 'self': {
        const segments = address ? address.split('.') : [];
        const outcome = this.navigate(this.self, segments, location, text);
        if (outcome.kind === 'missing') {
          // provider.stage and provider.region have framework defaults even when not written.
          if (address === 'provider.stage') return asOutcome(this.effective('stage', scope, path));
          if (address === 'provider.region') return asOutcome(this.effective('region', scope, path));
          return { kind: 'missing', reason: `${quote(this.context.file)} has no value at ${address === undefined ? '(root)' : quote(address)}` };
        }
        return outcome;
      }
      case 'sls':
        if (address === 'stage') return asOutcome(this.effective('stage', scope, path));
        if (address === 'instanceId') return unresolved('the instance id is chosen at random for each deployment');
        return unresolved(`"sls:${address ?? ''}" is not a value noops-lint knows`);
      case 'aws':
        if (address === 'region') return asOutcome(this.effective('region', scope, path));
        // Kept symbolic as CloudFormation writes it, so ARNs built with it still name their resource.
        if (address === 'accountId') return { kind: 'value', value: '${AWS::AccountId}' };
        return unresolved(`"aws:${address ?? ''}" is known only at deploy time`);
      case 'opt':
        return this.resolveOption(address, isLast, scope, path);
      case 'param':
        return this.resolveParam(address);
      case 'env': {
        if (!address) return unresolved('env needs a variable name');
        if (!this.context.options.resolveEnv) return { kind: 'missing', reason: 'environment variables are not read unless --resolve-env' };
        const value = this.context.options.env[address];
        return value === undefined ? { kind: 'missing', reason: `the environment variable ${quote(address)} is not set` } : { kind: 'value', value };
      }
      case 'file':
        return this.resolveFile(params[0], address, text);
      case 'strToBool': {
        const input = params[0]?.trim().toLowerCase();
        if (input === 'true' || input === '1') return { kind: 'value', value: true };
        if (input === 'false' || input === '0') return { kind: 'value', value: false };
        return unresolved('strToBool expects "true", "false", "0" or "1"');
      }
      case 'ssm':
        if (address?.startsWith('/aws/reference/secretsmanager/')) return atDeploy('Secrets Manager secrets are read at deploy time');
        return atDeploy('SSM parameters are read at deploy time');
      case 'cf':
        return atDeploy('CloudFormation stack outputs are read at deploy time');
      case 's3':
        return atDeploy('S3 objects are read at deploy time');
      default:
        return unresolved(`"${source.type}" is not a variable source noops-lint can read (a plugin or the deploy provides it)`);
    }
  }

  /** A param or address: a template that must become a string. */
  private resolveArgument(scope: Scope, template: string, path: readonly PathSegment[], location: Location): string | Outcome {
    if (!template.includes('${')) return template;
    const outcome = this.resolveTemplate(scope, template, path, location);
    if (outcome.kind === 'value') {
      if (isInterpolable(outcome.value)) return String(outcome.value);
      const reason = `${quote(template)} is not a string`;
      return { kind: 'unresolved', reason, pending: [{ text: template, reason }] };
    }
    if (outcome.kind === 'missing') return { kind: 'unresolved', reason: outcome.reason, pending: [{ text: template, reason: outcome.reason }] };
    return outcome;
  }

  private resolveOption(name: string | undefined, isLast: boolean, scope: Scope, path: readonly PathSegment[]): Outcome {
    const options = this.context.options;
    if (name === 'stage' || name === 'region') {
      const given = name === 'stage' ? options.stage : options.region;
      if (given !== undefined) return { kind: 'value', value: given };
      if (!isLast) return { kind: 'missing', reason: `--${name} is not given` };
      // `${opt:stage}` without a fallback fails in the framework when --stage is not given; the stage the
      // deployment would otherwise use is the closest static answer.
      return asOutcome(this.effective(name, scope, path));
    }
    return { kind: 'missing', reason: `the CLI option ${quote(`--${name ?? ''}`)} is known only at deploy time` };
  }

  /** The stage or region, except inside `provider.stage` / `provider.region` themselves, which cannot depend on their own value. */
  private effective(name: 'stage' | 'region', scope: Scope, path: readonly PathSegment[]): string | Unresolved {
    const isProviderOwn = scope === this.self && path.length === 2 && path[0] === 'provider' && path[1] === name;
    if (!isProviderOwn) return name === 'stage' ? this.stage() : this.region();
    const given = name === 'stage' ? this.context.options.stage : this.context.options.region;
    return given ?? (name === 'stage' ? DEFAULT_STAGE : DEFAULT_REGION);
  }

  private resolveParam(name: string | undefined): Outcome {
    if (!name) return { kind: 'unresolved', reason: 'param needs a name', pending: [{ text: '${param:}', reason: 'param needs a name' }] };
    const stage = this.stage();
    if (stage instanceof Unresolved) return { kind: 'unresolved', reason: `the stage is unknown (${stage.reason})`, pending: [] };
    const candidates = [
      ['params', stage, name],
      ['stages', stage, 'params', name],
      ['params', 'default', name],
      ['stages', 'default', 'params', name],
    ];
    for (const segments of candidates) {
      const outcome = this.navigate(this.self, segments, locationAtStart(this.context.file), `\${param:${name}}`);
      if (outcome.kind !== 'missing') return outcome;
    }
    const composed = this.composeParam(name);
    if (composed && composed.kind !== 'missing') return composed;
    return { kind: 'missing', reason: `the parameter ${quote(name)} is not set under params (it may come from --param or the Serverless Dashboard)` };
  }

  /**
   * A param Serverless Compose gives this service (`services.<key>.params` of the serverless-compose.yml whose
   * `path` names the service's folder): resolved in the compose file, where `${env:X, 'default'}` works as here
   * and `${other.output}` is another service's output, known once that service is deployed.
   */
  private composeParam(name: string): Outcome | undefined {
    if (this.compose === undefined) this.compose = this.findCompose();
    const compose = this.compose;
    if (!compose) return undefined;
    const params = isPlainRecord(compose.scope.root) ? compose.scope.root.services : undefined;
    const entry = isPlainRecord(params) ? params[compose.key] : undefined;
    const values = isPlainRecord(entry) ? entry.params : undefined;
    if (!isPlainRecord(values) || !Object.hasOwn(values, name)) return undefined;
    const text = `\${param:${name}}`;
    const raw = values[name];
    const output = typeof raw === 'string' ? COMPOSE_OUTPUT.exec(raw) : null;
    if (output && compose.services.has(output[1]!)) {
      const reason = `serverless-compose gives it the output ${quote(output[2]!)} of the service ${quote(output[1]!)}, known once that service is deployed`;
      return { kind: 'unresolved', reason, pending: [{ text, reason }], deployTime: true };
    }
    return this.navigate(compose.scope, ['services', compose.key, 'params', name], locationOfValue(values, name) ?? locationAtStart(compose.scope.id), text);
  }

  /** The serverless-compose.yml in this service's folder or one above it (inside the project) that names the folder. */
  private findCompose(): { scope: Scope; key: string; services: Set<string> } | null {
    const dir = this.context.dir;
    const depth = dir === '' ? 0 : dir.split('/').length;
    for (let up = 0; up <= depth; up += 1) {
      for (const name of COMPOSE_FILES) {
        const relative = `${up === 0 ? './' : '../'.repeat(up)}${name}`;
        const file = this.context.resolvePath(relative);
        if (file === undefined) continue;
        const read = this.context.readFile(relative);
        if (!read.ok || Buffer.byteLength(read.text) > VARIABLE_LIMITS.maxIncludedFileBytes) continue;
        const parsed = parseYaml(read.text, read.file);
        if (!parsed.ok || !isPlainRecord(parsed.value) || !isPlainRecord(parsed.value.services)) continue;
        const composeDir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
        const services = parsed.value.services;
        for (const [key, service] of Object.entries(services)) {
          const written = isPlainRecord(service) && typeof service.path === 'string' ? service.path : undefined;
          if (written === undefined) continue;
          const target = posix.normalize(posix.join(composeDir || '.', written)).replace(/\/$/, '');
          if ((target === '.' ? '' : target) === dir) return { scope: { id: read.file, root: parsed.value }, key, services: new Set(Object.keys(services)) };
        }
      }
    }
    return null;
  }

  private resolveFile(relative: string | undefined, address: string | undefined, text: string): Outcome {
    const unresolved = (reason: string): Outcome => ({ kind: 'unresolved', reason, pending: [{ text, reason }] });
    // Read by the framework when it deploys: the variable, written as it is, still names the value.
    const atDeploy = (reason: string): Outcome => ({ kind: 'unresolved', reason, pending: [{ text, reason }], deployTime: true });
    if (!relative) return unresolved('file() needs a path');
    if (CODE_EXTENSIONS.has(extname(relative).toLowerCase())) return unresolved(`reading ${relative} would run its code`);
    const loaded = this.loadFile(relative);
    if (!loaded.ok) return loaded.missing ? { kind: 'missing', reason: loaded.reason } : unresolved(loaded.reason);
    return this.navigate(loaded.scope, address ? address.split('.') : [], locationAtStart(loaded.scope.id), text);
  }

  private loadFile(relative: string): LoadedFile {
    const rootRelative = this.context.resolvePath(relative);
    if (rootRelative === undefined) return { ok: false, missing: false, reason: `${quote(relative)} is outside the project root` };
    const cached = this.files.get(rootRelative);
    if (cached) return cached;
    let loaded: LoadedFile;
    const read = this.context.readFile(relative);
    if (!read.ok) {
      loaded = { ok: false, missing: true, reason: `${quote(relative)} could not be read (${read.reason})` };
    } else if (Buffer.byteLength(read.text) > VARIABLE_LIMITS.maxIncludedFileBytes) {
      loaded = { ok: false, missing: false, reason: `${quote(relative)} is larger than ${VARIABLE_LIMITS.maxIncludedFileBytes / 1024} KiB, more than a manifest fragment holds` };
    } else if (!DATA_EXTENSIONS.has(extname(relative).toLowerCase())) {
      // The framework includes any other file as plain text, without resolving variables in it.
      loaded = { ok: true, scope: { id: read.file, root: new PlainText(read.text) } };
    } else {
      const parsed = parseYaml(read.text, read.file);
      for (const finding of parsed.findings) this.context.report(finding);
      loaded = parsed.ok ? { ok: true, scope: { id: read.file, root: parsed.value } } : { ok: false, missing: false, reason: `${quote(read.file)} could not be parsed` };
    }
    this.files.set(rootRelative, loaded);
    return loaded;
  }

  /** The resolved value at `segments` in a scope, resolving the strings met on the way (`custom: ${file(…)}`). */
  private navigate(scope: Scope, segments: readonly string[], location: Location, text: string): Outcome {
    let node = scope.root;
    let parent: unknown;
    let key: PathSegment | undefined;
    const path: PathSegment[] = [];
    let isResolved = false;
    const enter = (): Outcome | undefined => {
      const memo = memoKey(scope, path);
      if (this.active.has(memo)) {
        const reason = `it refers back to itself through ${quote(`${scope.id}:${formatDocumentPath(path) || '(root)'}`)}`;
        // Reported where the variable closing the circle is written.
        return { kind: 'unresolved', reason, pending: [{ text, reason }] };
      }
      node = this.resolveNode(scope, node, path, (key === undefined ? undefined : locationOfValue(parent, key)) ?? location);
      isResolved = true;
      return undefined;
    };
    for (const segment of segments) {
      if (node instanceof PlainText) return { kind: 'missing', reason: `${quote(scope.id)} is plain text` };
      if (!isResolved && typeof node === 'string' && node.includes('${')) {
        const failure = enter();
        if (failure) return failure;
      }
      if (node instanceof Unresolved) return { kind: 'unresolved', reason: node.reason, pending: [] };
      if (Array.isArray(node) && /^\d+$/.test(segment) && Number(segment) < node.length) {
        parent = node;
        key = Number(segment);
        node = node[key];
      } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, segment)) {
        parent = node;
        key = segment;
        node = (node as Record<string, unknown>)[segment];
      } else {
        return { kind: 'missing', reason: `no value at ${quote(segments.join('.'))}` };
      }
      path.push(key);
    }
    if (node instanceof PlainText) return { kind: 'value', value: node.text };
    if (node === null || node === undefined) return { kind: 'missing', reason: `no value at ${quote(segments.join('.'))}` };
    if (!isResolved) {
      const failure = enter();
      if (failure) return failure;
    }
    if (node instanceof Unresolved) return { kind: 'unresolved', reason: node.reason, pending: [] };
    if (node === null || node === undefined) return { kind: 'missing', reason: `no value at ${quote(segments.join('.'))}` };
    // A scalar of an included file: where it is written there, so a rule can point at the one line that sets it.
    const origin = scope !== this.self && typeof node !== 'object' && key !== undefined ? locationOfValue(parent, key) : undefined;
    return origin ? { kind: 'value', value: node, origin } : { kind: 'value', value: node };
  }
}

/** The content of an included non-YAML file. */
class PlainText {
  constructor(readonly text: string) {}
}

function memoKey(scope: Scope, path: readonly PathSegment[]): string {
  return `${scope.id}\u0000${JSON.stringify(path)}`;
}

/**
 * A parameter read at deploy time (`${ssm:/db/password, 'hunter2'}`) is often a secret, and so is a literal
 * fallback written for it: shown masked (`'hu********'`) when the variable is echoed in a message.
 */
function withMaskedFallbacks(text: string): string {
  if (!text.startsWith('${') || !text.endsWith('}')) return text;
  const [first = '', ...fallbacks] = splitTopLevel(text.slice(2, -1));
  if (!/^\s*ssm\b/.test(first) || fallbacks.length === 0) return text;
  const masked = fallbacks.map((piece) => {
    const literal = unquote(piece.trim());
    return literal === undefined ? piece : ` '${maskSecret(literal)}'`;
  });
  return `\${${[first, ...masked].join(',')}}`;
}

/** 200000 -> "200,000", without the cost of toLocaleString. */
function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

function isInterpolable(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function asOutcome(value: string | Unresolved): Outcome {
  return value instanceof Unresolved ? { kind: 'unresolved', reason: value.reason, pending: [] } : { kind: 'value', value };
}
