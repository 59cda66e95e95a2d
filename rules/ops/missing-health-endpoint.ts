// Finds kind: Service containers whose server registers no health route, so the platform cannot tell a stuck server from a healthy one.
import { defineRule, handlerCodes, isUnresolved, quote } from '../kit.js';

export default defineRule<Record<string, never>, 'missing' | 'missingConfigured'>({
  id: 'ops/missing-health-endpoint',
  category: 'ops',
  severity: 'warning',
  description: 'A container service\'s server registers no health route, so its health cannot be checked beyond "the process runs".',
  fullDescription:
    'The platform probes a kind: Service container to route traffic only to ready replicas and to restart stuck ones. Without a health route it can only see that the process is up: a server that lost its database, or is still starting, keeps receiving requests. The rule finds the server entry (the Dockerfile CMD or ENTRYPOINT, through `npm start` and back through WORKDIR and COPY, also `COPY --from` of a build stage and absolute paths such as `node /app/index.js`, else package.json `main`), follows the routes it and its modules register (Express, Fastify, Koa, Hono, node:http) and reports at `listen()` when none is `/health`, `/healthz`, `/ready`, `/livez`, `/ping` or the `spec.healthCheck.path` of the manifest. It stays silent when a health library (terminus, lightship) is used, the check is TCP, or routes come from places it cannot follow (routers from packages, computed paths, catch-all handlers that answer every path).',
  help: "Register a cheap route that reports readiness and point the manifest at it: `app.get('/health', (req, res) => res.json({ ok: true }))` with `spec.healthCheck: { path: /health }`; check critical dependencies in a separate `/ready` route.",
  precision: 'high',
  tags: ['reliability', 'operations'],
  messages: {
    missing: 'The server of {{name}} registers no health route (such as GET /health): the platform can only see that the process runs, not that it serves requests. Add one and set spec.healthCheck.path to it.',
    missingConfigured: 'spec.healthCheck.path of {{name}} is {{path}}, but the server registers no such route: health checks get 404 and replicas are marked unhealthy. Register {{path}} or fix the path.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const container = code.container;
      if (!container || container.health !== 'absent' || !container.listen) continue;
      const configured = code.service.container?.healthCheck?.value.path;
      const path = typeof configured === 'string' && !isUnresolved(configured) ? configured : undefined;
      report({
        messageId: path ? 'missingConfigured' : 'missing',
        at: container.listen,
        ...(code.service.container?.healthCheck ? { related: [{ location: code.service.container.healthCheck.location, message: 'the health check is configured here' }] } : {}),
        data: { name: quote(code.name), ...(path ? { path: quote(path) } : {}) },
        function: code.name,
        key: `${code.id}|health`,
      });
    }
  },
});
