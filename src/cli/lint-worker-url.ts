// Where the worker threads' entry point is: lint-worker.js beside the bundled CLI (dist/cli/). It runs the same
// built-in rules as this thread. Not found beside the .ts sources (tests) or in the bundled Action: those runs
// stay on one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function lintWorkerUrl(): URL | undefined {
  const url = new URL('./lint-worker.js', import.meta.url);
  try {
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}
