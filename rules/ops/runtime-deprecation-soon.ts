// Notes Lambda runtimes and container base images whose deprecation or end of life is near.
import { defineRule, runtimeFindings } from '../kit.js';

type MessageId = 'deprecatedSoon' | 'imageDeprecatedSoon' | 'nodeEndOfLifeSoon' | 'languageEndOfLifeSoon';

export default defineRule<{ noticeDays: number }, MessageId>({
  id: 'ops/runtime-deprecation-soon',
  category: 'ops',
  severity: 'note',
  description: 'A function or container runs on a runtime whose deprecation or end of life is near.',
  fullDescription:
    'A Lambda runtime, or the Node.js, Python, Ruby, Go, Java or .NET version of a container\'s base image, that reaches deprecation or end of life within `noticeDays` (90 by default) days: after that date it no longer gets security fixes, and Lambda later blocks updates to functions on it. Planning the upgrade now avoids a rushed one. The dates come from src/data/lambda-runtimes.json. Runtimes already past the date are ops/deprecated-runtime and ops/blocked-runtime.',
  help: 'Plan the move to a supported runtime, for example `runtime: nodejs22.x`, or `FROM node:22-alpine` in the Dockerfile, and test the function with it before the date.\ncdk-nag: AwsSolutions-L1.',
  precision: 'very-high',
  tags: ['maintainability'],
  messages: {
    deprecatedSoon: '{{runtime}} will be deprecated on {{deprecated}}, in {{days}} days: after that Lambda no longer patches it ({{functions}}).{{upgrade}}',
    imageDeprecatedSoon: 'The base image {{image}} is built on the {{runtime}} Lambda runtime, which will be deprecated on {{deprecated}}, in {{days}} days.{{upgrade}}',
    nodeEndOfLifeSoon: 'The base image {{image}} runs Node.js {{version}}, which reaches end of life on {{date}}, in {{days}} days.',
    languageEndOfLifeSoon: 'The base image {{image}} runs {{language}} {{version}}, which reaches end of life on {{date}}, in {{days}} days.',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { noticeDays: { type: 'integer', minimum: 0, description: 'Days before a deprecation or end of life to start reporting a note.' } },
  },
  defaultOptions: { noticeDays: 90 },
  check({ project, now, options, report }) {
    for (const found of runtimeFindings(project, now, 'note', options.noticeDays)) report(found);
  },
});
