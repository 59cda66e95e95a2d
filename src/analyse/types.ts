// What the source analysis tells about each function's code: the AWS calls it makes, the clients and
// connections it creates and where, all with locations. The least-privilege and handler rules read this.
import type { Location } from '../model/location.js';
import type { Finding } from '../model/finding.js';

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
  style: 'v3-command' | 'v3-aggregated' | 'v3-paginator' | 'v3-lib' | 'v2' | 'presign' | 'library' | 'boto3' | 'client-library';
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
  /** Where that host is written when the caller passes it in (`new Database('localhost')`), not at the creation. */
  hostLocation?: Location;
  /** The options use the function's parameters or locals (`new S3Client({ credentials })` after AssumeRole): built per request on purpose. */
  configuredPerRequest?: boolean;
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
  /** Packages the reachable files import (`sharp`, `@aws-sdk/client-s3`, `node:fs`), by package name, sorted. */
  packages?: string[];
  /** Problems (handler not found, parse errors, unresolvable imports) as input findings. */
  findings: Finding[];
  /** Writes to module-scope variables made by code that runs per request. */
  stateWrites?: StateWrite[];
  /** File-system reads and writes whose path is known (or known to be under the code folder). */
  fileOperations?: FileOperation[];
  /** Timers, unawaited promises and servers started by the code. */
  backgroundWork?: BackgroundWork[];
  /** Places where the code may reach AWS in a way the analysis could not follow (the derivation is then incomplete). */
  unfollowed?: Array<{ location: Location; reason: string }>;
  /** Set when the handler export is itself a function written as `(req, res)` and uses the response object. */
  handlerSignature?: HandlerSignature;
}

/** A module-scope variable written by per-request code. */
export interface StateWrite {
  variable: string;
  /** Where the variable is declared (at module scope). */
  declaration: Location;
  /**
   * `reassign`: `last = event.user` after reading it; `accumulate`: `list = [...list, x]`; `counter`: `count++`;
   * `collection`: `items.push(x)`, `seen.add(x)`; `property`: `state.user = x`, `delete state.user`;
   * `cache`: a memo (`if (!cache.has(k)) cache.set(k, v)`) keyed by request data and never bounded;
   * `reset`: `items = []`, `items.length = 0`, `cache.clear()` (the variable starts afresh on each invocation).
   */
  kind: 'reassign' | 'accumulate' | 'counter' | 'collection' | 'property' | 'cache' | 'reset';
  /** The write as written, shortened: `processed.push(id)`. */
  text: string;
  location: Location;
  via: Location[];
}

export interface FileOperation {
  kind: 'write' | 'read';
  /** `fs.writeFileSync`, `fs.promises.readFile`, `createWriteStream`. */
  operation: string;
  /** The path as far as it is known: complete, or a prefix. */
  path: string;
  complete: boolean;
  /** `tmp`: under /tmp; `read-only`: the code folder, the working directory or another fixed path outside /tmp. */
  area: 'tmp' | 'read-only' | 'unknown';
  /** A read inside a `try`, or behind an `existsSync`/`access` check of the same path. */
  guarded: boolean;
  /** Runs once when the module loads, or on every request. */
  scope: 'module' | 'invocation';
  /** Identifies the body the operation is written in, to order a read against writes in the same body. */
  body: string;
  /** Offset in the file, to order operations in the same body. */
  position: number;
  location: Location;
  via: Location[];
}

export interface BackgroundWork {
  /** `interval`: setInterval never cleared; `timeout`: a timer neither awaited nor cleared; `promise`: an async call neither awaited nor returned; `listen`: an HTTP server started; `thread`: a Python thread started and never joined. */
  kind: 'interval' | 'timeout' | 'promise' | 'listen' | 'thread';
  /** The expression as written, shortened. */
  text: string;
  scope: 'module' | 'invocation';
  location: Location;
  via: Location[];
}

export interface HandlerSignature {
  parameters: string[];
  /** The function that is exported as the handler. */
  location: Location;
  /** The first use of the second parameter as an HTTP response (`res.json(...)`). */
  responseUse: Location;
  responseText: string;
}
