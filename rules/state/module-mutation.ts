// Finds module-scope variables written by per-request code: state that survives the request and is seen by the next one.
import { carriedStateWrites, defineRule, handlerCodes, quote, type RelatedLocation, stateLifetime, type StateWrite } from '../kit.js';

const WHAT: Record<Exclude<StateWrite['kind'], 'reset' | 'cache'>, string> = {
  collection: 'adds to',
  property: 'changes',
  counter: 'counts in',
  accumulate: 'accumulates into',
  reassign: 'reads the previous value of, then replaces,',
};

export default defineRule<Record<string, never>, 'mutation'>({
  id: 'state/module-mutation',
  category: 'state',
  severity: 'warning',
  description: 'Per-request code writes a module-scope variable, so state leaks from one request into the next.',
  fullDescription:
    'A variable declared at module scope is created once per execution environment (or server process) and kept between requests. When the handler, or a function it calls, pushes to it, sets entries, changes its properties or counts in it, the value grows with every request and one request sees what an earlier one left, possibly another user\'s data, while another instance that started cold sees none of it. Not reported: lazy initialisation of clients or configuration (`if (!config) config = await load()`, `??=`), a variable always overwritten before it is read, values that carry nothing from the request (literals, environment variables), a collection the handler resets, and function-local variables. A memo cache keyed by request data and never bounded is state/unbounded-cache.',
  help: 'Keep per-request data in local variables and pass it along: `const processed = [];` inside the handler. Keep only things meant to be shared at module scope (clients, configuration), and give caches a bound (`lru-cache` with `max`) or a constant key. Durable state belongs in a store (DynamoDB, ElastiCache).',
  precision: 'high',
  tags: ['correctness', 'security', 'serverless', 'external/cwe/cwe-488'],
  securitySeverity: 4.3,
  messages: {
    mutation: '{{name}} {{what}} the module-scope variable {{variable}} ({{text}}): {{lifetime}}; data leaks between requests, and between users. Keep it local to the request.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      for (const write of carriedStateWrites(code)) {
        if (write.kind === 'cache') continue; // state/unbounded-cache
        const relatedLocations: RelatedLocation[] = [{ location: write.declaration, message: `${quote(write.variable)} is declared at module scope here` }];
        if (write.via[0]) relatedLocations.push({ location: write.via[0], message: `reached from the handler of ${quote(code.name)} here` });
        report({
          messageId: 'mutation',
          at: write.location,
          related: relatedLocations,
          data: {
            name: quote(code.name),
            variable: quote(write.variable),
            text: quote(write.text),
            what: WHAT[write.kind as keyof typeof WHAT],
            lifetime: stateLifetime(code),
          },
          function: code.name,
          key: `${code.id}|${write.variable}|${write.kind}|${write.text}`,
        });
      }
    }
  },
});
