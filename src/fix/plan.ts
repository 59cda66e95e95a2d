// `noops-lint fix`: decides, role by role, which IAM statements the manifests should hold for the code of the functions
// using them (the used actions on the resources the code uses) and turns that into text splices. A statement is
// only changed when every function holding it was analysed completely; anything it cannot judge stays as written,
// with the reason.
import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ProjectAnalysis } from '../analyse/analysis-types.js';
import { evaluateRole, normaliseResource, patternCovers, statementApplies, statementCoversAction } from '../analyse/match-policy.js';
import { derivedPolicies, groupStatements, type DerivedPolicies } from '../analyse/policy-output.js';
import type { PermissionNeed } from '../analyse/permissions-types.js';
import { resourceKey } from '../analyse/permissions.js';
import { STREAM_READING_ACTIONS } from '../data/platform-grants.js';
import { expandActionPattern } from '../model/iam-catalog.js';
import type { Location } from '../model/location.js';
import { locationOf, locationOfKey, locationOfValue } from '../model/positions.js';
import { administrativePolicyKind, judgedManagedPolicy } from '../model/iam-statements.js';
import { isPolicyTemplateName } from '../model/sam-policy-templates.js';
import type { FunctionModel, PolicyStatement, Project, RoleModel } from '../model/project.js';
import { describeValue, isIntrinsic, isUnresolved } from '../model/values.js';
import { quote } from '../util/quote.js';
import { actionTexts, jsonInline, pairOf, styleOf, writeResource, writeStatement, writeValue, type StatementStyle, type WrittenResource } from './render.js';
import { inResourceForm, namesSameResource, resourceFormOf, sameResource, type ResourceForm } from './resources.js';
import { chooseTemplates, templateFits, type TemplateChoice } from './templates.js';
import { SourceIndex } from './source-index.js';
import { stageContext, stageSafe, type StageContext } from './stage.js';
import { applySplices, overlap, type Splice } from './splice.js';

export interface FixOptions {
  /** Give each function of a shared role its own statements (serverless-iam-roles-per-function). */
  splitRoles?: boolean;
}

/** Something the fix left as it was, and why. */
export interface FixNote {
  location: Location;
  message: string;
}

/** One change, for the run's summary. */
export interface FixChange {
  location: Location;
  message: string;
}

export interface FilePlan {
  file: string;
  /** The file as read (with its byte-order mark) and as it will be written. */
  before: string;
  after: string;
  splices: Splice[];
}

/** The change of one statement list, for the SARIF fix of the findings it addresses. */
export interface SiteChange {
  file: string;
  /** Splices of this list alone, in offsets of the text after a byte-order mark. */
  splices: Splice[];
  /** Lines (1-based, inclusive) of the statements and template entries it rewrites or removes. */
  lines: Array<[number, number]>;
  /** Functions whose missing grants it adds. */
  functions: string[];
  description: string;
}

export interface FixPlan {
  files: FilePlan[];
  /** Per statement list, what it changes. */
  sites: SiteChange[];
  changes: FixChange[];
  notes: FixNote[];
  /** CDK functions: the code to write in the app (CDK output is never edited). */
  cdk: Array<{ function: string; manifest: string; code: string }>;
}

/** What the fix reads from the project: file texts by root-relative path. */
export interface FixSources {
  read(file: string): string | undefined;
}

/** A need (action on a resource) and the role whose function has it. */
interface Need {
  action: string;
  resource: unknown;
  optional: boolean;
}

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'Resource']);

interface RoleInfo {
  role: RoleModel;
  /** Why the role's grants are not judged (a function's code not followed completely); undefined when they are. */
  refusal?: string;
  needs: Need[];
  /** The code needs of each function (resolved resources), for splitting a shared role. */
  byFunction: Map<FunctionModel, Need[]>;
  /** Needs whose resource the analysis could not determine, and platform needs: statements granting them are kept. */
  unresolved: Array<{ action: string; reason: string }>;
  platform: PermissionNeed[];
}

/** A list the fix may edit: a statement list, or SAM `Policies` (for policy template entries). */
interface Site {
  id: string;
  source: SourceIndex;
  seq: YAMLSeq;
  kind: 'statements' | 'sam-policies' | 'managed-policies';
  /** For a statement list inside SAM `Policies` (`- Statement: [...]`): the Policies list. */
  policiesSeq?: YAMLSeq;
  units: Unit[];
  /** Needs this list must grant after the fix. */
  assigned: Need[];
  /** Display path (`provider.iam.role.statements`). */
  path: string;
  /** Functions whose missing grants were given to this list. */
  missingFor: string[];
  /** SAM `Policies`: the needs its template entries granted that the statement list beside them grants now. */
  handed?: Need[];
  /** SAM `Policies`: the template parameters the manifest writes, and how far an entry indents its parameters. */
  parameters?: WrittenParameter[];
  parameterIndent?: number;
  /** The service of the roles holding the list. */
  service?: RoleModel['service'];
  /** How the file writes ARNs below a resource's ARN. */
  form?: ResourceForm;
}

/** One statement, or one SAM policy template entry (several statements), as written. */
interface Unit {
  key: string;
  statements: PolicyStatement[];
  kind: 'statement' | 'template' | 'managed';
  /** Unjudged and said nowhere (an AWS managed policy the code uses whole). */
  quiet?: boolean;
  /** The list item: the statement mapping, the template entry mapping, or the managed policy reference. */
  node?: YAMLMap;
  site?: Site;
  holders: RoleInfo[];
  /** Why it is left as written. */
  unjudged?: string;
  located?: boolean;
  /** The statement is already least privilege for what it covers. */
  exact?: boolean;
  location: Location;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function planFixes(project: Project, analysis: ProjectAnalysis, sources: FixSources, options: FixOptions = {}): FixPlan {
  const plan: FixPlan = { files: [], sites: [], changes: [], notes: [], cdk: [] };
  const indexes = new Map<string, SourceIndex | undefined>();
  const indexOf = (file: string): SourceIndex | undefined => {
    if (!indexes.has(file)) {
      const text = isCodeFile(file) ? undefined : sources.read(file);
      const index = text === undefined ? undefined : new SourceIndex(file, text);
      indexes.set(file, index?.ok ? index : undefined);
    }
    return indexes.get(file);
  };
  const note = (location: Location, message: string): void => {
    plan.notes.push({ location, message });
  };

  let derivedCache: DerivedPolicies | undefined;
  const derived = (): DerivedPolicies => (derivedCache ??= derivedPolicies(project, analysis));
  // Roles and what their functions need.
  const infos = new Map<RoleModel, RoleInfo>();
  for (const role of project.roles) {
    if (role.functions.length === 0) continue;
    if (role.functions.some((fn) => fn.cdk)) {
      for (const fn of role.functions) cdkAdvice(fn, analysis, plan, derived);
      continue;
    }
    if (role.kind === 'external') continue;
    const info: RoleInfo = { role, needs: [], byFunction: new Map(), unresolved: [], platform: [] };
    for (const fn of role.functions) {
      const permissions = analysis.permissionsOf(fn);
      if (!permissions || !permissions.analysed) {
        info.refusal ??= `the code of ${quote(fn.name)} was not analysed (no handler noops-lint can read)`;
        continue;
      }
      if (permissions.incompleteReasons.length > 0) {
        info.refusal ??= `the code of ${quote(fn.name)} could not be followed completely (${permissions.incompleteReasons[0]})`;
        continue;
      }
      for (const need of permissions.needs) {
        if (need.unresolved !== undefined) info.unresolved.push({ action: need.action, reason: need.unresolved });
        else {
          const entry = { action: need.action, resource: need.resource, optional: need.optional !== undefined };
          info.needs.push(entry);
          info.byFunction.set(fn, [...(info.byFunction.get(fn) ?? []), entry]);
        }
      }
      info.platform.push(...permissions.platform);
    }
    infos.set(role, info);
  }

  // The units (statements and template entries) of every role, located in their files.
  const units = new Map<string, Unit>();
  const sites = new Map<string, Site>();
  const unitsOf = new Map<RoleInfo, Unit[]>();
  for (const info of infos.values()) {
    const own: Unit[] = [];
    for (const statement of info.role.statements) {
      const origin = statement.origin.kind;
      if (origin !== 'inline' && origin !== 'sam-policy-template' && !isRemovableManagedKind(statement)) continue;
      const at = statement.location;
      const key = `${origin}|${at.file}:${at.line}:${at.column}`;
      let unit = units.get(key);
      if (!unit) {
        unit = { key, statements: [], kind: origin === 'inline' ? 'statement' : origin === 'managed-policy' ? 'managed' : 'template', holders: [], location: at };
        units.set(key, unit);
      }
      if (!unit.statements.includes(statement)) unit.statements.push(statement);
      if (!unit.located) {
        unit.located = true;
        locate(unit, indexOf(at.file), sites);
      }
      if (!unit.holders.includes(info)) unit.holders.push(info);
      if (!own.includes(unit)) own.push(unit);
    }
    unitsOf.set(info, own);
  }

  // How each file writes ARNs below a resource's ARN, for the resources the fix writes there.
  const forms = new Map<string, ResourceForm>();
  const formOf = (file: string): ResourceForm => {
    if (!forms.has(file)) {
      const values = project.roles.flatMap((role) => role.statements).filter((s) => s.origin.kind === 'inline').flatMap((s) => s.resources).filter((r) => r.location.file === file).map((r) => r.value);
      forms.set(file, resourceFormOf(values));
    }
    return forms.get(file);
  };
  for (const site of sites.values()) site.form = formOf(site.source.file);

  // What each unit can be judged on.
  for (const unit of units.values()) {
    if (unit.kind !== 'managed') unit.unjudged ??= unjudgedReason(unit, project);
    else {
      const judged = managedReason(unit);
      if (judged.quiet) unit.quiet = true;
      unit.unjudged = judged.quiet ? judged.reason : (unit.unjudged ?? judged.reason);
    }
  }
  // Coverage of needs the statements cannot be judged against: unresolved resources, platform needs, stream reading.
  for (const [info, own] of unitsOf) {
    for (const unit of own) {
      if (unit.unjudged || unit.kind === 'managed') continue;
      unit.unjudged = coverageReason(unit, info);
    }
  }

  // What may change with the stage, per Serverless role: a grant added there must be right in every stage.
  const stages = new Map<RoleInfo, StageContext | undefined>();
  // Roles with missing grants and no statement list: a list written for them.
  const creations = new Map<RoleInfo, NewList>();
  // Each need goes to the list whose statement grants it now, or (missing) to the role's own list.
  for (const [info, own] of unitsOf) {
    if (info.refusal) continue;
    const fixed = info.role.statements.filter((s) => s.effect === 'Allow' && !own.some((u) => !u.unjudged && u.statements.includes(s)));
    for (let need of dedupeNeeds(info.needs)) {
      const byFixed = coverage(fixed, need, info.role);
      if (byFixed === 'yes') continue;
      const granting = own.find((unit) => !unit.unjudged && unit.site && unit.statements.some((s) => statementApplies(s, need.action, need.resource, info.role.service) === 'yes'));
      if (granting?.site) {
        granting.site.assigned.push(stageSafeNarrowing(info, need, granting.statements, stages, sources, note));
        continue;
      }
      if (byFixed === 'maybe' || need.optional) continue;
      const staged = stageSafeNeed(info, need, stages, sources);
      if (typeof staged === 'string') {
        note(info.role.location, `${quote(info.role.functions[0]!.name)} needs ${need.action} on ${describeValue(need.resource)}, which its role ${quote(info.role.name)} does not grant; not written: ${staged}, so the name noops-lint resolved is right in stage ${stages.get(info)?.stage ?? 'dev'} only. Grant it on the name the manifest gives the resource in every stage.`);
        continue;
      }
      need = staged;
      const home = homeSite(info, own, sites, indexOf, project);
      if (home) {
        home.assigned.push(need);
        home.missingFor.push(...info.role.functions.map((fn) => fn.name));
      }
      else {
        const creation = creations.get(info) ?? newList(info, indexOf);
        if (typeof creation !== 'string') {
          creation.form = formOf(creation.source.file);
          creations.set(info, creation);
          creation.needs.push(need);
        } else note(info.role.location, `${quote(info.role.functions[0]!.name)} needs ${need.action} on ${describeValue(need.resource)}, which its role ${quote(info.role.name)} does not grant; ${creation}.`);
      }
    }
  }

  // A call whose resource the code computes at run time: nothing to write it on.
  for (const info of unitsOf.keys()) {
    if (info.refusal) continue;
    const seen = new Set<string>();
    for (const need of info.unresolved) {
      if (seen.has(need.action) || info.role.statements.some((s) => s.effect === 'Allow' && statementCoversAction(s, need.action) !== 'no')) continue;
      seen.add(need.action);
      note(info.role.location, `${quote(info.role.name)} does not grant ${need.action}, which the code calls on a resource noops-lint cannot determine (${need.reason}); grant it on the resource the code uses.`);
    }
  }
  // Notes for what is left as written.
  const noted = new Set<string>();
  for (const unit of units.values()) {
    if (!unit.unjudged || unit.quiet || noted.has(unit.key)) continue;
    noted.add(unit.key);
    // A refused role says so once, at the role, rather than at each statement.
    note(unit.location, `Left as written: ${unit.unjudged}.`);
  }

  // Per list: keep what is exact, rewrite or remove the rest, add what is missing.
  const edits = new Map<string, Splice[]>();
  const splicesOf = (file: string): Splice[] => {
    let list = edits.get(file);
    if (!list) edits.set(file, (list = []));
    return list;
  };
  const orderedSites = [...sites.values()].sort((a, b) => compare(a.id, b.id));
  // SAM `Policies` lists hand what their template entries granted to a statement list beside them, when there is one.
  for (const site of orderedSites) {
    if (site.kind !== 'sam-policies') continue;
    const sibling = orderedSites.find((other) => other.kind === 'statements' && other.policiesSeq === site.seq && other.units.some((u) => !u.unjudged));
    if (sibling) {
      const judged = site.units.filter((u) => !u.unjudged);
      const kept = judged.filter((u) => isExact(u, site.assigned));
      const handed = site.assigned.filter((need) => !kept.some((u) => grants(u, need)));
      // What a template fits exactly stays a template entry; the rest goes to the statements.
      const templated = chooseTemplates(handed, serviceOf(site)!, parameterValuesOf(site)).chosen.flatMap((choice) => choice.needs);
      site.handed = handed.filter((need) => !templated.includes(need));
      sibling.assigned.push(...site.handed);
      site.assigned = site.assigned.filter((need) => !site.handed!.includes(need));
      for (const unit of judged) unit.exact = kept.includes(unit);
    }
  }
  // --split-roles: a shared provider role becomes one role per function (serverless-iam-roles-per-function).
  const split = new Set<Site>();
  // Text written after everything else planned at the same offset (a copied role after its original's changes).
  const late: Array<{ file: string; splice: Splice }> = [];
  for (const [info, own] of unitsOf) {
    if (!isSharedWithDifferentNeeds(info)) continue;
    if (!options.splitRoles) {
      note(info.role.location, `${describeFunctions(info)} share the role ${quote(info.role.name)} but their code needs different grants; the fix keeps what any of them uses. Run noops-lint fix --split-roles to give each its own statements.`);
      continue;
    }
    const done = info.role.kind === 'cloudformation' ? splitCloudFormationRole(info, own, splicesOf, plan, late, creations.has(info)) : splitProviderRole(info, own, project, splicesOf, plan, (need) => stageSafeNeed(info, need, stages, sources));
    if (typeof done === 'string') note(info.role.location, `Not split: ${done}.`);
    else for (const site of Array.isArray(done) ? done : [done]) split.add(site);
  }
  for (const site of orderedSites) {
    if (split.has(site)) continue;
    const changesBefore = plan.changes.length;
    const planned = planSite(site, plan);
    if (!planned) continue;
    const own = planned.splices;
    splicesOf(site.source.file).push(...own);
    const lineOf = (offset: number): number => site.source.lineOf(offset);
    plan.sites.push({
      file: site.source.file,
      splices: own,
      lines: planned.replaceable.map((unit) => [lineOf(site.source.startOf(unit.node!)), lineOf(site.source.endOf(unit.node!))]),
      functions: [...new Set(site.missingFor)].sort(compare),
      description: plan.changes.slice(changesBefore).map((change) => change.message).join(' '),
    });
  }

  for (const creation of creations.values()) {
    const own: Splice[] = [];
    writeNewList(creation, own, plan);
    splicesOf(creation.source.file).push(...own);
    plan.sites.push({ file: creation.source.file, splices: own, lines: [], functions: creation.info.role.functions.map((fn) => fn.name).sort(compare), description: plan.changes[plan.changes.length - 1]?.message ?? '' });
  }
  for (const { file, splice } of late) splicesOf(file).push(splice);
  for (const [file, splices] of [...edits.entries()].sort((a, b) => compare(a[0], b[0]))) {
    if (splices.length === 0) continue;
    const result = fileEdit(indexOf(file)!, splices);
    if ('message' in result) {
      plan.sites = plan.sites.filter((site) => site.file !== file);
      plan.changes = plan.changes.filter((change) => change.location.file !== file);
      plan.notes.push(result);
    } else if (result.after !== result.before) plan.files.push(result);
  }
  plan.notes.sort((a, b) => compare(a.location.file, b.location.file) || a.location.line - b.location.line || compare(a.message, b.message));
  plan.changes.sort((a, b) => compare(a.location.file, b.location.file) || a.location.line - b.location.line);
  return plan;
}

/**
 * A file's splices applied. Splices that would touch the same text are a planning fault: the file is then left as it
 * is and the note says so, so the run (and a SARIF run carrying fixes) goes on. Planning keeps the changes of a file
 * apart; this is the safety net.
 */
export function fileEdit(index: SourceIndex, splices: readonly Splice[]): FilePlan | FixNote {
  const file = index.file;
  if (overlap(splices)) {
    return { location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 }, message: `Left as written: the changes planned for ${quote(file)} overlap, so none of them is made; fix its statements by hand.` };
  }
  const before = index.bom + index.text;
  const after = index.bom + applySplices(index.text, splices);
  return { file, before, after, splices: splices.map((s) => ({ ...s, start: s.start + index.bom.length, end: s.end + index.bom.length })) };
}

/** A TypeScript or JavaScript file (a Serverless configuration written as code, or a module it imports). */
function isCodeFile(file: string): boolean {
  return /\.[cm]?[jt]sx?$/i.test(file);
}

/** The splices making one list grant what is assigned to it: exact statements stay, the others are rewritten or go. */
function planSite(site: Site, plan: FixPlan): { splices: Splice[]; replaceable: Unit[] } | undefined {
  const judged = site.units.filter((u) => !u.unjudged && u.holders.every((h) => !h.refusal));
  if (judged.length === 0 && site.assigned.length === 0) return undefined;
  const exact = new Set(judged.filter((unit) => unit.exact ?? isExact(unit, site.assigned)));
  const kept = site.units.filter((u) => !judged.includes(u) || exact.has(u));
  const pending = site.assigned.filter((need) => !kept.some((u) => u.holders.length > 0 && grants(u, need)));
  const replaceable = judged.filter((u) => !exact.has(u));
  if (pending.length === 0 && replaceable.length === 0) return undefined;
  const { chosen, rest } = site.kind === 'sam-policies' ? chooseTemplates(pending, serviceOf(site)!, parameterValuesOf(site)) : { chosen: [], rest: pending };
  const splices: Splice[] = [];
  writeSite(site, kept, replaceable, groupNeeds(rest), chosen, splices, plan);
  if (splices.length === 0) return undefined;
  for (const splice of splices) splice.text = site.source.indented(splice.text);
  return { splices, replaceable };
}

/** An AWS managed policy the fix may remove: one iam/unused-permission judges whole (not an execution or administrator policy). */
function isRemovableManagedKind(statement: PolicyStatement): boolean {
  const policy = judgedManagedPolicy(statement);
  if (policy === undefined) return false;
  const breadth = administrativePolicyKind(policy);
  return breadth !== 'administrator' && breadth !== 'power-user';
}

function managedPolicyOf(unit: Unit): string {
  const origin = unit.statements[0]?.origin;
  return origin?.kind === 'managed-policy' ? origin.policy : '';
}

/**
 * Why an AWS managed policy reference stays: a role holding it not judged, or code of a function holding it using
 * part of it (quiet when the code uses all of it). Undefined when none of what it grants is used by any function
 * holding it (provider policies inherited by per-function roles count every such function): the entry goes.
 */
function managedReason(unit: Unit): { reason?: string; quiet?: boolean } {
  const refused = unit.holders.find((h) => h.refusal);
  if (refused) return { reason: refused.refusal };
  if (unit.statements.some((s) => s.effect !== 'Allow' || s.notActions.length > 0)) return { reason: 'it is an AWS managed policy with Deny or NotAction statements, which noops-lint does not judge' };
  const granted = new Set<string>();
  const used = new Set<string>();
  for (const statement of unit.statements) {
    for (const item of statement.actions) if (typeof item.value === 'string') for (const action of expandActionPattern(item.value)) granted.add(action);
    for (const info of unit.holders) {
      const service = info.role.service;
      for (const need of info.needs) if (statementCoversAction(statement, need.action) !== 'no' && statementApplies(statement, need.action, need.resource, service) !== 'no') used.add(need.action);
      for (const need of info.platform) if (statementCoversAction(statement, need.action) !== 'no' && statementApplies(statement, need.action, need.resource, service) !== 'no') used.add(need.action);
      for (const need of info.unresolved) if (statementCoversAction(statement, need.action) !== 'no') used.add(need.action);
    }
  }
  if (used.size === 0) return {};
  const unused = [...granted].filter((action) => ![...used].some((u) => u.toLowerCase() === action.toLowerCase()));
  if (unused.length === 0) return { reason: 'the code uses what it grants', quiet: true };
  const names = [...used].sort(compare);
  return { reason: `the AWS managed policy ${quote(managedPolicyOf(unit))} is partly used (${names.join(', ')}); noops-lint removes a managed policy only when the code uses none of it, so replace it by hand with a statement granting only what is used` };
}

/** `ManagedPolicyArns` / `managedPolicies`: the entries no function uses go (the list becomes `[]` when all do). */
function removeManagedEntries(site: Site, replaceable: Unit[], splices: Splice[], plan: FixPlan): void {
  if (replaceable.length === 0) return;
  const source = site.source;
  const items = site.seq.items as Node[];
  const nodes = replaceable.map((unit) => unit.node! as Node);
  if (nodes.length === items.length) splices.push(emptyList(source, site.seq));
  else splices.push(...removals(source, site.seq, nodes));
  for (const unit of replaceable) plan.changes.push({ location: unit.location, message: `${site.path}: removed ${describeUnit(unit)}; the code does not use it.` });
}

/** Finds the unit's list item and the list (its site). */
function locate(unit: Unit, source: SourceIndex | undefined, sites: Map<string, Site>): void {
  if (isCodeFile(unit.location.file)) {
    // serverless.ts and the modules it imports are read statically, never rewritten.
    unit.unjudged = `${quote(unit.location.file)} is code, and noops-lint fix edits YAML and JSON manifests only; change it by hand as the findings say`;
    return;
  }
  if (!source) {
    unit.unjudged = `${quote(unit.location.file)} could not be read again`;
    return;
  }
  let item: YAMLMap | undefined;
  let seq: YAMLSeq | undefined;
  if (unit.kind === 'statement') {
    const entry = source.nodeAt(unit.location, 'map');
    if (entry && isMap(entry.node)) item = entry.node;
    seq = entry?.parentSeq;
    unit.unjudged = item ? anchoredReason(source, item, seq) : undefined;
    if (unit.unjudged) return;
    if (item && !seq) {
      unit.unjudged = 'it is the only statement of its policy document, not an item of a Statement list';
      return;
    }
  } else if (unit.kind === 'managed') {
    // An AWS managed policy reference: a name or ARN item of ManagedPolicyArns, managedPolicies or SAM Policies.
    const entry = source.nodeAt(unit.location);
    if (entry?.parentSeq) {
      // A scalar (or an intrinsic mapping): treated as the list item it is; only its range is used.
      item = entry.node as YAMLMap;
      seq = entry.parentSeq;
    }
  } else {
    const found = source.pairAtKey(unit.location);
    if (found && found.map.items.length === 1) {
      item = found.map;
      seq = source.entryOf(found.map)?.parentSeq;
    }
  }
  if (!item || !seq) {
    unit.unjudged = 'noops-lint could not find it in the file';
    return;
  }
  unit.node = item;
  unit.unjudged = anchoredReason(source, item, seq);
  if (unit.unjudged) return;
  if (!source.json && (seq.flow || item.flow)) {
    unit.unjudged = 'it is written in flow style ([...] or {...})';
    return;
  }
  if (!source.json && source.dashOf(item) === undefined) {
    unit.unjudged = 'its list item is not written on its own line';
    return;
  }
  const id = `${source.file}@${seq.range![0]}`;
  let site = sites.get(id);
  if (!site) {
    const parent = source.entryOf(seq);
    const parentKey = parent?.parentPair ? String((parent.parentPair.key as { value?: unknown } | null)?.value ?? '') : '';
    const kind: Site['kind'] = unit.kind === 'template' || (unit.kind === 'managed' && /\.Properties\.Policies\[\d+\]/.test(unit.statements[0]?.path ?? '')) ? 'sam-policies' : unit.kind === 'managed' ? 'managed-policies' : 'statements';
    site = { id, source, seq, kind, units: [], assigned: [], path: sitePath(unit), missingFor: [] };
    if (kind === 'statements' && parentKey === 'Statement' && parent?.parentMap) {
      const documentEntry = source.entryOf(parent.parentMap);
      if (documentEntry?.parentSeq) site.policiesSeq = documentEntry.parentSeq;
    }
    sites.set(id, site);
  }
  unit.site = site;
  site.units.push(unit);
  site.units.sort((a, b) => (a.node!.range![0] ?? 0) - (b.node!.range![0] ?? 0));
}

/** Why a list item under an anchor that an alias repeats is not edited (the anchor, and where it is repeated). */
function anchoredReason(source: SourceIndex, item: Node, seq: YAMLSeq | undefined): string | undefined {
  const anchor = source.anchorOf(item) ?? (seq ? source.anchorOf(seq) : undefined);
  if (!anchor) return undefined;
  const lines = anchor.aliasLines.length === 1 ? `line ${anchor.aliasLines[0]}` : `lines ${anchor.aliasLines.join(', ')}`;
  return `it is written under the YAML anchor &${anchor.name} (line ${anchor.line}), which *${anchor.name} repeats (${lines}); a change there would change every place that uses it, so noops-lint leaves it to be edited by hand`;
}

/** `provider.iam.role.statements`, `Resources.Fn.Properties.Policies`: the list's logical path, for messages. */
function sitePath(unit: Unit): string {
  const path = unit.statements[0]?.path ?? '';
  if (unit.kind === 'managed') return path.replace(/#.*$/, '').replace(/\[\d+\]$/, '');
  if (unit.kind === 'template') return path.replace(/\.Statement\[\d+\]$/, '').replace(/\[\d+\]$/, '');
  return path.replace(/\[\d+\]$/, '');
}

/** Why a statement (or template entry) cannot be judged from what it says; undefined when it can. */
function unjudgedReason(unit: Unit, project: Project): string | undefined {
  if (unit.unjudged) return unit.unjudged;
  const refused = unit.holders.find((h) => h.refusal);
  if (refused) return refused.refusal;
  if (unit.kind === 'statement' && unit.node) {
    const extra = unit.node.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? '')).find((key) => !STATEMENT_KEYS.has(key));
    if (extra !== undefined) return `it has ${extra}, which noops-lint does not rewrite`;
  }
  const service = unit.holders[0]!.role.service;
  for (const statement of unit.statements) {
    if (statement.effect === 'Deny') return 'it is a Deny statement';
    if (statement.notActions.length > 0) return 'it uses NotAction';
    if (statement.notResources.length > 0) return 'it uses NotResource';
    if (statement.condition !== undefined) return 'it has a Condition';
    if (statement.principal !== undefined) return 'it has a Principal';
    if (statement.actions.length === 0) return 'it has no Action';
    if (statement.resources.length === 0) return 'it has no Resource';
    for (const action of statement.actions) {
      if (typeof action.value !== 'string' || action.value.includes('${')) return `its action ${describeValue(action.value)} is not a plain action name`;
      if (expandActionPattern(action.value.trim()).length === 0) return `noops-lint does not know the action ${quote(action.value)}`;
    }
    for (const resource of statement.resources) {
      if (isUnresolved(resource.value) || normaliseResource(resource.value, service) === undefined) return `noops-lint cannot evaluate its resource ${describeValue(resource.value)}`;
    }
  }
  void project;
  return undefined;
}

/** Statements granting what cannot be pinned down (an unknown resource, a platform need, stream reading) stay. */
function coverageReason(unit: Unit, info: RoleInfo): string | undefined {
  const service = info.role.service;
  for (const statement of unit.statements) {
    for (const need of info.unresolved) {
      if (statementCoversAction(statement, need.action) !== 'no') return `the code calls ${need.action} on a resource noops-lint cannot determine (${need.reason})`;
    }
    for (const need of info.platform) {
      if (statementApplies(statement, need.action, need.resource, service) !== 'no') return `it grants ${need.action}, which the platform needs${need.reason ? ` (${need.reason})` : ''}`;
    }
    for (const need of info.needs) {
      if (statementCoversAction(statement, need.action) === 'yes' && statementApplies(statement, need.action, need.resource, service) === 'maybe') {
        return `noops-lint cannot tell whether its resources include ${describeValue(need.resource)}, which the code uses with ${need.action}`;
      }
    }
    // Named one by one (not through a wildcard such as dynamodb:*), stream-reading actions are meant for a stream
    // that may be attached outside the manifest.
    for (const action of statement.actions) {
      const text = String(action.value).trim();
      if (STREAM_READING_ACTIONS.has(text.toLowerCase()) && !info.needs.some((n) => n.action.toLowerCase() === text.toLowerCase())) {
        return `it grants ${text}, which reads a stream that may be attached outside the manifest`;
      }
    }
  }
  return undefined;
}

function coverage(statements: PolicyStatement[], need: Need, role: RoleModel): 'yes' | 'maybe' | 'no' {
  let result: 'yes' | 'maybe' | 'no' = 'no';
  for (const statement of statements) {
    const applies = statementApplies(statement, need.action, need.resource, role.service);
    if (applies === 'yes') return 'yes';
    if (applies === 'maybe') result = 'maybe';
  }
  return result;
}

function grants(unit: Unit, need: Need): boolean {
  const service = unit.holders[0]?.role.service;
  return service !== undefined && unit.statements.some((s) => statementApplies(s, need.action, need.resource, service) === 'yes');
}

/** Every action the unit grants, on every resource it names, is a need assigned to its list. */
function isExact(unit: Unit, assigned: Need[]): boolean {
  if (unit.holders.length === 0 || unit.kind === 'managed') return false;
  const service = unit.holders[0]!.role.service;
  if (unit.kind === 'template') return templateFits(unit.statements, assigned, service, (action) => STREAM_READING_ACTIONS.has(action.toLowerCase()));
  for (const statement of unit.statements) {
    for (const action of statement.actions) {
      for (const granted of expandActionPattern(String(action.value).trim())) {
        for (const resource of statement.resources) {
          if (!assigned.some((need) => need.action.toLowerCase() === granted.toLowerCase() && namesSameResource(resource.value, need.resource, service))) return false;
        }
      }
    }
  }
  return true;
}

function dedupeNeeds(needs: Need[]): Need[] {
  const seen = new Map<string, Need>();
  for (const need of needs) {
    const id = `${need.action}|${resourceKey(need.resource)}`;
    const known = seen.get(id);
    if (!known) seen.set(id, { ...need });
    else if (!need.optional) known.optional = false;
  }
  return [...seen.values()];
}

interface Group {
  actions: string[];
  resources: unknown[];
}

/** Needs as statements: actions per resource, then resources with the same actions together (as `policy` prints them). */
function groupNeeds(needs: Need[]): Group[] {
  return groupStatements(dedupeNeeds(needs));
}

/** The list a role's missing grants go to: its own statement list (per-function, provider, inline policy, SAM Policies). */
function homeSite(info: RoleInfo, own: Unit[], sites: Map<string, Site>, indexOf: (file: string) => SourceIndex | undefined, project: Project): Site | undefined {
  const role = info.role;
  const sitesOfRole = own.filter((u) => u.site && u.holders.length === 1 && u.holders[0] === info).map((u) => u.site!);
  const statementSite = sitesOfRole.find((s) => s.kind === 'statements');
  if (statementSite) return statementSite;
  if (role.kind === 'serverless-provider' || role.kind === 'serverless-function' || role.kind === 'sam-generated') {
    const shared = own.filter((u) => u.site && u.site.kind === 'statements').map((u) => u.site!);
    if (role.kind === 'serverless-provider' && shared[0]) return shared[0];
    const policies = sitesOfRole.find((s) => s.kind === 'sam-policies');
    if (policies) return policies;
    if (role.kind === 'sam-generated') return samPoliciesSite(role, sites, indexOf);
  }
  void project;
  return undefined;
}

/** SAM `Policies` of a generated role's function, found through the model document even when it holds no template. */
function samPoliciesSite(role: RoleModel, sites: Map<string, Site>, indexOf: (file: string) => SourceIndex | undefined): Site | undefined {
  const fn = role.functions[0];
  if (!fn || role.functions.length !== 1) return undefined;
  const resources = fn.service.document.Resources as Record<string, unknown> | undefined;
  const definition = resources?.[fn.name] as Record<string, unknown> | undefined;
  const properties = definition?.Properties as Record<string, unknown> | undefined;
  const policies = properties?.Policies;
  if (!Array.isArray(policies) || policies.length === 0) return undefined;
  const location = locationOf(policies);
  const source = location ? indexOf(location.file) : undefined;
  const seq = location && source ? source.nodeAt(location, 'seq')?.node : undefined;
  if (!source || !seq || !isSeq(seq) || (!source.json && seq.flow)) return undefined;
  const id = `${source.file}@${seq.range![0]}`;
  let site = sites.get(id);
  if (!site) {
    site = { id, source, seq, kind: 'sam-policies', units: [], assigned: [], path: `Resources.${fn.name}.Properties.Policies`, missingFor: [], service: role.service };
    sites.set(id, site);
  }
  return site;
}

/** The resources the list's statements already write, by their normal form, to reuse their text (`${self:custom.table}`). */
function writtenResources(site: Site): Array<{ value: unknown; written: WrittenResource }> {
  const out: Array<{ value: unknown; written: WrittenResource }> = [];
  const source = site.source;
  for (const unit of site.units) {
    if (unit.kind !== 'statement') continue;
    for (const statement of unit.statements) {
      for (const resource of statement.resources) {
        if (resource.location.file !== source.file) continue;
        const entry = source.nodeAt(resource.location);
        if (!entry) continue;
        if ((entry.node as { anchor?: string }).anchor) continue;
        const text = source.sourceOf(entry.node);
        if (text.includes('\n') || text.includes('\r')) continue;
        out.push({ value: resource.value, written: { text, blockMap: isMap(entry.node) && !entry.node.flow } });
      }
    }
  }
  return out;
}

function writeSite(site: Site, kept: Unit[], replaceable: Unit[], needed: Group[], chosen: Array<TemplateChoice<Need>>, splices: Splice[], plan: FixPlan): void {
  const source = site.source;
  const service = (replaceable[0] ?? kept.find((u) => u.holders.length > 0))?.holders[0]?.role.service ?? site.units[0]?.holders[0]?.role.service ?? site.service;
  // Resources below another's ARN in the file's form (`${Bucket.Arn}/exports/*`), in the text and the messages.
  const groups = service ? needed.map((group) => ({ ...group, resources: group.resources.map((r) => inResourceForm(r, site.form, service)) })) : needed;
  const existing = writtenResources(site);
  const sample = replaceable.find((u) => u.kind === 'statement')?.node ?? site.units.find((u) => u.kind === 'statement')?.node;
  const resourceText = (value: unknown, style: StatementStyle): WrittenResource => {
    if (service) {
      const same = existing.find((e) => sameResource(e.value, value, service)) ?? existing.find((e) => namesSameResource(e.value, value, service));
      if (same && (!style.json || !same.written.blockMap)) return same.written;
    }
    return writeResource(value, style);
  };
  const listStart = source.startOf(site.seq);
  const listLine = source.lineOf(listStart);
  const listColumn = source.columnOf(listStart) + 1;
  const siteLocation: Location = replaceable[0]?.location ?? kept[0]?.location ?? { file: source.file, line: listLine, column: listColumn, endLine: listLine, endColumn: listColumn };
  const describe = (group: Group, style: StatementStyle): string => {
    void style;
    return `${group.actions.join(', ')} on ${group.resources.map((r) => describeValue(r)).join(', ')}`;
  };

  if (site.kind === 'statements') {
    const style = styleOf(source, sample);
    const remaining = [...groups];
    const removed: Unit[] = [];
    // A statement takes the group it granted part of.
    const matched = new Map<Unit, Group>();
    for (const unit of replaceable) {
      const index = remaining.findIndex((group) => group.actions.some((action) => group.resources.some((resource) => grants(unit, { action, resource, optional: false }))));
      if (index >= 0) matched.set(unit, remaining.splice(index, 1)[0]!);
    }
    // A statement unrelated to every group goes, and the groups left are added as new statements.
    for (const unit of replaceable) {
      const group = matched.get(unit);
      const node = unit.node!;
      const was = describeUnit(unit);
      if (!group) {
        removed.push(unit);
        plan.changes.push({ location: unit.location, message: `${site.path}: removed the statement granting ${was}; the code does not use it.` });
        continue;
      }
      const unitStyle = styleOf(source, node);
      splices.push(...rewriteValues(source, node, unitStyle, group.actions, group.resources.map((r) => resourceText(r, unitStyle))));
      plan.changes.push({ location: unit.location, message: `${site.path}: the statement granting ${was} now grants ${describe(group, unitStyle)}.` });
    }
    const items = site.seq.items as Node[];
    const stays = items.filter((item) => !removed.some((u) => u.node === item));
    const statementText = (group: Group) => (column: number): string => writeStatement(style, column, group.actions, group.resources.map((r) => resourceText(r, style)));
    if (stays.length === 0 && remaining.length === 0) {
      // Nothing left: an empty list (`iamRoleStatements: []`) rather than a key with no value.
      splices.push(emptyList(source, site.seq));
      return;
    }
    if (stays.length === 0) {
      // Every statement goes: the new ones take the place of the whole list (after the last of them, they would be
      // written inside the text removed).
      splices.push(replaceItems(source, site.seq, remaining.map(statementText)));
    } else {
      splices.push(...removals(source, site.seq, removed.map((u) => u.node!)));
      if (remaining.length > 0) {
        const after = stays[stays.length - 1]!;
        const text = remaining.map((group) => itemText(source, site.seq, after, statementText(group)));
        splices.push({ start: source.endOf(after), end: source.endOf(after), text: text.join('') });
      }
    }
    for (const group of remaining) plan.changes.push({ location: siteLocation, message: `${site.path}: added a statement granting ${describe(group, style)}.` });
    return;
  }

  if (site.kind === 'managed-policies') {
    removeManagedEntries(site, replaceable, splices, plan);
    return;
  }

  // SAM Policies: template entries that are not exact go. What they and the missing grants should give is written
  // as the templates that fit exactly (a replaced entry whose parameter names the same resource is renamed in place),
  // and the rest as one `Statement:` entry, in place of the first entry that goes (or at the end of the list).
  const style = { ...styleOf(source, sample), keyOrder: ['Effect', 'Action', 'Resource'] };
  const items = site.seq.items as Node[];
  const removedEntries: Node[] = [];
  const nl = source.newline;
  const documentText = (column: number): string => {
    if (source.json) {
      const inner = groups.map((group) => ' '.repeat(column + 2 * style.indent) + writeStatement(style, column + 2 * style.indent, group.actions, group.resources.map((r) => resourceText(r, style)))).join(`,${nl}`);
      return `{${nl}${' '.repeat(column + style.indent)}"Statement": [${nl}${inner}${nl}${' '.repeat(column + style.indent)}]${nl}${' '.repeat(column)}}`;
    }
    const statementColumn = column + style.indent + 2;
    const inner = groups.map((group) => `${' '.repeat(column + style.indent)}- ${writeStatement(style, statementColumn, group.actions, group.resources.map((r) => resourceText(r, style)))}`).join(nl);
    return `Statement:${nl}${inner}`;
  };
  const parameters = site.parameters ?? [];
  const remaining = [...chosen];
  const renamed = new Set<Unit>();
  for (const unit of replaceable) {
    if (unit.kind === 'managed') continue; // a managed policy name is not renamed into a template
    const own = parameters.filter((p) => p.entry === locationKey(unit.location));
    const index = remaining.findIndex((choice) => (choice.parameter ? own.length === 1 && own[0]!.name === choice.parameter.name && sameValue(own[0]!.value, choice.parameter.value) : own.length === 0));
    const key = (unit.node!.items[0]?.key ?? null) as Node | null;
    if (index < 0 || !key?.range) continue;
    const choice = remaining.splice(index, 1)[0]!;
    renamed.add(unit);
    splices.push({ start: source.startOf(key), end: source.endOf(key), text: source.json ? JSON.stringify(choice.template) : choice.template });
    plan.changes.push({ location: unit.location, message: `${site.path}: ${describeUnit(unit)} replaced by ${choice.template}, which grants ${describeChoice(choice)}.` });
  }
  const entryWriters = remaining.map((choice) => (column: number) => templateEntryText(source, style, choice, column, site.parameterIndent ?? style.indent, parameters));
  if (groups.length > 0) entryWriters.push(documentText);
  const added = [...remaining.map((choice) => `the ${choice.template} policy template, granting ${describeChoice(choice)}`), ...(groups.length > 0 ? [`statements granting ${groups.map((g) => describe(g, style)).join('; ')}`] : [])].join(', and ');
  let placed = entryWriters.length === 0;
  for (const unit of replaceable) {
    if (renamed.has(unit)) continue;
    const node = unit.node!;
    const was = describeUnit(unit);
    if (!placed) {
      placed = true;
      const start = source.startOf(node);
      const column = source.columnOf(start);
      const text = entryWriters[0]!(column) + entryWriters.slice(1).map((write) => itemText(source, site.seq, node, write)).join('');
      splices.push({ start, end: source.endOf(node), text });
      plan.changes.push({ location: unit.location, message: `${site.path}: replaced ${was} with ${added}.` });
      continue;
    }
    removedEntries.push(node);
    const moved = [...new Set((site.handed ?? []).filter((need) => grants(unit, need)).map((need) => need.action))].sort(compare);
    const why = moved.length > 0 ? `what the code uses of it (${moved.join(', ')}) is granted by the statements beside it` : 'the code does not use it';
    plan.changes.push({ location: unit.location, message: `${site.path}: removed ${was}; ${why}.` });
  }
  if (removedEntries.length > 0) {
    if (removedEntries.length === items.length) splices.push(emptyList(source, site.seq));
    else splices.push(...removals(source, site.seq, removedEntries));
  }
  if (!placed) {
    const after = items[items.length - 1];
    if (!after) return;
    splices.push({ start: source.endOf(after), end: source.endOf(after), text: entryWriters.map((write) => itemText(source, site.seq, after, write)).join('') });
    plan.changes.push({ location: siteLocation, message: `${site.path}: added ${added}.` });
  }
}

const sourceOfSite = (site: Site): SourceIndex => site.source;

function serviceOf(site: Site): RoleModel['service'] | undefined {
  return site.service ?? site.units.find((u) => u.holders.length > 0)?.holders[0]?.role.service;
}

/** The parameter values the SAM template already writes (tried first when choosing a template, to keep their text). */
function parameterValuesOf(site: Site): unknown[] {
  const service = serviceOf(site);
  if (!service) return [];
  site.parameters ??= writtenParameters(service, site.source);
  if (site.parameterIndent === undefined) {
    // How far the manifest indents a template's parameters from its name (`- S3ReadPolicy:` / `    BucketName:`).
    for (const unit of site.units) {
      const pair = unit.kind === 'template' ? unit.node?.items[0] : undefined;
      const key = pair?.key as Node | undefined;
      const params = pair?.value as Node | undefined;
      const first = params && isMap(params) && !params.flow ? (params.items[0]?.key as Node | undefined) : undefined;
      if (key?.range && first?.range && sourceOfSite(site).lineOf(first.range[0]) > sourceOfSite(site).lineOf(key.range[0])) {
        site.parameterIndent = sourceOfSite(site).columnOf(first.range[0]) - sourceOfSite(site).columnOf(sourceOfSite(site).startOf(key));
        break;
      }
    }
  }
  const seen = new Set<string>();
  return site.parameters.filter((p) => !seen.has(JSON.stringify(p.value)) && (seen.add(JSON.stringify(p.value)), true)).map((p) => p.value);
}

/** `dynamodb:GetItem, dynamodb:Query on !GetAtt T.Arn`: what a chosen template grants that the code uses. */
function describeChoice(choice: TemplateChoice<Need>): string {
  return groupNeeds(choice.needs).map((g) => `${g.actions.join(', ')} on ${g.resources.map((r) => describeValue(r)).join(', ')}`).join('; ');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function locationKey(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** A template parameter a SAM manifest writes: its entry (by the template key's location), name, value and text. */
interface WrittenParameter {
  entry: string;
  name: string;
  value: unknown;
  /** Its text in the file, when it is one line. */
  text?: string;
}

/** Whether a SAM template's functions write policy template entries. */
function writesTemplates(service: RoleModel['service']): boolean {
  const resources = isRecordValue(service.document.Resources) ? service.document.Resources : {};
  return Object.values(resources).some((definition) => {
    const properties = isRecordValue(definition) ? definition.Properties : undefined;
    const policies = isRecordValue(properties) ? properties.Policies : undefined;
    return Array.isArray(policies) && policies.some((entry) => isRecordValue(entry) && Object.keys(entry).length === 1 && isPolicyTemplateName(Object.keys(entry)[0]!));
  });
}

/** The template parameters the functions of a SAM template write, to reuse their values and text. */
function writtenParameters(service: RoleModel['service'], source: SourceIndex): WrittenParameter[] {
  const out: WrittenParameter[] = [];
  const resources = isRecordValue(service.document.Resources) ? service.document.Resources : {};
  for (const definition of Object.values(resources)) {
    const properties = isRecordValue(definition) ? definition.Properties : undefined;
    const policies = isRecordValue(properties) ? properties.Policies : undefined;
    if (!Array.isArray(policies)) continue;
    for (const entry of policies) {
      if (!isRecordValue(entry) || isIntrinsic(entry)) continue;
      const names = Object.keys(entry);
      if (names.length !== 1 || !isPolicyTemplateName(names[0]!)) continue;
      const at = locationOfKey(entry, names[0]!);
      const params = entry[names[0]!];
      if (!at || !isRecordValue(params)) continue;
      for (const [name, value] of Object.entries(params)) {
        const location = locationOfValue(params, name);
        const node = location && location.file === source.file ? source.nodeAt(location)?.node : undefined;
        const text = node && !(node as { anchor?: string }).anchor ? source.sourceOf(node) : undefined;
        out.push({ entry: locationKey(at), name, value, ...(text !== undefined && !/[\r\n]/.test(text) ? { text } : {}) });
      }
    }
  }
  return out;
}

/** A template entry (`DynamoDBReadPolicy:` and its parameter) for a list item whose key is at `column`. */
function templateEntryText(source: SourceIndex, style: StatementStyle, choice: TemplateChoice<Need>, column: number, indent: number, written: readonly WrittenParameter[]): string {
  const nl = source.newline;
  const parameter = choice.parameter;
  const known = parameter ? written.find((w) => w.text !== undefined && sameValue(w.value, parameter.value)) : undefined;
  if (source.json) {
    if (!parameter) return `{ ${JSON.stringify(choice.template)}: {} }`;
    const value = known && !known.text!.includes('\n') ? known.text! : jsonInline(parameter.value, style.paddedBraces);
    return `{${nl}${' '.repeat(column + indent)}${JSON.stringify(choice.template)}: {${nl}${' '.repeat(column + 2 * indent)}${JSON.stringify(parameter.name)}: ${value}${nl}${' '.repeat(column + indent)}}${nl}${' '.repeat(column)}}`;
  }
  if (!parameter) return `${choice.template}: {}`;
  const written_ = known ? { text: known.text!, blockMap: false } : writeResource(parameter.value, style);
  const value = written_.blockMap ? `${nl}${' '.repeat(column + indent + 2)}${written_.text}` : ` ${written_.text}`;
  return `${choice.template}:${nl}${' '.repeat(column + indent)}${parameter.name}:${value}`;
}

/** The splices giving a statement new Action and Resource values; its other keys, their quoting and comments stay. */
function rewriteValues(source: SourceIndex, statement: YAMLMap, style: StatementStyle, actions: string[], resources: WrittenResource[]): Splice[] {
  const splices: Splice[] = [];
  const keyColumn = (pair: NonNullable<ReturnType<typeof pairOf>>): number => source.columnOf((pair.key as Node).range![0]);
  const replace = (name: 'Action' | 'Resource', items: string[], blockMaps: boolean): void => {
    const pair = pairOf(statement, name)!;
    const key = pair.key as Node;
    const value = pair.value as Node;
    const itemEdits = listItemEdits(source, value, items, name === 'Action');
    if (itemEdits) {
      splices.push(...itemEdits);
      return;
    }
    // From the end of the key (its closing quote in JSON) to the end of the value: `: x` or `:` and a list.
    const keyEnd = source.endOf(key);
    const colon = source.text.indexOf(':', keyEnd);
    splices.push({ start: colon, end: source.endOf(value), text: writeValue(style, source.json ? keyColumn(pair) : keyColumn(pair), name, items, blockMaps) });
  };
  replace('Action', actionTexts(style, actions), false);
  replace('Resource', resources.map((r) => r.text), resources.some((r) => r.blockMap));
  return splices;
}

/**
 * The splices turning a written list (a YAML block list or a JSON array) into `items` item by item, when some of its
 * items stay: the items that go are removed, new ones are added after the last that stays, and the ones that stay keep
 * their text and comments. Undefined when the list is rewritten whole (a scalar, a flow list, nothing stays).
 */
function listItemEdits(source: SourceIndex, value: Node, items: readonly string[], actions: boolean): Splice[] | undefined {
  if (!isSeq(value) || value.items.length === 0 || (!source.json && value.flow)) return undefined;
  const old = value.items as Node[];
  if (!source.json && old.some((node) => source.dashOf(node) === undefined)) return undefined;
  const written = (node: Node): string => source.sourceOf(node);
  const sameItem = (node: Node, text: string): boolean => {
    if (written(node) === text) return true;
    if (!actions || !isScalar(node) || typeof node.value !== 'string') return false;
    const plain = source.json ? (JSON.parse(text) as string) : text.replace(/^'(.*)'$/s, (_, inner: string) => inner.replace(/''/g, "'")).replace(/^"(.*)"$/s, '$1');
    return node.value.trim().toLowerCase() === plain.toLowerCase();
  };
  const stays = new Set<Node>();
  const added: string[] = [];
  for (const text of items) {
    const node = old.find((n) => !stays.has(n) && sameItem(n, text));
    if (node) stays.add(node);
    else added.push(text);
  }
  if (stays.size === 0) return undefined;
  const inline = source.json && !source.text.slice(source.startOf(value), source.endOf(value)).includes('\n');
  if (inline && added.length > 0) return undefined;
  const gone = old.filter((node) => !stays.has(node));
  const splices = gone.length > 0 ? removals(source, value, gone) : [];
  if (added.length > 0) {
    const last = old.filter((node) => stays.has(node)).pop()!;
    splices.push({ start: source.endOf(last), end: source.endOf(last), text: added.map((text) => itemText(source, value, last, () => text)).join('') });
  }
  return splices;
}

/** What a unit grants, for messages: `dynamodb:* on *`, `the S3CrudPolicy template`. */
function describeUnit(unit: Unit): string {
  if (unit.kind === 'managed') return `the AWS managed policy ${quote(managedPolicyOf(unit))}`;
  if (unit.kind === 'template') return `the ${unit.statements[0]?.origin.kind === 'sam-policy-template' ? unit.statements[0].origin.template : ''} policy template`;
  const statement = unit.statements[0]!;
  return `${statement.actions.map((a) => describeValue(a.value)).join(', ')} on ${statement.resources.map((r) => describeValue(r.value)).join(', ')}`;
}

/** A new list item after `after`, in the list's own layout (`- ` at the dash column, or `,` and a JSON element). */
function itemText(source: SourceIndex, seq: YAMLSeq, after: Node, write: (column: number) => string): string {
  const nl = source.newline;
  if (source.json) {
    const column = source.columnOf(source.startOf(after));
    return `,${nl}${' '.repeat(column)}${write(column)}`;
  }
  const dash = source.dashOf(after);
  const dashColumn = dash !== undefined ? source.columnOf(dash) : source.columnOf(source.startOf(after)) - 2;
  const column = source.columnOf(source.startOf(after));
  void seq;
  return `${nl}${' '.repeat(dashColumn)}-${' '.repeat(Math.max(1, column - dashColumn - 1))}${write(column)}`;
}

/** The splice leaving a list empty: `key: []` (`"key": []` in JSON), or `[]` for a list that is the whole file. */
function emptyList(source: SourceIndex, seq: YAMLSeq): Splice {
  const pair = source.entryOf(seq)?.parentPair;
  const end = source.endOf(seq);
  if (pair?.key && (pair.key as Node).range) {
    const colon = source.text.indexOf(':', source.endOf(pair.key as Node));
    return { start: colon, end, text: ': []' };
  }
  const first = seq.items[0] as Node | undefined;
  const dash = first && !source.json ? source.dashOf(first) : undefined;
  return { start: dash ?? source.startOf(seq), end, text: '[]' };
}

/**
 * The splices removing some items of a list (not all of them): their lines in YAML; in JSON each run of adjacent
 * items with the comma before or after it, so two removals never touch the same comma.
 */
function removals(source: SourceIndex, seq: YAMLSeq, nodes: readonly Node[]): Splice[] {
  const items = seq.items as Node[];
  const gone = new Set(nodes);
  if (!source.json) return items.filter((item) => gone.has(item)).map((item) => removal(source, item));
  const splices: Splice[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (!gone.has(items[i]!)) continue;
    let j = i;
    while (j + 1 < items.length && gone.has(items[j + 1]!)) j += 1;
    const next = items[j + 1];
    const previous = items[i - 1];
    if (next) splices.push({ start: source.startOf(items[i]!), end: source.startOf(next), text: '' });
    else if (previous) splices.push({ start: source.endOf(previous), end: source.endOf(items[j]!), text: '' });
    else splices.push({ start: source.startOf(items[i]!), end: source.endOf(items[j]!), text: '' });
    i = j;
  }
  return splices;
}

/** The splice removing one item of a YAML block list: its lines (comment lines before it stay). */
function removal(source: SourceIndex, node: Node): Splice {
  const dash = source.dashOf(node) ?? source.startOf(node);
  const start = source.lineStartOf(dash);
  let end = source.endOf(node);
  const newline = source.text.indexOf('\n', end);
  end = newline < 0 ? source.text.length : newline + 1;
  // The last item of the file's last line: take the newline before it instead.
  if (newline < 0 && start > 0) return { start: start - (source.text[start - 2] === '\r' ? 2 : 1), end, text: '' };
  return { start, end, text: '' };
}

/** The splice putting new items in place of every item of a list, in its layout. */
function replaceItems(source: SourceIndex, seq: YAMLSeq, writers: Array<(column: number) => string>): Splice {
  const items = seq.items as Node[];
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const column = source.columnOf(source.startOf(first));
  if (source.json) {
    const text = writers.map((write) => write(column)).join(`,${source.newline}${' '.repeat(column)}`);
    return { start: source.startOf(first), end: source.endOf(last), text };
  }
  const dash = source.dashOf(first)!;
  const dashColumn = source.columnOf(dash);
  const gap = ' '.repeat(Math.max(1, column - dashColumn - 1));
  const text = writers.map((write) => `-${gap}${write(column)}`).join(`${source.newline}${' '.repeat(dashColumn)}`);
  return { start: dash, end: source.endOf(last), text };
}

/** A role of several functions whose code needs different grants (each would get the others' grants). */
function isSharedWithDifferentNeeds(info: RoleInfo): boolean {
  if (info.refusal || info.role.functions.length < 2) return false;
  const signature = (fn: FunctionModel): string =>
    [...new Set((info.byFunction.get(fn) ?? []).filter((n) => !n.optional).map((n) => `${n.action}|${resourceKey(n.resource)}`))].sort(compare).join(',');
  return new Set(info.role.functions.map(signature)).size > 1;
}

function describeFunctions(info: RoleInfo): string {
  const names = info.role.functions.map((fn) => quote(fn.name));
  return names.length <= 4 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more functions`;
}

const PER_FUNCTION_PLUGIN = 'serverless-iam-roles-per-function';

/**
 * Gives each function of the generated provider role its own `iamRoleStatements` with what its code uses, and empties
 * the provider's statements. Only for a serverless.yml listing serverless-iam-roles-per-function, whose provider
 * statements noops-lint can all judge. Returns the provider list it replaced, or why it cannot split.
 */
function splitProviderRole(info: RoleInfo, own: Unit[], project: Project, splicesOf: (file: string) => Splice[], plan: FixPlan, stageSafe: (need: Need) => Need | string): Site | string {
  const role = info.role;
  if (role.kind !== 'serverless-provider') return `${quote(role.name)} is not the role a serverless.yml generates; noops-lint splits only that one`;
  const document = role.service.document;
  const plugins = Array.isArray(document.plugins) ? document.plugins : isRecordValue(document.plugins) && Array.isArray(document.plugins.modules) ? document.plugins.modules : [];
  if (!plugins.some((p) => typeof p === 'string' && p.includes(PER_FUNCTION_PLUGIN))) return `the service does not list the ${PER_FUNCTION_PLUGIN} plugin, which gives each function its own role`;
  const custom = isRecordValue(document.custom) ? document.custom[PER_FUNCTION_PLUGIN] : undefined;
  if (isRecordValue(custom) && custom.defaultInherit === true) return `${PER_FUNCTION_PLUGIN} is set to inherit the provider statements (defaultInherit)`;
  if (role.managedPolicies.length > 0) return `${quote(role.name)} also has managed policies, which the functions' own roles would not get`;
  const unjudged = own.find((u) => u.unjudged);
  if (unjudged) return `a statement of ${quote(role.name)} is left as written (${unjudged.unjudged})`;
  const sites = [...new Set(own.map((u) => u.site).filter((s): s is Site => s !== undefined))];
  if (sites.length !== 1 || sites[0]!.kind !== 'statements') return `the statements of ${quote(role.name)} are not one list noops-lint can edit`;
  const site = sites[0]!;
  const source = site.source;
  const functions = isRecordValue(document.functions) ? document.functions : {};
  const targets: Array<{ fn: FunctionModel; map: YAMLMap; groups: Group[] }> = [];
  for (const fn of role.functions) {
    const definition = functions[fn.name];
    const location = locationOf(definition);
    const entry = location && location.file === source.file ? source.nodeAt(location, 'map') : undefined;
    if (!entry || !isMap(entry.node) || entry.node.flow || source.isAnchored(entry.node) || source.json) return `the definition of ${quote(fn.name)} is not a block mapping in ${quote(source.file)}`;
    const needs: Need[] = [];
    for (const need of (info.byFunction.get(fn) ?? []).filter((n) => !n.optional || role.statements.some((s) => statementApplies(s, n.action, n.resource, role.service) === 'yes'))) {
      // Each function's statements are written anew: every name in them must be right in every stage.
      const staged = stageSafe(need);
      if (typeof staged === 'string') return `the grant of ${need.action} to ${quote(fn.name)} on ${describeValue(need.resource)} would name its resource for one stage only (${staged})`;
      needs.push(staged);
    }
    targets.push({ fn, map: entry.node, groups: groupNeeds(needs) });
  }
  const splices = splicesOf(source.file);
  splices.push(emptyList(source, site.seq));
  plan.changes.push({ location: site.units[0]?.location ?? role.location, message: `${site.path}: emptied; each function of ${quote(role.name)} gets its own iamRoleStatements (${PER_FUNCTION_PLUGIN}).` });
  const style = styleOf(source, site.units.find((u) => u.kind === 'statement')?.node);
  const existing = writtenResources(site);
  const form = resourceFormOf(role.statements.filter((s) => s.origin.kind === 'inline').flatMap((s) => s.resources).filter((r) => r.location.file === source.file).map((r) => r.value));
  const written = (value: unknown): WrittenResource => existing.find((e) => namesSameResource(e.value, value, role.service))?.written ?? writeResource(inResourceForm(value, form, role.service), style);
  const nl = source.newline;
  for (const { fn, map, groups } of targets) {
    if (groups.length === 0) continue;
    const column = source.columnOf(source.startOf(map));
    const items = groups.map((group) => `${' '.repeat(column + style.indent)}- ${writeStatement(style, column + style.indent + 2, group.actions, group.resources.map(written))}`);
    const end = source.endOf(map);
    splices.push({ start: end, end, text: `${nl}${' '.repeat(column)}iamRoleStatements:${nl}${items.join(nl)}` });
    plan.changes.push({ location: fn.location, message: `functions.${fn.name}.iamRoleStatements: added, granting ${groups.map((g) => `${g.actions.join(', ')} on ${g.resources.map((r) => describeValue(r)).join(', ')}`).join('; ')}.` });
  }
  void project;
  return site;
}

/**
 * Splits an AWS::IAM::Role that functions with different needs share (SAM or CloudFormation `Role: !GetAtt R.Arn`,
 * Serverless `role: R`): the functions with the same needs keep a role each, the first group keeps R, and each other
 * group gets a copy of R's definition (named after its first function) whose statements grant what that group uses;
 * their Role references name the copy. Returns R's lists (planned here) or why it cannot split.
 */
function splitCloudFormationRole(info: RoleInfo, own: Unit[], splicesOf: (file: string) => Splice[], plan: FixPlan, late: Array<{ file: string; splice: Splice }>, hasNoList: boolean): Site[] | string {
  const role = info.role;
  const document = role.service.document;
  if (hasNoList) return `${quote(role.name)} has no statement list noops-lint can edit`;
  const unjudged = own.find((u) => u.unjudged);
  if (unjudged) return `a statement of ${quote(role.name)} is left as written (${unjudged.unjudged})`;
  const sites = [...new Set(own.map((u) => u.site).filter((s): s is Site => s !== undefined))];
  if (sites.length === 0 || sites.some((s) => s.kind !== 'statements' || s.source !== sites[0]!.source)) return `the statements of ${quote(role.name)} are not lists noops-lint can edit in one file`;
  const source = sites[0]!.source;
  const serverlessResources = isRecordValue(document.resources) && isRecordValue(document.resources.Resources) ? document.resources.Resources : undefined;
  const resources = isRecordValue(document.Resources) ? document.Resources : serverlessResources;
  const definition = resources?.[role.name];
  if (!resources || !isRecordValue(definition)) return `noops-lint did not find the definition of ${quote(role.name)}`;
  const properties = definition.Properties;
  if (isRecordValue(properties) && properties.RoleName !== undefined) return `${quote(role.name)} sets RoleName, which each new role would need its own of`;
  const keyAt = locationOfKey(resources, role.name);
  const found = keyAt && keyAt.file === source.file ? source.pairAtKey(keyAt) : undefined;
  const key = found?.pair.key as Node | undefined;
  const value = found?.pair.value as Node | undefined;
  if (!key?.range || !value?.range || !isMap(value) || (!source.json && value.flow) || source.isAnchored(value)) return `the definition of ${quote(role.name)} is not a mapping noops-lint can copy`;
  const blockStart = source.json ? source.startOf(key) : source.lineStartOf(source.startOf(key));
  const blockEnd = source.endOf(value);
  if (sites.some((site) => site.seq.range![0] < blockStart || site.seq.range![1] > value.range![1])) return `some statements of ${quote(role.name)} are written outside its definition`;

  // The functions' references to the role, and nothing else that refers to it (a policy attached to it, a resource
  // policy naming it: the new roles would not have them).
  const functions = isRecordValue(document.functions) ? document.functions : undefined;
  const referenceOf = (fn: FunctionModel): { parent: Record<string, unknown>; key: string } | undefined => {
    const fnDefinition = resources[fn.name];
    const fnProperties = isRecordValue(fnDefinition) ? fnDefinition.Properties : undefined;
    if (isRecordValue(fnProperties) && fnProperties.Role !== undefined) return { parent: fnProperties, key: 'Role' };
    const slsDefinition = functions?.[fn.name];
    if (isRecordValue(slsDefinition) && slsDefinition.role !== undefined) return { parent: slsDefinition, key: 'role' };
    return undefined;
  };
  const mentions = new RegExp(`(^|[^A-Za-z0-9])${role.name}([^A-Za-z0-9]|$)`);
  const references = new Map<FunctionModel, Node>();
  for (const fn of role.functions) {
    const reference = referenceOf(fn);
    const at = reference ? locationOfValue(reference.parent, reference.key) : undefined;
    const node = at && at.file === source.file ? source.nodeAt(at)?.node : undefined;
    if (!node?.range || source.isAnchored(node) || !mentions.test(source.sourceOf(node))) return `the role of ${quote(fn.name)} is not named in its own definition in ${quote(source.file)}`;
    references.set(fn, node);
  }
  const skip = new Set<unknown>([definition, ...role.functions.map((fn) => referenceOf(fn)?.parent[referenceOf(fn)!.key])]);
  for (const [id, other] of Object.entries(resources)) {
    if (id === role.name || role.functions.some((fn) => fn.name === id)) continue;
    if (refersTo(other, role.name, skip)) return `${quote(id)} also refers to ${quote(role.name)}, and a new role would not get what it gives`;
  }

  // Functions with the same needs share a role: the first group keeps this one.
  const needsOf = (fn: FunctionModel): Need[] => (info.byFunction.get(fn) ?? []).filter((n) => !n.optional || role.statements.some((s) => statementApplies(s, n.action, n.resource, role.service) === 'yes'));
  const signature = (fn: FunctionModel): string => [...new Set(needsOf(fn).filter((n) => !n.optional).map((n) => `${n.action}|${resourceKey(n.resource)}`))].sort(compare).join(',');
  const groups = new Map<string, FunctionModel[]>();
  for (const fn of role.functions) groups.set(signature(fn), [...(groups.get(signature(fn)) ?? []), fn]);
  const fixed = role.statements.filter((s) => s.effect === 'Allow' && !own.some((u) => u.statements.includes(s)));
  const home = sites[0]!;
  const assignment = (fns: FunctionModel[]): Map<Site, Need[]> => {
    const out = new Map<Site, Need[]>();
    for (const need of dedupeNeeds(fns.flatMap(needsOf))) {
      const unit = own.find((u) => u.site && grants(u, need));
      const byFixed = coverage(fixed, need, role);
      if (!unit && (byFixed !== 'no' || need.optional)) continue;
      const site = unit?.site ?? home;
      out.set(site, [...(out.get(site) ?? []), need]);
    }
    return out;
  };
  const [first, ...others] = [...groups.values()];
  const firstAssignment = assignment(first!);
  for (const site of sites) site.assigned = firstAssignment.get(site) ?? [];

  const taken = new Set(Object.keys(resources));
  const nl = source.newline;
  const blankAfter = /^\r?\n[ \t]*\r?\n/.test(source.text.slice(blockEnd));
  const names: string[] = [];
  for (const group of others) {
    let name = `${group[0]!.name}Role`;
    for (let n = 2; taken.has(name); n += 1) name = `${group[0]!.name}Role${n}`;
    taken.add(name);
    names.push(name);
    // R's statement lists rewritten for this group, applied to a copy of R's text.
    const groupAssignment = assignment(group);
    const scratch: FixPlan = { files: [], sites: [], changes: [], notes: [], cdk: [] };
    const inner: Splice[] = [];
    for (const site of sites) inner.push(...(planSite({ ...site, assigned: groupAssignment.get(site) ?? [], missingFor: [] }, scratch)?.splices ?? []));
    const copy = applySplices(source.text.slice(blockStart, blockEnd), inner.map((splice) => ({ ...splice, start: splice.start - blockStart, end: splice.end - blockStart })));
    const keyOffset = source.startOf(key) - blockStart;
    const renamed = copy.slice(0, keyOffset) + (source.json ? JSON.stringify(name) : name) + copy.slice(keyOffset + source.sourceOf(key).length);
    const text = source.json ? `,${nl}${source.text.slice(source.lineStartOf(blockStart), blockStart)}${renamed}` : `${nl}${blankAfter ? nl : ''}${renamed}`;
    late.push({ file: source.file, splice: { start: blockEnd, end: blockEnd, text } });
    const granted = groupNeeds([...groupAssignment.values()].flat()).map((g) => `${g.actions.join(', ')} on ${g.resources.map((r) => describeValue(r)).join(', ')}`);
    plan.changes.push({ location: role.location, message: `${name}: added, a copy of ${quote(role.name)} for ${listOf(group.map((fn) => quote(fn.name)))}${granted.length > 0 ? `, granting ${granted.join('; ')}` : ''}.` });
    for (const fn of group) {
      const node = references.get(fn)!;
      const before = source.sourceOf(node);
      const after = before.replace(new RegExp(`(^|[^A-Za-z0-9])${role.name}(?=[^A-Za-z0-9]|$)`, 'g'), `$1${name}`);
      splicesOf(source.file).push({ start: source.startOf(node), end: source.endOf(node), text: after });
      plan.changes.push({ location: fn.location, message: `${quote(fn.name)} now uses the role ${quote(name)} (${after}).` });
    }
  }
  plan.changes.push({ location: role.location, message: `${quote(role.name)} is kept for ${listOf(first!.map((fn) => quote(fn.name)))}; ${listOf(names.map(quote))} ${names.length === 1 ? 'is' : 'are'} added for the other functions that shared it (--split-roles).` });
  return [];
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Whether a value refers to a resource (`!Ref R`, `!GetAtt R.Arn`, `${R}` in a Sub, `DependsOn: R`), values in `skip` aside. */
function refersTo(value: unknown, id: string, skip: Set<unknown>): boolean {
  if (skip.has(value)) return false;
  if (typeof value === 'string') return value === id || value.startsWith(`${id}.`) || value.includes(`\${${id}}`) || value.includes(`\${${id}.`);
  if (Array.isArray(value)) return value.some((item) => refersTo(item, id, skip));
  if (isRecordValue(value)) return Object.values(value).some((item) => refersTo(item, id, skip));
  return false;
}

function isRecordValue(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** CDK apps are not edited: the code to write in the app, when the function's code was followed completely and its grants differ from its needs. */
function cdkAdvice(fn: FunctionModel, analysis: ProjectAnalysis, plan: FixPlan, derived: () => DerivedPolicies): void {
  const permissions = analysis.permissionsOf(fn);
  if (!permissions || !permissions.analysed || permissions.incompleteReasons.length > 0) return;
  const role = fn.role;
  const needed = new Set([...permissions.needs, ...permissions.platform].map((n) => n.action.toLowerCase()));
  const missing = permissions.needs.some((n) => n.unresolved === undefined && n.optional === undefined && evaluateRole(role, n.action, n.resource).decision === 'not-granted');
  const unused = role.statements.some(
    (s) => (s.origin.kind === 'cdk-grant' || s.origin.kind === 'inline') && s.effect === 'Allow' && s.actions.some((a) => typeof a.value === 'string' && expandActionPattern(a.value).some((action) => !needed.has(action.toLowerCase()))),
  );
  if (!missing && !unused) return;
  const policy = derived().functions.find((p) => p.service === fn.service.id && p.function === fn.name);
  if (policy?.cdk) plan.cdk.push({ function: fn.name, manifest: fn.service.manifest, code: policy.cdk });
}

/** A statement list to write where a role has none: the mapping it goes in, and the keys to create there. */
interface NewList {
  info: RoleInfo;
  source: SourceIndex;
  map: YAMLMap;
  /** `provider.iam.role.statements`, for messages. */
  path: string;
  /** Keys from `map` down to the list (`iam`, `role`, `statements`); the last holds the list. */
  keys: string[];
  /** What each list item wraps the statements in. */
  shape: 'statements' | 'sam-document' | 'role-policy';
  /** How the file writes ARNs below a resource's ARN. */
  form?: ResourceForm;
  /** An empty list written `key: []`: from its colon to the end of `[]`, replaced by the list; its key's column. */
  replace?: { start: number; end: number; column: number };
  needs: Need[];
}

/** Where a role without a statement list gets one (serverless provider, SAM function, CloudFormation role), or why not. */
function newList(info: RoleInfo, indexOf: (file: string) => SourceIndex | undefined): NewList | string {
  const role = info.role;
  const document = role.service.document;
  const mapAt = (value: unknown): { source: SourceIndex; map: YAMLMap } | undefined => {
    const location = locationOf(value);
    const source = location ? indexOf(location.file) : undefined;
    const entry = location && source ? source.nodeAt(location, 'map') : undefined;
    if (!source || !entry || !isMap(entry.node) || entry.node.flow || source.json || source.isAnchored(entry.node)) return undefined;
    return { source, map: entry.node };
  };
  const cannot = `noops-lint found no statement list of the role to add it to`;
  if (role.kind === 'serverless-provider') {
    const provider = document.provider;
    if (!isRecordValue(provider) || Object.hasOwn(provider, 'iamRoleStatements') || Object.hasOwn(provider, 'role')) return cannot;
    const iam = provider.iam;
    if (iam === undefined) {
      const at = mapAt(provider);
      return at ? { info, ...at, path: 'provider.iam.role.statements', keys: ['iam', 'role', 'statements'], shape: 'statements', needs: [] } : cannot;
    }
    if (!isRecordValue(iam)) return cannot;
    const roleValue = iam.role;
    if (roleValue === undefined) {
      const at = mapAt(iam);
      return at ? { info, ...at, path: 'provider.iam.role.statements', keys: ['role', 'statements'], shape: 'statements', needs: [] } : cannot;
    }
    if (!isRecordValue(roleValue) || Object.hasOwn(roleValue, 'statements')) return cannot;
    const at = mapAt(roleValue);
    return at ? { info, ...at, path: 'provider.iam.role.statements', keys: ['statements'], shape: 'statements', needs: [] } : cannot;
  }
  if (role.kind === 'serverless-function' && role.functions.length === 1) {
    // serverless-iam-roles-per-function: the function's own `iamRoleStatements`, written `[]` or not at all.
    const fn = role.functions[0]!;
    const functions = isRecordValue(document.functions) ? document.functions : undefined;
    const definition = functions?.[fn.name];
    if (!isRecordValue(definition) || Object.hasOwn(definition, 'iamRoleStatementsName')) return cannot;
    const path = `functions.${fn.name}.iamRoleStatements`;
    const statements = definition.iamRoleStatements;
    if (statements === undefined) {
      const at = mapAt(definition);
      return at ? { info, ...at, path, keys: ['iamRoleStatements'], shape: 'statements', needs: [] } : cannot;
    }
    if (!Array.isArray(statements) || statements.length > 0) return cannot;
    const at = mapAt(definition);
    const keyAt = locationOfKey(definition, 'iamRoleStatements');
    const found = at && keyAt ? at.source.pairAtKey(keyAt) : undefined;
    const key = found?.pair.key as Node | undefined;
    const value = found?.pair.value as Node | undefined;
    if (!at || !key?.range || !value || !isSeq(value) || !value.flow || value.items.length > 0) return cannot;
    const colon = at.source.text.indexOf(':', at.source.endOf(key));
    return { info, ...at, path, keys: [], shape: 'statements', needs: [], replace: { start: colon, end: at.source.endOf(value), column: at.source.columnOf(at.source.startOf(key)) } };
  }
  const resources = isRecordValue(document.Resources) ? document.Resources : undefined;
  if (role.kind === 'sam-generated' && role.functions.length === 1) {
    const fn = role.functions[0]!;
    const definition = resources?.[fn.name];
    const properties = isRecordValue(definition) ? definition.Properties : undefined;
    if (!isRecordValue(properties) || Object.hasOwn(properties, 'Policies')) return cannot;
    const at = mapAt(properties);
    return at ? { info, ...at, path: `Resources.${fn.name}.Properties.Policies`, keys: ['Policies'], shape: 'sam-document', needs: [] } : cannot;
  }
  if (role.kind === 'cloudformation') {
    const definition = resources?.[role.name];
    const properties = isRecordValue(definition) ? definition.Properties : undefined;
    if (!isRecordValue(properties) || Object.hasOwn(properties, 'Policies')) return cannot;
    const at = mapAt(properties);
    return at ? { info, ...at, path: `Resources.${role.name}.Properties.Policies`, keys: ['Policies'], shape: 'role-policy', needs: [] } : cannot;
  }
  return cannot;
}

/** Appends the new keys and list at the end of the mapping, in the file's style. */
function writeNewList(creation: NewList, splices: Splice[], plan: FixPlan): void {
  const { source, map, keys } = creation;
  const style = styleOf(source, undefined);
  const nl = source.newline;
  const column = source.columnOf(source.startOf(map));
  // A SAM template that writes policy templates gets them here too, where one fits exactly.
  const service = creation.info.role.service;
  const parameters = creation.shape === 'sam-document' && writesTemplates(service) ? writtenParameters(service, source) : undefined;
  const { chosen, rest } = parameters ? chooseTemplates(creation.needs, service, [...new Map(parameters.map((p) => [JSON.stringify(p.value), p.value])).values()]) : { chosen: [], rest: creation.needs };
  const groups = groupNeeds(rest).map((group) => ({ ...group, resources: group.resources.map((r) => inResourceForm(r, creation.form, service)) }));
  const lines: string[] = [];
  keys.forEach((key, depth) => lines.push(`${' '.repeat(column + 2 * depth)}${key}:`));
  const listColumn = column + 2 * keys.length;
  const statementItems = (itemColumn: number): string[] =>
    groups.map((group) => `${' '.repeat(itemColumn)}- ${writeStatement(style, itemColumn + 2, group.actions, group.resources.map((r) => writeResource(r, style)))}`);
  if (creation.shape === 'statements') lines.push(...statementItems(listColumn));
  else if (creation.shape === 'sam-document') {
    for (const choice of chosen) lines.push(`${' '.repeat(listColumn)}- ${templateEntryText(source, style, choice, listColumn + 2, 2, parameters ?? [])}`);
    if (groups.length > 0) lines.push(`${' '.repeat(listColumn)}- Statement:`, ...statementItems(listColumn + 4));
  }
  else {
    const name = `${creation.info.role.name}LeastPrivilege`;
    lines.push(`${' '.repeat(listColumn)}- PolicyName: ${name}`, `${' '.repeat(listColumn + 2)}PolicyDocument:`, `${' '.repeat(listColumn + 4)}Version: '2012-10-17'`, `${' '.repeat(listColumn + 4)}Statement:`, ...statementItems(listColumn + 6));
  }
  if (creation.replace) {
    // `iamRoleStatements: []` becomes the list, under its key.
    const items = statementItems(creation.replace.column + 2);
    // A comment after `[]` stays on the key's line.
    const lineEnd = source.text.slice(creation.replace.end).search(/\r?\n|$/) + creation.replace.end;
    const comment = source.text.slice(creation.replace.end, lineEnd);
    const keep = /^\s*#/.test(comment) ? comment : '';
    splices.push({ start: creation.replace.start, end: keep ? lineEnd : creation.replace.end, text: `:${keep}${nl}${items.join(nl)}` });
  } else {
    const end = source.endOf(map);
    splices.push({ start: end, end, text: `${nl}${lines.join(nl)}` });
  }
  plan.changes.push({
    location: creation.info.role.location,
    message: `${creation.path}: added, granting ${[...chosen.map((choice) => `${describeChoice(choice)} (${choice.template})`), ...groups.map((g) => `${g.actions.join(', ')} on ${g.resources.map((r) => describeValue(r)).join(', ')}`)].join('; ')}.`,
  });
}

export { pairOf };

/**
 * A missing grant as it is added: its resource named with the manifest's expression when the name depends on the
 * stage, or why it is not written. A resource the role's statements already name keeps their text (stage-safe).
 */
function stageSafeNeed(info: RoleInfo, need: Need, stages: Map<RoleInfo, StageContext | undefined>, sources: FixSources): Need | string {
  if (!stages.has(info)) stages.set(info, stageContext(info.role, (file) => sources.read(file)));
  const context = stages.get(info);
  if (!context) return need;
  const service = info.role.service;
  if (info.role.statements.some((s) => s.resources.some((r) => r.location.file === info.role.location.file && namesSameResource(r.value, need.resource, service)))) return need;
  const safe = stageSafe(need.resource, context);
  return 'refused' in safe ? safe.refused : safe.resource === need.resource ? need : { ...need, resource: safe.resource };
}

/**
 * A need a statement grants now, as the rewritten statement will grant it: narrowed to its resource (named with the
 * manifest's expression when that depends on the stage), or, when a narrowed name would be right in one stage only,
 * on the statement's own resource that grants it now (kept as written, and the run says why).
 */
function stageSafeNarrowing(info: RoleInfo, need: Need, statements: readonly PolicyStatement[], stages: Map<RoleInfo, StageContext | undefined>, sources: FixSources, note: (location: Location, message: string) => void): Need {
  const staged = stageSafeNeed(info, need, stages, sources);
  if (typeof staged !== 'string') return staged;
  const service = info.role.service;
  for (const statement of statements) {
    const resource = statement.resources.find((r) => statementApplies({ ...statement, resources: [r] }, need.action, need.resource, service) === 'yes');
    if (!resource) continue;
    note(resource.location, `Kept ${describeValue(resource.value)} for ${need.action}: narrowing it to ${describeValue(need.resource)} would name the resource for stage ${stages.get(info)?.stage ?? 'dev'} only (${staged}).`);
    return { ...need, resource: resource.value };
  }
  return need;
}
