import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);

// src/cli/lint-worker.ts
import { parentPort } from "node:worker_threads";
var loading = Promise.all([
  import("./parallel-WGQH7EPI.js"),
  import("./files-OF6RRGJ7.js"),
  import("./rules-LJZR3JVP.js"),
  // Every worker parses code: load TypeScript now, while the main thread is still finding the manifests.
  import("./typescript-ORH6F3TG.js").then((typescript) => typescript.loadTypeScriptNow())
]);
loading.catch(() => void 0);
parentPort?.once("message", (task) => {
  void run(task);
});
async function run(task) {
  const counters = new Int32Array(task.shared);
  let reply;
  try {
    const [{ runUnits, workerRules }, { ProjectFiles }, { BUILTIN_RULES }] = await loading;
    const next = () => {
      const index = Atomics.add(counters, 0, 1);
      return index < task.candidates.length ? index : -1;
    };
    const results = runUnits(next, task.candidates, task.base, new ProjectFiles(task.base.root), workerRules(BUILTIN_RULES, task.base), () => Atomics.add(counters, 2, 1));
    reply = { ok: true, results };
  } catch (error) {
    reply = { ok: false, error: error.stack ?? String(error) };
  }
  task.port.postMessage(reply);
  Atomics.add(counters, 1, 1);
  Atomics.notify(counters, 1);
  task.port.close();
}
