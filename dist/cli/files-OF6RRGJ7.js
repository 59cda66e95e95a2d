import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  FILE_LIMITS,
  GIT_REFUSAL,
  ProjectFiles,
  isGitPath
} from "./chunk-6WSBI5QC.js";
import "./chunk-B4MLV3L6.js";
export {
  FILE_LIMITS,
  GIT_REFUSAL,
  ProjectFiles,
  isGitPath
};
