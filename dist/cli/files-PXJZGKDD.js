import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  FILE_LIMITS,
  GIT_REFUSAL,
  ProjectFiles,
  isGitPath
} from "./chunk-IJLPIVX7.js";
import "./chunk-B4MLV3L6.js";
export {
  FILE_LIMITS,
  GIT_REFUSAL,
  ProjectFiles,
  isGitPath
};
