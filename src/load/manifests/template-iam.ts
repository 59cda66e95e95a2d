// The IAM side of a CloudFormation `Resources` section, shared by SAM/CloudFormation templates and the
// `resources.Resources` of a serverless.yml: AWS::IAM::Role (inline Policies, ManagedPolicyArns),
// AWS::IAM::Policy / ManagedPolicy attached through `Roles:`, and AWS managed policy references.
import { inputFinding, INPUT_RULES } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { managedPolicy, managedPolicyNameOf } from '../../model/managed-policies.js';
import { readPolicyDocument, readStatementList, statementFromData, type PolicyReading } from '../../model/policy.js';
import { locationOf, locationOfValue } from '../../model/positions.js';
import type { ManagedPolicyReference, ResourceModel, RoleModel, ServiceModel, StatementOrigin } from '../../model/project.js';
import { isIntrinsic, isUnresolved } from '../../model/values.js';
import { quote } from '../../util/quote.js';
import type { ManifestContext } from './context.js';

/** A resource of the template as the IAM reader needs it. */
export interface IamResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  /** Logical path of the resource: `Resources.OrdersRole`, `resources.Resources.OrdersRole`. */
  path: string;
  model: ResourceModel;
}

export class TemplateIam {
  /** Roles a `Role:`, a `role:` or a policy's `Roles:` can name, by logical id. */
  readonly rolesByLogicalId = new Map<string, RoleModel>();
  private readonly attached = new Set<string>();
  /** Unknown managed policies already noted, per role and name. */
  private readonly noted = new Set<string>();

  constructor(
    private readonly ctx: ManifestContext,
    private readonly service: ServiceModel,
    private readonly resources: ReadonlyMap<string, IamResource>,
    private readonly newRole: (id: string, name: string, kind: RoleModel['kind'], location: Location) => RoleModel,
  ) {}

  /** Every AWS::IAM::Role of the template, with its inline policies and managed policies. */
  readRoles(): RoleModel[] {
    const roles: RoleModel[] = [];
    for (const resource of this.resources.values()) {
      if (resource.type !== 'AWS::IAM::Role') continue;
      const role = this.newRole(resource.logicalId, resource.logicalId, 'cloudformation', resource.model.location);
      this.rolesByLogicalId.set(resource.logicalId, role);
      this.readRole(role, resource);
      roles.push(role);
    }
    return roles;
  }

  /** A role the framework generates (the provider role, a per-function role) that policies may name. */
  register(logicalId: string, role: RoleModel): void {
    this.rolesByLogicalId.set(logicalId, role);
  }

  /** `AWS::IAM::Policy` / `ManagedPolicy` with `Roles: [!Ref MyRole]` (or a role's literal RoleName): its statements belong to those roles. */
  attachPolicies(): void {
    for (const resource of this.resources.values()) {
      if (resource.type !== 'AWS::IAM::Policy' && resource.type !== 'AWS::IAM::ManagedPolicy') continue;
      const roles = resource.properties.Roles;
      if (roles === undefined || roles === null) continue;
      if (!Array.isArray(roles)) {
        if (!isIntrinsic(roles) && !isUnresolved(roles)) this.invalid(`Roles of ${quote(resource.logicalId)} must be a list.`, locationOfValue(resource.properties, 'Roles') ?? resource.model.location);
        continue;
      }
      for (const entry of roles) {
        const role = this.roleNamedBy(entry);
        if (role) this.attach(role, resource);
      }
    }
  }

  /** The statements of a policy document, added to the role; problems reported, unreadable parts make it incomplete. */
  readDocument(role: RoleModel, document: unknown, path: string, location: Location, origin?: StatementOrigin): void {
    this.apply(role, readPolicyDocument(document, path, location, origin));
  }

  /** A list of statements under `parent[key]` (Serverless `iamRoleStatements`). */
  readStatements(role: RoleModel, parent: Record<string, unknown>, key: string, path: string, location: Location): void {
    this.apply(role, readStatementList(parent, key, path, location));
  }

  /** A list of managed policy references (`ManagedPolicyArns`, `managedPolicies`, SAM `Policies` names). */
  readManagedPolicyList(role: RoleModel, parent: Record<string, unknown>, key: string, path: string, samNames: boolean): void {
    const list = parent[key];
    if (list === undefined || list === null) return;
    const whole = locationOfValue(parent, key) ?? role.location;
    if (!Array.isArray(list)) {
      role.incomplete = true;
      if (!isIntrinsic(list) && !isUnresolved(list)) this.invalid(`${key} of ${quote(role.name)} must be a list of policy ARNs.`, whole);
      return;
    }
    list.forEach((value, index) => this.addManagedPolicy(role, value, `${path}[${index}]`, locationOfValue(list, index) ?? whole, samNames));
  }

  /**
   * A managed policy reference. A policy of this template adds its statements; an AWS managed policy adds
   * the statements of its document (`${path}#<Name>.Statement[i]`). Any other leaves the role's grants
   * unknown: the role is incomplete, and an AWS name the catalogue does not have is said in a note.
   */
  addManagedPolicy(role: RoleModel, value: unknown, path: string, location: Location, samNames: boolean): void {
    const reference: ManagedPolicyReference = { value, location };
    const name = managedPolicyNameOf(value, samNames);
    if (name) reference.name = name;
    role.managedPolicies.push(reference);
    if (isIntrinsic(value) && typeof value.Ref === 'string') {
      const policy = this.resources.get(value.Ref);
      if (policy?.type === 'AWS::IAM::ManagedPolicy') {
        this.attach(role, policy);
        return;
      }
    }
    const known = name === undefined ? undefined : managedPolicy(name);
    if (!name || !known) {
      role.incomplete = true; // a customer policy, or one not in the catalogue: its grants are not known here
      if (name && !this.noted.has(`${role.id}|${name}`)) {
        this.noted.add(`${role.id}|${name}`);
        this.ctx.report(
          inputFinding(
            INPUT_RULES.unresolved,
            'note',
            `The managed policy ${quote(name)} is not in noops-lint's catalogue of AWS managed policies, so what ${quote(role.name)} grants is not fully known: no permission of this role is reported missing.`,
            location,
          ),
        );
      }
      return;
    }
    known.document.Statement.forEach((statement, index) => {
      role.statements.push(statementFromData(statement, `${path}#${name}.Statement[${index}]`, location, { kind: 'managed-policy', policy: name }));
    });
  }

  private readRole(role: RoleModel, resource: IamResource): void {
    const base = `${resource.path}.Properties`;
    const policies = resource.properties.Policies;
    if (Array.isArray(policies)) {
      policies.forEach((policy, index) => {
        const at = locationOfValue(policies, index) ?? resource.model.location;
        if (!isPlainMapping(policy)) {
          role.incomplete = true;
          if (!isIntrinsic(policy) && !isUnresolved(policy)) this.invalid(`Policies[${index}] of role ${quote(resource.logicalId)} must be a mapping with PolicyName and PolicyDocument.`, at);
          return;
        }
        this.readDocument(role, policy.PolicyDocument, `${base}.Policies[${index}].PolicyDocument`, locationOfValue(policy, 'PolicyDocument') ?? at);
      });
    } else if (policies !== undefined && policies !== null) {
      role.incomplete = true;
      if (!isIntrinsic(policies) && !isUnresolved(policies)) this.invalid(`Policies of role ${quote(resource.logicalId)} must be a list.`, locationOfValue(resource.properties, 'Policies') ?? resource.model.location);
    }
    this.readManagedPolicyList(role, resource.properties, 'ManagedPolicyArns', `${base}.ManagedPolicyArns`, false);
  }

  /** A `Roles:` entry: `!Ref MyRole`, or the literal RoleName of a role in this template. */
  private roleNamedBy(entry: unknown): RoleModel | undefined {
    if (isIntrinsic(entry) && typeof entry.Ref === 'string') return this.rolesByLogicalId.get(entry.Ref);
    if (typeof entry !== 'string') return undefined;
    for (const [logicalId, role] of this.rolesByLogicalId) {
      if (this.resources.get(logicalId)?.properties.RoleName === entry) return role;
    }
    return undefined;
  }

  private attach(role: RoleModel, resource: IamResource): void {
    const key = `${role.id}|${resource.logicalId}`;
    if (this.attached.has(key)) return;
    this.attached.add(key);
    const path = `${resource.path}.Properties.PolicyDocument`;
    this.readDocument(role, resource.properties.PolicyDocument, path, locationOfValue(resource.properties, 'PolicyDocument') ?? resource.model.location);
  }

  private apply(role: RoleModel, reading: PolicyReading): void {
    role.statements.push(...reading.statements);
    if (reading.incomplete) role.incomplete = true;
    for (const problem of reading.problems) this.invalid(problem.message, problem.location);
  }

  private invalid(message: string, location: Location): void {
    this.ctx.report(inputFinding(INPUT_RULES.invalidManifest, 'warning', message, location ?? locationOf(this.service.document) ?? this.service.location));
  }
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value) && !isIntrinsic(value);
}
