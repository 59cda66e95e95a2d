// connection/per-request: its fixtures, and the example projects: where it reports, what it names, what it leaves alone.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/connection/per-request.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const helperService = {
  'serverless.yml': 'service: files\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  read:\n    handler: src/handler.handler\n',
};

ruleTester.run(rule, {
  atLeastAsManyGoodCases: true,
  valid: [
    {
      name: 'a helper that reuses a client built once at module scope',
      files: {
        ...helperService,
        'src/storage.js': `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
async function readObject(key) {
  return s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }));
}
module.exports = { readObject };
`,
        'src/handler.js': `const { readObject } = require('./storage');
exports.handler = async (event) => {
  const object = await readObject(event.key);
  return { size: object.ContentLength };
};
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a helper in another file that builds an AWS SDK client on every call',
      files: {
        ...helperService,
        'src/storage.js': `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
async function readObject(key) {
  const s3 = new S3Client({});
  return s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }));
}
module.exports = { readObject };
`,
        'src/handler.js': `const { readObject } = require('./storage');
exports.handler = async (event) => {
  const object = await readObject(event.key);
  return { size: object.ContentLength };
};
`,
      },
      errors: [
        {
          messageId: 'sdkVia',
          file: 'src/handler.js',
          line: 3,
          function: 'read',
          data: { client: 'S3Client', file: '"src/storage.js"', line: 3, where: 'every invocation of "read"' },
        },
      ],
    },
    {
      name: 'orders: the pg client built in the reportOrders handler',
      dir: 'fixtures/projects/orders',
      errors: [{ messageId: 'database', file: 'src/report.ts', line: 11, function: 'reportOrders' }],
    },
    {
      name: 'thumbnails: the AWS SDK client built per request',
      dir: 'fixtures/projects/thumbnails',
      errors: [{ messageId: 'sdk', file: 'src/list.js', line: 7, function: 'ListThumbnailsFunction' }],
    },
    {
      name: 'container-service: the route handler call that connects',
      dir: 'fixtures/projects/container-service',
      errors: [{ messageId: 'databaseVia', file: 'src/handler.js', line: 16, function: 'myservice' }],
    },
  ],
});

describe('connection/per-request messages', () => {
  it('names the pg client and the function, as a warning, with a key free of line numbers', () => {
    const [finding] = ruleTester.lint(rule, { dir: 'fixtures/projects/orders' }).findings;
    expect(finding!.message).toContain('pg.Client opens a new database connection on every invocation of "reportOrders"');
    expect(finding!.severity).toBe('warning');
    expect(finding!.key).toBe('serverless.yml#reportOrders|database|pg.Client|src/report.ts');
  });

  it('names the latency cost of an AWS SDK client built per request', () => {
    const [finding] = ruleTester.lint(rule, { dir: 'fixtures/projects/thumbnails' }).findings;
    expect(finding!.message).toContain('AWS.S3');
    expect(finding!.message).toMatch(/TLS connection.*latency/);
  });

  it('points from the route handler call to the MongoClient it reaches', () => {
    const [finding] = ruleTester.lint(rule, { dir: 'fixtures/projects/container-service' }).findings;
    expect(finding!.message).toContain('This call reaches MongoClient ("src/handler.js", line 4), which opens a new database connection on every request "myservice" serves');
    expect(finding!.related.map((r) => `${r.location.file}:${r.location.line} ${r.message}`)).toEqual(['src/handler.js:4 MongoClient is created here']);
  });
});
