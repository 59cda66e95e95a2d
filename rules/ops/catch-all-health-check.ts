// Notes kind: Service containers whose node:http server answers every path with one handler, so noops-lint cannot
// tell whether a health probe learns more than "the process runs".
import { defineRule, handlerCodes, quote } from '../kit.js';

export default defineRule<Record<string, never>, 'catchAll'>({
  id: 'ops/catch-all-health-check',
  category: 'ops',
  severity: 'note',
  description: "A container's server answers every path with one handler, so whether its health check means anything cannot be judged.",
  fullDescription:
    'A node:http server whose request handler never reads the URL (`http.createServer((req, res) => ...)`) answers a health probe exactly as it answers any request. Whether that tells the platform more than "the process runs" depends on what the handler does: if it only writes a fixed response, a replica that lost its database still looks healthy; if it does the real work, every probe costs a full request. ops/missing-health-endpoint cannot decide either way and stays silent, so this note says so once per service, at the server. A handler that branches on `req.url` is routed and judged by ops/missing-health-endpoint instead; a health library or a TCP check settles it.',
  help: "Branch on the path and answer the health probe with a cheap check of what the server needs: `if (req.url === '/health') { res.writeHead(db.ready ? 200 : 503); return res.end(); }`, and point `spec.healthCheck.path` at it.",
  precision: 'high',
  tags: ['reliability', 'operations'],
  messages: {
    catchAll: 'The server of {{name}} answers every path with one request handler, so noops-lint cannot tell whether its health check sees more than a running process; answer a health path (such as /health) with a check of its dependencies.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const container = code.container;
      // A health literal, a health library or a TCP check make the health 'present': nothing left to say.
      if (!container?.catchAll || container.health !== 'unknown') continue;
      report({
        messageId: 'catchAll',
        at: container.catchAll,
        data: { name: quote(code.name) },
        function: code.name,
        key: `${code.id}|catch-all-health`,
      });
    }
  },
});
