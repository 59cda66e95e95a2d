import { describe, expect, it } from 'vitest';
import rule from '../../../rules/secrets/plaintext-property.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run(rule);

function run(files: Record<string, string>) {
  return ruleTester.lint(rule, { files }).findings;
}

function lintAll(files: Record<string, string>) {
  return ruleTester.lint(rule, { files }).run.findings;
}

const template = (properties: string, parameters = '') => `AWSTemplateFormatVersion: '2010-09-09'
${parameters}Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
${properties}`;

describe('secrets/plaintext-property', () => {
  it('masks the value and names the property path', () => {
    const findings = run({ 'template.yaml': template('      MasterUserPassword: hunter2-but-longer\n') });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('MasterUserPassword of "Db" is written in plain text (hunt********): anyone who can read the template or the stack sees it.');
    expect(findings[0]!.message).not.toContain('hunter2-but-longer');
    expect(findings[0]!.location.line).toBe(7);
    expect(findings[0]!.key).toBe('template.yaml|Db|MasterUserPassword');
  });

  it('reports a parameter default once, however many resources use it', () => {
    const findings = run({
      'template.yaml': template(
        '      MasterUserPassword: !Ref DbPassword\n  Other:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      MasterUserPassword: !Ref DbPassword\n',
        'Parameters:\n  DbPassword:\n    Type: String\n    Default: s3cret-default-pw\n',
      ),
    });
    expect(findings.map((f) => [f.messageId, f.location.line])).toEqual([['parameterDefault', 5]]);
    expect(findings[0]!.related).toHaveLength(1);
  });

  it('stays silent for flags, placeholders, computed values and parameters without a default', () => {
    const noEcho = 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n';
    for (const property of [
      "      ManageMasterUserPassword: 'true'\n",
      "      MasterUserPassword: ''\n",
      '      MasterUserPassword: !Join [":", ["{{resolve:secretsmanager", !Ref Secret, "SecretString:password}}"]]\n',
      "      MasterUserPassword: !Sub '${AWS::StackName}-pw'\n",
      '      MasterUserPassword: !Ref DbPassword\n',
    ]) {
      const all = lintAll({ 'template.yaml': template(property, noEcho) });
      expect(all.filter((f) => f.ruleId.startsWith('input/parse'))).toEqual([]);
      expect(all.filter((f) => f.ruleId === rule.id)).toEqual([]);
    }
  });

  it('reads ElastiCache user password lists and leaves function environments to secrets/plaintext-env', () => {
    const findings = run({
      'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppUser:
    Type: AWS::ElastiCache::User
    Properties:
      UserId: app
      UserName: app
      Engine: redis
      Passwords:
        - first-long-password-1
        - '{{resolve:secretsmanager:cache-user}}'
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Code: { ZipFile: 'exports.handler = async () => 1;' }
      Role: arn:aws:iam::123456789012:role/fn
      Environment:
        Variables:
          dbPassword: env-secret-value-123
`,
    });
    expect(findings.map((f) => [f.location.line, f.message.split(' of ')[0]])).toEqual([[10, 'Passwords[0]']]);
  });
});
