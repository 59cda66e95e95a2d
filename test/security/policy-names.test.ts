// Managed policy names that are also names of Object.prototype members are plain unknown names: the loaders keep
// going and the `*` grant beside them is still reported.
import { describe, expect, it } from 'vitest';
import { lintRoot, noInternalErrors, removeDir, writeProject } from './harness.js';

const NAMES = ['constructor', '__proto__', 'valueOf', 'toString', 'hasOwnProperty'];
const STAR = '        - Effect: Allow\n          Action: "*"\n          Resource: "*"\n';

describe('managed policy names like constructor or __proto__', () => {
  it('never crash the SAM, CloudFormation or Serverless loaders', () => {
    const root = writeProject({
      'sam/template.yaml': `Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      InlineCode: x\n      Policies: [${NAMES.join(', ')}, {Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}]\n`,
      'cfn/template.yaml': `Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n      ManagedPolicyArns: [${NAMES.map((n) => `"arn:aws:iam::aws:policy/${n}"`).join(', ')}, ${NAMES.join(', ')}]\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - {Effect: Allow, Action: "*", Resource: "*"}\n`,
      'sls/serverless.yml': `service: s\nprovider:\n  name: aws\n  iam:\n    role:\n      managedPolicies: [${NAMES.join(', ')}]\n      statements:\n${STAR}`,
    });
    try {
      const run = lintRoot(root);
      noInternalErrors(run.findings);
      const wildcard = run.findings.filter((f) => f.ruleId === 'iam/wildcard-action').map((f) => f.location.file);
      expect(wildcard).toEqual(['cfn/template.yaml', 'sam/template.yaml', 'sls/serverless.yml']);
    } finally {
      removeDir(root);
    }
  });
});
