// What one file imports and exports (ESM and CommonJS), which modules it depends on, and where it assigns variables.
import ts from './typescript.js';
import type { SourceModule } from './source-files.js';
import { collectNode, isAssignmentOperatorKind, isDynamicImport, isRequireCall, type CollectedNodes } from './module-syntax.js';

export interface ImportBinding {
  specifier: string;
  /** `default`, `*` (namespace or `import x = require()`), or the exported name. */
  imported: string;
  node: ts.Node;
}

export type ExportEntry =
  /** `export { local as name }`, `export const name = ...`, `export function name`. */
  | { kind: 'local'; name: string; node: ts.Node }
  /** `export default expr`, `exports.name = expr`. */
  | { kind: 'expression'; expression: ts.Expression; node: ts.Node }
  /** `export { a as b } from './x'`, `export * as ns from './x'` (imported `*`). */
  | { kind: 'reexport'; specifier: string; imported: string; node: ts.Node };

export interface Dependency {
  specifier: string;
  node: ts.Node;
}

export interface ModuleInfo {
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportEntry>;
  starExports: Dependency[];
  /** `module.exports = expr` (or `export = expr`). */
  commonJsExport?: ts.Expression;
  /** Modules whose code runs when this one loads (type-only imports excluded). */
  dependencies: Dependency[];
  /** Every `name = expr` / `name ??= expr` / `name ||= expr` in the file, by assigned identifier name. */
  assignments: Map<string, ts.BinaryExpression[]>;
}

export { isDynamicImport, isRequireCall };

export function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && isAssignmentOperatorKind(node.operatorToken.kind);
}

export function isAssignmentOperator(operator: ts.BinaryOperatorToken): boolean {
  return isAssignmentOperatorKind(operator.kind);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Identifiers bound by a name or a destructuring pattern. */
export function boundNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  const names: ts.Identifier[] = [];
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    names.push(...boundNames(element.name));
  }
  return names;
}

/** `exports.x`, `module.exports.x` -> `x`; `module.exports` -> ''; else undefined. */
function commonJsTarget(node: ts.Expression): string | undefined {
  const isModuleExports = (e: ts.Expression): boolean =>
    ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(node)) return '';
  if (ts.isPropertyAccessExpression(node)) {
    const base = node.expression;
    if ((ts.isIdentifier(base) && base.text === 'exports') || isModuleExports(base)) return node.name.text;
  }
  return undefined;
}

export function collectModuleInfo(module: SourceModule): ModuleInfo {
  const info: ModuleInfo = { imports: new Map(), exports: new Map(), starExports: [], dependencies: [], assignments: new Map() };
  for (const statement of module.sourceFile.statements) collectTopLevel(statement, info);
  const { loads, assignments } = module.nodes ?? collectNodes(module.sourceFile);
  for (const node of loads) info.dependencies.push({ specifier: (node.arguments[0] as ts.StringLiteralLike).text, node });
  for (const node of assignments) {
    if (ts.isIdentifier(node.left)) {
      const list = info.assignments.get(node.left.text) ?? [];
      list.push(node);
      info.assignments.set(node.left.text, list);
    }
    const target = node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? commonJsTarget(node.left) : undefined;
    if (target === '') info.commonJsExport = node.right;
    else if (target !== undefined) info.exports.set(target, { kind: 'expression', expression: node.right, node });
  }
  return info;
}

/** The nodes the parse walk gathers, for a tree parsed elsewhere. */
function collectNodes(root: ts.Node): CollectedNodes {
  const collected: CollectedNodes = { loads: [], assignments: [], news: [] };
  const visit = (node: ts.Node): void => {
    collectNode(node, collected);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return collected;
}

function collectTopLevel(statement: ts.Statement, info: ModuleInfo): void {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) {
      info.dependencies.push({ specifier, node: statement });
      return;
    }
    if (clause.isTypeOnly) return;
    let runtimeUse = false;
    if (clause.name) {
      info.imports.set(clause.name.text, { specifier, imported: 'default', node: clause });
      runtimeUse = true;
    }
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      info.imports.set(bindings.name.text, { specifier, imported: '*', node: bindings });
      runtimeUse = true;
    } else if (bindings) {
      for (const element of bindings.elements) {
        if (element.isTypeOnly) continue;
        info.imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text, node: element });
        runtimeUse = true;
      }
      if (bindings.elements.length === 0) runtimeUse = true;
    }
    if (runtimeUse) info.dependencies.push({ specifier, node: statement });
    return;
  }
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expression = statement.moduleReference.expression;
    if (statement.isTypeOnly || !ts.isStringLiteralLike(expression)) return;
    info.imports.set(statement.name.text, { specifier: expression.text, imported: '*', node: statement });
    info.dependencies.push({ specifier: expression.text, node: statement });
    return;
  }
  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return;
    const specifier = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    const clause = statement.exportClause;
    if (specifier !== undefined) info.dependencies.push({ specifier, node: statement });
    if (!clause) {
      if (specifier !== undefined) info.starExports.push({ specifier, node: statement });
    } else if (ts.isNamespaceExport(clause)) {
      if (specifier !== undefined) info.exports.set(clause.name.text, { kind: 'reexport', specifier, imported: '*', node: statement });
    } else {
      for (const element of clause.elements) {
        if (element.isTypeOnly) continue;
        const local = (element.propertyName ?? element.name).text;
        const exported = element.name.text;
        info.exports.set(
          exported,
          specifier !== undefined ? { kind: 'reexport', specifier, imported: local, node: element } : { kind: 'local', name: local, node: element },
        );
      }
    }
    return;
  }
  if (ts.isExportAssignment(statement)) {
    if (statement.isExportEquals) info.commonJsExport = statement.expression;
    else info.exports.set('default', { kind: 'expression', expression: statement.expression, node: statement });
    return;
  }
  if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return;
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && !hasModifier(statement, ts.SyntaxKind.DeclareKeyword)) {
    if (isDefault) info.exports.set('default', { kind: 'local', name: statement.name?.text ?? '', node: statement });
    if (statement.name && !isDefault) info.exports.set(statement.name.text, { kind: 'local', name: statement.name.text, node: statement });
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      for (const name of boundNames(declaration.name)) info.exports.set(name.text, { kind: 'local', name: name.text, node: declaration });
    }
  } else if (ts.isEnumDeclaration(statement)) {
    info.exports.set(statement.name.text, { kind: 'local', name: statement.name.text, node: statement });
  }
}
