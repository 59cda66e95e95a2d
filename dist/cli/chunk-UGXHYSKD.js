import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);

// src/util/package-root.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var root;
function packageRoot() {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) || !existsSync(path.join(dir, "schemas"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("noops-lint: cannot find its own package folder");
    dir = parent;
  }
  root = dir;
  return dir;
}
function readPackageFile(relative) {
  return readFileSync(path.join(packageRoot(), relative), "utf8");
}
function readPackageJson(relative) {
  return JSON.parse(readPackageFile(relative));
}
function toolVersion() {
  return readPackageJson("package.json").version;
}

// src/engine/worker-pool.ts
import { existsSync as existsSync2 } from "node:fs";
import os from "node:os";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { Worker } from "node:worker_threads";
function resolveConcurrency(value) {
  if (value === "off") return 1;
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (value === void 0 || value === "auto") return Math.min(cores, 4);
  return Math.max(1, Math.min(Math.floor(value), cores));
}
var idle = /* @__PURE__ */ new Map();
function defaultWorkerUrl() {
  const url = new URL("./lint-worker.js", import.meta.url);
  try {
    return url.protocol === "file:" && existsSync2(fileURLToPath2(url)) ? url : void 0;
  } catch {
    return void 0;
  }
}
function spawn(url) {
  const worker = new Worker(url, { stdout: false, stderr: false });
  worker.unref();
  worker.on("error", () => void 0);
  return worker;
}
function prewarmWorkers(count, url = defaultWorkerUrl()) {
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
  packageRoot,
  readPackageFile,
  readPackageJson,
  toolVersion,
  resolveConcurrency,
  defaultWorkerUrl,
  prewarmWorkers,
  takeWorker,
  releaseIdleWorkers
};
