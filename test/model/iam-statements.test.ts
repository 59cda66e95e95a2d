import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/model/location.js';
import type { ManagedPolicyReference, RoleModel } from '../../src/model/project.js';
import { Unresolved } from '../../src/model/values.js';
import { documentBreadth } from '../../src/model/managed-policies.js';
import {
  administrativePolicyKind,
  describeRoleUsers,
  isWildcardResourceValue,
  literalValues,
  managedPolicyName,
  soleFunctionName,
} from '../../src/model/iam-statements.js';

const at = (line: number): Location => ({ file: 'serverless.yml', line, column: 1, endLine: line, endColumn: 2 });
const ref = (value: unknown): ManagedPolicyReference => ({ value, location: at(1) });
const roleWith = (names: string[]): RoleModel => ({ name: 'IamRoleLambdaExecution', functions: names.map((name) => ({ name })) }) as unknown as RoleModel;

describe('literalValues', () => {
  it('keeps plain strings and skips what cannot be judged', () => {
    const values = literalValues([
      { value: 's3:GetObject', location: at(1) },
      { value: new Unresolved('${ssm:/x}', 'SSM'), location: at(2) },
      { value: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }, location: at(3) },
      { value: '${self:custom.action}', location: at(4) },
      { value: ' sqs:SendMessage ', location: at(5) },
    ]);
    expect(values.map((v) => [v.text, v.location.line])).toEqual([
      ['s3:GetObject', 1],
      ['sqs:SendMessage', 5],
    ]);
  });
});

describe('isWildcardResourceValue', () => {
  it('is only the bare "*"', () => {
    expect(isWildcardResourceValue('*')).toBe(true);
    expect(isWildcardResourceValue('arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/x:*')).toBe(false);
    expect(isWildcardResourceValue(new Unresolved('*', 'x'))).toBe(false);
    expect(isWildcardResourceValue({ Ref: 'Star' })).toBe(false);
  });
});

describe('managedPolicyName', () => {
  it('reads names, ARNs, Fn::Sub and Fn::Join', () => {
    expect(managedPolicyName(ref('AdministratorAccess'))).toBe('AdministratorAccess');
    expect(managedPolicyName(ref('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'))).toBe('AWSLambdaBasicExecutionRole');
    expect(managedPolicyName(ref({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess' }))).toBe('PowerUserAccess');
    expect(managedPolicyName(ref({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] }))).toBe(
      'AdministratorAccess',
    );
  });

  it('ignores customer policies and unreadable values', () => {
    expect(managedPolicyName(ref('arn:aws:iam::123456789012:policy/AdministratorAccess'))).toBeUndefined();
    expect(managedPolicyName(ref({ Ref: 'MyPolicy' }))).toBeUndefined();
    expect(managedPolicyName(ref(new Unresolved('${ssm:/p}', 'SSM')))).toBeUndefined();
  });
});

describe('administrativePolicyKind', () => {
  it('classifies the broad AWS managed policies', () => {
    expect(administrativePolicyKind('AdministratorAccess')).toBe('administrator');
    expect(administrativePolicyKind('AdministratorAccess-Amplify')).toBe('administrator');
    expect(administrativePolicyKind('PowerUserAccess')).toBe('power-user');
    expect(administrativePolicyKind('AWSLambda_FullAccess')).toBe('full-access');
    expect(administrativePolicyKind('AmazonS3ReadOnlyAccess')).toBeUndefined();
  });

  it('judges the other AWS managed policies by their documents', () => {
    // cognito-identity:*, cognito-idp:*, cognito-sync:* on "*"
    expect(administrativePolicyKind('AmazonCognitoPowerUser')).toBe('full-access');
    expect(administrativePolicyKind('DatabaseAdministrator')).toBe('full-access');
    // NotAction [iam:*, organizations:*, ...] on "*"
    expect(administrativePolicyKind('AIDevOpsAgentActionsPolicy')).toBe('power-user');
    // lambda:InvokeFunction on "*": one action, iam/wildcard-resource's business
    expect(administrativePolicyKind('AWSLambdaRole')).toBeUndefined();
    expect(administrativePolicyKind('AmazonCognitoReadOnly')).toBeUndefined();
    // Named full access by AWS although the document lists the actions one by one
    expect(administrativePolicyKind('AmazonVPCFullAccess')).toBe('full-access');
  });

  it('counts only unconditioned Allow statements on every resource', () => {
    expect(documentBreadth([{ Effect: 'Allow', Action: '*', Resource: '*' }])).toBe('administrator');
    expect(documentBreadth([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } }])).toBeUndefined();
    expect(documentBreadth([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::uploads/*' }])).toBeUndefined();
    expect(documentBreadth([{ Effect: 'Deny', Action: '*', Resource: '*' }])).toBeUndefined();
    expect(documentBreadth([{ Effect: 'Allow', Action: ['s3:Get*', 'sqs:*'], Resource: ['*'] }])).toBe('full-access');
    expect(documentBreadth([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])).toBe('power-user');
  });
});

describe('describeRoleUsers', () => {
  it('lists the functions of a role', () => {
    expect(describeRoleUsers(roleWith([]))).toBe('the role "IamRoleLambdaExecution"');
    expect(describeRoleUsers(roleWith(['a']))).toBe('"a"');
    expect(describeRoleUsers(roleWith(['a', 'b', 'c']))).toBe('"a", "b" and "c"');
    expect(describeRoleUsers(roleWith(['a', 'b', 'c', 'd', 'e', 'f']))).toBe('"a", "b", "c" and 3 more functions');
    expect(soleFunctionName(roleWith(['a']))).toBe('a');
    expect(soleFunctionName(roleWith(['a', 'b']))).toBeUndefined();
  });
});
