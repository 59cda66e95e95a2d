// What a Python expression stands for, as far as the analysis follows it: boto3 clients and resources, local
// functions, classes and modules, names imported from outside packages, and constants (StaticValue).
import type { Location } from '../../model/location.js';
import type { StaticValue } from '../types.js';
import type { PyModule, PyNode } from './syntax.js';

export type PyValue =
  /** A name from a package outside the project (`os.environ`, `boto3.client`, `psycopg2.connect`), as a dotted path. */
  | { kind: 'external'; path: string[] }
  /** `boto3.session.Session(...)`: makes clients like boto3 does; `perRequest` when built from per-request credentials. */
  | { kind: 'session'; perRequest: boolean }
  | { kind: 'client'; service: string; prefix: string }
  | { kind: 'resource'; service: string; prefix: string }
  /** A resource object (`Table(name)`, `Bucket(name).Object(key)`), its identifiers as request parameters. */
  | { kind: 'resource-object'; service: string; prefix: string; type: string; ids: Record<string, StaticValue> }
  /** `bucket.objects` (`.all()`, `.filter(Prefix=...)`). */
  | { kind: 'collection'; service: string; prefix: string; type: string; name: string; ids: Record<string, StaticValue>; filters: Record<string, StaticValue> }
  | { kind: 'batch-writer'; prefix: string; table: StaticValue }
  | { kind: 'paginator' | 'waiter'; prefix: string; operation: string }
  /** Powertools parameter providers and the idempotency persistence layer. */
  | { kind: 'provider'; operation: string; service: string; input: StaticValue; multiple?: string }
  | { kind: 'persistence'; table: StaticValue }
  | { kind: 'thread' }
  | { kind: 'function'; module: PyModule; node: PyNode; self?: PyValue }
  | { kind: 'class'; module: PyModule; node: PyNode }
  /** An object of a local class; `init` and `args`: its `__init__` and the arguments it was constructed with. */
  | { kind: 'instance'; module: PyModule; node: PyNode; init?: PyNode; args?: Map<string, { node: PyNode; frame: unknown }> }
  | { kind: 'module'; module: PyModule }
  | { kind: 'static'; value: StaticValue }
  | { kind: 'unknown'; reason: string };

export const UNKNOWN: PyValue = { kind: 'unknown', reason: 'computed at run time' };

export function unknownValue(reason: string): PyValue {
  return { kind: 'unknown', reason };
}

export function staticOf(value: PyValue): StaticValue {
  if (value.kind === 'static') return value.value;
  return { kind: 'unknown', reason: value.kind === 'unknown' ? value.reason : 'not a constant' };
}

export function externalPath(value: PyValue): string | undefined {
  return value.kind === 'external' ? value.path.join('.') : undefined;
}

/** One step from the handler down to a call: where the calling code calls the next function. */
export type Via = Location[];
