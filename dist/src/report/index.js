import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'sarif', 'github'];
export const DEFAULT_FORMAT = 'stylish';
export const REPORTERS = { stylish, compact, json, sarif, github };
export function isFormatName(name) {
    return FORMAT_NAMES.includes(name);
}
export function getReporter(name) {
    return REPORTERS[name];
}
