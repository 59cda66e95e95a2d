// Worker threads for parallel runs, started early: a worker spends about a second loading TypeScript, the rules
// and the IAM data before it can take a service, so the CLI may start one while it is still loading itself.
import os from 'node:os';
import { Worker } from 'node:worker_threads';

export type Concurrency = number | 'auto' | 'off';

/** The number of threads for a `--concurrency` value: 'auto' is min(cores, 4), 'off' is 1. */
export function resolveConcurrency(value: Concurrency | undefined): number {
  if (value === 'off') return 1;
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (value === undefined || value === 'auto') return Math.min(cores, 4);
  // More threads than cores only cost memory (each loads the linter): --concurrency 100000 once started 100000.
  return Math.max(1, Math.min(Math.floor(value), cores));
}

/** Started and not yet given a task, by worker module. */
const idle = new Map<string, Worker[]>();

function spawn(url: URL): Worker {
  const worker = new Worker(url, { stdout: false, stderr: false });
  // An idle or finished worker must never keep the process alive.
  worker.unref();
  // Errors are answered on the task's port; an 'error' event only tells the same story later.
  worker.on('error', () => undefined);
  return worker;
}

/** Starts `count` workers that load their modules and wait for a task; unused ones are ended by releaseIdleWorkers(). */
export function prewarmWorkers(count: number, url: URL | undefined): void {
  if (!url || count <= 0) return;
  const list = idle.get(url.href) ?? [];
  try {
    while (list.length < count) list.push(spawn(url));
  } catch {
    // No threads to be had: the run goes on in this one.
  }
  idle.set(url.href, list);
}

/** A started worker of this module, or a new one; it waits for one task message (see lint-worker.ts). */
export function takeWorker(url: URL): Worker {
  const list = idle.get(url.href);
  const ready = list?.shift();
  return ready ?? spawn(url);
}

/** Ends the workers started early that no run took. */
export function releaseIdleWorkers(): void {
  for (const list of idle.values()) for (const worker of list.splice(0)) void worker.terminate();
}
