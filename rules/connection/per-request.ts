// Finds database connections and AWS SDK clients created by code that runs on every request, instead of once per container.
import { type ClientCreation, defineRule, type HandlerCode, handlerCodes, type Location, quote, type RelatedLocation } from '../kit.js';

function where(code: HandlerCode): string {
  return code.kind === 'container' ? `every request ${quote(code.name)} serves` : `every invocation of ${quote(code.name)}`;
}

function contains(outer: Location, inner: Location): boolean {
  if (outer.file !== inner.file) return false;
  const startsBefore = outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
  const endsAfter = outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
  return startsBefore && endsAfter;
}

/**
 * The call sites from the handler down to the creation, without the callbacks written inside the handler
 * (`ids.map(async (id) => { knex(...) })`): those sites are whole functions that contain the next step.
 */
function callSites(client: ClientCreation): Location[] {
  const steps = [...client.via, client.location];
  return client.via.filter((site, i) => !contains(site, steps[i + 1]!));
}

function related(client: ClientCreation, sites: Location[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const site of sites.slice(1)) out.push({ location: site, message: 'which calls this' });
  out.push({ location: client.location, message: `${client.name} is created here` });
  return out;
}

export default defineRule<Record<string, never>, 'database' | 'databaseVia' | 'sdk' | 'sdkVia'>({
  id: 'connection/per-request',
  category: 'connection',
  severity: 'warning',
  description: 'A database connection or an AWS SDK client is created on every request instead of once per container.',
  fullDescription:
    'Code outside the handler runs once per execution environment (or container) and is reused by every request it serves; code inside the handler, and every local function it calls across files, runs per request. A database client created there opens a new connection each time: the handshake and authentication add latency, and concurrent invocations can exhaust the database connection limit. An AWS SDK client built per request re-resolves credentials and configuration and opens a new TLS connection instead of reusing a kept-alive one. The rule reports at the handler line that leads to the creation. Not reported: creation at module scope, lazy creation cached in a module variable (`if (!pool) pool = new Pool()`, `??=`), creation in a function only module code calls, and SDK clients configured from per-request values (credentials from AssumeRole).',
  help: 'Create the client once, outside the handler, and reuse it: `const pool = new Pool(); export const handler = async () => pool.query(...)`, or lazily: `let pool; const db = () => (pool ??= new Pool());`. For many concurrent functions on a relational database, put RDS Proxy in front of it.',
  precision: 'high',
  tags: ['performance', 'reliability', 'serverless'],
  messages: {
    database: '{{client}} opens a new database connection on {{where}}: each request pays the connection handshake, and concurrent requests can exhaust the database connection limit. Create it once outside the handler and reuse it.',
    databaseVia: 'This call reaches {{client}} ({{file}}, line {{line}}), which opens a new database connection on {{where}}: each request pays the connection handshake, and concurrent requests can exhaust the connection limit. Create the client once outside the handler and reuse it.',
    sdk: 'A new {{client}} is built on {{where}}: each request re-resolves credentials and configuration and opens a new TLS connection instead of reusing a kept-alive one, adding tens of milliseconds or more of latency. Create the client once outside the handler.',
    sdkVia: 'This call builds a new {{client}} ({{file}}, line {{line}}) on {{where}}: each request re-resolves credentials and configuration and opens a new TLS connection instead of reusing a kept-alive one, adding tens of milliseconds or more of latency. Create the client once outside the handler.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      for (const client of code.usage.clients) {
        if (client.scope !== 'invocation') continue;
        // new S3Client({ credentials }) with credentials assumed for this request: built per request on purpose
        if (client.kind === 'aws-sdk' && client.configuredPerRequest) continue;
        const sites = callSites(client);
        const site = sites[0];
        const base = client.kind === 'database' ? 'database' : 'sdk';
        report({
          messageId: site ? (`${base}Via` as const) : base,
          at: site ?? client.location,
          ...(site ? { related: related(client, sites) } : {}),
          data: { client: client.name, where: where(code), file: quote(client.location.file), line: client.location.line },
          function: code.name,
          key: `${code.id}|${client.kind}|${client.name}|${client.location.file}`,
        });
      }
    }
  },
});
