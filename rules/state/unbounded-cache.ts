// Finds memo caches at module scope keyed by request data and never bounded: they grow with every new key and
// serve one request's entry to another.
import { carriedStateWrites, defineRule, handlerCodes, quote, type RelatedLocation, stateLifetime } from '../kit.js';

export default defineRule({
  id: 'state/unbounded-cache',
  category: 'state',
  severity: 'note',
  description: 'Per-request code caches request-keyed entries in a module-scope variable with no bound.',
  fullDescription:
    'A memo at module scope (`cache[userId] ??= await load(userId)`, `cache.set(event.id, value)`) keyed by request data is kept between requests of the same execution environment (or server process): it grows with every new key until the environment is recycled, and one request is served what an earlier one stored, which is only right when the entry is the same for every user. Not reported: a cache with a bound (an LRU with `max`), a constant key, and caches the handler resets. Other writes to module-scope state are state/module-mutation.',
  help: 'Give the cache a bound (`new LRUCache({ max: 500 })`) or key it by something stable; keep per-user data out of module scope or in a store (ElastiCache, DynamoDB).',
  precision: 'high',
  tags: ['correctness', 'serverless', 'external/cwe/cwe-488'],
  messages: {
    cache: '{{name}} caches request-keyed entries in the module-scope {{variable}} ({{text}}) with no bound: {{lifetime}}, so it grows with every new key and serves one user\'s entry to another. Bound the cache or key it by something stable.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      for (const write of carriedStateWrites(code)) {
        if (write.kind !== 'cache') continue;
        const related: RelatedLocation[] = [{ location: write.declaration, message: `${quote(write.variable)} is declared at module scope here` }];
        if (write.via[0]) related.push({ location: write.via[0], message: `reached from the handler of ${quote(code.name)} here` });
        report({
          messageId: 'cache',
          at: write.location,
          related,
          data: { name: quote(code.name), variable: quote(write.variable), text: quote(write.text), lifetime: stateLifetime(code) },
          function: code.name,
          key: `${code.id}|${write.variable}|${write.kind}|${write.text}`,
        });
      }
    }
  },
});
