// connection/per-request on the example projects: where it reports, what it names, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/connection/per-request.js';
import { placed, runOnExample } from '../../helpers/example-projects.js';

describe('connection/per-request on the examples', () => {
  it('reports the pg client built in the reportOrders handler, and nothing in the module-scope clients', () => {
    const findings = runOnExample(rule, 'orders');
    expect(placed(findings)).toEqual(['src/report.ts:11 reportOrders']);
    expect(findings[0]!.message).toContain('pg.Client opens a new database connection on every invocation of "reportOrders"');
    expect(findings[0]!.severity).toBe('warning');
  });

  it('reports the AWS SDK client built per request, naming the latency cost', () => {
    const findings = runOnExample(rule, 'thumbnails');
    expect(placed(findings)).toEqual(['src/list.js:7 ListThumbnailsFunction']);
    expect(findings[0]!.message).toContain('AWS.S3');
    expect(findings[0]!.message).toMatch(/TLS connection.*latency/);
  });

  it('reports the route handler call that connects, with the MongoClient as related location', () => {
    const findings = runOnExample(rule, 'container-service');
    expect(placed(findings)).toEqual(['src/handler.js:16 myservice']);
    expect(findings[0]!.message).toContain('This call reaches MongoClient ("src/handler.js", line 4), which opens a new database connection on every request "myservice" serves');
    expect(findings[0]!.related.map((r) => `${r.location.file}:${r.location.line} ${r.message}`)).toEqual(['src/handler.js:4 MongoClient is created here']);
  });

  it('keeps the key free of line numbers', () => {
    const [finding] = runOnExample(rule, 'orders');
    expect(finding!.key).toBe('serverless.yml#reportOrders|database|pg.Client|src/report.ts');
  });
});
