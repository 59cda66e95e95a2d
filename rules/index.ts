// Every built-in rule, listed explicitly and sorted by id (a test keeps this list equal to the files on disk).
import type { AnyRule } from '../src/engine/rule.js';

export const BUILTIN_RULES: AnyRule[] = [];
