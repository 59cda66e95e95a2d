// Follows a name to the code that defines it: local declarations, imports, re-exports, barrels and CommonJS exports.
import ts from './typescript.js';
import type { AnalysisContext } from './context.js';
import type { SourceModule } from './source-files.js';
import { findDeclaration } from './scope.js';

export type Definition =
  /** The value of `expression` (if any) then the property `path`; `assigned` lists later `x = ...` of a variable. */
  | { kind: 'expression'; expression?: ts.Expression; path: string[]; assigned: ts.Expression[]; constant: boolean; name: string; declaration?: ts.VariableDeclaration }
  | { kind: 'declaration'; node: ts.FunctionDeclaration | ts.FunctionExpression | ts.ClassDeclaration | ts.ClassExpression }
  | { kind: 'parameter'; node: ts.ParameterDeclaration; name: string; path: string[] }
  | { kind: 'module'; module: SourceModule }
  | { kind: 'package'; name: string; path: string[] }
  | { kind: 'global'; name: string }
  | { kind: 'unknown'; reason: string };

const assignedCache = new WeakMap<ts.VariableDeclaration, ts.Expression[]>();

/** Right-hand sides of `name = ...`, `name ??= ...` anywhere in the file that target this declaration. */
function assignmentsTo(context: AnalysisContext, declaration: ts.VariableDeclaration, name: string): ts.Expression[] {
  let list = assignedCache.get(declaration);
  if (list) return list;
  list = [];
  const module = context.moduleOf(declaration);
  for (const assignment of module ? (context.info(module).assignments.get(name) ?? []) : []) {
    const target = findDeclaration(assignment.left as ts.Identifier);
    if (target?.kind === 'variable' && target.node === declaration) list.push(assignment.right);
  }
  assignedCache.set(declaration, list);
  return list;
}

const implicitCache = new WeakMap<SourceModule, Map<string, ts.Expression[]>>();

/** Right-hand sides of assignments to `name` where no declaration of `name` is in scope. */
function implicitGlobalAssignments(context: AnalysisContext, module: SourceModule, name: string): ts.Expression[] {
  let byName = implicitCache.get(module);
  if (!byName) {
    byName = new Map();
    implicitCache.set(module, byName);
  }
  let list = byName.get(name);
  if (!list) {
    list = (context.info(module).assignments.get(name) ?? []).filter((a) => findDeclaration(a.left as ts.Identifier) === undefined).map((a) => a.right);
    byName.set(name, list);
  }
  return list;
}

export function definitionOf(context: AnalysisContext, identifier: ts.Identifier): Definition {
  const module = context.moduleOf(identifier);
  const declaration = findDeclaration(identifier);
  if (!declaration) {
    // An implicit global (`client = new AWS.Rekognition()` without a declaration) holds what the file assigns to it.
    const assigned = module ? implicitGlobalAssignments(context, module, identifier.text) : [];
    if (assigned.length > 0) return { kind: 'expression', path: [], assigned, constant: assigned.length === 1, name: identifier.text };
    return { kind: 'global', name: identifier.text };
  }
  switch (declaration.kind) {
    case 'variable': {
      const assigned = assignmentsTo(context, declaration.node, identifier.text);
      return {
        kind: 'expression',
        ...(declaration.node.initializer ? { expression: declaration.node.initializer } : {}),
        path: declaration.path,
        assigned,
        constant: declaration.isConst || assigned.length === 0,
        name: identifier.text,
        declaration: declaration.node,
      };
    }
    case 'parameter':
      return { kind: 'parameter', node: declaration.node, name: identifier.text, path: declaration.path };
    case 'function':
    case 'class':
      return { kind: 'declaration', node: declaration.node };
    case 'import': {
      if (!module) return { kind: 'unknown', reason: 'no module' };
      const binding = context.info(module).imports.get(declaration.name);
      if (!binding) return { kind: 'unknown', reason: `\`${identifier.text}\` is imported in a form not followed` };
      return importedDefinition(context, module, binding.specifier, binding.imported, new Set());
    }
    case 'other':
      return { kind: 'unknown', reason: `\`${identifier.text}\` is a loop, catch or enum binding` };
  }
}

function importedDefinition(context: AnalysisContext, from: SourceModule, specifier: string, imported: string, seen: Set<string>): Definition {
  const target = context.resolveSpecifier(from, specifier);
  if (target.kind === 'unknown') return { kind: 'unknown', reason: target.reason };
  if (target.kind === 'data') return { kind: 'unknown', reason: `${target.file} is not code` };
  if (target.kind === 'package') return { kind: 'package', name: target.name, path: imported === '*' || imported === 'default' ? [] : [imported] };
  if (imported === '*') return { kind: 'module', module: target.module };
  return exportDefinition(context, target.module, imported, seen);
}

/** The definition behind `module`'s export `name` (ESM or CommonJS), following re-exports and `export *`. */
export function exportDefinition(context: AnalysisContext, module: SourceModule, name: string, seen = new Set<string>()): Definition {
  const key = `${module.file}\0${name}`;
  if (seen.has(key)) return { kind: 'unknown', reason: `export cycle at ${module.file}` };
  seen.add(key);
  const info = context.info(module);
  const entry = info.exports.get(name);
  if (entry) {
    switch (entry.kind) {
      case 'expression':
        return { kind: 'expression', expression: entry.expression, path: [], assigned: [], constant: true, name };
      case 'reexport':
        return importedDefinition(context, module, entry.specifier, entry.imported, seen);
      case 'local': {
        const node = entry.node;
        if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) return { kind: 'declaration', node };
        return localDefinition(context, module, entry.name);
      }
    }
  }
  if (info.commonJsExport) {
    const exported = info.commonJsExport;
    if (name === 'default') return { kind: 'expression', expression: exported, path: [], assigned: [], constant: true, name };
    return { kind: 'expression', expression: exported, path: [name], assigned: [], constant: true, name };
  }
  for (const star of info.starExports) {
    const target = context.resolveSpecifier(module, star.specifier);
    if (target.kind !== 'module') continue;
    const found = exportDefinition(context, target.module, name, seen);
    if (found.kind !== 'unknown') return found;
  }
  return { kind: 'unknown', reason: `${module.file} has no export \`${name}\`` };
}

/** A top-level name of `module` (what `export { name }` points at). */
function localDefinition(context: AnalysisContext, module: SourceModule, name: string): Definition {
  // A synthetic lookup from the end of the file finds top-level declarations and imports.
  const statements = module.sourceFile.statements;
  for (const statement of statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name && (!ts.isFunctionDeclaration(statement) || statement.body)) {
      return { kind: 'declaration', node: statement };
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const identifier = findBoundIdentifier(declaration.name, name);
        if (identifier) return definitionOf(context, identifier);
      }
    }
  }
  const binding = context.info(module).imports.get(name);
  if (binding) return importedDefinition(context, module, binding.specifier, binding.imported, new Set());
  return { kind: 'unknown', reason: `${module.file} declares no \`${name}\`` };
}

function findBoundIdentifier(name: ts.BindingName, wanted: string): ts.Identifier | undefined {
  if (ts.isIdentifier(name)) return name.text === wanted ? name : undefined;
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = findBoundIdentifier(element.name, wanted);
    if (found) return found;
  }
  return undefined;
}

/** `require('x')` / `import('x')` as a definition. */
export function requiredDefinition(context: AnalysisContext, from: SourceModule, specifier: string): Definition {
  return importedDefinition(context, from, specifier, '*', new Set());
}

const propertyWriteCache = new WeakMap<ts.VariableDeclaration, Map<string, ts.Expression[]>>();

/**
 * `params.IndexName = indexName` after `const params = { ... }`: the values written to each property of the variable
 * declared by `declaration` (a plain name), in the function or file that declares it.
 */
export function propertyWrites(declaration: ts.VariableDeclaration): Map<string, ts.Expression[]> {
  let writes = propertyWriteCache.get(declaration);
  if (writes) return writes;
  writes = new Map();
  propertyWriteCache.set(declaration, writes);
  if (!ts.isIdentifier(declaration.name)) return writes;
  const name = declaration.name.text;
  const scope = ts.findAncestor(declaration.parent, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n));
  if (!scope) return writes;
  const found = writes;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      const target = ts.isPropertyAccessExpression(left) ? left.expression : ts.isElementAccessExpression(left) ? left.expression : undefined;
      const key = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
      if (target && ts.isIdentifier(target) && target.text === name && key !== undefined) {
        const resolved = findDeclaration(target);
        if (resolved?.kind === 'variable' && resolved.node === declaration) found.set(key, [...(found.get(key) ?? []), node.right]);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return writes;
}
