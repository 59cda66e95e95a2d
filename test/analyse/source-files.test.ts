// Each file is parsed once per run, however many functions reach it.
import { describe, it, expect } from 'vitest';
import { analyseInline } from './stub-project.js';

describe('parse cache', () => {
  it('reads a module shared by three handlers once', () => {
    const shared = `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nconst sns = new SNSClient({});\nexport const publish = () => sns.send(new PublishCommand({ TopicArn: 't', Message: 'm' }));`;
    const handler = `import { publish } from './shared';\nexport const handler = () => publish();`;
    const { reader, usages } = analyseInline(
      { 'shared.ts': shared, 'a.ts': handler, 'b.ts': handler, 'c.ts': handler },
      { a: 'a.handler', b: 'b.handler', c: 'c.handler' },
    );
    expect([...usages.values()].map((u) => u.calls.map((c) => c.operation))).toEqual([['Publish'], ['Publish'], ['Publish']]);
    expect(reader.reads.get('shared.ts')).toBe(1);
  });
});
