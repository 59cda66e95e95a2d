import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);

// src/analyse/typescript.ts
import { isAscii } from "node:buffer";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
var ts = void 0;
function loadTypeScriptNow() {
  if (ts === void 0) ts = loadTypeScript();
  return ts;
}
function loadTypeScript() {
  const require2 = createRequire(import.meta.url);
  try {
    const file = require2.resolve("typescript");
    const bytes = readFileSync(file);
    if (!isAscii(bytes)) return require2("typescript");
    const wrapper = vm.compileFunction(bytes.toString("latin1"), ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
    const module = { exports: {} };
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    const loaded = module.exports;
    return typeof loaded.createSourceFile === "function" ? loaded : require2("typescript");
  } catch {
    return require2("typescript");
  }
}

export {
  ts,
  loadTypeScriptNow
};
