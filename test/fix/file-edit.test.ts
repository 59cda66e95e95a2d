// The last step of planning a fix: a file's splices applied, its byte-order mark kept, and the safety net for splices
// that would touch the same text (a planning fault) leaving the file as written with a note.
import { describe, it, expect } from 'vitest';
import { fileEdit } from '../../src/fix/plan.js';
import { SourceIndex } from '../../src/fix/source-index.js';
import { applySplices, overlap } from '../../src/fix/splice.js';

const yaml = 'Statement:\n  - Effect: Allow\n    Action: s3:*\n    Resource: "*"\n';

describe('fileEdit', () => {
  it('applies splices and keeps a byte-order mark, with splice offsets in the file as written', () => {
    const index = new SourceIndex('template.yaml', `\ufeff${yaml}`);
    const start = yaml.indexOf('s3:*');
    const result = fileEdit(index, [{ start, end: start + 4, text: 's3:GetObject' }]);
    expect('message' in result).toBe(false);
    if ('message' in result) return;
    expect(result.before).toBe(`\ufeff${yaml}`);
    expect(result.after).toBe(`\ufeff${yaml.replace('s3:*', 's3:GetObject')}`);
    expect(result.splices[0]).toEqual({ start: start + 1, end: start + 5, text: 's3:GetObject' });
  });

  it('leaves a file whose splices overlap as written, with a note at its first line', () => {
    const index = new SourceIndex('template.yaml', yaml);
    const action = yaml.indexOf('Action');
    const result = fileEdit(index, [
      { start: action, end: yaml.indexOf('Resource'), text: '' },
      { start: yaml.indexOf('s3:*'), end: yaml.indexOf('s3:*'), text: 'x' },
    ]);
    expect(result).toEqual({
      location: { file: 'template.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 },
      message: 'Left as written: the changes planned for "template.yaml" overlap, so none of them is made; fix its statements by hand.',
    });
  });

  it('treats an insertion at the start or end of a removal as apart from it', () => {
    const splices = [
      { start: 10, end: 20, text: '' },
      { start: 10, end: 10, text: 'a' },
      { start: 20, end: 20, text: 'b' },
    ];
    expect(overlap(splices)).toBeUndefined();
    expect(applySplices('0123456789abcdefghijKLM', splices)).toBe('0123456789abKLM');
    expect(overlap([{ start: 10, end: 20, text: '' }, { start: 15, end: 15, text: 'a' }])).toEqual({ start: 15, end: 15, text: 'a' });
  });
});
