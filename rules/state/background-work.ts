// Finds work a Lambda handler leaves running after it returns: intervals, timers and promises nobody awaits, and HTTP servers.
import { defineRule, handlerCodes, quote } from '../kit.js';

export default defineRule<Record<string, never>, 'interval' | 'timeout' | 'promise' | 'listen' | 'thread'>({
  id: 'state/background-work',
  category: 'state',
  severity: 'warning',
  description: 'A Lambda handler leaves timers, unawaited promises, threads or an HTTP server running after it returns.',
  fullDescription:
    'Lambda freezes the execution environment as soon as the handler returns (or its promise settles). Work still pending then does not run: an unawaited call may never finish, or resume in a later invocation that did not start it; a timer fires during some other request; `setInterval` keeps adding intervals, one per invocation. With callback handlers, pending timers also keep the invocation running until it times out. An HTTP server started with `app.listen()` in function code never receives a request (Lambda calls the handler, not a port). Reported: `setInterval` never cleared, `setTimeout` neither awaited through a promise nor cleared, an async call whose promise is dropped in an async function, `forEach` with an async callback, an unconditional `listen()`, and in Python a `threading.Thread` or `threading.Timer` started per request and never joined in the function that starts it. Container services are not judged: their process keeps running.',
  help: "Await the work before returning: `await publish(event)`, `await Promise.all(items.map(save))`, `await new Promise((r) => setTimeout(r, 100))`. Wrap an Express app for Lambda instead of listening: `export const handler = serverless(app)` (serverless-http), and keep `app.listen()` behind `if (require.main === module)` for local runs.",
  precision: 'high',
  tags: ['correctness', 'serverless'],
  messages: {
    interval: '{{text}} in {{name}} is never cleared: Lambda freezes the environment when the handler returns, the interval fires during later invocations, and each invocation adds another. Do the work before returning, or clear the interval.',
    timeout: '{{text}} in {{name}} is neither awaited nor cleared: Lambda freezes the environment when the handler returns, so the callback runs late, during another invocation, or never. Await it (`await new Promise((r) => setTimeout(r, ms))`) or do the work directly.',
    promise: '{{text}} in {{name}} starts async work that nobody awaits: when the handler returns Lambda freezes the environment, so the work may never finish, or finish during another invocation. Await it (or collect the promises and `await Promise.all`).',
    thread: '{{text}} in {{name}} starts a thread that is never joined: when the handler returns Lambda freezes the environment, so the thread stops mid-work and resumes during another invocation, or never finishes. Join it before returning (`t.join()`), or do the work in the handler.',
    listen: '{{text}} starts an HTTP server in the function {{name}}: Lambda never sends requests to it, it only keeps the event loop busy. Export a handler that wraps the app (`serverless(app)`) and listen only when run locally.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      if (!code.lambda) continue;
      for (const work of code.usage.backgroundWork ?? []) {
        report({
          messageId: work.kind,
          at: work.location,
          ...(work.via[0] ? { related: [{ location: work.via[0], message: `reached from the handler of ${quote(code.name)} here` }] } : {}),
          data: { text: quote(work.text), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|${work.kind}|${work.text}`,
        });
      }
    }
  },
});
