// Finds file writes outside /tmp in Lambda code, which fail on the read-only file system (reading /tmp as if it
// persisted is state/tmp-persistence).
import { defineRule, type FileOperation, handlerCodes, quote } from '../kit.js';

function describePath(operation: FileOperation): string {
  // The path as far as it is known, quoted; `…` outside the quotes marks a prefix.
  const shown = quote(operation.path.replace(/^<code>/, '<code folder>')) + (operation.complete ? '' : '…');
  return operation.path.startsWith('<code>') || !operation.path.startsWith('/') ? `${shown} (in the deployed code folder, /var/task)` : shown;
}

export default defineRule<Record<string, never>, 'readOnly'>({
  id: 'state/filesystem',
  category: 'state',
  severity: 'error',
  description: 'Function code writes outside /tmp, which is read-only in Lambda.',
  fullDescription:
    'In AWS Lambda only /tmp is writable: the code folder (/var/task, `__dirname`, the working directory) and every other path are read-only, so a write there fails at run time with EROFS. Paths are judged only when the code states them (literals, `path.join(__dirname, ...)`, `os.tmpdir()`); EFS mounts under /mnt and container services (whose file system is writable) are not reported. Reading a /tmp file as if it outlasted the invocation is state/tmp-persistence.',
  help: "Write scratch files under /tmp and use them within the invocation: `const file = path.join(os.tmpdir(), 'report.csv')`. Keep anything that must outlast the invocation in S3, DynamoDB or EFS.",
  precision: 'high',
  tags: ['correctness', 'serverless'],
  messages: {
    readOnly: '{{operation}} writes {{path}}, outside /tmp: the Lambda file system is read-only there, so {{name}} fails at run time (EROFS). Write under /tmp (os.tmpdir()) or to S3.',
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
    }
  },
});
