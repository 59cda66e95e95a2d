// Clean-architecture code: a handler builds a controller with `new` through factories, hands it to an adapter, and
// the controller reaches AWS through use cases and services it receives as constructor arguments, the layers
// importing each other through a tsconfig `paths` alias. Every path to AWS is followed, or the derivation says which
// call it could not follow: it is never complete with no action.
import { describe, expect, it } from 'vitest';
import { analyseFixture, analyseInline, callKeys } from './stub-project.js';
import type { FunctionUsage } from '../../src/analyse/types.js';

const unfollowed = (usage: FunctionUsage) => (usage.unfollowed ?? []).map((u) => `${u.location.file}:${u.location.line}: ${u.reason}`);

describe('layered classes', () => {
  it('never reports a complete derivation without the calls the layers make', () => {
    const usages = analyseFixture('layered-classes', [
      { name: 'openAccount', handler: 'src/handlers/accounts.openAccount' },
      { name: 'readAccount', handler: 'src/handlers/accounts.readAccount' },
    ]);
    for (const name of ['openAccount', 'readAccount']) {
      const usage = usages.get(name)!;
      // Either the services' calls are derived, or the derivation names where it stopped.
      expect(callKeys(usage).length > 0 || unfollowed(usage).length > 0, name).toBe(true);
    }
    expect(unfollowed(usages.get('openAccount')!).join('\n')).toContain('src/adapters/http.ts:5: ');
  });

  it('a method call on a parameter typed with a project interface imported through a paths alias is not followed silently', () => {
    const { usages } = analyseInline(
      {
        'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } } }',
        'src/ports.ts': 'export interface Store { save(id: string): Promise<void> }',
        'src/store.ts': `
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export const store = { save: (id: string) => client.send(new PutItemCommand({ TableName: 't', Item: { id: { S: id } } })).then(() => undefined) };
`,
        'src/index.ts': `
import type { Store } from '~/ports';
import { store } from '~/store';
const run = async (target: Store, id: string) => target.save(id);
export const handler = async (event: { id: string }) => run(store, event.id);
`,
      },
      { fn: 'src/index.handler' },
    );
    const usage = usages.get('fn')!;
    expect(callKeys(usage).length > 0 || unfollowed(usage).some((u) => u.startsWith('src/index.ts:4: ')), unfollowed(usage).join('\n')).toBe(true);
  });

  it('a use case whose injected service is typed through a paths alias names the call it could not follow', () => {
    const { usages } = analyseInline(
      {
        'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } } }',
        'src/domain.ts': 'export abstract class Directory { abstract open(email: string): Promise<void> }',
        'src/use-case.ts': `
import { Directory } from '~/domain';
export class Open {
  constructor(private readonly directory: Directory) {}
  run(email: string) { return this.directory.open(email); }
}
`,
        'src/index.ts': `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Open } from '~/use-case';
const make = (directory: any) => new Open(directory);
export const handler = async (event: { email: string }, context: { directory: unknown }) => make(context.directory).run(event.email);
`,
      },
      { fn: 'src/index.handler' },
    );
    expect(unfollowed(usages.get('fn')!).join('\n')).toContain('src/use-case.ts:5: this.directory.open(email) calls open on `this.directory`, which the constructor of Open receives');
  });
});
