// When two written resources name the same resource: the fix keeps a manifest's own text for a resource it already
// writes, and a SAM policy template fits only when its resources are the ones the code uses.
import { normaliseResource, patternCovers } from '../analyse/match-policy.js';
import type { RoleModel } from '../model/project.js';

/** Two resources are the same when each covers the other. */
export function sameResource(a: unknown, b: unknown, service: RoleModel['service']): boolean {
  if (a === '*' || b === '*') return a === b || (typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim());
  const x = normaliseResource(a, service);
  const y = normaliseResource(b, service);
  return x !== undefined && y !== undefined && patternCovers(x, y) && patternCovers(y, x);
}

/**
 * An existing resource names the same resource as a need when they match each other once region and account are set
 * aside (`arn:aws:dynamodb:*:*:table/${self:custom.tableName}` and `!GetAtt OrdersTable.Arn`): its text is then kept.
 */
export function namesSameResource(written: unknown, need: unknown, service: RoleModel['service']): boolean {
  if (sameResource(written, need, service)) return true;
  const x = normaliseResource(written, service);
  const y = normaliseResource(need, service);
  if (!x || !y) return false;
  const a = anyRegionAndAccount(x);
  const b = anyRegionAndAccount(y);
  return a !== undefined && b !== undefined && patternCovers(a, b) && patternCovers(b, a);
}

type Pattern = NonNullable<ReturnType<typeof normaliseResource>>;

/** `arn:partition:service:region:account:rest` with region and account as `*`; undefined for other shapes. */
function anyRegionAndAccount(pattern: Pattern): Pattern | undefined {
  const fields: Pattern[] = [[]];
  for (const element of pattern) {
    if (fields.length < 6 && element.t === 'char' && element.c === ':') fields.push([]);
    else fields[fields.length - 1]!.push(element);
  }
  if (fields.length < 6 || fields[0]!.map((e) => (e.t === 'char' ? e.c : '?')).join('') !== 'arn') return undefined;
  const colon = pattern.find((e) => e.t === 'char' && e.c === ':')!;
  const star = { t: 'star' } as Pattern[number];
  const out: Pattern = [];
  fields.forEach((field, index) => {
    if (index > 0) out.push(colon);
    if (index === 3 || index === 4) out.push(star);
    else out.push(...field);
  });
  return out;
}

/** How a manifest writes ARNs below a resource: `${Bucket.Arn}/*` (a Sub on the Arn), `!Join ['', [!GetAtt Bucket.Arn, '/*']]`. */
export type ResourceForm = 'sub-arn' | 'join-arn' | undefined;

/** The form a manifest's own resources use, from the resources it writes (the first that says). */
export function resourceFormOf(values: readonly unknown[]): ResourceForm {
  for (const value of values) {
    if (value === null || typeof value !== 'object') continue;
    const record = value as Record<string, unknown>;
    const sub = record['Fn::Sub'];
    if (typeof sub === 'string' && /^\$\{[A-Za-z0-9]+\.Arn\}./.test(sub)) return 'sub-arn';
    const join = record['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1]) && join[1].some((part) => part !== null && typeof part === 'object' && 'Fn::GetAtt' in part)) return 'join-arn';
  }
  return undefined;
}

/**
 * A derived resource below another resource's ARN (`!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/exports/*'`) in the
 * manifest's form: `!Sub '${Bucket.Arn}/exports/*'` or `!Join ['', [!GetAtt Bucket.Arn, /exports/*]]`, when that
 * names the same resource; otherwise the value as it is.
 */
export function inResourceForm(value: unknown, form: ResourceForm, service: RoleModel['service']): unknown {
  if (!form || value === null || typeof value !== 'object') return value;
  const sub = (value as Record<string, unknown>)['Fn::Sub'];
  if (typeof sub !== 'string' || Object.keys(value).length !== 1) return value;
  for (let cut = sub.indexOf('/'); cut > 0; cut = sub.indexOf('/', cut + 1)) {
    const prefix = sub.slice(0, cut);
    const suffix = sub.slice(cut);
    if (suffix.includes('${')) continue;
    for (const match of prefix.matchAll(/\$\{([A-Za-z0-9]+)\}/g)) {
      const id = match[1]!;
      if (!sameResource({ 'Fn::Sub': prefix }, { 'Fn::GetAtt': [id, 'Arn'] }, service)) continue;
      const written = form === 'sub-arn' ? { 'Fn::Sub': `\${${id}.Arn}${suffix}` } : { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, suffix]] };
      if (sameResource(written, value, service)) return written;
    }
  }
  return value;
}
