// Reads nested resource properties with three outcomes (missing, unknown, a value), so rules judge
// only what is written literally and leave intrinsics and unresolved values alone.
import type { Location } from './location.js';
import { locationOfKey } from './positions.js';
import { isIntrinsic, isUnresolved } from './values.js';

export type PropertyRead =
  | { kind: 'missing' }
  /** An intrinsic (`!Ref Param`, `!If`) or an Unresolved value on the way or at the end. */
  | { kind: 'unknown'; value: unknown }
  | { kind: 'value'; value: unknown };

export type Flag = 'on' | 'off' | 'unknown';

function isUnknowable(value: unknown): boolean {
  return isUnresolved(value) || isIntrinsic(value);
}

/** `readProperty(props, 'EncryptionAtRestOptions.Enabled')`; a path may also be an array of keys and indexes. */
export function readProperty(root: unknown, path: string | readonly (string | number)[]): PropertyRead {
  const segments = typeof path === 'string' ? path.split('.') : path;
  let current: unknown = root;
  for (const segment of segments) {
    if (isUnknowable(current)) return { kind: 'unknown', value: current };
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return { kind: 'missing' };
    current = (current as Record<string | number, unknown>)[segment];
  }
  if (isUnknowable(current)) return { kind: 'unknown', value: current };
  if (current === undefined || current === null) return { kind: 'missing' };
  return { kind: 'value', value: current };
}

/** A CloudFormation boolean: `true`/`"true"` is on, absent or `false`/`"false"` is off, anything else unknown. */
export function readFlag(root: unknown, path: string | readonly (string | number)[]): Flag {
  const read = readProperty(root, path);
  if (read.kind === 'missing') return 'off';
  if (read.kind === 'unknown') return 'unknown';
  const value = typeof read.value === 'string' ? read.value.trim().toLowerCase() : read.value;
  if (value === true || value === 'true') return 'on';
  if (value === false || value === 'false') return 'off';
  return 'unknown';
}

/** True when the property is written with a non-empty value (a key id, an intrinsic, an object). */
export function hasProperty(root: unknown, path: string | readonly (string | number)[]): boolean {
  const read = readProperty(root, path);
  if (read.kind === 'unknown') return true;
  return read.kind === 'value' && read.value !== '';
}

/** Where the last key of `path` is written, when every step is a plain object. */
export function locationOfProperty(root: unknown, path: string | readonly (string | number)[]): Location | undefined {
  const segments = typeof path === 'string' ? path.split('.') : path;
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return undefined;
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  const last = segments[segments.length - 1];
  return last === undefined ? undefined : locationOfKey(parent, last);
}
