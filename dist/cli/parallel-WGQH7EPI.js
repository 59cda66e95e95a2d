import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  DONE,
  NEXT,
  POSTED,
  cacheKey,
  largestFirst,
  memo,
  mergeUnits,
  runUnits,
  runUnitsInParallel,
  threadRules,
  unitOf,
  workerRules
} from "./chunk-DXPKTG2C.js";
import "./chunk-SBBB3TLU.js";
import "./chunk-CSWVGHWE.js";
import "./chunk-WM5C6TTT.js";
import "./chunk-2BAT7BNC.js";
import "./chunk-B4MLV3L6.js";
export {
  DONE,
  NEXT,
  POSTED,
  cacheKey,
  largestFirst,
  memo,
  mergeUnits,
  runUnits,
  runUnitsInParallel,
  threadRules,
  unitOf,
  workerRules
};
