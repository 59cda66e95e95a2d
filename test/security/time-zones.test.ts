// Outputs do not depend on the machine's time zone: every YAML document is read with one schema (YAML 1.2 core,
// no timestamps), whatever `%YAML` directive it carries.
import { afterEach, describe, expect, it } from 'vitest';
import { FORMAT_NAMES, REPORTERS } from '../../src/report/index.js';
import { lintRoot, removeDir, writeProject } from './harness.js';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata'];

const SERVERLESS = `%YAML 1.1
---
service: dated
provider:
  name: aws
  runtime: nodejs20.x
  environment:
    RELEASED: 2001-12-14t21:59:43.10-05:00
  iamRoleStatements:
    - Effect: Allow
      Action: 's3:*'
      Resource: '*'
functions:
  2001-12-14:
    handler: handler.main
    environment:
      DB_PASSWORD: 2024-01-01
`;

const TEMPLATE = `%YAML 1.1
---
AWSTemplateFormatVersion: 2010-09-09
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: handler.main
      CodeUri: .
      Policies:
        - Statement:
            - Effect: Allow
              Action: 'dynamodb:*'
              Resource: '*'
      Tags:
        2020-02-02: yes
`;

const HANDLER = 'exports.main = async () => ({ statusCode: 200 });\n';

const savedZone = process.env.TZ;
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

function reportsIn(zone: string, root: string): Record<string, string> {
  process.env.TZ = zone;
  const run = lintRoot(root);
  return Object.fromEntries(FORMAT_NAMES.map((format) => [format, REPORTERS[format](run, { color: false })]));
}

describe('time zones', () => {
  it('a %YAML 1.1 document with date keys and values prints the same bytes in every time zone', () => {
    const roots = [
      writeProject({ 'serverless.yml': SERVERLESS, 'handler.js': HANDLER }),
      writeProject({ 'template.yaml': TEMPLATE, 'handler.js': HANDLER }),
    ];
    try {
      for (const root of roots) {
        const [first, ...rest] = ZONES.map((zone) => reportsIn(zone, root));
        // The date key is the function's name as written, not a Date printed in the local zone.
        expect(first!.json).not.toMatch(/GMT|Coordinated Universal Time/);
        for (const other of rest) expect(other).toEqual(first);
      }
      expect(reportsIn('UTC', roots[0]!).stylish).toContain('"2001-12-14"');
    } finally {
      for (const root of roots) removeDir(root);
    }
  });
});
