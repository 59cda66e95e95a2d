// The permissions a function needs, derived from its code (SDK calls) and its platform setup (logs, tracing, event sources).
import type { Location } from '../model/location.js';

/** Where a need comes from: the call in the code, and the call sites from the handler down to it. */
export interface NeedEvidence {
  location: Location;
  via: Location[];
}

export interface PermissionNeed {
  /** Canonical IAM action (`dynamodb:GetItem`). */
  action: string;
  /**
   * The resource in CloudFormation form when it maps to a template resource (`{ "Fn::GetAtt": ["OrdersTable", "Arn"] }`,
   * `{ Ref: Topic }`, `{ "Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*" }`), an ARN string or `Fn::Sub` built from a
   * name, or `*` for wildcard-only actions and unresolved needs.
   */
  resource: unknown;
  /** The logical id the resource was bound to, when it was. */
  logicalId?: string;
  /** IAM resource type (`table`, `object`, `bucket` ...). */
  resourceType?: string;
  evidence: NeedEvidence;
  /**
   * Why the resource could not be determined; the need is then never judged, and its resource is `*`, the wildcard
   * pattern of a name the request supplies (`table/*`), or the deploy-time variable that names it (`${cf:stack.TopicArn}`).
   */
  unresolved?: string;
  /** For messages: the operation and how it was written (`PutObject via s3.putObject`). */
  operation?: string;
  /** Why the call works without it (`AbortMultipartUpload` only cleans up a failed upload): never reported missing. */
  optional?: string;
  /** Platform needs: why the platform needs it (`logs`, `tracing`, `vpc`, `sqs event source` ...). */
  reason?: string;
}

export interface FunctionPermissions {
  functionId: string;
  /** Needs of the handler code: these belong in the function's policy. */
  needs: PermissionNeed[];
  /** Needs of the platform (logs, X-Ray, VPC ENIs, event-source polling, DLQ, environment KMS): granted by the framework, never "unused". */
  platform: PermissionNeed[];
  /** The code was analysed; false when the function has no analysable handler. */
  analysed: boolean;
  /** Why the needs may be incomplete (no handler, unreadable code, calls whose action is unknown); empty when complete. */
  incompleteReasons: string[];
}
