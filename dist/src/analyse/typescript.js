// TypeScript's parser, loaded with require(): an ESM import of its 9 MB CommonJS file makes Node scan the whole
// file for ESM syntax and for export names first, which doubles its load time (about 0.5 s per process).
import { createRequire } from 'node:module';
const ts = createRequire(import.meta.url)('typescript');
export default ts;
