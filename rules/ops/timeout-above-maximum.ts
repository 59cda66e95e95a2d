// Finds function timeouts above Lambda's 900-second maximum, which make the deployment fail.
import { defineRule, describeTimeoutGroup, groupByTimeout, LAMBDA_MAX_TIMEOUT, quoteEach } from '../kit.js';

export default defineRule({
  id: 'ops/timeout-above-maximum',
  category: 'ops',
  severity: 'error',
  description: "A function's timeout is above Lambda's maximum of 900 seconds.",
  fullDescription:
    'Lambda rejects a timeout above 900 seconds (15 minutes), so the deployment fails. A timeout shared by several functions (provider.timeout, Globals.Function.Timeout) is reported once, at the line that sets it, with the functions as related locations. Timeouts set by variables or intrinsics are not judged.',
  help: 'Set the timeout to at most 900 seconds, and move work that takes longer to Step Functions, AWS Batch or a container service.',
  precision: 'very-high',
  tags: ['reliability'],
  messages: {
    aboveMaximum: 'The timeout of {{timeout}} seconds ({{functions}}) is above the Lambda maximum of 900 seconds: the deployment is rejected.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const group of groupByTimeout(project.functions)) {
      if (group.timeout <= LAMBDA_MAX_TIMEOUT) continue;
      report({
        ...describeTimeoutGroup(group, 'timeout>900'),
        messageId: 'aboveMaximum',
        data: { timeout: group.timeout, functions: quoteEach(group.functions.map((f) => f.name)) },
      });
    }
  },
});
