// Expands an AWS SAM policy template entry (`- S3CrudPolicy: { BucketName: !Ref Uploads }`) into the
// policy statements SAM would generate, from the template definitions in src/data/sam-policy-templates.json.
import type { Location } from './location.js';
import { statementFromData } from './policy.js';
import { locationOfValue } from './positions.js';
import type { PolicyStatement } from './project.js';
import { isIntrinsic, isUnresolved, Unresolved } from './values.js';
import { readPackageJson } from '../util/package-root.js';

export interface PolicyTemplateDefinition {
  Description?: string;
  Parameters: Record<string, { Description?: string }>;
  Definition: { Statement: Record<string, unknown>[] };
}

interface PolicyTemplateData {
  source: string;
  generated: string;
  templates: Record<string, PolicyTemplateDefinition>;
}

export type PolicyTemplateExpansion =
  | {
      ok: true;
      statements: PolicyStatement[];
      /** Parameters the entry lacks (SAM refuses such a template); their values in the statements are Unresolved. */
      missingParameters: string[];
    }
  | { ok: false; reason: string };

let cachedTemplates: Record<string, PolicyTemplateDefinition> | undefined;

export function policyTemplates(): Record<string, PolicyTemplateDefinition> {
  cachedTemplates ??= readPackageJson<PolicyTemplateData>('src/data/sam-policy-templates.json').templates;
  return cachedTemplates;
}

export function isPolicyTemplateName(name: string): boolean {
  return Object.hasOwn(policyTemplates(), name);
}

/**
 * Expands `{ TemplateName: { Param: value } }`. Every action and resource of the result is located at
 * `at.location` (the list item naming the template), since that is the line a user would change.
 * `at.path` is the entry's logical path; with several statements each gets `.Statement[k]` appended.
 */
export function expandPolicyTemplate(
  templateName: string,
  parameters: unknown,
  at: { path: string; location: Location },
): PolicyTemplateExpansion {
  if (!isPolicyTemplateName(templateName)) return { ok: false, reason: `${templateName} is not a known SAM policy template` };
  const template = policyTemplates()[templateName] as PolicyTemplateDefinition;
  if (parameters === null || parameters === undefined) parameters = {};
  if (typeof parameters !== 'object' || Array.isArray(parameters) || isIntrinsic(parameters) || isUnresolved(parameters)) {
    return { ok: false, reason: `the parameters of ${templateName} must be a mapping of parameter names to values` };
  }
  const given = parameters as Record<string, unknown>;
  const missingParameters = Object.keys(template.Parameters).filter((name) => !Object.hasOwn(given, name));
  const values = new Map<string, unknown>();
  for (const name of Object.keys(template.Parameters)) {
    values.set(name, Object.hasOwn(given, name) ? given[name] : new Unresolved(`!Ref ${name}`, `the ${templateName} entry does not set ${name}`));
  }

  // `TableName: '*'` is the user's own wording for every table: kept so the rules can say so.
  const wildcardParameters = Object.keys(template.Parameters)
    .filter((name) => Object.hasOwn(given, name) && typeof given[name] === 'string' && (given[name] as string).trim() === '*')
    .filter((name) => template.Definition.Statement.some((statement) => namesParameter(statement.Resource, name)))
    .map((name) => ({ name, location: locationOfValue(given, name) ?? at.location }));
  const origin: PolicyStatement['origin'] =
    wildcardParameters.length > 0 ? { kind: 'sam-policy-template', template: templateName, wildcardParameters } : { kind: 'sam-policy-template', template: templateName };
  const definitions = template.Definition.Statement;
  const statements = definitions.map((raw, index): PolicyStatement => {
    const statement = simplifySubs(substituteParameters(raw, values)) as Record<string, unknown>;
    return statementFromData(statement, definitions.length === 1 ? at.path : `${at.path}.Statement[${index}]`, at.location, origin);
  });
  return { ok: true, statements, missingParameters };
}

/** Replaces `{ Ref: Param }` by the entry's value for Param, as SAM's template processor does. */
function substituteParameters(node: unknown, values: Map<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => substituteParameters(item, values));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (isIntrinsic(record) && typeof record.Ref === 'string' && values.has(record.Ref)) return values.get(record.Ref);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) copy[key] = substituteParameters(value, values);
  return copy;
}

/**
 * Folds the variables of the templates' `Fn::Sub: [text, { var: value }]` into the text where the value
 * allows it, so `BucketName: !Ref UploadsBucket` gives `{ "Fn::Sub": "arn:${AWS::Partition}:s3:::${UploadsBucket}/*" }`:
 * a `Ref` becomes `${Name}`, a literal is inlined, a plain `Fn::Sub` string is spliced in; anything
 * else (GetAtt, Join, Unresolved) stays in the variables map.
 */
function simplifySubs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifySubs);
  if (node === null || typeof node !== 'object' || isUnresolved(node)) return node;
  const record = node as Record<string, unknown>;
  const sub = record['Fn::Sub'];
  if (isIntrinsic(record) && Array.isArray(sub) && sub.length === 2 && typeof sub[0] === 'string' && isPlainRecord(sub[1])) {
    let text = sub[0];
    // `!Sub ["${secretArn}", { secretArn: X }]` is X itself.
    const whole = /^\$\{([A-Za-z0-9_]+)\}$/.exec(text);
    if (whole?.[1] !== undefined && Object.hasOwn(sub[1], whole[1])) return sub[1][whole[1]];
    const remaining: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(sub[1])) {
      const inline = inlineSubValue(value);
      if (inline === undefined) remaining[name] = value;
      else text = text.split('${' + name + '}').join(inline);
    }
    if (Object.keys(remaining).length > 0) return { 'Fn::Sub': [text, remaining] };
    return text.includes('${') ? { 'Fn::Sub': text } : text;
  }
  if (isIntrinsic(record)) return node; // a user's value (`!GetAtt Q.Arn`) is kept as written
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) copy[key] = simplifySubs(value);
  return copy;
}

/** The text that can stand for a Fn::Sub variable inside the Sub string, or undefined. */
function inlineSubValue(value: unknown): string | undefined {
  // `${` in a literal would start a variable; Fn::Sub writes a literal `${` as `${!`.
  if (typeof value === 'string') return value.split('${').join('${!');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return '${' + value.Ref + '}';
  if (typeof value['Fn::Sub'] === 'string') return value['Fn::Sub'];
  return undefined;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value);
}

/** Whether a template's Resource uses the parameter (`!Ref TableName`, `${tableName}` bound to it in a `Fn::Sub`). */
function namesParameter(resource: unknown, name: string): boolean {
  const text = JSON.stringify(resource) ?? '';
  return text.includes(`{"Ref":"${name}"}`);
}
