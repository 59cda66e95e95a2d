// The rule kit: the one module rule files import. It holds the rule contract (metadata and a check in one object;
// the check only reports) and re-exports what checks read: the model, the analysis's views, IAM facts and message
// helpers. A rule needing something new adds it here, so what rules depend on stays in one list.
import type { Location } from '../src/model/location.js';
import type { Project } from '../src/model/project.js';
import type { ProjectAnalysis } from '../src/analyse/analysis-types.js';
import type { FindingActions, FindingStatement, RelatedLocation, Severity } from '../src/model/finding.js';
import { excerpt, EXCERPT_LIMITS } from '../src/util/excerpt.js';

export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  /** Values for the message's {{placeholders}}. */
  data?: Record<string, string | number>;
  at: Location;
  related?: RelatedLocation[];
  /** The function the finding is about, as the manifest spells it. */
  function?: string;
  /** IAM findings: the actions used, unused or missing (SARIF `properties.actions`). */
  actions?: FindingActions;
  /** Logical identity without line numbers: resource logical id, policy path, action. */
  key: string;
  /** IAM findings: the statement, managed policy reference or template entry the finding is about (for folding). */
  statement?: FindingStatement;
}

export interface RuleContext<Options, MessageId extends string> {
  project: Project;
  /** What the code of each function does (source analysis, derived permissions), computed lazily. */
  analysis: ProjectAnalysis;
  options: Options;
  /** The date deprecation tables are read at (pinned in tests). */
  now: Date;
  report(report: RuleReport<MessageId>): void;
  /**
   * A value the rule could not judge within its limits (a custom rule's pattern out of time): a note of the tool's
   * own (input/slow-pattern), not a finding of the rule.
   */
  reportLimit(limit: { message: string; at: Location; key: string; function?: string }): void;
}

export interface Rule<Options = Record<string, never>, MessageId extends string = string> {
  id: string;
  category: string;
  /** Every finding of the rule has this severity (a configured one replaces it): a problem of another weight is another rule. */
  severity: Severity;
  /** One sentence naming the problem (SARIF shortDescription). */
  description: string;
  /** A paragraph: why it matters and how the rule decides (SARIF fullDescription, at most 1024 characters). */
  fullDescription: string;
  /** What to do instead, with an example. */
  help: string;
  /** Documentation link; without it, built-in rules link to their README section (src/util/docs-link.ts). */
  helpUri?: string;
  /** Security rules carry a CVSS-like score for GitHub code scanning. */
  securitySeverity?: number;
  precision: 'very-high' | 'high' | 'medium' | 'low';
  tags: string[];
  messages: Record<MessageId, string>;
  /** JSON Schema of the options (checked with Ajv before the rule runs). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions: Options;
  /**
   * Off in the recommended preset (on in `noops-lint:strict`, or when the config sets its severity): checks most
   * projects fail on purpose, which would bury the findings a reviewer wants.
   */
  strictOnly?: boolean;
  check(context: RuleContext<Options, MessageId>): void;
}

export type AnyRule = Rule<any, string>;

export function defineRule<Options, MessageId extends string>(rule: Rule<Options, MessageId>): Rule<Options, MessageId> {
  return rule;
}

/** The message with its placeholders filled; each value is echoed as an excerpt (credentials masked, length capped). */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? excerpt(String(data[name]), EXCERPT_LIMITS.maxMessageValueChars) : whole,
  );
}

export type { ProjectAnalysis } from '../src/analyse/analysis-types.js';
export { findInsecureDatabaseUrl } from '../src/analyse/database-urls.js';
export { carriedStateWrites, handlerCodes, stateLifetime, type HandlerCode } from '../src/analyse/handler-code.js';
export { effectiveStatements, evaluateRole, grantsActionAnywhere, statementCoversAction, statementCoversResource } from '../src/analyse/match-policy.js';
export type { FunctionPermissions, PermissionNeed } from '../src/analyse/permissions-types.js';
export { resourceKey } from '../src/analyse/permissions.js';
export { runtimeFindings } from '../src/analyse/runtimes.js';
export { isCredentialSlot, isDynamicReference, isNonSecretShape, isNonSecretValueFor, isPlaceholderValue, isSecretLikeName } from '../src/analyse/secret-patterns.js';
export type { ClientCreation, FileOperation, StateWrite } from '../src/analyse/types.js';
export { IAM_RUNTIME_RESOURCE_ACTIONS } from '../src/data/iam-runtime-resource-actions.js';
export { STREAM_READING_ACTIONS } from '../src/data/platform-grants.js';
export { PRIVILEGE_ESCALATION_ACTIONS, type EscalationAction } from '../src/data/privilege-escalation-actions.js';
export { actionMayApply, resourcePattern, type ArnPattern } from '../src/model/arn-pattern.js';
export type { RelatedLocation } from '../src/model/finding.js';
export { actionsOfService, countAllActions, expandActionPattern, getAction, getActionByFullName, globMatcher, hasWildcard, resourceTypeArn, serviceExists, serviceNames, splitActionName, type GlobMatcher, type IamAction } from '../src/model/iam-catalog.js';
export { cdkArnExpression, cdkGrantMethods } from '../src/data/cdk-grants.js';
export { administrativePolicyKind, allLiteral, describeResources, describeRoleUsers, isInlineStatement, isPlatformStatement, isWildcardResourceValue, judgedManagedPolicy, literalValues, managedPolicyName, quoteResources, soleFunctionName, statementKey, type LiteralValue } from '../src/model/iam-statements.js';
export { fullAccessServices } from '../src/model/managed-policies.js';
export type { Location } from '../src/model/location.js';
export { locationOf, locationOfKey, locationOfValue } from '../src/model/positions.js';
export type { EnvironmentVariable, EventModel, FunctionModel, NormalizedEventType, PolicyStatement, Project, ResourceModel, RoleModel, ServiceModel } from '../src/model/project.js';
export { hasProperty, locationOfProperty, readFlag, readProperty, type PropertyRead } from '../src/model/property-value.js';
export { readPolicyDocument } from '../src/model/policy.js';
export { policyTemplates } from '../src/model/sam-policy-templates.js';
export { describeValue, isIntrinsic, isUnresolved } from '../src/model/values.js';
export { closest } from '../src/util/closest.js';
export { detectSecretValue } from '../src/util/credentials.js';
export { maskSecret } from '../src/util/mask-secret.js';
export { readPackageJson } from '../src/util/package-root.js';
export { plural, summarisedList } from '../src/util/plural.js';
export { quote, quoteEach } from '../src/util/quote.js';
export { findingGroups, listExamples, wildcardGrants, wildcardGroupReport, type WildcardGrant, type WildcardKind } from '../src/model/wildcard-actions.js';
export { describeTimeoutGroup, groupByTimeout, LAMBDA_MAX_TIMEOUT, numberAsWritten, sameLocation, type TimeoutGroup } from '../src/model/function-timeouts.js';
