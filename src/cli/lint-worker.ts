// A worker thread of a parallel run (an entry point beside main.ts): loads the linter and the built-in rules, waits
// for its task, takes candidates from the shared counter, lints each, posts the results once and signals.
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from '../engine/parallel.js';

// Loading starts at once (a worker may be started before the main thread knows the run needs it); imported
// dynamically so a failure to load is answered like any other instead of leaving the main thread waiting.
const loading = Promise.all([
  import('../engine/parallel.js'),
  import('../load/files.js'),
  import('../../rules/index.js'),
  // Every worker parses code: load TypeScript now, while the main thread is still finding the manifests.
  import('../analyse/typescript.js').then((typescript) => typescript.loadTypeScriptNow()),
]);
loading.catch(() => undefined);

parentPort?.once('message', (task: WorkerTask) => {
  void run(task);
});

async function run(task: WorkerTask): Promise<void> {
  // Slot numbers as in parallel.ts (NEXT, POSTED, DONE).
  const counters = new Int32Array(task.shared);
  let reply: WorkerReply;
  try {
    const [{ runUnits, workerRules }, { ProjectFiles }, { BUILTIN_RULES }] = await loading;
    const next = (): number => {
      const index = Atomics.add(counters, 0, 1);
      return index < task.candidates.length ? index : -1;
    };
    const results = runUnits(next, task.candidates, task.base, new ProjectFiles(task.base.root), workerRules(BUILTIN_RULES, task.base), () => Atomics.add(counters, 2, 1));
    reply = { ok: true, results };
  } catch (error) {
    reply = { ok: false, error: (error as Error).stack ?? String(error) };
  }
  task.port.postMessage(reply);
  // The main thread is blocked in Atomics.wait, not in its event loop: wake it.
  Atomics.add(counters, 1, 1);
  Atomics.notify(counters, 1);
  task.port.close();
}
