// Finds database clients pointed at localhost or a literal private address: a database the team runs itself, or one that only exists on a laptop.
import { defineRule, handlerCodes, quote } from '../kit.js';

/** `loopback` for the machine itself, `private` for an RFC 1918 address; undefined for anything else (a DNS name may be a managed endpoint). */
export function selfManagedHost(host: string): 'loopback' | 'private' | undefined {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name === 'host.docker.internal' || name === '::1' || name === '0.0.0.0') return 'loopback';
  const ip = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  if (!ip) return undefined;
  const [a, b] = [Number(ip[1]), Number(ip[2])];
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  return undefined;
}

export default defineRule<Record<string, never>, 'loopback' | 'private'>({
  id: 'connection/self-managed',
  category: 'connection',
  severity: 'warning',
  description: 'A database client connects to localhost or a literal private IP address instead of a managed service endpoint.',
  fullDescription:
    'Serverless functions and containers scale out and come and go; the database behind them should be a managed service reached through configuration (RDS or Aurora behind RDS Proxy, DynamoDB, ElastiCache, DocumentDB). A client whose host is written as `localhost` or `127.0.0.1` reaches the execution environment itself, where no database runs once deployed: the code works only on a developer machine. A literal private address (10.x, 172.16-31.x, 192.168.x) is a server the team runs and patches itself, fixed in the code. Only hosts written literally in the code are judged, including one a caller passes to the class or helper that builds the client (`new Database(\'localhost\')` around `new Pool({ host })`), which is reported where the caller writes it: values from environment variables or configuration are not.',
  help: 'Read the endpoint from configuration and point it at a managed service: `new Client({ host: process.env.DB_HOST })` with DB_HOST set to the RDS Proxy endpoint in the manifest (`environment: { DB_HOST: !GetAtt Proxy.Endpoint }`).',
  precision: 'very-high',
  tags: ['reliability', 'serverless'],
  messages: {
    loopback: '{{client}} connects to {{host}}, the execution environment itself: no database runs there once {{name}} is deployed, so this only works on a developer machine. Read the endpoint from configuration and use a managed database.',
    private: '{{client}} connects to the private address {{host}}, a database server run by hand and fixed in the code. Use a managed service (RDS/Aurora behind RDS Proxy, DynamoDB, ElastiCache) and read its endpoint from configuration.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const seen = new Set<string>();
      for (const client of code.usage.clients) {
        if (client.kind !== 'database' || client.host === undefined) continue;
        const kind = selfManagedHost(client.host);
        // A host the caller passes in (`new Database('localhost')` around `new Pool({ host })`) is reported where it is written.
        const location = client.hostLocation ?? client.location;
        const at = `${location.file}:${location.line}:${location.column}`;
        if (!kind || seen.has(at)) continue;
        seen.add(at);
        report({
          messageId: kind,
          at: location,
          ...(client.hostLocation ? { related: [{ location: client.location, message: `${client.name} is created here with this host` }] } : {}),
          data: { client: client.name, host: quote(client.host), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|${client.name}|${client.host}|${client.location.file}`,
        });
      }
    }
  },
});
