// What the source analysis tells about each function's code: the AWS calls it makes, the clients and
// connections it creates and where, all with locations. The least-privilege and handler rules read this.
import type { Location } from '../model/location.js';
import type { Finding } from '../engine/finding.js';

/** A value computed statically from code: a string, a number, an object or array of values, or unknown with a reason. */
export type StaticValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'object'; properties: Record<string, StaticValue> }
  | { kind: 'array'; items: StaticValue[] }
  /** `process.env.NAME` (possibly inside a template: prefix/suffix literal text). */
  | { kind: 'env'; name: string; prefix: string; suffix: string }
  /** A template mixing literal text and unknown parts: keeps the literal prefix (S3 key prefixes). */
  | { kind: 'partial'; prefix: string; reason: string }
  | { kind: 'unknown'; reason: string };

/** One AWS API operation the code performs (through an SDK client or a library that calls AWS). */
export interface SdkCall {
  /** IAM service prefix: `dynamodb`, `s3`, `states`. */
  service: string;
  /** API operation name: `GetItem`, `ListObjectsV2`, `Upload` for lib-storage's managed upload. */
  operation: string;
  /** How the call was written, for messages: `ddb.send(new GetCommand(...))`, `s3.getObject(...)`. */
  style: 'v3-command' | 'v3-aggregated' | 'v3-paginator' | 'v3-lib' | 'v2' | 'presign' | 'library';
  /** The request parameters, evaluated as far as possible. */
  input: StaticValue;
  /** Where the call is, in the file that makes it. */
  location: Location;
  /** Call sites from the handler down to this call (for related locations), handler first. */
  via: Location[];
}

/** Where an SDK client or database client/connection is created. */
export interface ClientCreation {
  /** `DynamoDBClient`, `AWS.S3`, `pg.Client`, `MongoClient`, `mysql.createConnection` ... */
  name: string;
  kind: 'aws-sdk' | 'database';
  /** `module`: once per container; `lazy`: cached in a module variable; `invocation`: on every request. */
  scope: 'module' | 'lazy' | 'invocation';
  location: Location;
  via: Location[];
  /** Literal host the client connects to, when the code states one (`localhost`). */
  host?: string;
}

export interface FunctionUsage {
  functionId: string;
  /** Root-relative file and export name of the resolved handler. */
  handlerFile?: string;
  handlerExport?: string;
  handlerLocation?: Location;
  calls: SdkCall[];
  clients: ClientCreation[];
  /** Root-relative files reachable from the handler. */
  files: string[];
  /** Problems (handler not found, parse errors, unresolvable imports) as input findings. */
  findings: Finding[];
}
