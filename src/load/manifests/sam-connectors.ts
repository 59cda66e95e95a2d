// SAM connectors as grants: an `AWS::Serverless::Connector` resource, or the `Connectors:` attribute
// embedded in its source resource, gives the source's role the statements SAM's connector profiles
// list for the source and destination types and the `Permissions` (Read, Write) asked for
// (aws/serverless-application-model samtranslator/model/connector_profiles/profiles.json).
import type { Location } from '../../model/location.js';
import { locationOfKey, locationOfValue } from '../../model/positions.js';
import type { PolicyStatement } from '../../model/project.js';
import { statementFromData } from '../../model/policy.js';
import { isIntrinsic, isUnresolved, Unresolved } from '../../model/values.js';
import { readPackageJson } from '../../util/package-root.js';
import { quote } from '../../util/quote.js';

interface ConnectorProfiles {
  destinations: Record<string, { categories: Record<string, Record<string, unknown>[]>; outputs: Record<string, unknown> }>;
}

let profiles: ConnectorProfiles | undefined;

function connectorProfiles(): ConnectorProfiles {
  profiles ??= readPackageJson<ConnectorProfiles>('src/data/sam-connector-profiles.json');
  return profiles;
}

/** SAM resource types by the CloudFormation type of the resource they generate under the same logical id. */
const GENERATED_TYPE: Record<string, string> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
};

/** One connector read from the template: whose role gets the grant, and the grant's statements. */
export interface ConnectorGrant {
  /** Logical id of the source (a function of this template, for the grants noops-lint judges). */
  source: string;
  statements: PolicyStatement[];
}

export interface ConnectorProblem {
  message: string;
  location: Location;
  /** The grants of the source's role are then not all known. */
  incomplete: boolean;
}

/** What the reader needs of the template: each resource's type by logical id. */
export type ResourceTypeOf = (logicalId: string) => string | undefined;

/**
 * The grants of an `AWS::Serverless::Connector` (`properties`) or of one embedded connector
 * (`properties` of `Connectors.<name>`, with `embeddedSource` the resource it is written on).
 * Only connectors whose source is a Lambda function are read: they are the ones a function's role gets.
 */
export function readConnector(
  name: string,
  properties: Record<string, unknown>,
  path: string,
  location: Location,
  typeOf: ResourceTypeOf,
  embeddedSource?: string,
): { grant?: ConnectorGrant; problems: ConnectorProblem[] } {
  const problems: ConnectorProblem[] = [];
  const source = embeddedSource ?? idOf(properties.Source);
  if (source === undefined) return { problems };
  if (normalizedType(typeOf(source)) !== 'AWS::Lambda::Function') return { problems };
  const permissions = properties.Permissions;
  const permissionsLocation = locationOfKey(properties, 'Permissions') ?? location;
  if (!Array.isArray(permissions) || !permissions.every((p) => typeof p === 'string')) {
    problems.push({ message: `Connector ${quote(name)} needs Permissions: a list of Read and Write.`, location: permissionsLocation, incomplete: true });
    return { problems };
  }
  const destinations = Array.isArray(properties.Destination) ? properties.Destination : [properties.Destination];
  const statements: PolicyStatement[] = [];
  destinations.forEach((destination, index) => {
    const where = Array.isArray(properties.Destination) ? `${path}.Destination[${index}]` : `${path}.Destination`;
    const target = destinationOf(destination, typeOf);
    if (!target) {
      problems.push({ message: `The destination of connector ${quote(name)} cannot be read statically; what it grants is not known.`, location: locationOfValue(properties, 'Destination') ?? location, incomplete: true });
      return;
    }
    const profile = Object.hasOwn(connectorProfiles().destinations, target.type) ? connectorProfiles().destinations[target.type] : undefined;
    if (!profile) {
      problems.push({ message: `Connector ${quote(name)} connects a function to ${target.type}, which SAM's connector profiles do not list.`, location: locationOfValue(properties, 'Destination') ?? location, incomplete: true });
      return;
    }
    for (const permission of permissions as string[]) {
      const category = Object.hasOwn(profile.categories, permission) ? profile.categories[permission] : undefined;
      if (!category) {
        problems.push({ message: `Connector ${quote(name)} asks for ${quote(permission)} access to ${target.type}, which allows only ${Object.keys(profile.categories).join(' and ')}.`, location: permissionsLocation, incomplete: true });
        continue;
      }
      category.forEach((statement, k) => {
        const resource = statement.Resource;
        const resources = (Array.isArray(resource) ? resource : [resource]).map((item) => (typeof item === 'string' ? substitute(item, target) : item));
        statements.push(statementFromData({ ...statement, Resource: resources }, `${where}#${permission}.Statement[${k}]`, permissionsLocation, { kind: 'sam-connector', connector: name }));
      });
    }
  });
  return { grant: { source, statements }, problems };
}

interface Destination {
  type: string;
  /** `%{Destination.Arn}`, `%{Destination.Name}` ... as CloudFormation values. */
  values: Record<string, unknown>;
}

function destinationOf(destination: unknown, typeOf: ResourceTypeOf): Destination | undefined {
  if (destination === null || typeof destination !== 'object' || Array.isArray(destination) || isUnresolved(destination) || isIntrinsic(destination)) return undefined;
  const spec = destination as Record<string, unknown>;
  if (typeof spec.Id === 'string') {
    const type = normalizedType(typeOf(spec.Id));
    if (type === undefined) return undefined;
    const outputs = Object.hasOwn(connectorProfiles().destinations, type) ? connectorProfiles().destinations[type]!.outputs : {};
    const values: Record<string, unknown> = {};
    for (const [key, output] of Object.entries(outputs)) values[key] = JSON.parse(JSON.stringify(output).split('%{logicalId}').join(spec.Id)) as unknown;
    return { type, values };
  }
  if (typeof spec.Type === 'string' && spec.Arn !== undefined) {
    const values: Record<string, unknown> = { Arn: spec.Arn };
    if (spec.Name !== undefined) values.Name = spec.Name;
    return { type: spec.Type, values };
  }
  return undefined;
}

/** `%{Destination.Arn}/index/*` with the destination's values, as a CloudFormation value (`!Sub ${Table.Arn}/index/*`). */
function substitute(template: string, destination: Destination): unknown {
  const whole = /^%\{Destination\.(\w+)\}$/.exec(template);
  if (whole) return destination.values[whole[1]!] ?? new Unresolved(template, 'the connector destination does not give it');
  let missing = false;
  const text = template.replace(/%\{Destination\.(\w+)\}/g, (_, key: string) => {
    const part = subPart(destination.values[key]);
    if (part === undefined) missing = true;
    return part ?? '';
  });
  if (missing) return new Unresolved(template, 'the connector destination cannot be written in !Sub');
  return text.includes('${') ? { 'Fn::Sub': text } : text;
}

/** A value as a piece of a Fn::Sub string: `${X.Arn}` for `!GetAtt X.Arn`, `${X}` for `!Ref X`, a literal as itself. */
function subPart(value: unknown): string | undefined {
  if (typeof value === 'string') return value.split('${').join('${!');
  if (!isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return `\${${value.Ref}}`;
  const getAtt = value['Fn::GetAtt'];
  const parts = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split('.') : undefined;
  if (parts && parts.length === 2 && typeof parts[0] === 'string' && typeof parts[1] === 'string') return `\${${parts[0]}.${parts[1]}}`;
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return sub;
  return undefined;
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>).Id;
  return typeof id === 'string' ? id : undefined;
}

function normalizedType(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  return GENERATED_TYPE[type] ?? type;
}
