// Output formats by name: each a pure function from a run's result to the text to print.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './reporter.js';
export type { Reporter, ReporterOptions } from './reporter.js';

export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'sarif', 'github'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export const DEFAULT_FORMAT: FormatName = 'stylish';

export const REPORTERS: Readonly<Record<FormatName, Reporter>> = { stylish, compact, json, sarif, github };

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
