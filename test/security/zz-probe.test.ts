import { it } from 'vitest';
import { writeProject, lintRoot, cli } from './harness.js';

const cases: Record<string, Record<string, string | Uint8Array>> = {
  malformedYaml: { 'serverless.yml': 'service: a\nprovider:\n  name: aws\n  x: [1, 2\n' },
  malformedJson: { 'template.json': '{"Resources": {"A": {"Type": "AWS::S3::Bucket",}' },
  getAtt3: { 'template.yaml': 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !GetAtt A.B.C\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt [A, B, C]\n      Handler: index.h\n      Runtime: nodejs20.x\n      Code: {ZipFile: x}\n      Environment:\n        Variables:\n          X: !Sub "${Missing}-x"\n          Y: !Sub ["${A}", {}]\n          Z: !Sub [1,2,3]\n' },
  dupKeys: { 'serverless.yml': 'service: a\nservice: b\nprovider:\n  name: aws\n  runtime: nodejs20.x\n' },
  bomCrlf: { 'serverless.yml': '\ufeffservice: a\r\nprovider:\r\n  name: aws\r\n  runtime: nodejs20.x\r\n  environment:\r\n    DB_PASSWORD: hunter2hunter2\r\n' },
  invalidUtf8: { 'serverless.yml': Buffer.from([0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) },
  binary: { 'serverless.yml': Buffer.from([0, 1, 2, 3, 0, 255, 0]), 'template.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
  empty: { 'serverless.yml': '', 'template.yaml': '' },
  resourcesList: { 'template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  - Type: AWS::S3::Bucket\n' },
  functionsString: { 'serverless.yml': 'service: a\nprovider:\n  name: aws\nfunctions: hello\n' },
  handlerNumber: { 'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: 42\n  b:\n    handler: [1]\n  c: 7\n  d:\n    handler: src/x.y\n    environment: [1,2]\n' },
  samHandlerNumber: { 'template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: 12\n      Runtime: nodejs20.x\n      CodeUri: 5\n  G:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n  H: 3\n  I:\n    Type: 7\n' },
  tsSyntax: { 'serverless.yml': 'service: a\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: src/h.handler\n', 'src/h.ts': 'export const handler = async (e) => { const x = ;\n  return {\n' },
};

for (const [name, files] of Object.entries(cases)) {
  it(name, () => {
    const root = writeProject(files);
    const run = lintRoot(root);
    console.log(name, JSON.stringify(run.findings.map((f) => [f.ruleId, f.severity, `${f.location.file}:${f.location.line}:${f.location.column}`, f.message]), null, 1));
    const out = cli(root, ['--format', 'compact']);
    console.log(name, 'CLI', out.code, out.stderr);
  });
}
