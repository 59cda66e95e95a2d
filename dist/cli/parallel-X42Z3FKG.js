import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  DONE,
  NEXT,
  POSTED,
  lintProject,
  mergeUnits,
  runUnits
} from "./chunk-7F7LQTKS.js";
import {
  resolveConcurrency
} from "./chunk-TGFTLQIM.js";
import "./chunk-2BAT7BNC.js";
import "./chunk-7SO3JMRY.js";
import "./chunk-B4MLV3L6.js";
export {
  DONE,
  NEXT,
  POSTED,
  lintProject,
  mergeUnits,
  resolveConcurrency,
  runUnits
};
