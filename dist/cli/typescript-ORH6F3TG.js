import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  loadTypeScriptNow,
  ts
} from "./chunk-2BAT7BNC.js";
import "./chunk-B4MLV3L6.js";
export {
  ts as default,
  loadTypeScriptNow
};
