// Follows a name to the code that defines it: local declarations, imports, re-exports, barrels and CommonJS exports.
import ts from './typescript.js';
import { findDeclaration } from './scope.js';
const assignedCache = new WeakMap();
/** Right-hand sides of `name = ...`, `name ??= ...` anywhere in the file that target this declaration. */
function assignmentsTo(context, declaration, name) {
    let list = assignedCache.get(declaration);
    if (list)
        return list;
    list = [];
    const module = context.moduleOf(declaration);
    for (const assignment of module ? (context.info(module).assignments.get(name) ?? []) : []) {
        const target = findDeclaration(assignment.left);
        if (target?.kind === 'variable' && target.node === declaration)
            list.push(assignment.right);
    }
    assignedCache.set(declaration, list);
    return list;
}
export function definitionOf(context, identifier) {
    const module = context.moduleOf(identifier);
    const declaration = findDeclaration(identifier);
    if (!declaration)
        return { kind: 'global', name: identifier.text };
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
            };
        }
        case 'parameter':
            return { kind: 'parameter', node: declaration.node, name: identifier.text, path: declaration.path };
        case 'function':
        case 'class':
            return { kind: 'declaration', node: declaration.node };
        case 'import': {
            if (!module)
                return { kind: 'unknown', reason: 'no module' };
            const binding = context.info(module).imports.get(declaration.name);
            if (!binding)
                return { kind: 'unknown', reason: `\`${identifier.text}\` is imported in a form not followed` };
            return importedDefinition(context, module, binding.specifier, binding.imported, new Set());
        }
        case 'other':
            return { kind: 'unknown', reason: `\`${identifier.text}\` is a loop, catch or enum binding` };
    }
}
function importedDefinition(context, from, specifier, imported, seen) {
    const target = context.resolveSpecifier(from, specifier);
    if (target.kind === 'unknown')
        return { kind: 'unknown', reason: target.reason };
    if (target.kind === 'data')
        return { kind: 'unknown', reason: `${target.file} is not code` };
    if (target.kind === 'package')
        return { kind: 'package', name: target.name, path: imported === '*' || imported === 'default' ? [] : [imported] };
    if (imported === '*')
        return { kind: 'module', module: target.module };
    return exportDefinition(context, target.module, imported, seen);
}
/** The definition behind `module`'s export `name` (ESM or CommonJS), following re-exports and `export *`. */
export function exportDefinition(context, module, name, seen = new Set()) {
    const key = `${module.file}\0${name}`;
    if (seen.has(key))
        return { kind: 'unknown', reason: `export cycle at ${module.file}` };
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
                if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node))
                    return { kind: 'declaration', node };
                return localDefinition(context, module, entry.name);
            }
        }
    }
    if (info.commonJsExport) {
        const exported = info.commonJsExport;
        if (name === 'default')
            return { kind: 'expression', expression: exported, path: [], assigned: [], constant: true, name };
        return { kind: 'expression', expression: exported, path: [name], assigned: [], constant: true, name };
    }
    for (const star of info.starExports) {
        const target = context.resolveSpecifier(module, star.specifier);
        if (target.kind !== 'module')
            continue;
        const found = exportDefinition(context, target.module, name, seen);
        if (found.kind !== 'unknown')
            return found;
    }
    return { kind: 'unknown', reason: `${module.file} has no export \`${name}\`` };
}
/** A top-level name of `module` (what `export { name }` points at). */
function localDefinition(context, module, name) {
    // A synthetic lookup from the end of the file finds top-level declarations and imports.
    const statements = module.sourceFile.statements;
    for (const statement of statements) {
        if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name && (!ts.isFunctionDeclaration(statement) || statement.body)) {
            return { kind: 'declaration', node: statement };
        }
        if (ts.isVariableStatement(statement)) {
            for (const declaration of statement.declarationList.declarations) {
                const identifier = findBoundIdentifier(declaration.name, name);
                if (identifier)
                    return definitionOf(context, identifier);
            }
        }
    }
    const binding = context.info(module).imports.get(name);
    if (binding)
        return importedDefinition(context, module, binding.specifier, binding.imported, new Set());
    return { kind: 'unknown', reason: `${module.file} declares no \`${name}\`` };
}
function findBoundIdentifier(name, wanted) {
    if (ts.isIdentifier(name))
        return name.text === wanted ? name : undefined;
    for (const element of name.elements) {
        if (ts.isOmittedExpression(element))
            continue;
        const found = findBoundIdentifier(element.name, wanted);
        if (found)
            return found;
    }
    return undefined;
}
/** `require('x')` / `import('x')` as a definition. */
export function requiredDefinition(context, from, specifier) {
    return importedDefinition(context, from, specifier, '*', new Set());
}
