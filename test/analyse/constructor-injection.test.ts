// Objects a class receives through its constructor (a repository, a client) and calls later through `this.field`:
// followed to the argument given at the `new` sites, or an incomplete derivation naming where they come from.
import { describe, expect, it } from 'vitest';
import { analyseInline, callKeys } from './stub-project.js';
import type { FunctionUsage } from '../../src/analyse/types.js';

function analyse(files: Record<string, string>): FunctionUsage {
  const { usages } = analyseInline(files, { fn: 'src/index.handler' });
  return usages.get('fn')!;
}

const unfollowed = (usage: FunctionUsage) => (usage.unfollowed ?? []).map((u) => `${u.location.file}:${u.location.line}: ${u.reason}`);

const STORE = `
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
export interface Store { get(id: string): Promise<unknown> }
export class DynamoStore implements Store {
  constructor(private readonly client: DynamoDBClient) {}
  async get(id: string) { return this.client.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { id: { S: id } } })); }
}
`;

describe('constructor-injected objects', () => {
  it('follows a field assigned from a constructor parameter to the object the module-scope new site passes', () => {
    const usage = analyse({
      'src/store.ts': STORE,
      'src/service.ts': `
import type { Store } from './store';
export class Service {
  private store: Store;
  constructor(store: Store) { this.store = store; }
  async handle(id: string) { return this.store.get(id); }
}
`,
      'src/index.ts': `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Service } from './service';
import { DynamoStore } from './store';
const service = new Service(new DynamoStore(new DynamoDBClient({})));
export const handler = async (event: { id: string }) => service.handle(event.id);
`,
    });
    expect(callKeys(usage)).toEqual(['dynamodb:GetItem@src/store.ts:6']);
    expect(unfollowed(usage)).toEqual([]);
  });

  it('follows a TypeScript parameter property to a new site inside the handler, through a variable', () => {
    const usage = analyse({
      'src/store.ts': STORE,
      'src/index.ts': `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoStore, type Store } from './store';
class Service { constructor(private readonly store: Store) {} handle(id: string) { return this.store.get(id); } }
const client = new DynamoDBClient({});
export const handler = async (event: { id: string }) => {
  const store = new DynamoStore(client);
  return new Service(store).handle(event.id);
};
`,
    });
    expect(callKeys(usage)).toEqual(['dynamodb:GetItem@src/store.ts:6']);
    expect(unfollowed(usage)).toEqual([]);
  });

  it('makes the derivation incomplete, with the new site, when the argument cannot be followed', () => {
    const usage = analyse({
      'src/index.ts': `
import { makeStore } from '@acme/stores';
import type { Store } from './store';
class Service { constructor(private readonly store: Store) {} handle(id: string) { return this.store.get(id); } }
const service = new Service(makeStore());
export const handler = async (event: { id: string }) => service.handle(event.id);
`,
      'src/store.ts': 'export interface Store { get(id: string): Promise<unknown> }\n',
    });
    expect(callKeys(usage)).toEqual([]);
    expect(unfollowed(usage)).toEqual([
      'src/index.ts:4: this.store.get(id) calls get on `this.store`, which the constructor of Service receives as makeStore() at src/index.ts:5, an argument noops-lint cannot follow',
    ]);
  });

  it('stays complete for a package-typed or primitive constructor parameter (a logger, a name)', () => {
    const usage = analyse({
      'src/index.ts': `
import type { Logger } from 'pino';
import { makeLogger } from '@acme/logging';
class Service { constructor(private readonly log: Logger, private readonly name: string) {} handle() { this.log.info(this.name.trim()); } }
const service = new Service(makeLogger(), process.env.NAME as string);
export const handler = async () => service.handle();
`,
    });
    expect(unfollowed(usage)).toEqual([]);
  });
});
