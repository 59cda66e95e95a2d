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

/** The nodes module-info needs from a whole file, in document order. */
export interface CollectedNodes {
  /** `require('x')` and `import('x')` calls with a string argument. */
  loads: ts.CallExpression[];
  /** Binary expressions with an assignment operator (`=`, `??=`, `||=`, `&&=`). */
  assignments: ts.BinaryExpression[];
  /** `new X(...)` expressions (where a class gets the objects its constructor stores). */
  news: ts.NewExpression[];
}

/** Adds `node` to `collected` when it is a load or an assignment (called for every node of a walk). */
export function collectNode(node: ts.Node, collected: CollectedNodes): void {
  if (node.kind === ts.SyntaxKind.CallExpression) {
    if (isLoadCall(node)) collected.loads.push(node);
  } else if (node.kind === ts.SyntaxKind.BinaryExpression) {
    if (isAssignmentOperatorKind((node as ts.BinaryExpression).operatorToken.kind)) collected.assignments.push(node as ts.BinaryExpression);
  } else if (node.kind === ts.SyntaxKind.NewExpression) collected.news.push(node as ts.NewExpression);
}
