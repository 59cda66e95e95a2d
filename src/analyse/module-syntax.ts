// The syntax that loads other modules or assigns to a name: shared by the parse walk and module-info.
import ts from './typescript.js';

let assignmentOperators: ReadonlySet<ts.SyntaxKind> | undefined;

/** `=`, `??=`, `||=`, `&&=` (built on first use: TypeScript itself loads only when code is first parsed). */
export function isAssignmentOperatorKind(kind: ts.SyntaxKind): boolean {
  assignmentOperators ??= new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);
  return assignmentOperators.has(kind);
}

export function isRequireCall(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteralLike] } {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!)
  );
}

export function isDynamicImport(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!);
}

/** `require('x')` or `import('x')`. */
export function isLoadCall(node: ts.Node): node is ts.CallExpression {
  return isRequireCall(node) || isDynamicImport(node);
}
