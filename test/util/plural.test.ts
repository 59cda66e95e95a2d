import { describe, expect, it } from 'vitest';
import { summarisedList, withArticle } from '../../src/util/plural.js';

describe('withArticle', () => {
  it('reads acronyms letter by letter and words by their sound', () => {
    const cases: Record<string, string> = {
      'AWS::SQS::Queue': 'an AWS::SQS::Queue',
      'AWS::S3::Bucket': 'an AWS::S3::Bucket',
      S3Client: 'an S3Client',
      SQS: 'an SQS',
      URL: 'a URL',
      DynamoDBDocumentClient: 'a DynamoDBDocumentClient',
      queue: 'a queue',
      object: 'an object',
      'unique key': 'a unique key',
      'unused grant': 'an unused grant',
      EC2: 'an EC2',
      KMS: 'a KMS',
    };
    for (const [phrase, expected] of Object.entries(cases)) expect(withArticle(phrase)).toBe(expected);
  });
});

describe('summarisedList', () => {
  it('names up to three and counts the rest', () => {
    expect(summarisedList([], 'or')).toBe('');
    expect(summarisedList(['table'], 'or')).toBe('table');
    expect(summarisedList(['table', 'index'], 'or')).toBe('table or index');
    expect(summarisedList(['a', 'b', 'c'], 'and')).toBe('a, b and c');
    expect(summarisedList(['a', 'b', 'c', 'd'], 'or')).toBe('a, b, c or 1 other');
    expect(summarisedList(['a', 'b', 'c', 'd', 'e', 'f'], 'or')).toBe('a, b, c or 3 others');
  });
});
