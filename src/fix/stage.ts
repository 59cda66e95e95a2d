// A grant the fix adds to a Serverless manifest must name the right resource in every stage the manifest deploys to.
// The analysis resolves the environment for one stage (`${opt:stage, 'dev'}` -> dev), so a name the code builds from
// a manifest value written with variables (`TABLE: orders-${sls:stage}`) comes out as that stage's name. Such a name
// is written with the manifest's own expression instead; when noops-lint cannot tell how the name was built (the
// stage-dependent value is empty, or its text is not in the manifest), the grant is not written at all.
import { parseDocument, isScalar } from 'yaml';
import type { RoleModel } from '../model/project.js';

/** A manifest value of the role's functions that may change with the stage, with its resolved value and its text. */
interface StageValue {
  /** `process.env.TABLE`, for messages. */
  label: string;
  value: string;
  /** The value as the manifest writes it (`orders-${sls:stage}`); undefined when it is not written there. */
  text?: string;
}

export interface StageContext {
  stage: string;
  values: StageValue[];
}

/** The result for one resource: the value to write (maybe with the manifest's expression), or why it is not written. */
export type StageSafe = { resource: unknown } | { refused: string };

/** Serverless variables that do not change with the stage. */
const STAGE_FREE = /^\$\{(?:AWS::|aws:|env:|self:service\}|self:app\}|self:org\})/;

function hasStageVariable(text: string): boolean {
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
    if (!STAGE_FREE.test(text.slice(at))) return true;
  }
  return false;
}

/**
 * What a Serverless role's functions read that may depend on the stage; undefined when the service deploys to one
 * stage only (`provider.stage` written as a plain name) or is not a Serverless service.
 */
export function stageContext(role: RoleModel, read: (file: string) => string | undefined): StageContext | undefined {
  const service = role.functions[0]?.service;
  if (!service || service.kind !== 'serverless') return undefined;
  const text = read(service.manifest);
  const doc = text === undefined ? undefined : parseDocument(text, { uniqueKeys: false, strict: false, logLevel: 'silent' });
  const raw = (path: string[]): string | undefined => {
    const node = doc?.getIn(path, true);
    return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  };
  const writtenStage = raw(['provider', 'stage']);
  if (writtenStage !== undefined && !writtenStage.includes('${')) return undefined;
  const values: StageValue[] = [];
  const seen = new Set<string>();
  for (const fn of role.functions) {
    for (const variable of fn.environment) {
      if (typeof variable.value !== 'string' && typeof variable.value !== 'number') continue;
      const path = variable.origin === 'function' ? ['functions', fn.name, 'environment', variable.name] : ['provider', 'environment', variable.name];
      const written = raw(path);
      const fromManifest = variable.location.file === service.manifest;
      // Written as plain text in the manifest: the same in every stage.
      if (fromManifest && written !== undefined && !hasStageVariable(written)) continue;
      if (fromManifest && written === undefined && typeof doc?.getIn(path) !== 'undefined') continue;
      const text = written !== undefined && hasStageVariable(written) ? written : undefined;
      const key = `${variable.name}\0${String(variable.value)}\0${text ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      values.push({ label: `process.env.${variable.name}`, value: String(variable.value), ...(text !== undefined ? { text } : {}) });
    }
  }
  if (values.length === 0) return undefined;
  return { stage: service.stage ?? 'dev', values: values.sort((a, b) => b.value.length - a.value.length || (a.label < b.label ? -1 : 1)) };
}

/** Where the resource part of an ARN (`table/orders`) starts: after its fifth colon outside `${...}`; 0 for other text. */
function resourceStart(text: string): number {
  if (!text.startsWith('arn:')) return 0;
  let colons = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === ':' && depth === 0 && ++colons === 5) return i + 1;
  }
  return 0;
}

/** Offsets of `value` in `text` from `from`, outside `${...}`. */
function occurrences(text: string, value: string, from: number): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(value, from); at >= 0; at = text.indexOf(value, at + 1)) {
    const before = text.slice(0, at);
    const open = before.split('${').length - 1;
    const close = (before.match(/\}/g) ?? []).length;
    if (open <= close) out.push(at);
  }
  return out;
}

/**
 * A resource the fix adds, safe in every stage: a name holding a stage-dependent value is written with the
 * manifest's expression for it; refused when that value is empty (it may be anywhere in the name), appears more than
 * once, or is not written in the manifest.
 */
export function stageSafe(resource: unknown, context: StageContext | undefined): StageSafe {
  if (!context) return { resource };
  const sub = resource !== null && typeof resource === 'object' && Object.keys(resource).length === 1 ? (resource as Record<string, unknown>)['Fn::Sub'] : undefined;
  let text = typeof resource === 'string' ? resource : typeof sub === 'string' ? sub : undefined;
  if (text === undefined) return { resource };
  const start = resourceStart(text);
  for (const entry of context.values) {
    const why = `${entry.label} (${entry.text !== undefined ? `${entry.text}, ` : ''}${JSON.stringify(entry.value)} in stage ${context.stage})`;
    if (entry.value === '') return { refused: `its name may hold ${why}, and noops-lint cannot tell where` };
    const found = occurrences(text, entry.value, start);
    if (found.length === 0) continue;
    if (found.length > 1 || entry.text === undefined) return { refused: `its name holds ${why}${entry.text === undefined ? ', which the manifest does not write as text noops-lint can copy' : ' more than once'}` };
    const at = found[0]!;
    text = `${text.slice(0, at)}${entry.text}${text.slice(at + entry.value.length)}`;
  }
  return { resource: typeof resource === 'string' ? text : { 'Fn::Sub': text } };
}
