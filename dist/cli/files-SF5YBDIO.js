import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  FILE_LIMITS,
  ProjectFiles
} from "./chunk-7SO3JMRY.js";
import "./chunk-B4MLV3L6.js";
export {
  FILE_LIMITS,
  ProjectFiles
};
