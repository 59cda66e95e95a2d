// Finds the declaration an identifier refers to by walking lexical scopes (no type checker).
import ts from './typescript.js';
const scopeCache = new WeakMap();
/** The declaration `identifier` refers to, or undefined for globals (`process`, `require`) and unknown names. */
export function findDeclaration(identifier) {
    const name = identifier.text;
    let node = identifier.parent;
    while (node) {
        const declarations = declarationsOf(node);
        const found = declarations?.get(name);
        if (found)
            return found;
        node = node.parent;
    }
    return undefined;
}
function declarationsOf(scope) {
    if (!createsScope(scope))
        return undefined;
    let map = scopeCache.get(scope);
    if (!map) {
        map = collect(scope);
        scopeCache.set(scope, map);
    }
    return map;
}
function createsScope(node) {
    return (ts.isSourceFile(node) ||
        ts.isBlock(node) ||
        ts.isModuleBlock(node) ||
        ts.isCaseBlock(node) ||
        ts.isFunctionLike(node) ||
        ts.isClassLike(node) ||
        ts.isForStatement(node) ||
        ts.isForOfStatement(node) ||
        ts.isForInStatement(node) ||
        ts.isCatchClause(node));
}
function bind(map, name, make, prefix = []) {
    if (ts.isIdentifier(name)) {
        if (!map.has(name.text)) {
            map.set(name.text, prefix.every((p) => p !== undefined) ? make(prefix) : { kind: 'other', node: name });
        }
        return;
    }
    name.elements.forEach((element, index) => {
        if (ts.isOmittedExpression(element))
            return;
        let part;
        if (ts.isArrayBindingPattern(name))
            part = element.dotDotDotToken ? undefined : String(index);
        else if (element.dotDotDotToken)
            part = undefined;
        else {
            const key = element.propertyName ?? element.name;
            part = ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : undefined;
        }
        bind(map, element.name, make, [...prefix, part]);
    });
}
function addStatements(map, statements, moduleLevel) {
    for (const statement of statements) {
        if (ts.isVariableStatement(statement))
            addVariables(map, statement.declarationList, moduleLevel);
        else if (ts.isClassDeclaration(statement) && statement.name)
            map.set(statement.name.text, { kind: 'class', node: statement, moduleLevel });
        else if ((ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && ts.isIdentifier(statement.name)) {
            map.set(statement.name.text, { kind: 'other', node: statement });
        }
        else if (ts.isImportDeclaration(statement) && statement.importClause) {
            const clause = statement.importClause;
            if (clause.name)
                map.set(clause.name.text, { kind: 'import', name: clause.name.text });
            const bindings = clause.namedBindings;
            if (bindings && ts.isNamespaceImport(bindings))
                map.set(bindings.name.text, { kind: 'import', name: bindings.name.text });
            else if (bindings)
                for (const element of bindings.elements)
                    map.set(element.name.text, { kind: 'import', name: element.name.text });
        }
        else if (ts.isImportEqualsDeclaration(statement))
            map.set(statement.name.text, { kind: 'import', name: statement.name.text });
    }
    // Function declarations are hoisted; a body-less overload must not hide the implementation.
    for (const statement of statements) {
        if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
            map.set(statement.name.text, { kind: 'function', node: statement });
        }
    }
}
function addVariables(map, list, moduleLevel) {
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
        bind(map, declaration.name, (path) => ({ kind: 'variable', node: declaration, path, isConst, moduleLevel }));
    }
}
function collect(scope) {
    const map = new Map();
    if (ts.isSourceFile(scope))
        addStatements(map, scope.statements, true);
    else if (ts.isBlock(scope) || ts.isModuleBlock(scope))
        addStatements(map, scope.statements, false);
    else if (ts.isCaseBlock(scope))
        for (const clause of scope.clauses)
            addStatements(map, clause.statements, false);
    else if (ts.isFunctionLike(scope)) {
        for (const parameter of scope.parameters) {
            bind(map, parameter.name, (path) => ({ kind: 'parameter', node: parameter, path, fn: scope }));
        }
        if ((ts.isFunctionExpression(scope) || ts.isFunctionDeclaration(scope)) && scope.name && !map.has(scope.name.text)) {
            if (ts.isFunctionExpression(scope))
                map.set(scope.name.text, { kind: 'function', node: scope });
        }
    }
    else if (ts.isClassExpression(scope) && scope.name)
        map.set(scope.name.text, { kind: 'class', node: scope, moduleLevel: false });
    else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
        const initializer = scope.initializer;
        if (initializer && ts.isVariableDeclarationList(initializer)) {
            for (const declaration of initializer.declarations) {
                for (const name of namesOf(declaration.name))
                    map.set(name, { kind: 'other', node: declaration });
            }
        }
    }
    else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
        for (const name of namesOf(scope.variableDeclaration.name))
            map.set(name, { kind: 'other', node: scope });
    }
    return map;
}
function namesOf(name) {
    if (ts.isIdentifier(name))
        return [name.text];
    return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : namesOf(element.name)));
}
