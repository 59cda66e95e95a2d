// The syntax that loads other modules or assigns to a name: shared by the parse walk and module-info.
import ts from './typescript.js';
let assignmentOperators;
/** `=`, `??=`, `||=`, `&&=` (built on first use: TypeScript itself loads only when code is first parsed). */
export function isAssignmentOperatorKind(kind) {
    assignmentOperators ??= new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);
    return assignmentOperators.has(kind);
}
export function isRequireCall(node) {
    return (ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require' &&
        node.arguments.length === 1 &&
        ts.isStringLiteralLike(node.arguments[0]));
}
export function isDynamicImport(node) {
    return ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]);
}
/** `require('x')` or `import('x')`. */
export function isLoadCall(node) {
    return isRequireCall(node) || isDynamicImport(node);
}
/** Adds `node` to `collected` when it is a load or an assignment (called for every node of a walk). */
export function collectNode(node, collected) {
    if (node.kind === ts.SyntaxKind.CallExpression) {
        if (isLoadCall(node))
            collected.loads.push(node);
    }
    else if (node.kind === ts.SyntaxKind.BinaryExpression) {
        if (isAssignmentOperatorKind(node.operatorToken.kind))
            collected.assignments.push(node);
    }
}
