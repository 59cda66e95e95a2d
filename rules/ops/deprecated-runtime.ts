// Finds Lambda runtimes past their deprecation, and container base images whose language (Node.js, Python, Ruby, Go,
// Java, .NET) or Lambda runtime no longer gets security fixes, from the dated tables in src/data/lambda-runtimes.json
// (dated in src/analyse/runtimes.ts, which ops/blocked-runtime and ops/runtime-deprecation-soon read too).
import { defineRule, runtimeFindings } from '../kit.js';

export default defineRule<Record<string, never>, 'deprecated' | 'imageDeprecated' | 'nodeEndOfLife' | 'languageEndOfLife'>({
  id: 'ops/deprecated-runtime',
  category: 'ops',
  severity: 'warning',
  description: 'A function or container runs on a language runtime that no longer gets security fixes.',
  fullDescription:
    'Lambda deprecates a runtime when its language version or operating system reaches end of life: it stops patching it, and some weeks later blocks updates to functions that use it, so even an urgent fix cannot be deployed without a runtime upgrade. The rule reads the dates from AWS\'s runtime table and reports a runtime once it is deprecated; once updates are blocked it is ops/blocked-runtime, and a deprecation ahead is ops/runtime-deprecation-soon. It also checks the base image that runs in the Dockerfile beside a kind: Service manifest (the last stage; for Go every stage, since the binary carries the toolchain\'s standard library): a Node.js, Python, Ruby, Go, Java or .NET version past its end of life, or a Lambda base image on a deprecated runtime. Runtimes and tags it cannot date (intrinsics, variables, node:lts, python:3, Java LTS releases whose support differs per vendor) are not judged. A runtime several services read from one file with ${file()} is one finding, at that line.',
  help: 'Move to a supported runtime and test the function with it, for example `runtime: nodejs22.x` instead of `nodejs16.x`; in a Dockerfile use a supported base, for example `FROM node:22-alpine` instead of `FROM node:18-alpine`, `FROM python:3.13-slim` instead of `FROM python:3.8-slim`.\ncdk-nag: AwsSolutions-L1.',
  precision: 'very-high',
  tags: ['security', 'maintainability', 'external/cwe/cwe-1104'],
  securitySeverity: 5.3,
  messages: {
    deprecated: '{{runtime}} is deprecated since {{deprecated}}: Lambda no longer patches it, and from {{blockUpdate}} functions using it can no longer be updated ({{functions}}).{{upgrade}}',
    imageDeprecated: 'The base image {{image}} is built on the {{runtime}} Lambda runtime, deprecated since {{deprecated}}: its image no longer gets security patches.{{upgrade}}',
    nodeEndOfLife: 'The base image {{image}} runs Node.js {{version}}, which reached end of life on {{date}} and no longer gets security fixes.',
    languageEndOfLife: 'The base image {{image}} runs {{language}} {{version}}, which reached end of life on {{date}} and no longer gets security fixes.',
  },
  defaultOptions: {},
  check({ project, now, report }) {
    for (const found of runtimeFindings(project, now, 'warning')) report(found);
  },
});
