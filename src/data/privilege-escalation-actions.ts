// IAM actions that let a function's role raise its own privileges, and the resource scope that makes them dangerous.

export interface EscalationAction {
  /** Canonical full name (`iam:PassRole`). */
  action: string;
  /** `any`: dangerous on any resource; `wildcard`: only when granted on `Resource: "*"`. */
  scope: 'any' | 'wildcard';
  /** Only dangerous together with these grants on `*` (CreateFunction needs PassRole to run as another role). */
  requires?: string[];
  /** How it escalates, for the rule's documentation and reviewers. */
  how: string;
}

export const PRIVILEGE_ESCALATION_ACTIONS: { source: string; generated: string; actions: readonly EscalationAction[] } = {
  source:
    'Rhino Security Labs "AWS IAM Privilege Escalation – Methods and Mitigation" (21 methods); AWS IAM User Guide "Granting a user permissions to pass a role"; aws-iam-facts.md',
  generated: '2026-12-01',
  actions: [
    { action: 'iam:PassRole', scope: 'wildcard', how: 'hands any role, including admin roles, to a service it creates or updates' },
    { action: 'iam:AttachUserPolicy', scope: 'any', how: 'attaches any managed policy (AdministratorAccess) to a user' },
    { action: 'iam:AttachGroupPolicy', scope: 'any', how: 'attaches any managed policy to a group' },
    { action: 'iam:AttachRolePolicy', scope: 'any', how: 'attaches any managed policy (AdministratorAccess) to the roles it names' },
    { action: 'iam:PutUserPolicy', scope: 'any', how: 'writes an inline policy granting anything to a user' },
    { action: 'iam:PutGroupPolicy', scope: 'any', how: 'writes an inline policy granting anything to a group' },
    { action: 'iam:PutRolePolicy', scope: 'any', how: 'writes an inline policy granting anything to the roles it names' },
    { action: 'iam:CreatePolicyVersion', scope: 'any', how: 'replaces a managed policy with a version granting anything' },
    { action: 'iam:SetDefaultPolicyVersion', scope: 'any', how: 'switches a managed policy to a broader earlier version' },
    { action: 'iam:UpdateAssumeRolePolicy', scope: 'any', how: 'lets itself assume any role by rewriting its trust policy' },
    { action: 'iam:CreateAccessKey', scope: 'any', how: 'mints long-lived credentials for another user' },
    { action: 'iam:CreateLoginProfile', scope: 'any', how: 'sets a console password for another user' },
    { action: 'iam:UpdateLoginProfile', scope: 'any', how: "changes another user's console password" },
    { action: 'iam:AddUserToGroup', scope: 'any', how: 'joins a user to a more privileged group' },
    { action: 'sts:AssumeRole', scope: 'wildcard', how: 'assumes any role whose trust policy allows the account' },
    { action: 'lambda:UpdateFunctionCode', scope: 'wildcard', how: 'runs its own code as any other function, with that function\'s role' },
    { action: 'lambda:UpdateFunctionConfiguration', scope: 'wildcard', how: 'adds a layer or changes the handler of any function to run code with its role' },
    {
      action: 'lambda:CreateFunction',
      scope: 'wildcard',
      requires: ['iam:PassRole'],
      how: 'creates a function that runs as any role it can pass (iam:PassRole on "*" is granted too)',
    },
  ],
};
