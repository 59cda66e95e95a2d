// Locations of the plain values a manifest loader produces, kept beside them so rules can work
// with ordinary objects and still point at the user's line.
import type { Location } from './location.js';

interface NodePositions {
  self: Location;
  keys: Map<string | number, Location>;
  values: Map<string | number, Location>;
  /** Scalars a variable brought from another file (`${file(common.yml):provider.runtime}`): where they are written there. */
  origins?: Map<string | number, Location>;
}

/**
 * Positions ride on the value itself, under a symbol key that is not enumerable: Object.keys, JSON and
 * for...in never see it. (A WeakMap beside the values costs the garbage collector an ephemeron per value.)
 */
const POSITIONS: unique symbol = Symbol('noops-lint.positions');

function positionsOf(node: object): NodePositions | undefined {
  return Object.hasOwn(node, POSITIONS) ? (node as { [POSITIONS]: NodePositions })[POSITIONS] : undefined;
}

/** Sets the positions once: the first recorded wins. A frozen value keeps none. */
function attach(node: object, entry: NodePositions): void {
  if (Object.hasOwn(node, POSITIONS) || Object.isFrozen(node)) return;
  Object.defineProperty(node, POSITIONS, { value: entry, enumerable: false, writable: true, configurable: true });
}

export function recordPosition(node: object, self: Location): void {
  if (!Object.hasOwn(node, POSITIONS)) attach(node, { self, keys: new Map(), values: new Map() });
}

export function recordMember(parent: object, key: string | number, keyLoc: Location | undefined, valueLoc: Location): void {
  const entry = positionsOf(parent);
  if (!entry) return;
  if (keyLoc) entry.keys.set(key, keyLoc);
  entry.values.set(key, valueLoc);
}

/** The location of an object or array as a whole. */
export function locationOf(node: unknown): Location | undefined {
  return node !== null && typeof node === 'object' ? positionsOf(node)?.self : undefined;
}

/** The location of `parent[key]`'s value (for scalars the only way to find them). */
export function locationOfValue(parent: unknown, key: string | number): Location | undefined {
  if (parent === null || typeof parent !== 'object') return undefined;
  return positionsOf(parent)?.values.get(key);
}

/** The location of the key `key` in the mapping `parent` (where "Action:" is written). */
export function locationOfKey(parent: unknown, key: string | number): Location | undefined {
  if (parent === null || typeof parent !== 'object') return undefined;
  const entry = positionsOf(parent);
  return entry?.keys.get(key) ?? entry?.values.get(key);
}

/** Records that `parent[key]` was written at `origin` in another file and brought here by a variable. */
export function recordOrigin(parent: object, key: string | number, origin: Location): void {
  const entry = positionsOf(parent);
  if (!entry) return;
  (entry.origins ??= new Map()).set(key, origin);
}

/** Where `parent[key]` is written when a variable brought it from another file; undefined when it is written here. */
export function originOfValue(parent: unknown, key: string | number): Location | undefined {
  if (parent === null || typeof parent !== 'object') return undefined;
  return positionsOf(parent)?.origins?.get(key);
}

/** Copies the positions of `from` onto `to`, for values rebuilt by a loader (merged globals, resolved variables). */
export function copyPositions(from: object, to: object): void {
  const entry = positionsOf(from);
  if (entry) attach(to, entry);
}
