import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);

// src/engine/worker-pool.ts
import os from "node:os";
import { Worker } from "node:worker_threads";
function resolveConcurrency(value) {
  if (value === "off") return 1;
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (value === void 0 || value === "auto") return Math.min(cores, 4);
  return Math.max(1, Math.min(Math.floor(value), cores));
}
var idle = /* @__PURE__ */ new Map();
function spawn(url) {
  const worker = new Worker(url, { stdout: false, stderr: false });
  worker.unref();
  worker.on("error", () => void 0);
  return worker;
}
function prewarmWorkers(count, url) {
  if (!url || count <= 0) return;
  const list = idle.get(url.href) ?? [];
  try {
    while (list.length < count) list.push(spawn(url));
  } catch {
  }
  idle.set(url.href, list);
}
function takeWorker(url) {
  const list = idle.get(url.href);
  const ready = list?.shift();
  return ready ?? spawn(url);
}
function releaseIdleWorkers() {
  for (const list of idle.values()) for (const worker of list.splice(0)) void worker.terminate();
}

export {
  resolveConcurrency,
  prewarmWorkers,
  takeWorker,
  releaseIdleWorkers
};
