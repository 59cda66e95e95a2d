// Where a CDK app's IAM statements were written: `table.grantReadWriteData(fn)` and
// `fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...] }))` in the app's TypeScript or JavaScript. The
// synthesized template holds only the statements these produce; findings about them belong on these calls.
// The app source is read as tokens (strings, comments and template literals skipped), never run.
import path from 'node:path';
import type { Location } from '../model/location.js';
import type { ProjectFiles } from './files.js';

/** A construct a variable or property holds: `const table = new dynamodb.Table(this, 'OrdersTable', ...)`. */
export interface ConstructDeclaration {
  /** The construct id (`OrdersTable`). */
  id: string;
  /** The class as written (`dynamodb.Table`, `Table`). */
  className: string;
}

export interface GrantSite {
  kind: 'grant';
  /** `grantReadWriteData`. */
  method: string;
  /** The construct granting (the receiver), when its declaration was found. */
  target?: ConstructDeclaration;
  /** The receiver and grantee as written: `table`, `fn`. */
  receiverText: string;
  granteeText: string;
  /** The construct id of the grantee (the function), when its declaration was found. */
  granteeId?: string;
  location: Location;
}

export interface PolicySite {
  kind: 'policy';
  /** `addToRolePolicy`, `addToPrincipalPolicy`, `initialPolicy`. */
  method: string;
  receiverText: string;
  granteeId?: string;
  /** Every string literal inside the call: the actions (and literal resources) it writes. */
  literals: Set<string>;
  location: Location;
}

export interface CdkSourceSites {
  grants: GrantSite[];
  policies: PolicySite[];
  /** The variable (or property) holding each construct, by construct id; the first declaration wins. */
  constructs: Map<string, { variable: string; className: string }>;
}

/** Source files read per app: an app's infrastructure code is a handful of files. */
const MAX_SOURCE_FILES = 400;
const SOURCE_EXTENSIONS = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'cdk.out', '.git', 'dist', 'build', 'coverage', '.cdk.staging', 'test', 'tests', '__tests__']);

/** The app's source files: everything under its folder but dependencies, output, tests and declaration files. */
export function listAppSources(files: ProjectFiles, appDir: string, out: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 12 || found.length >= MAX_SOURCE_FILES) return;
    const entries = files.entries(dir);
    if (!entries) return;
    for (const [name, kind] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (kind === 'dir') {
        if (!SKIPPED_FOLDERS.has(name) && !name.startsWith('.') && rel !== out) walk(rel, depth + 1);
      } else if (kind === 'file' && SOURCE_EXTENSIONS.test(name) && !name.endsWith('.d.ts') && !/\.(test|spec)\.[cm]?[jt]s$/.test(name)) {
        if (found.length < MAX_SOURCE_FILES) found.push(rel);
      }
    }
  };
  walk(appDir, 0);
  return found;
}

interface Token {
  kind: 'ident' | 'string' | 'punct';
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Scans the app's files for grant calls and policy statements, with the constructs their variables hold. */
export function scanCdkSources(files: ProjectFiles, sources: string[]): CdkSourceSites {
  const sites: CdkSourceSites = { grants: [], policies: [], constructs: new Map() };
  for (const file of sources) {
    const text = files.read(file);
    if (!text.ok) continue;
    scanFile(file, tokenize(text.text), sites);
  }
  return sites;
}

function scanFile(file: string, tokens: Token[], sites: CdkSourceSites): void {
  const declarations = new Map<string, ConstructDeclaration>();
  // `name = new a.b.C(scope, 'Id'` (const/let/var or this.name or a property `name: new ...`).
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const name = tokens[i]!;
    const assign = tokens[i + 1]!;
    if (name.kind !== 'ident' || assign.kind !== 'punct' || (assign.text !== '=' && assign.text !== ':')) continue;
    if (tokens[i + 2]?.text !== 'new') continue;
    let j = i + 3;
    const classParts: string[] = [];
    while (tokens[j]?.kind === 'ident') {
      classParts.push(tokens[j]!.text);
      if (tokens[j + 1]?.text !== '.') break;
      j += 2;
    }
    if (tokens[j + 1]?.text !== '(') continue;
    // The id is the second argument: skip the first (the scope), up to the comma at the same depth.
    let k = j + 2;
    let depth = 0;
    while (k < tokens.length) {
      const t = tokens[k]!;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth += 1;
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (depth === 0) break;
        depth -= 1;
      } else if (t.text === ',' && depth === 0) break;
      k += 1;
    }
    const id = tokens[k]?.text === ',' ? tokens[k + 1] : undefined;
    if (id?.kind === 'string' && classParts.length > 0) {
      declarations.set(name.text, { id: id.text, className: classParts.join('.') });
      const variable = tokens[i - 1]?.text === '.' && tokens[i - 2]?.text === 'this' ? `this.${name.text}` : name.text;
      if (!sites.constructs.has(id.text)) sites.constructs.set(id.text, { variable, className: classParts.join('.') });
    }
  }

  const chainBefore = (end: number): { text: string; last?: string } => {
    // `this.table`, `props.table`, `table`: identifiers joined by dots, read backwards from `end` (inclusive).
    const parts: string[] = [];
    let i = end;
    while (i >= 0 && tokens[i]!.kind === 'ident') {
      parts.unshift(tokens[i]!.text);
      if (tokens[i - 1]?.text !== '.' && tokens[i - 1]?.text !== '?.') break;
      i -= 2;
    }
    return { text: parts.join('.'), last: parts.filter((p) => p !== 'this' && p !== 'role' && p !== 'grantPrincipal').pop() };
  };
  const chainAfter = (start: number): { text: string; first?: string } => {
    const parts: string[] = [];
    let i = start;
    while (tokens[i]?.kind === 'ident') {
      parts.push(tokens[i]!.text);
      if (tokens[i + 1]?.text !== '.' && tokens[i + 1]?.text !== '?.') break;
      i += 2;
    }
    return { text: parts.join('.'), first: parts.filter((p) => p !== 'this' && p !== 'role' && p !== 'grantPrincipal')[0] };
  };
  const closing = (open: number): number => {
    let depth = 0;
    for (let i = open; i < tokens.length; i += 1) {
      const t = tokens[i]!.text;
      if (t === '(' || t === '[' || t === '{') depth += 1;
      else if (t === ')' || t === ']' || t === '}') {
        depth -= 1;
        if (depth === 0) return i;
      }
    }
    return tokens.length - 1;
  };

  for (let i = 2; i + 1 < tokens.length; i += 1) {
    const method = tokens[i]!;
    if (method.kind !== 'ident' || tokens[i + 1]!.text !== '(' || (tokens[i - 1]!.text !== '.' && tokens[i - 1]!.text !== '?.')) continue;
    const receiver = chainBefore(i - 2);
    if (!receiver.text) continue;
    const end = closing(i + 1);
    const last = tokens[end] ?? method;
    const first = tokens[i - 2 - (receiver.text.split('.').length - 1) * 2]!;
    const location: Location = { file, line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
    if (/^grant[A-Z]/.test(method.text)) {
      const grantee = chainAfter(i + 2);
      const target = receiver.last ? declarations.get(receiver.last) : undefined;
      const granteeId = grantee.first ? declarations.get(grantee.first)?.id : undefined;
      sites.grants.push({
        kind: 'grant',
        method: method.text,
        ...(target ? { target } : {}),
        receiverText: receiver.text,
        granteeText: grantee.text,
        ...(granteeId ? { granteeId } : {}),
        location,
      });
    } else if (method.text === 'addToRolePolicy' || method.text === 'addToPrincipalPolicy' || method.text === 'addToPolicy') {
      const literals = new Set<string>();
      for (let k = i + 2; k < end; k += 1) if (tokens[k]!.kind === 'string') literals.add(tokens[k]!.text);
      const granteeId = receiver.last ? declarations.get(receiver.last)?.id : undefined;
      sites.policies.push({ kind: 'policy', method: method.text, receiverText: receiver.text, ...(granteeId ? { granteeId } : {}), literals, location });
    }
  }
}

/** Identifiers, string literals (their value) and punctuation, with 1-based positions; comments and templates skipped. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const position = (at: number): { line: number; column: number } => ({ line, column: at - lineStart + 1 });
  const advanceLines = (from: number, to: number): void => {
    for (let k = from; k < to; k += 1) {
      if (text.charCodeAt(k) === 10) {
        line += 1;
        lineStart = k + 1;
      }
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
      i += 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      advanceLines(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      const start = position(i);
      let k = i + 1;
      let value = '';
      while (k < text.length && text[k] !== c) {
        if (text[k] === '\\') {
          value += text[k + 1] ?? '';
          k += 2;
          continue;
        }
        if (c !== '`' && text[k] === '\n') break; // an unterminated string ends at the line
        value += text[k];
        k += 1;
      }
      const stop = Math.min(k + 1, text.length);
      advanceLines(i, stop);
      const end = position(stop);
      tokens.push({ kind: 'string', text: value, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
      i = stop;
    } else if (/[A-Za-z_$]/.test(c)) {
      let k = i + 1;
      while (k < text.length && /[\w$]/.test(text[k]!)) k += 1;
      const start = position(i);
      tokens.push({ kind: 'ident', text: text.slice(i, k), line: start.line, column: start.column, endLine: line, endColumn: k - lineStart + 1 });
      i = k;
    } else {
      const start = position(i);
      const two = text.slice(i, i + 2);
      const punct = two === '?.' || two === '=>' || two === '==' ? two : c;
      tokens.push({ kind: 'punct', text: punct, line: start.line, column: start.column, endLine: line, endColumn: start.column + punct.length });
      i += punct.length;
    }
  }
  return tokens;
}

/** The construct id a construct path ends with: `OrdersStack/OrdersTable` -> `OrdersTable`. */
export function constructIdOf(constructPath: string): string {
  return path.posix.basename(constructPath);
}
