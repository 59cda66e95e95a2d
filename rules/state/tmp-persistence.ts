// Finds /tmp files that Lambda code reads as if they persisted between invocations.
import { defineRule, type FileOperation, handlerCodes, quote } from '../kit.js';

/** A write of the same /tmp path that can run before `read`: at module load, in another body, or earlier in the same one. */
function isWrittenBefore(read: FileOperation, writes: FileOperation[]): boolean {
  return writes.some((w) => w.path === read.path && w.complete && (w.scope === 'module' || w.body !== read.body || w.position < read.position));
}

export default defineRule({
  id: 'state/tmp-persistence',
  category: 'state',
  severity: 'warning',
  description: 'Function code reads a /tmp file as if it persisted between invocations.',
  fullDescription:
    '/tmp belongs to one Lambda execution environment: it starts empty after a cold start, is not shared between concurrent instances, and disappears when the environment is recycled. Reading a /tmp file that no code of the function writes first only works when the same environment happens to be reused. Paths are judged only when the code states them (literals, `path.join(os.tmpdir(), ...)`); reads inside `try` or behind an existence check, code that writes to a computed path or extracts archives, and container services (whose /tmp lives as long as the process) are not reported.',
  help: "Write the file in this invocation before reading it, check for a cached /tmp file before reading it (`if (existsSync(file))`), or keep what must outlast the invocation in S3, DynamoDB or EFS.",
  precision: 'high',
  tags: ['correctness', 'serverless'],
  messages: {
    tmpRead: '{{operation}} reads {{path}}, which no code of {{name}} writes before it: /tmp starts empty after a cold start and is not shared between instances, so the file is there only when an earlier invocation ran in the same environment. Write it in this invocation, check that it exists, or keep it in S3.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      // Lambda only: a container's /tmp lives as long as the process.
      if (!code.lambda) continue;
      const operations = code.usage.fileOperations ?? [];
      const writes = operations.filter((o) => o.kind === 'write');
      // exec('tar -x ... -C /tmp'), a write to a computed path: the analysis cannot tell what is in /tmp
      if (writes.some((w) => w.area === 'unknown')) continue;
      for (const read of operations) {
        if (read.kind !== 'read' || read.area !== 'tmp' || !read.complete || read.guarded || read.scope !== 'invocation') continue;
        if (isWrittenBefore(read, writes)) continue;
        report({
          messageId: 'tmpRead',
          at: read.location,
          data: { operation: read.operation, path: quote(read.path), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|read|${read.operation}|${read.path}`,
        });
      }
    }
  },
});
