// The Python modules of a run: parsed once, their top-level names and imports, and how `import` statements
// resolve to files of the function's code folder (plain modules, packages with `__init__.py`, relative imports).
import path from 'node:path';
import type { SourceReader } from '../source-reader.js';
import { normaliseRootPath } from '../source-reader.js';
import { child, descendants, parsePython, SCOPE_TYPES, type PyModule, type PyNode } from './syntax.js';

/** How a name is bound in a scope. */
export type Binding =
  /** `import a.b` binds `a` (path [a]); `import a.b as c` binds `c` (path [a, b]); `from .x import y` (level 1). */
  | { kind: 'import'; path: string[]; level: number; name?: string; node: PyNode }
  | { kind: 'assign'; value: PyNode; node: PyNode }
  /** `a, b = f()`, a loop or `with` target: bound to something the analysis does not take apart. */
  | { kind: 'opaque'; node: PyNode }
  | { kind: 'def'; node: PyNode }
  | { kind: 'class'; node: PyNode };

export interface Scope {
  names: Map<string, Binding[]>;
  /** Names declared `global` (in a function). */
  globals: Set<string>;
  /** Parameter names in order (in a function). */
  parameters: string[];
}

const MAX_PYTHON_BYTES = 2 * 1024 * 1024;

export class PythonProgram {
  private readonly modules = new Map<string, PyModule | undefined>();
  private readonly scopes = new WeakMap<PyNode, Scope>();

  constructor(readonly reader: SourceReader) {}

  load(file: string): PyModule | undefined {
    if (this.modules.has(file)) return this.modules.get(file);
    const read = this.reader.read(file);
    const module = read.ok && read.text.length <= MAX_PYTHON_BYTES ? parsePython(file, read.text) : undefined;
    this.modules.set(file, module);
    return module;
  }

  /** The file of a dotted module path under `base` (`a.b` -> `base/a/b.py` or `base/a/b/__init__.py`). */
  findModule(base: string, parts: string[]): string | undefined {
    const joined = normaliseRootPath(path.posix.join(base, ...parts));
    if (joined === undefined) return undefined;
    if (parts.length > 0 && this.reader.exists(`${joined}.py`)) return `${joined}.py`;
    if (this.reader.exists(`${joined === '' ? '' : `${joined}/`}__init__.py`)) return `${joined === '' ? '' : `${joined}/`}__init__.py`;
    return undefined;
  }

  /** The names a function, class body or module binds, computed once. */
  scopeOf(node: PyNode): Scope {
    let scope = this.scopes.get(node);
    if (!scope) {
      scope = buildScope(node);
      this.scopes.set(node, scope);
    }
    return scope;
  }
}

function add(scope: Scope, name: string, binding: Binding): void {
  const list = scope.names.get(name);
  if (list) list.push(binding);
  else scope.names.set(name, [binding]);
}

/** Targets of an assignment: the nodes before the last `=`. */
export function assignmentParts(statement: PyNode): { targets: PyNode[]; value: PyNode | undefined } {
  const ops = statement.children.map((c, i) => (c.type === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
  const last = ops[ops.length - 1];
  if (last === undefined) return { targets: [], value: undefined };
  const values = statement.children.slice(last + 1);
  const targets = statement.children.slice(0, last).filter((c) => c.type !== 'AssignOp' && c.type !== 'TypeDef');
  return { targets, value: values.length === 1 ? values[0] : undefined };
}

function buildScope(owner: PyNode): Scope {
  const scope: Scope = { names: new Map(), globals: new Set(), parameters: [] };
  const body = owner.type === 'Script' ? owner : child(owner, 'Body');
  if (owner.type === 'FunctionDefinition' || owner.type === 'LambdaExpression') {
    const params = child(owner, 'ParamList');
    let skipNext = false;
    for (const p of params?.children ?? []) {
      if (p.type === 'AssignOp') {
        skipNext = true;
        continue;
      }
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (p.type === 'VariableName') scope.parameters.push(textKey(p));
    }
  }
  if (!body) return scope;
  // Lambda bodies are expressions; other bodies are statements. Nested scopes bind their own names.
  const nodes = owner.type === 'LambdaExpression' ? [] : descendants(body, (n) => !SCOPE_TYPES.has(n.type));
  for (const node of nodes) {
    switch (node.type) {
      case 'AssignStatement': {
        const { targets, value } = assignmentParts(node);
        for (const target of targets) {
          if (target.type === 'VariableName') add(scope, textKey(target), value && targets.length === 1 ? { kind: 'assign', value, node } : { kind: 'opaque', node });
          else if (target.type === 'TupleExpression' || target.type === 'ArrayExpression') for (const t of target.children) if (t.type === 'VariableName') add(scope, textKey(t), { kind: 'opaque', node });
        }
        // `a, b = 1, 2`: several VariableName targets before one `=`
        break;
      }
      case 'NamedExpression': {
        const name = node.children[0];
        const value = node.children[2];
        if (name?.type === 'VariableName' && value) add(scope, textKey(name), { kind: 'assign', value, node });
        break;
      }
      case 'UpdateStatement': {
        const name = node.children[0];
        if (name?.type === 'VariableName') add(scope, textKey(name), { kind: 'opaque', node });
        break;
      }
      case 'WithStatement': {
        // `with table.batch_writer() as batch`: context managers of interest return themselves
        for (let i = 0; i < node.children.length; i++) {
          const c = node.children[i]!;
          if (c.type === 'VariableName' && node.children[i - 1]?.type === 'as') {
            const value = node.children[i - 2];
            add(scope, textKey(c), value ? { kind: 'assign', value, node } : { kind: 'opaque', node });
          }
        }
        break;
      }
      case 'ForStatement':
      case 'TryStatement': {
        // `for x in`, `with a as x`, `except E as x`: the names after `for` / `as`
        for (let i = 0; i < node.children.length; i++) {
          const c = node.children[i]!;
          const prev = node.children[i - 1];
          if (c.type === 'VariableName' && (prev?.type === 'as' || prev?.type === 'for' || (node.type === 'ForStatement' && prev?.type === 'VariableName' && !node.children.slice(0, i).some((x) => x.type === 'in')))) add(scope, textKey(c), { kind: 'opaque', node });
        }
        break;
      }
      case 'ScopeStatement':
        if (node.children[0]?.type === 'global') for (const c of node.children) if (c.type === 'VariableName') scope.globals.add(textKey(c));
        break;
      case 'FunctionDefinition': {
        const name = child(node, 'VariableName');
        if (name) add(scope, textKey(name), { kind: 'def', node });
        break;
      }
      case 'ClassDefinition': {
        const name = child(node, 'VariableName');
        if (name) add(scope, textKey(name), { kind: 'class', node });
        break;
      }
      case 'ImportStatement':
        for (const [name, binding] of importBindings(node)) add(scope, name, binding);
        break;
    }
  }
  return scope;
}

export function nameOf(node: PyNode | undefined): string | undefined {
  return node?.name;
}

function textKey(node: PyNode): string {
  return node.name ?? '';
}

/** What an import statement binds, name by name. */
export function importBindings(node: PyNode): [string, Binding][] {
  const out: [string, Binding][] = [];
  const kids = node.children;
  if (kids[0]?.type === 'from') {
    let level = 0;
    const from: string[] = [];
    let i = 1;
    for (; i < kids.length && kids[i]!.type !== 'import'; i++) {
      const c = kids[i]!;
      if (c.type === '.' && from.length === 0) level++;
      else if (c.type === 'Ellipsis' && from.length === 0) level += 3;
      else if (c.type === 'VariableName') {
        from.push(nameOf(c) ?? '');
        // dots between names are separators, not levels
        while (kids[i + 1]?.type === '.' && kids[i + 2]?.type === 'VariableName') {
          from.push(nameOf(kids[i + 2]) ?? '');
          i += 2;
        }
      }
    }
    for (i++; i < kids.length; i++) {
      const c = kids[i]!;
      if (c.type === '*') out.push(['*', { kind: 'import', path: from, level, name: '*', node }]);
      if (c.type !== 'VariableName') continue;
      const name = nameOf(c) ?? '';
      let local = name;
      if (kids[i + 1]?.type === 'as' && kids[i + 2]?.type === 'VariableName') {
        local = nameOf(kids[i + 2]) ?? name;
        i += 2;
      }
      out.push([local, { kind: 'import', path: from, level, name, node }]);
    }
    return out;
  }
  // import a.b.c, d as e
  let current: string[] = [];
  const flush = (alias?: string): void => {
    if (current.length === 0) return;
    if (alias !== undefined) out.push([alias, { kind: 'import', path: current, level: 0, node }]);
    else out.push([current[0]!, { kind: 'import', path: [current[0]!], level: 0, node }]);
    current = [];
  };
  for (let i = 1; i < kids.length; i++) {
    const c = kids[i]!;
    if (c.type === 'VariableName') {
      if (kids[i - 1]?.type === 'as') continue;
      if (kids[i - 1]?.type === 'VariableName' || (kids[i - 1]?.type !== '.' && current.length > 0)) flush();
      current.push(nameOf(c) ?? '');
    } else if (c.type === 'as') {
      const alias = nameOf(kids[i + 1]);
      flush(alias);
    }
  }
  flush();
  return out;
}
