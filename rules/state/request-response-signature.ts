// Finds Lambda handlers written as Express-style `(req, res)` functions: Lambda passes (event, context), which has no response methods.
import { defineRule, handlerCodes, quote } from '../kit.js';

export default defineRule<Record<string, never>, 'signature'>({
  id: 'state/request-response-signature',
  category: 'state',
  severity: 'error',
  description: 'A Lambda handler is written as an Express-style (req, res) function, but Lambda calls it with (event, context).',
  fullDescription:
    'Lambda invokes a Node.js handler with the event and a context object and uses what the handler returns as the response. A handler written for an HTTP server, `(req, res) => res.json(...)`, gets the event as `req` and the context as `res`: `res.json` is not a function, so every invocation fails with a TypeError. The rule reports a function handler whose second parameter is used as an HTTP response (`send`, `json`, `status`, `end`, `setHeader`, `statusCode = ...`). Handlers wrapped by an adapter (`serverless(app)`, `serverlessExpress({ app })`) and the routes of a kind: Service container, where `(req, res)` is the right signature, are not reported.',
  help: 'Return the response from an event handler: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(result) })`, or keep the Express app and wrap it: `export const handler = serverless(app)` (serverless-http or @codegenie/serverless-express).',
  precision: 'very-high',
  tags: ['correctness', 'serverless'],
  messages: {
    signature: 'The handler of {{name}} is written as {{parameters}} and uses {{response}}, but Lambda calls it with (event, context): the second argument has no HTTP response methods, so every invocation fails. Return the response from an (event) handler, or wrap the app with serverless-http.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const signature = code.lambda ? code.usage.handlerSignature : undefined;
      if (!signature) continue;
      report({
        messageId: 'signature',
        at: signature.location,
        related: [{ location: signature.responseUse, message: `${quote(signature.responseText)}: the second argument used as an HTTP response` }],
        data: { name: quote(code.name), parameters: quote(`(${signature.parameters.join(', ')})`), response: quote(signature.responseText) },
        function: code.name,
        key: `${code.id}|signature`,
      });
    }
  },
});
