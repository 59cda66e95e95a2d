// GraphQL servers in the handler's code: their resolvers (and per-request callbacks) are the code that runs per request.
import { describe, expect, it } from 'vitest';
import { analyseInline, callKeys } from './stub-project.js';

const RESOLVERS = `
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const sqs = new SQSClient({});
exports.Mutation = { notify: (_, { text }) => sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: text })) };
`;

describe('GraphQL resolvers', () => {
  it('apollo-server-lambda createHandler(): the handler is found and the resolvers of the server are followed', () => {
    const { usages } = analyseInline(
      {
        'src/resolvers.js': RESOLVERS,
        'src/graphql.js': `
const { ApolloServer } = require('apollo-server-lambda');
const resolvers = require('./resolvers');
const server = new ApolloServer({ typeDefs: 'type Mutation { notify(text: String): Boolean }', resolvers });
exports.handler = server.createHandler();
`,
      },
      { fn: 'src/graphql.handler' },
    );
    const usage = usages.get('fn')!;
    expect(usage.findings).toEqual([]);
    expect(callKeys(usage)).toEqual(['sqs:SendMessage@src/resolvers.js:4']);
    expect(usage.unfollowed ?? []).toEqual([]);
  });

  it('type-graphql resolver classes and namespace imports are followed; resolvers built at run time make the derivation incomplete', () => {
    const { usages } = analyseInline(
      {
        'src/resolvers.js': RESOLVERS,
        'src/classes.ts': `
import { buildSchemaSync } from 'type-graphql';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { createYoga } from 'graphql-yoga';
import * as more from './resolvers';
const s3 = new S3Client({});
class FileResolver { async file(key: string) { return s3.send(new GetObjectCommand({ Bucket: 'files', Key: key })); } }
const yoga = createYoga({ schema: buildSchemaSync({ resolvers: [FileResolver] }), context: () => more });
export const handler = async (event: { body: string }) => yoga.fetch('https://x/graphql', { method: 'POST', body: event.body });
`,
        'src/runtime.js': `
const { createSchema } = require('graphql-yoga');
const { buildResolvers } = require('./build');
const schema = createSchema({ typeDefs: 'x', resolvers: buildResolvers(process.env.FEATURES) });
exports.handler = async () => schema;
`,
        'src/build.js': `exports.buildResolvers = (features) => Object.fromEntries(features.split(',').map((f) => [f, () => f]));`,
      },
      { classes: 'src/classes.handler', runtime: 'src/runtime.handler' },
    );
    expect(callKeys(usages.get('classes')!)).toEqual(['s3:GetObject@src/classes.ts:7']);
    const runtime = usages.get('runtime')!;
    expect((runtime.unfollowed ?? []).map((u) => `${u.location.file}:${u.location.line}: ${u.reason}`)).toEqual([
      'src/runtime.js:4: the GraphQL resolvers built by buildResolvers(process.env.FEATURES) are not known statically',
    ]);
  });
});
