// Finds module-scope variables written by per-request code: state that survives the request and is seen by the next one.
import { defineRule, type HandlerCode, handlerCodes, quote, type RelatedLocation, type StateWrite } from '../kit.js';

const WHAT: Record<Exclude<StateWrite['kind'], 'reset' | 'cache'>, string> = {
  collection: 'adds to',
  property: 'changes',
  counter: 'counts in',
  accumulate: 'accumulates into',
  reassign: 'reads the previous value of, then replaces,',
};

function lifetime(code: HandlerCode): string {
  return code.kind === 'container'
    ? 'it lives as long as the server process and is shared by concurrent requests'
    : 'it outlives the invocation, so the next invocation in the same execution environment starts with it';
}

export default defineRule<Record<string, never>, 'mutation' | 'cache'>({
  id: 'state/module-mutation',
  category: 'state',
  severity: 'warning',
  description: 'Per-request code writes a module-scope variable, so state leaks from one request into the next.',
  fullDescription:
    'A variable declared at module scope is created once per execution environment (or server process) and kept between requests. When the handler, or a function it calls, pushes to it, sets entries, changes its properties or counts in it, the value grows with every request and one request sees what an earlier one left, possibly another user\'s data, while another instance that started cold sees none of it. Not reported: lazy initialisation of clients or configuration (`if (!config) config = await load()`, `??=`), a variable always overwritten before it is read, values that carry nothing from the request (literals, environment variables), a collection the handler resets, and function-local variables. A memo cache keyed by request data and never bounded is a note.',
  help: 'Keep per-request data in local variables and pass it along: `const processed = [];` inside the handler. Keep only things meant to be shared at module scope (clients, configuration), and give caches a bound (`lru-cache` with `max`) or a constant key. Durable state belongs in a store (DynamoDB, ElastiCache).',
  precision: 'high',
  tags: ['correctness', 'security', 'serverless', 'external/cwe/cwe-488'],
  securitySeverity: 4.3,
  messages: {
    mutation: '{{name}} {{what}} the module-scope variable {{variable}} ({{text}}): {{lifetime}}, so data leaks between requests, and between users. Keep it local to the request.',
    cache: '{{name}} caches request-keyed entries in the module-scope {{variable}} ({{text}}) with no bound: {{lifetime}}, so it grows with every new key and serves one user\'s entry to another. Bound the cache or key it by something stable.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      const writes = code.usage.stateWrites ?? [];
      const declarationKey = (w: StateWrite) => `${w.declaration.file}:${w.declaration.line}:${w.declaration.column}`;
      // items = [] at the start of each invocation: the variable does not carry anything over
      const reset = new Set(writes.filter((w) => w.kind === 'reset').map(declarationKey));
      for (const write of writes) {
        if (write.kind === 'reset' || reset.has(declarationKey(write))) continue;
        const relatedLocations: RelatedLocation[] = [{ location: write.declaration, message: `${quote(write.variable)} is declared at module scope here` }];
        if (write.via[0]) relatedLocations.push({ location: write.via[0], message: `reached from the handler of ${quote(code.name)} here` });
        const isCache = write.kind === 'cache';
        report({
          messageId: isCache ? 'cache' : 'mutation',
          at: write.location,
          related: relatedLocations,
          data: {
            name: quote(code.name),
            variable: quote(write.variable),
            text: quote(write.text),
            what: isCache ? '' : WHAT[write.kind as keyof typeof WHAT],
            lifetime: lifetime(code),
          },
          function: code.name,
          key: `${code.id}|${write.variable}|${write.kind}|${write.text}`,
          ...(isCache ? { severity: 'note' as const } : {}),
        });
      }
    }
  },
});
