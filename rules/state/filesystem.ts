// Finds file writes outside /tmp in Lambda code, which fail on the read-only file system, and /tmp files read as if they persisted.
import { defineRule, type FileOperation, handlerCodes, quote } from '../kit.js';

function describePath(operation: FileOperation): string {
  // The path as far as it is known, quoted; `…` outside the quotes marks a prefix.
  const shown = quote(operation.path.replace(/^<code>/, '<code folder>')) + (operation.complete ? '' : '…');
  return operation.path.startsWith('<code>') || !operation.path.startsWith('/') ? `${shown} (in the deployed code folder, /var/task)` : shown;
}

/** A write of the same /tmp path that can run before `read`: at module load, in another body, or earlier in the same one. */
function isWrittenBefore(read: FileOperation, writes: FileOperation[]): boolean {
  return writes.some((w) => w.path === read.path && w.complete && (w.scope === 'module' || w.body !== read.body || w.position < read.position));
}

export default defineRule<Record<string, never>, 'readOnly' | 'tmpRead'>({
  id: 'state/filesystem',
  category: 'state',
  severity: 'error',
  description: 'Function code writes outside /tmp, which is read-only in Lambda, or reads a /tmp file as if it persisted between invocations.',
  fullDescription:
    'In AWS Lambda only /tmp is writable: the code folder (/var/task, `__dirname`, the working directory) and every other path are read-only, so a write there fails at run time with EROFS (error). /tmp itself belongs to one execution environment: it starts empty after a cold start, is not shared between concurrent instances, and disappears when the environment is recycled, so reading a /tmp file that no code of the function writes first only works when the same environment happens to be reused (warning). Paths are judged only when the code states them (literals, `path.join(__dirname, ...)`, `os.tmpdir()`); reads inside `try` or behind an existence check, EFS mounts under /mnt, and container services (whose file system is writable) are not reported.',
  help: "Write scratch files under /tmp and use them within the invocation: `const file = path.join(os.tmpdir(), 'report.csv')`. Keep anything that must outlast the invocation in S3, DynamoDB or EFS, and check for a cached /tmp file before reading it (`if (existsSync(file))`).",
  precision: 'high',
  tags: ['correctness', 'serverless'],
  messages: {
    readOnly: '{{operation}} writes {{path}}, outside /tmp: the Lambda file system is read-only there, so {{name}} fails at run time (EROFS). Write under /tmp (os.tmpdir()) or to S3.',
    tmpRead: '{{operation}} reads {{path}}, which no code of {{name}} writes before it: /tmp starts empty after a cold start and is not shared between instances, so the file is there only when an earlier invocation ran in the same environment. Write it in this invocation, check that it exists, or keep it in S3.',
  },
  defaultOptions: {},
  check({ project, analysis, report }) {
    for (const code of handlerCodes(project, analysis)) {
      // Lambda only: a container's file system is writable and its /tmp lives as long as the process.
      if (!code.lambda) continue;
      const operations = code.usage.fileOperations ?? [];
      const writes = operations.filter((o) => o.kind === 'write');
      for (const write of writes) {
        if (write.area !== 'read-only') continue;
        report({
          messageId: 'readOnly',
          at: write.location,
          data: { operation: write.operation, path: describePath(write), name: quote(code.name) },
          function: code.name,
          key: `${code.id}|write|${write.operation}|${write.path}`,
        });
      }
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
          severity: 'warning',
        });
      }
    }
  },
});
