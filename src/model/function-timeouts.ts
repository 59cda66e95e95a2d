// Function timeouts as written, grouped by the line that sets them (provider.timeout, Globals, the function), so
// a timeout shared by many functions is one finding at that line.
import type { Location } from './location.js';
import type { FunctionModel } from './project.js';
import { quote } from '../util/quote.js';

/** Lambda's hard limit on a function's timeout, in seconds. */
export const LAMBDA_MAX_TIMEOUT = 900;

export type TimeoutGroup = { location: Location; timeout: number; functions: FunctionModel[] };

/** Seconds (or MB) as written: a number or a numeric string (CloudFormation accepts both); anything else is not judged. */
export function numberAsWritten(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function sameLocation(a: Location, b: Location): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/** Functions sharing one written timeout (provider.timeout, Globals) become one group at that line. */
export function groupByTimeout(functions: FunctionModel[]): TimeoutGroup[] {
  const groups: TimeoutGroup[] = [];
  for (const fn of functions) {
    const located = fn.timeout;
    const timeout = numberAsWritten(located?.value);
    if (!located || timeout === undefined) continue;
    const group = groups.find((g) => g.timeout === timeout && sameLocation(g.location, located.location));
    if (group) group.functions.push(fn);
    else groups.push({ location: located.location, timeout, functions: [fn] });
  }
  return groups;
}

/** Where and under which key a finding about a timeout group goes; a shared timeout lists its functions as related. */
export function describeTimeoutGroup(group: TimeoutGroup, what: string) {
  const single = group.functions.length === 1 ? group.functions[0] : undefined;
  return {
    at: group.location,
    key: `${group.functions[0]?.service.id}|${what}|${single ? single.name : 'shared'}`,
    related: single ? [] : group.functions.map((f) => ({ location: f.location, message: `${quote(f.name)} uses this timeout` })),
    ...(single ? { function: single.name } : {}),
  };
}
