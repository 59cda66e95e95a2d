// Reads the table of libraries that reach AWS for the code (src/data/aws-libraries.ts): builds the operations a call
// to one of them performs, from its arguments and from the state its objects kept, or says why it cannot.
import ts from './typescript.js';
import { LIBRARY_OBJECTS, SIGNED_SERVICES, type LibraryBehaviour, type LibraryOperation, type LibraryValue } from '../data/aws-libraries.js';
import type { StaticEvaluator } from './evaluate.js';
import { propertyNameText, skipWrappers, type ReferenceResolver } from './references.js';
import { findDeclaration } from './scope.js';
import type { StaticValue } from './types.js';

export { libraryExport } from '../data/aws-libraries.js';

/** An object a library made (a dynamoose model, a QLDB driver, a keyring): its kind and the call that made it. */
export interface LibraryObjectRef {
  object: string;
  creation: ts.CallExpression | ts.NewExpression;
}

/** One operation to record: the request as a node (evaluated per call site) or as a value. */
export interface LibraryOperationCall {
  service: string;
  operation: string;
  /**
   * `library`: the request is the library's own argument, read through the `libraries` section of sdk-operations.json
   * (`getParameter(name)`); `client-library`: the request is built in the API's own shape (`{ TableName }`).
   */
  style: 'library' | 'client-library';
  inputNode?: ts.Expression;
  input?: StaticValue;
}

export type LibraryOutcome = { calls: LibraryOperationCall[] } | { unfollowed: string };

interface Situation {
  call: ts.CallExpression | ts.NewExpression;
  /** The object whose method is called. */
  receiver?: LibraryObjectRef;
  /** The library object passed as an argument (a keyring), by argument index. */
  argumentObjects?: Map<number, LibraryObjectRef>;
}

/** A value read from the code: its node when it is written there, and its static value. */
interface Read {
  node?: ts.Expression;
  value: StaticValue;
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What a library call does: the operations it performs, or why the derivation cannot follow it. */
export function libraryOperations(
  behaviour: LibraryBehaviour,
  situation: Situation,
  references: ReferenceResolver,
  evaluator: StaticEvaluator,
): LibraryOutcome {
  const reader = new ValueReader(references, evaluator);
  const { call } = situation;
  if (situation.receiver) {
    const decided = reader.condition(situation.receiver);
    if (decided === 'no') return { calls: [] };
    if (typeof decided === 'object') return decided;
  }
  let argumentObjects = situation.argumentObjects;
  if (behaviour.objectArgument) {
    const { index, kinds } = behaviour.objectArgument;
    const arg = call.arguments?.[index];
    const reference = arg ? references.resolve(arg) : undefined;
    if (reference?.kind !== 'library-object' || !kinds.includes(reference.object)) {
      return { unfollowed: `${shortText(call)} uses ${arg ? shortText(arg) : 'no argument'}, which noops-lint cannot trace to the ${kinds.map((k) => LIBRARY_OBJECTS[k]?.name ?? k).join(' or ')} it needs` };
    }
    argumentObjects = new Map([[index, { object: reference.object, creation: reference.creation }]]);
  }
  const context: Situation = { ...situation, ...(argumentObjects ? { argumentObjects } : {}) };
  const calls: LibraryOperationCall[] = [];
  for (const operation of behaviour.operations ?? []) calls.push(...reader.operationCalls(operation, context));
  if (behaviour.signs) {
    const request = behaviour.signs.request ? reader.read(behaviour.signs.request, context) : undefined;
    const service = behaviour.signs.service ? reader.read(behaviour.signs.service, context) : undefined;
    const signed = signedRequestCall(request?.value, service?.value);
    if ('unfollowed' in signed) return { unfollowed: `${shortText(call)}: ${signed.unfollowed}` };
    calls.push(signed);
  }
  return { calls };
}

class ValueReader {
  constructor(
    private readonly references: ReferenceResolver,
    private readonly evaluator: StaticEvaluator,
  ) {}

  /** Whether the object calls AWS with the function's role (AppSync with IAM auth): yes, no, or not known. */
  condition(object: LibraryObjectRef): 'yes' | 'no' | { unfollowed: string } {
    const when = LIBRARY_OBJECTS[object.object]?.when;
    if (!when) return 'yes';
    const read = this.read(when.value, { call: object.creation });
    const text = read ? this.symbol(read) : undefined;
    if (text !== undefined) return when.equals.includes(text) ? 'yes' : 'no';
    const name = LIBRARY_OBJECTS[object.object]!.name;
    return { unfollowed: `${when.what} of the ${name} created by ${shortText(object.creation)} is not known statically, so noops-lint cannot tell whether it calls AWS with the function's role` };
  }

  /** A string value, or an enum member written as `AUTH_TYPE.AWS_IAM` (its name). */
  private symbol(read: Read): string | undefined {
    if (read.value.kind === 'string') return read.value.value;
    if (!read.node) return undefined;
    const reference = this.references.resolve(read.node);
    if (reference.kind === 'package' && reference.path.length > 0) return reference.path[reference.path.length - 1];
    return undefined;
  }

  operationCalls(operation: LibraryOperation, situation: Situation): LibraryOperationCall[] {
    if (operation.unlessAllFalse && operation.unlessAllFalse.every((source) => {
      const read = this.read(source, situation);
      return read?.value.kind === 'boolean' && !read.value.value;
    })) return [];
    const spec = operation.input;
    const base = { service: operation.service, operation: operation.operation, style: 'library' as const };
    if (spec === undefined) return [{ ...base, input: { kind: 'unknown', reason: 'the library builds the request' } }];
    if (!('fields' in spec)) {
      const read = this.read(spec, situation);
      if (!read) return [{ ...base, input: { kind: 'unknown', reason: 'no request parameters' } }];
      // An argument written in the call is evaluated again at each call site of a helper that passes its parameters on.
      return [read.node && 'arg' in spec && !spec.path?.length ? { ...base, inputNode: read.node } : { ...base, input: read.value }];
    }
    const properties: Record<string, StaticValue> = {};
    for (const [field, source] of Object.entries(spec.fields)) {
      const read = this.read(source, situation);
      // A value the code does not give (no generator key): the library does not make this request.
      if (!read) return [];
      properties[field] = read.value;
    }
    const each = operation.each;
    const items = each === undefined ? undefined : properties[each];
    const shaped = { ...base, style: 'client-library' as const };
    if (each === undefined || items?.kind !== 'array') return [{ ...shaped, input: { kind: 'object', properties } }];
    return items.items.map((item) => ({ ...shaped, input: { kind: 'object', properties: { ...properties, [each]: item } } }));
  }

  /** Reads a value the table names; undefined when the code does not give it. */
  read(source: LibraryValue, situation: Situation): Read | undefined {
    if ('literal' in source) return { value: { kind: 'string', value: source.literal } };
    if ('unknown' in source) return { value: { kind: 'unknown', reason: source.unknown } };
    if ('state' in source) {
      const object = source.of === undefined ? situation.receiver : situation.argumentObjects?.get(source.of);
      const kept = object ? LIBRARY_OBJECTS[object.object]?.state[source.state] : undefined;
      return object && kept ? this.read(kept, { call: object.creation }) : undefined;
    }
    const arg = situation.call.arguments?.[source.arg];
    if (!arg || ts.isSpreadElement(arg)) return undefined;
    let node: ts.Expression = arg;
    const path = source.path ?? [];
    for (const [index, part] of path.entries()) {
      const literal = objectLiteral(node);
      if (!literal) return this.readValue(this.evaluator.evaluateInput(node), path.slice(index));
      const property = findProperty(literal, part);
      if (property === 'spread') return this.readValue(this.evaluator.evaluateInput(node), path.slice(index));
      if (!property) return undefined;
      node = property;
    }
    return { node, value: this.evaluator.evaluateInput(node) };
  }

  private readValue(value: StaticValue, path: string[]): Read | undefined {
    let current = value;
    for (const part of path) {
      if (current.kind === 'object') {
        const next = current.properties[part];
        if (!next) return undefined;
        current = next;
      } else if (current.kind === 'unknown') return { value: current };
      else return { value: { kind: 'unknown', reason: `no \`${part}\` in a value not known statically` } };
    }
    return { value: current };
  }
}

/** The object literal an expression is, directly or through a constant. */
function objectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let node = skipWrappers(expression);
  for (let i = 0; i < 5 && ts.isIdentifier(node); i++) {
    const declaration = findDeclaration(node);
    if (declaration?.kind !== 'variable' || declaration.path.length > 0 || !declaration.node.initializer) return undefined;
    node = skipWrappers(declaration.node.initializer);
  }
  return ts.isObjectLiteralExpression(node) ? node : undefined;
}

/** A property's value in an object literal; `spread` when a spread may hold it; undefined when it is absent. */
function findProperty(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | 'spread' | undefined {
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const property = literal.properties[i]!;
    if (ts.isSpreadAssignment(property)) return 'spread';
    if (!property.name || propertyNameText(property.name) !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    return 'spread';
  }
  return undefined;
}

const EXECUTE_API_HOST = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
const HOST_SERVICES: Array<[RegExp, string]> = [
  [EXECUTE_API_HOST, 'execute-api'],
  [/\.appsync-api\.[a-z0-9-]+\.amazonaws\.com$/, 'appsync'],
  [/\.lambda-url\.[a-z0-9-]+\.on\.aws$/, 'lambda'],
];

function text(value: StaticValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

function property(value: StaticValue | undefined, ...names: string[]): StaticValue | undefined {
  if (value?.kind !== 'object') return undefined;
  for (const name of names) if (value.properties[name]) return value.properties[name];
  return undefined;
}

/**
 * The action a SigV4-signed request needs: the signing service from the signer, the request or its host; for API
 * Gateway, `execute-api:Invoke` on the route the host, method and path name.
 */
function signedRequestCall(request: StaticValue | undefined, signer: StaticValue | undefined): LibraryOperationCall | { unfollowed: string } {
  const host = property(request, 'host', 'hostname');
  const hostText = text(host)?.toLowerCase();
  let service = text(signer) ?? text(property(request, 'service'));
  if (service === undefined && signer === undefined && property(request, 'service') === undefined && hostText !== undefined) {
    service = HOST_SERVICES.find(([pattern]) => pattern.test(hostText))?.[1];
  }
  if (service === undefined) return { unfollowed: 'the AWS service this request is signed for is not known statically' };
  const mapped = SIGNED_SERVICES[service];
  if (!mapped) return { unfollowed: `requests signed for the service "${service}" are authorized by actions noops-lint does not derive` };
  const style = 'client-library' as const;
  if (mapped.service !== 'execute-api') return { ...mapped, style, input: { kind: 'object', properties: {} } };
  return { ...mapped, style, input: { kind: 'object', properties: executeApiRoute(request, hostText) } };
}

/** `ApiPath` (`abc123/prod/GET/orders/*`) and `Region` of an API Gateway request, as far as they are known. */
function executeApiRoute(request: StaticValue | undefined, host: string | undefined): Record<string, StaticValue> {
  const match = host === undefined ? null : EXECUTE_API_HOST.exec(host);
  if (!match) {
    const reason = host === undefined ? 'the host of the signed request is not known statically' : `${host} is not an execute-api host (a custom domain names no API id)`;
    return { ApiPath: { kind: 'unknown', reason } };
  }
  const methodValue = property(request, 'method');
  // aws4 and SignatureV4 sign GET when no method is given.
  const method = methodValue === undefined ? 'GET' : text(methodValue)?.toUpperCase() ?? '*';
  const pathValue = property(request, 'path');
  let path: string;
  if (pathValue === undefined) path = '/';
  else if (pathValue.kind === 'string') path = pathValue.value;
  else if (pathValue.kind === 'partial') path = `${pathValue.prefix}*`;
  else path = '/*';
  path = path.split('?')[0]!.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  // The first path segment is the stage; a path that ends early covers every route below it.
  const stage = slash < 0 ? (path === '' ? '*' : path) : path.slice(0, slash);
  const route = slash < 0 ? '*' : path.slice(slash + 1) || '*';
  const wildStage = stage.includes('*') ? '*' : stage;
  const apiPath = wildStage === '*' ? `${match[1]}/*` : `${match[1]}/${wildStage}/${method}/${route}`;
  return { ApiPath: { kind: 'string', value: apiPath }, Region: { kind: 'string', value: match[2]! } };
}
