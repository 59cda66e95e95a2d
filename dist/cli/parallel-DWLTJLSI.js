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
  ruleSet,
  runUnits,
  runUnitsInParallel,
  unitOf
} from "./chunk-YQE65W4M.js";
import "./chunk-UGXHYSKD.js";
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
  ruleSet,
  runUnits,
  runUnitsInParallel,
  unitOf
};
