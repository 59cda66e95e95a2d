// A reason that holds for every function of a manifest (all built into archives) is one note, not one per function.
import { describe, expect, it } from 'vitest';
import { lintRoot, removeDir, writeProject } from '../security/harness.js';

const fn = (name: string, zip: string) => `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./deploy/${zip}.zip
      Handler: handler.main
      Runtime: nodejs20.x
`;

describe('handler notes', () => {
  it('folds the same reason across the functions of one template into one note naming them', () => {
    const root = writeProject({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31\nResources:\n${fn('First', 'first')}${fn('Second', 'second')}${fn('Third', 'third')}${fn('Fourth', 'fourth')}${fn('Fifth', 'fifth')}`,
      'library.yaml': `Transform: AWS::Serverless-2016-10-31\nResources:\n${fn('Only', 'only')}`,
    });
    try {
      const notes = lintRoot(root).findings.filter((f) => f.ruleId === 'input/handler-not-analysed');
      expect(notes.map((f) => [f.location.file, f.location.line, f.function])).toEqual([
        ['library.yaml', 7, 'Only'],
        ['template.yaml', 7, undefined],
      ]);
      expect(notes[1]!.message).toBe(
        'The code of "First" is the archive "deploy/first.zip", built before deployment and not source in the project, so its handler was not analysed. So are 4 more functions of this manifest ("Second", "Third", "Fourth" and 1 more): their code is built archives too.',
      );
      expect(notes[1]!.related.map((r) => [r.location.line, r.message])).toEqual([
        [13, 'the handler of "Second"'],
        [19, 'the handler of "Third"'],
        [25, 'the handler of "Fourth"'],
        [31, 'the handler of "Fifth"'],
      ]);
    } finally {
      removeDir(root);
    }
  });
});
