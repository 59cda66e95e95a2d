// Projects shared by the tests of ops/blocked-runtime, ops/deprecated-runtime and ops/runtime-deprecation-soon: each
// runtime is reported by exactly one of the three, so each rule's test runs the same projects.

/** On 2026-10-01: nodejs12.x is blocked (line 7), nodejs18.x deprecated (line 10), dotnet8 due in 40 days (line 13). */
export const RUNTIME_STAGES_NOW = '2026-10-01T00:00:00Z';
export const runtimeStages = {
  'serverless.yml': `service: svc
provider:
  name: aws
functions:
  old:
    handler: h.old
    runtime: nodejs12.x
  deprecated:
    handler: h.deprecated
    runtime: nodejs18.x
  soon:
    handler: h.soon
    runtime: dotnet8
  fine:
    handler: h.fine
    runtime: nodejs24.x
`,
};

/** python3.8 written once in the provider (line 4, shared by a and b) and once by c (line 8). */
export const sharedRuntime = {
  'serverless.yml': `service: svc
provider:
  name: aws
  runtime: python3.8
functions:
  c:
    handler: h.c
    runtime: python3.8
  a:
    handler: h.a
  b:
    handler: h.b
`,
};

/** Runtimes no table can date: chosen at deploy time, an intrinsic, an unknown name, none at all. */
export const unjudgedRuntimes = {
  'serverless.yml': `service: svc
provider:
  name: aws
functions:
  a:
    handler: h.a
    runtime: \${param:runtime}
  c:
    handler: h.c
    runtime: nodejs99.x
  d:
    handler: h.d
`,
  'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Runtime:
    Type: String
Resources:
  B:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: !Ref Runtime
      Role: arn:aws:iam::123456789012:role/b
      Code: { ZipFile: 'exports.handler = async () => 1;' }
`,
};

/** A container service whose Dockerfile has one FROM line per image, the last one the stage that runs. */
export function container(...images: string[]): Record<string, string> {
  return {
    'serverless-config.yaml': 'apiVersion: serverless.example.com/v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  image: registry.example.com/svc:1.0.0\n',
    ...(images.length > 0 ? { Dockerfile: images.map((image) => `FROM ${image}\n`).join('') } : {}),
  };
}
