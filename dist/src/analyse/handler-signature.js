// Spots a Lambda handler written as an Express-style `(req, res)` function: the second argument is used as an HTTP response.
import ts from './typescript.js';
import { findDeclaration } from './scope.js';
import { nodeLocation } from './source-files.js';
/** Methods of an Express/Node response; none exists on Lambda's context object. */
const RESPONSE_METHODS = new Set(['send', 'json', 'status', 'sendStatus', 'end', 'render', 'redirect', 'setHeader', 'writeHead', 'header', 'sendFile', 'jsonp', 'cookie', 'type', 'set', 'write']);
/** The handler's signature when its second parameter is used as a response (`res.json(...)`), else undefined. */
export function handlerSignatureOf(context, root) {
    const module = context.moduleOf(root);
    const second = root.parameters[1];
    if (!module || !second || !ts.isIdentifier(second.name))
        return undefined;
    const name = second.name.text;
    let use;
    const visit = (node) => {
        if (use)
            return;
        // res.json(...), res.status(404).send(...), res.statusCode = 200
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) {
            const method = node.name.text;
            const isCall = ts.isCallExpression(node.parent) && node.parent.expression === node && RESPONSE_METHODS.has(method);
            const isStatusWrite = method === 'statusCode' && ts.isBinaryExpression(node.parent) && node.parent.left === node && node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
            const declared = findDeclaration(node.expression);
            if ((isCall || isStatusWrite) && declared?.kind === 'parameter' && declared.node === second) {
                use = node.parent;
                return;
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(root.body);
    if (!use)
        return undefined;
    return {
        parameters: root.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : p.name.getText())),
        location: nodeLocation(module, root),
        responseUse: nodeLocation(module, use),
        responseText: use.getText().replace(/\s+/g, ' ').slice(0, 60),
    };
}
