// SAM policy templates that fit a function's needs exactly: every action the template grants is one the code uses on
// the template's resources, and those resources are the ones the code uses (a DynamoDB template's `index/*` of the
// same table aside). A SAM manifest that writes templates gets its grants back as templates where one fits.
import { statementApplies } from '../analyse/match-policy.js';
import { resourceKey } from '../analyse/permissions.js';
import { expandActionPattern } from '../model/iam-catalog.js';
import type { Location } from '../model/location.js';
import type { PolicyStatement, RoleModel } from '../model/project.js';
import { expandPolicyTemplate, policyTemplates } from '../model/sam-policy-templates.js';
import { isIntrinsic } from '../model/values.js';
import { namesSameResource } from './resources.js';

export interface TemplateNeed {
  action: string;
  resource: unknown;
  optional: boolean;
}

/** A template entry to write: its name, its one parameter (when it has one) and the needs it grants. */
export interface TemplateChoice<N extends TemplateNeed> {
  template: string;
  parameter?: { name: string; value: unknown };
  needs: N[];
}

type Service = RoleModel['service'];

const NOWHERE: Location = { file: '', line: 1, column: 1, endLine: 1, endColumn: 1 };

interface Candidate {
  name: string;
  parameter?: string;
  /** Every action it grants, expanded (lower case). */
  actions: Set<string>;
}

let candidates: Candidate[] | undefined;

/** Templates the fix may write: at most one parameter, Allow statements of known actions, no Condition or NotAction. */
function usableTemplates(): Candidate[] {
  if (candidates) return candidates;
  candidates = [];
  const definitions = policyTemplates();
  for (const name of Object.keys(definitions).sort()) {
    const definition = definitions[name]!;
    const parameters = Object.keys(definition.Parameters);
    if (parameters.length > 1) continue;
    const statements = definition.Definition.Statement;
    const actions = new Set<string>();
    let usable = statements.length > 0;
    for (const statement of statements) {
      if (statement.Effect !== 'Allow' || statement.Condition !== undefined || statement.NotAction !== undefined || statement.NotResource !== undefined) usable = false;
      const listed = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      for (const action of listed) {
        const expanded = typeof action === 'string' ? expandActionPattern(action) : [];
        if (expanded.length === 0) usable = false;
        for (const a of expanded) actions.add(a.toLowerCase());
      }
    }
    if (usable) candidates.push({ name, parameter: parameters[0], actions });
  }
  return candidates;
}

/** The statements a template entry gives with this parameter value. */
export function templateStatements(template: string, parameter: { name: string; value: unknown } | undefined): PolicyStatement[] {
  const expanded = expandPolicyTemplate(template, parameter ? { [parameter.name]: parameter.value } : {}, { path: template, location: NOWHERE });
  return expanded.ok && expanded.missingParameters.length === 0 ? expanded.statements : [];
}

/**
 * Whether a template's statements grant exactly what the needs they cover use: each action they grant is used on a
 * resource they cover, and each resource they name is one a covered need uses (or a DynamoDB index of a named
 * table). `skip` leaves actions out of the first check (stream reading, which a stream attached elsewhere may use).
 */
export function templateFits(statements: readonly PolicyStatement[], needs: readonly TemplateNeed[], service: Service, skip: (action: string) => boolean = () => false): boolean {
  if (statements.length === 0) return false;
  const covered = needs.filter((need) => statements.some((s) => statementApplies(s, need.action, need.resource, service) === 'yes'));
  if (covered.length === 0) return false;
  for (const statement of statements) {
    for (const item of statement.actions) {
      if (typeof item.value !== 'string') return false;
      for (const action of expandActionPattern(item.value.trim())) {
        if (skip(action)) continue;
        if (!covered.some((need) => need.action.toLowerCase() === action.toLowerCase() && statementApplies(statement, need.action, need.resource, service) === 'yes')) return false;
      }
    }
    const named = statement.resources.filter((r) => covered.some((need) => namesSameResource(r.value, need.resource, service)));
    for (const resource of statement.resources) {
      if (named.includes(resource)) continue;
      if (!named.some((n) => isIndexOf(resource.value, n.value))) return false;
    }
  }
  return true;
}

/** `…:table/${T}/index/*` written beside `…:table/${T}` (what SAM's DynamoDB templates grant with every table). */
function isIndexOf(resource: unknown, table: unknown): boolean {
  const text = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    const sub = isIntrinsic(value) ? value['Fn::Sub'] : undefined;
    if (typeof sub === 'string') return sub;
    if (Array.isArray(sub) && typeof sub[0] === 'string') return `${sub[0]}|${JSON.stringify(sub[1])}`;
    return undefined;
  };
  const a = text(resource);
  const b = text(table);
  if (a === undefined || b === undefined) return false;
  const [aText, aVars = ''] = a.split('|');
  const [bText, bVars = ''] = b.split('|');
  return aVars === bVars && aText === `${bText}/index/*` && /:dynamodb:/.test(bText!);
}

/** Parameter values that may name a resource: `!Ref X`, and the name attribute of a queue, topic, state machine or event bus. */
function parameterValues(resource: unknown, service: Service, written: readonly unknown[]): unknown[] {
  const out: unknown[] = [...written];
  const id = logicalIdOf(resource);
  if (id === undefined) return out;
  out.push({ Ref: id });
  const type = service.resources.find((r) => r.logicalId === id)?.type;
  const attribute =
    type === 'AWS::SQS::Queue' ? 'QueueName'
    : type === 'AWS::SNS::Topic' ? 'TopicName'
    : type === 'AWS::StepFunctions::StateMachine' || type === 'AWS::Serverless::StateMachine' || type === 'AWS::Events::EventBus' ? 'Name'
    : undefined;
  if (attribute) out.push({ 'Fn::GetAtt': [id, attribute] });
  return out;
}

/** The resource a value names (`!Ref X`, `!GetAtt X.Arn`, `!Sub '${X.Arn}/…'`). */
function logicalIdOf(value: unknown): string | undefined {
  if (!isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string' && !value.Ref.startsWith('AWS::')) return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  const sub = value['Fn::Sub'];
  const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  const match = text === undefined ? undefined : /\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}/.exec(text.replace(/\$\{AWS::[A-Za-z]+\}/g, ''));
  return match?.[1];
}

/**
 * The templates that fit the needs exactly, largest first, and the needs left for statements. `written` are
 * parameter values the manifest already writes (tried first, so their text can be kept).
 */
export function chooseTemplates<N extends TemplateNeed>(needs: readonly N[], service: Service, written: readonly unknown[] = []): { chosen: Array<TemplateChoice<N>>; rest: N[] } {
  let rest = [...needs];
  const chosen: Array<TemplateChoice<N>> = [];
  for (;;) {
    let best: TemplateChoice<N> | undefined;
    const resources = new Map<string, unknown>();
    for (const need of rest) resources.set(resourceKey(need.resource), need.resource);
    const actions = new Set(rest.map((n) => n.action.toLowerCase()));
    for (const candidate of usableTemplates()) {
      if (![...candidate.actions].every((a) => actions.has(a))) continue;
      const values = candidate.parameter === undefined ? [undefined] : [...resources.values()].flatMap((r) => parameterValues(r, service, written));
      for (const value of values) {
        const parameter = candidate.parameter === undefined ? undefined : { name: candidate.parameter, value };
        const statements = templateStatements(candidate.name, parameter);
        if (!templateFits(statements, rest, service)) continue;
        const covered = rest.filter((need) => statements.some((s) => statementApplies(s, need.action, need.resource, service) === 'yes'));
        if (!best || covered.length > best.needs.length) best = { template: candidate.name, ...(parameter ? { parameter } : {}), needs: covered };
        break;
      }
    }
    if (!best) break;
    chosen.push(best);
    rest = rest.filter((need) => !best!.needs.includes(need));
  }
  return { chosen, rest };
}
