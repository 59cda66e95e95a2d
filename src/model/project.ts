// The one model every rule reads: services, their functions, roles, policy statements and resources,
// whatever manifest format they came from. Values keep their locations; unknowable ones are Unresolved.
import type { Location } from './location.js';
import type { Finding } from './finding.js';

export type ManifestKind = 'serverless' | 'sam' | 'cloudformation' | 'service';

/** A value with the place it was written. */
export interface Located<T = unknown> {
  value: T;
  location: Location;
  /**
   * Where the value itself is written when a variable brought it from another file (a Serverless
   * `${file(../common.yml):provider.runtime}`): the one place that changes it for every service including it.
   */
  origin?: Location;
}

export interface Project {
  /** Absolute path of the project root; nothing outside it is read. */
  root: string;
  services: ServiceModel[];
  /** Every function of every service, in manifest order, services sorted by manifest path. */
  functions: FunctionModel[];
  roles: RoleModel[];
  resources: ResourceModel[];
  /** Problems found while reading (parse errors, skipped files, unresolved values). */
  inputFindings: Finding[];
  /** Root-relative paths of every file that was read, sorted. */
  files: string[];
}

export interface ServiceModel {
  /** Root-relative manifest path; unique per service. */
  id: string;
  name: string;
  kind: ManifestKind;
  manifest: string;
  /** Root-relative folder of the manifest ('' for the root). */
  dir: string;
  location: Location;
  stage?: string;
  region?: string;
  functions: FunctionModel[];
  roles: RoleModel[];
  resources: ResourceModel[];
  /** Set for `kind: Service` manifests. */
  container?: ContainerServiceModel;
  /** The manifest after variables were resolved (positions recorded on its objects). */
  document: Record<string, unknown>;
}

export type NormalizedEventType =
  | 'api' // REST API (API Gateway v1): 29 s integration limit
  | 'http-api' // HTTP API (API Gateway v2): 30 s integration limit
  | 'function-url'
  | 'alb'
  | 'sqs'
  | 'kinesis'
  | 'dynamodb-stream'
  | 'sns'
  | 's3'
  | 'schedule'
  | 'eventbridge'
  | 'websocket'
  | 'other';

export interface EventModel {
  /** The type as the manifest spells it (`httpApi`, `HttpApi`, `sqs`, `SQS`). */
  type: string;
  normalizedType: NormalizedEventType;
  /** The event's source: queue or stream ARN, bucket, topic (a value, an intrinsic or Unresolved). */
  source?: unknown;
  location: Location;
  properties: Record<string, unknown>;
}

export interface EnvironmentVariable {
  name: string;
  /** A string, number, intrinsic object or Unresolved. */
  value: unknown;
  /** Where the value is written (the line a finding about it points at). */
  location: Location;
  /** `service`: `spec.env` of a `kind: Service` manifest (no function: the container's environment). */
  origin: 'provider' | 'function' | 'globals' | 'service';
}

export interface FunctionModel {
  /** `${manifest}#${name}`: unique in the project. */
  id: string;
  /** The function's name as the manifest spells it: the Serverless function key, the SAM/CloudFormation logical id. */
  name: string;
  service: ServiceModel;
  location: Location;
  handler?: Located<unknown>;
  /** Root-relative folder handler paths are relative to (service folder, CodeUri). Undefined if it points out of the root. */
  codeDir?: string;
  runtime?: Located<unknown>;
  memorySize?: Located<unknown>;
  timeout?: Located<unknown>;
  /** `Active`, `PassThrough`, `Disabled` (Serverless `true` becomes `Active`). */
  tracing?: Located<unknown>;
  environment: EnvironmentVariable[];
  events: EventModel[];
  role: RoleModel;
  /** Runs in a VPC (needs network-interface permissions). */
  vpc: boolean;
  deadLetterTarget?: Located<unknown>;
  kmsKeyArn?: Located<unknown>;
  tags: Record<string, unknown>;
  /** The function's definition after Globals/provider defaults were applied. */
  properties: Record<string, unknown>;
  /**
   * A function synthesized by the CDK: its construct path (also its `name`) and, for bundled code, whether the
   * analysis reads the source the bundle was built from (through its source map) or the bundle itself.
   */
  cdk?: CdkConstruct & { logicalId: string; code?: 'source' | 'bundle' };
  /** Code written in the manifest itself (SAM `InlineCode`, CloudFormation `Code.ZipFile`), analysed as a file of its own. */
  inlineCode?: InlineCode;
}

/**
 * Function code written inside a manifest. The analysis reads it under `file`, a name no file of the project has,
 * and places what it finds at the manifest line (and column) where each line of the code is written.
 */
export interface InlineCode {
  /** `template.yaml#InlineFunction/index.js`: the name the analysis reads the code by (Lambda writes it to index.js). */
  file: string;
  /** Root-relative path of the manifest the code is written in. */
  manifest: string;
  /** The code as the function receives it. */
  text: string;
  /**
   * Where each line of `text` is written: its manifest line and the 0-based column of its first character. `exact`
   * is false when characters do not map one to one (a quoted or JSON string, a Fn::Join part): positions on that
   * line then all point at `column`.
   */
  lines: Array<{ line: number; column: number; exact: boolean }>;
  /** The code's value in the manifest. */
  location: Location;
}

export type RoleKind =
  | 'serverless-provider' // IamRoleLambdaExecution shared by the service's functions
  | 'serverless-function' // serverless-iam-roles-per-function
  | 'sam-generated' // one per AWS::Serverless::Function with Policies
  | 'cloudformation' // an AWS::IAM::Role in the template
  | 'external'; // an ARN or a role defined elsewhere: its grants are unknown

export interface RoleModel {
  /** Unique in the project: `${manifest}#${logicalId}`. */
  id: string;
  /** Logical id or display name (`IamRoleLambdaExecution`, `ThumbnailFunctionRole`). */
  name: string;
  kind: RoleKind;
  service: ServiceModel;
  /** Where the role is declared (for shared-role findings). */
  location: Location;
  functions: FunctionModel[];
  statements: PolicyStatement[];
  managedPolicies: ManagedPolicyReference[];
  /** The role's grants are not all known (external role, unresolvable managed policy). */
  incomplete: boolean;
}

export type StatementOrigin =
  | { kind: 'inline' } // written out in the manifest
  /**
   * Expanded from DynamoDBCrudPolicy and the like; `wildcardParameters` are the parameters the entry sets to a literal `'*'`
   * (`TableName: '*'`), each at its value.
   */
  | { kind: 'sam-policy-template'; template: string; wildcardParameters?: { name: string; location: Location }[] }
  | { kind: 'managed-policy'; policy: string } // expanded from a known AWS managed policy
  | { kind: 'sam-connector'; connector: string } // an AWS::Serverless::Connector or an embedded Connectors entry
  | { kind: 'platform'; reason: string } // added by the framework (logs, stream/SQS event sources, VPC)
  /**
   * Generated by the CDK into a function's default policy by a `grant*` call of the app (`call`, when it was found
   * in the app source; the statement is then placed on it) for the construct `construct`.
   */
  | { kind: 'cdk-grant'; construct: string; templateLocation: Location; call?: string; method?: string; className?: string };

export interface PolicyStatement {
  /** Logical path, stable when lines move: `provider.iam.role.statements[0]`, `Resources.Fn.Properties.Policies[1]`. */
  path: string;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions: Located<unknown>[];
  notActions: Located<unknown>[];
  resources: Located<unknown>[];
  notResources: Located<unknown>[];
  /** `Principal` of a resource policy (bucket, queue); absent in identity policies. */
  principal?: unknown;
  condition?: unknown;
  /** The whole statement (or the policy template entry that produced it). */
  location: Location;
  /** The `Action` (or `NotAction`) key of a statement written in the manifest, for findings about all its actions at once. */
  actionKeyLocation?: Location;
  origin: StatementOrigin;
}

export interface ManagedPolicyReference {
  /** As written: a name, an ARN, an intrinsic or Unresolved. */
  value: unknown;
  /** The AWS managed policy name when the value names one (`AdministratorAccess`). */
  name?: string;
  location: Location;
}

/** What a CDK-synthesized resource is in the app: its construct path and the variable the app holds it in. */
export interface CdkConstruct {
  constructPath: string;
  /** `table`, `this.table`: found in the app source by the construct id. */
  variable?: string;
  /** The construct class as the app writes it (`dynamodb.Table`). */
  className?: string;
}

export interface ResourceModel {
  logicalId: string;
  /** Set for resources of a CDK-synthesized template. */
  cdk?: CdkConstruct;
  type: string;
  properties: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  /** The logical id's key in the template. */
  location: Location;
  service: ServiceModel;
}

export interface ContainerServiceModel {
  name: string;
  image?: Located<unknown>;
  scaling?: Located<Record<string, unknown>>;
  /** `spec.predictive`: forecast-driven scaling (enabled, model, lookahead). */
  predictive?: Located<Record<string, unknown>>;
  security?: Located<Record<string, unknown>>;
  healthCheck?: Located<Record<string, unknown>>;
  /** `spec.env`: the container's environment variables, each at its value. */
  environment?: EnvironmentVariable[];
  location: Location;
  /** Dockerfile beside the manifest, when there is one (root-relative). */
  dockerfile?: string;
  /**
   * The Dockerfile's base image per build stage, in order, each at its image reference on the FROM line.
   * A stage built FROM an earlier stage carries that stage's base; the last entry is what runs. Empty without a Dockerfile.
   */
  baseImages: Located<string>[];
}
