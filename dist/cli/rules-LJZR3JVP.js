import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  BUILTIN_RULES
} from "./chunk-IJTQBI4L.js";
import "./chunk-CSWVGHWE.js";
import "./chunk-WM5C6TTT.js";
import "./chunk-2BAT7BNC.js";
import "./chunk-B4MLV3L6.js";
export {
  BUILTIN_RULES
};
