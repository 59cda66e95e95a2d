// The one reader of IAM policy documents: a role's inline policy, an AWS::IAM::Policy, a bucket or
// queue policy, a Serverless `iamRoleStatements` list. Each statement keeps the place it was written.
// What cannot be read statically (an intrinsic statement, an unresolved Effect) makes the reading
// incomplete: the grants are then not all known, and no rule may judge what is missing.
import type { Location } from './location.js';
import { locationOf, locationOfKey, locationOfValue } from './positions.js';
import type { Located, PolicyStatement, StatementOrigin } from './project.js';
import { hasDynamicReference, isIntrinsic, isUnresolved, withoutDynamicReference } from './values.js';
import { quote } from '../util/quote.js';

/** A shape error in a policy the user wrote (the loader reports it as `input/invalid-manifest`). */
export interface PolicyProblem {
  message: string;
  location: Location;
}

export interface PolicyReading {
  statements: PolicyStatement[];
  /** Some part could not be read (an intrinsic, an unresolved value, a broken statement): the grants are not all known. */
  incomplete: boolean;
  problems: PolicyProblem[];
}

const INLINE: StatementOrigin = { kind: 'inline' };

/**
 * A policy document (`{ Version, Statement }`). `Statement` may be a list or one statement; a JSON
 * string (as `PolicyDocument` is sometimes written) is parsed. `path` names the document
 * (`Resources.Role.Properties.Policies[0].PolicyDocument`); statements get `${path}.Statement[i]`.
 */
export function readPolicyDocument(document: unknown, path: string, location: Location, origin: StatementOrigin = INLINE): PolicyReading {
  const reading: PolicyReading = { statements: [], incomplete: false, problems: [] };
  if (typeof document === 'string') {
    try {
      document = JSON.parse(document) as unknown;
    } catch {
      reading.incomplete = true;
      reading.problems.push({ message: `The policy document at ${quote(path)} is a string that is not JSON.`, location });
      return reading;
    }
  }
  if (isIntrinsic(document) || isUnresolved(document)) {
    reading.incomplete = true; // `PolicyDocument: !If [...]`: the grants depend on the deployment
    return reading;
  }
  if (!isMapping(document)) {
    reading.incomplete = true;
    reading.problems.push({ message: `The policy document at ${quote(path)} must be a mapping with a Statement list.`, location });
    return reading;
  }
  if (!Object.hasOwn(document, 'Statement')) {
    reading.incomplete = true;
    reading.problems.push({ message: `The policy document at ${quote(path)} has no Statement list.`, location });
    return reading;
  }
  const statements = document.Statement;
  if (isMapping(statements) && !isIntrinsic(statements)) {
    addStatement(reading, statements, `${path}.Statement`, locationOfValue(document, 'Statement') ?? location, origin);
    return reading;
  }
  readListInto(reading, document, 'Statement', `${path}.Statement`, locationOfKey(document, 'Statement') ?? location, origin);
  return reading;
}

/** A list of statements under `parent[key]` (Serverless `iamRoleStatements`, `provider.iam.role.statements`). */
export function readStatementList(parent: Record<string, unknown>, key: string, path: string, location: Location, origin: StatementOrigin = INLINE): PolicyReading {
  const reading: PolicyReading = { statements: [], incomplete: false, problems: [] };
  readListInto(reading, parent, key, path, locationOfKey(parent, key) ?? location, origin);
  return reading;
}

function readListInto(reading: PolicyReading, parent: Record<string, unknown>, key: string, path: string, location: Location, origin: StatementOrigin): void {
  const list = parent[key];
  if (list === undefined || list === null) return;
  if (isUnresolved(list) || isIntrinsic(list)) {
    reading.incomplete = true;
    return;
  }
  if (!Array.isArray(list)) {
    reading.incomplete = true;
    reading.problems.push({ message: `${quote(path)} must be a list of statements (Effect, Action, Resource).`, location });
    return;
  }
  list.forEach((statement, index) => addStatement(reading, statement, `${path}[${index}]`, locationOfValue(list, index) ?? location, origin));
}

function addStatement(reading: PolicyReading, statement: unknown, path: string, location: Location, origin: StatementOrigin): void {
  const result = readStatement(statement, path, location, origin);
  if (result.statement) reading.statements.push(result.statement);
  else reading.incomplete = true; // an `!If` statement or a broken one: what is granted is not certain
  if (result.problem) reading.problems.push(result.problem);
}

/** One statement; undefined (with a problem when the user wrote something wrong) when it cannot be judged. */
export function readStatement(statement: unknown, path: string, location: Location, origin: StatementOrigin = INLINE): { statement?: PolicyStatement; problem?: PolicyProblem } {
  if (isUnresolved(statement) || isIntrinsic(statement)) return {};
  if (!isMapping(statement)) return { problem: { message: `The policy statement ${quote(path)} must be a mapping (Effect, Action, Resource).`, location } };
  const effect = statement.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    // An unreadable Effect could be either; judging the statement would be a guess.
    if (isUnresolved(effect) || isIntrinsic(effect)) return {};
    return { problem: { message: `The policy statement ${quote(path)} needs Effect: Allow or Deny; it is ignored.`, location: locationOfValue(statement, 'Effect') ?? location } };
  }
  const result: PolicyStatement = {
    path,
    effect,
    actions: locatedList(statement, 'Action', location),
    notActions: locatedList(statement, 'NotAction', location),
    resources: unknownDynamicReferences(locatedList(statement, 'Resource', location)),
    notResources: unknownDynamicReferences(locatedList(statement, 'NotResource', location)),
    location: locationOf(statement) ?? location,
    origin,
  };
  const actionKey = locationOfKey(statement, Object.hasOwn(statement, 'Action') ? 'Action' : 'NotAction');
  if (actionKey) result.actionKeyLocation = actionKey;
  if (typeof statement.Sid === 'string') result.sid = statement.Sid;
  if (statement.Principal !== undefined) result.principal = statement.Principal;
  if (statement.Condition !== undefined) result.condition = statement.Condition;
  return { statement: result };
}

/** A resource naming a `{{resolve:...}}` dynamic reference is known only when the stack is deployed: unresolved here. */
function unknownDynamicReferences(list: Located[]): Located[] {
  return list.map((item) => (hasDynamicReference(item.value) ? { value: withoutDynamicReference(item.value), location: item.location } : item));
}

/** `Action: x` or `Action: [x, y]`: each value located on its own line. */
function locatedList(parent: Record<string, unknown>, key: string, fallback: Location): Located[] {
  if (!Object.hasOwn(parent, key)) return [];
  const value = parent[key];
  const whole = locationOfValue(parent, key) ?? fallback;
  if (!Array.isArray(value)) return [{ value, location: whole }];
  return value.map((item, index) => ({ value: item, location: locationOfValue(value, index) ?? whole }));
}

/** A statement of bundled data (a managed policy, a platform grant), located where the user caused it. */
export function statementFromData(statement: Record<string, unknown>, path: string, location: Location, origin: StatementOrigin): PolicyStatement {
  const list = (key: string): Located[] => {
    const value = statement[key];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => ({ value: item, location }));
  };
  const result: PolicyStatement = {
    path,
    effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: list('Action'),
    notActions: list('NotAction'),
    resources: list('Resource'),
    notResources: list('NotResource'),
    location,
    origin,
  };
  if (typeof statement.Sid === 'string') result.sid = statement.Sid;
  // `iam:PassedToService` and the like narrow a managed policy's `*`; the rules must see them.
  if (statement.Condition !== undefined) result.condition = statement.Condition;
  return result;
}

/** A statement a framework adds on the user's behalf (log groups, event-source polling), once per cause. */
export function platformStatement(path: string, actions: readonly string[], resources: readonly unknown[], location: Location, reason: string, resourceLocation = location): PolicyStatement {
  return {
    path,
    effect: 'Allow',
    actions: actions.map((value) => ({ value, location })),
    notActions: [],
    resources: resources.map((value) => ({ value, location: resourceLocation })),
    notResources: [],
    location,
    origin: { kind: 'platform', reason },
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value);
}
