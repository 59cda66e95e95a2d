// TypeScript's parser, loaded as CommonJS: an ESM import of its 9 MB file makes Node scan the whole file for ESM
// syntax and export names first, which doubles its load time (about 0.5 s per process, and per worker thread).
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
// Loaded on first use (loadTypeScriptNow, called by the parse cache): `noops-lint rules`, a run answered from the
// cache and a folder with no handler never pay for it. Modules read the live binding `ts` only while analysing code.
let ts = undefined;
/** TypeScript, loading it the first time. */
export function loadTypeScriptNow() {
    if (ts === undefined)
        ts = loadTypeScript();
    return ts;
}
/**
 * require('typescript'), with the file read as bytes: TypeScript's build is ASCII, and decoding ASCII as Latin-1 is
 * exact and takes a quarter of the time Node's UTF-8 file read does (about 0.15 s of each thread's start). Anything
 * unexpected (a non-ASCII build, a resolution or compile failure) falls back to require().
 */
function loadTypeScript() {
    const require = createRequire(import.meta.url);
    try {
        const file = require.resolve('typescript');
        const bytes = readFileSync(file);
        if (!isAscii(bytes))
            return require('typescript');
        const wrapper = vm.compileFunction(bytes.toString('latin1'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
        const module = { exports: {} };
        wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
        const loaded = module.exports;
        return typeof loaded.createSourceFile === 'function' ? loaded : require('typescript');
    }
    catch {
        return require('typescript');
    }
}
export { ts as default };
