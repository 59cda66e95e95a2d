// Notes functions that set neither a memory size nor a timeout and so run on the platform defaults.
import { defineRule, quoteEach, type ServiceModel } from '../kit.js';

/** What a function gets when the manifest says nothing. */
const DEFAULTS: Partial<Record<ServiceModel['kind'], string>> = {
  serverless: '1024 MB and 6 seconds in the Serverless Framework',
  sam: '128 MB and 3 seconds',
  cloudformation: '128 MB and 3 seconds',
};

export default defineRule({
  id: 'ops/default-limits',
  category: 'ops',
  severity: 'note',
  description: 'A function sets neither a memory size nor a timeout, so it runs on the platform defaults.',
  fullDescription:
    'A function with neither a memory size nor a timeout, on the function or inherited from provider or Globals, runs with the defaults (128 MB and 3 seconds in SAM and CloudFormation, 1024 MB and 6 seconds in the Serverless Framework), which are rarely right for its work: too little memory also means too little CPU, and a short timeout cuts off a slow dependency. A function with either setting has been thought about and is not reported. One note per service lists its functions.',
  help: 'Set `memorySize` and `timeout` explicitly, for example under `provider:` or `Globals.Function`.',
  precision: 'very-high',
  tags: ['reliability', 'cost'],
  messages: {
    defaults: 'No memory size or timeout is set for {{functions}}, so {{subject}} with the defaults ({{defaults}}).',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const defaults = DEFAULTS[service.kind];
      if (!defaults) continue;
      const bare = service.functions.filter((fn) => !fn.memorySize && !fn.timeout);
      if (bare.length === 0) continue;
      report({
        messageId: 'defaults',
        at: service.location,
        key: `${service.id}|defaults`,
        data: { functions: quoteEach(bare.map((f) => f.name)), subject: bare.length === 1 ? 'it runs' : 'they run', defaults },
      });
    }
  },
});
