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

export {
  packageRoot,
  readPackageFile,
  readPackageJson,
  toolVersion
};
