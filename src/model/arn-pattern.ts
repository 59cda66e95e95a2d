// ARN patterns (IAM globs, ARN templates with `${Var}`) and whether two of them can name the same resource.
import { ARN_VARIABLE_EXCLUDED_CHARACTERS, CLOUDFORMATION_ARN_SHAPES, PSEUDO_PARAMETER_VARIABLES, type ResourceArnShape } from '../data/arn-patterns.js';
import { resourceTypeArn, type IamAction } from './iam-catalog.js';
import type { ResourceModel } from './project.js';
import { hasDynamicReference, intrinsicName, isIntrinsic } from './values.js';

export type ArnToken =
  | { kind: 'char'; char: string }
  /** One character not in `excluded`. */
  | { kind: 'one'; excluded: string }
  /** Zero or more characters not in `excluded`. */
  | { kind: 'run'; excluded: string };

export type ArnPattern = ArnToken[];

/** Any string at all: an unknown part of a resource (`${SomeParameter}` in a `Fn::Sub`). */
export const ANY_STRING: ArnPattern = [{ kind: 'run', excluded: '' }];

/** Literal text in which IAM's `*` and `?` are wildcards (a `Resource` as written). */
export function patternFromGlob(text: string): ArnPattern {
  const tokens: ArnPattern = [];
  for (const char of text) {
    if (char === '*') tokens.push({ kind: 'run', excluded: '' });
    else if (char === '?') tokens.push({ kind: 'one', excluded: '' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** A non-empty value of the named ARN template variable (`BucketName` holds no `/`). */
export function patternForVariable(name: string): ArnPattern {
  const excluded = Object.hasOwn(ARN_VARIABLE_EXCLUDED_CHARACTERS, name) ? ARN_VARIABLE_EXCLUDED_CHARACTERS[name]! : '';
  return [
    { kind: 'one', excluded },
    { kind: 'run', excluded },
  ];
}

/** An ARN template (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`); `*` and `?` in it are wildcards too. */
export function patternFromTemplate(template: string): ArnPattern {
  const tokens: ArnPattern = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('${');
    const close = open >= 0 ? rest.indexOf('}', open) : -1;
    if (open < 0 || close < 0) {
      tokens.push(...patternFromGlob(rest));
      break;
    }
    tokens.push(...patternFromGlob(rest.slice(0, open)));
    tokens.push(...patternForVariable(rest.slice(open + 2, close)));
    rest = rest.slice(close + 1);
  }
  return tokens;
}

/**
 * True when some concrete resource name matches both patterns, so a grant on `a` can apply to a
 * resource of template `b`. Both sides may contain wildcards. Computed row by row from the ends of both
 * patterns (no recursion, so a very long ARN cannot overflow the stack), in (a.length x b.length) steps.
 */
export function patternsOverlap(a: ArnPattern, b: ArnPattern): boolean {
  const width = b.length + 1;
  // next[j]: a[i + 1..] and b[j..] overlap; row[j]: a[i..] and b[j..] overlap.
  let next = new Uint8Array(width);
  let row = new Uint8Array(width);
  for (let i = a.length; i >= 0; i -= 1) {
    const x = a[i];
    for (let j = b.length; j >= 0; j -= 1) {
      const y = b[j];
      let result: boolean;
      if (!x && !y) result = true;
      // A run may match nothing: skipping it is always one way forward.
      else if (x?.kind === 'run' && next[j] === 1) result = true;
      else if (y?.kind === 'run' && row[j + 1] === 1) result = true;
      else if (!x || !y) result = false;
      // The run eats the character y stands for, and stays.
      else if (x.kind === 'run') result = y.kind !== 'run' && sharesCharacter(x, y) && row[j + 1] === 1;
      else if (y.kind === 'run') result = sharesCharacter(y, x) && next[j] === 1;
      else result = sharesCharacter(x, y) && next[j + 1] === 1;
      row[j] = result ? 1 : 0;
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}

function sharesCharacter(x: ArnToken, y: ArnToken): boolean {
  if (x.kind === 'char') return y.kind === 'char' ? x.char === y.char : !y.excluded.includes(x.char);
  if (y.kind === 'char') return !x.excluded.includes(y.char);
  // Two character classes that each exclude a few characters always share one.
  return true;
}

const templateCache = new Map<string, ArnPattern>();

function templatePattern(template: string): ArnPattern {
  let pattern = templateCache.get(template);
  if (!pattern) {
    pattern = patternFromTemplate(template);
    templateCache.set(template, pattern);
  }
  return pattern;
}

/** True when some resource type of the action has an ARN that one of the patterns can name. */
export function actionMayApply(action: IamAction, resources: ArnPattern[]): boolean {
  for (const type of action.resourceTypes) {
    const template = resourceTypeArn(action.service, type.name);
    // A resource type without a known ARN form could be anything.
    if (template === undefined) return true;
    if (resources.some((r) => patternsOverlap(r, templatePattern(template)))) return true;
  }
  return false;
}

/**
 * What a Resource value can stand for: a literal ARN, `Fn::Sub`, `Fn::Join`, or `Fn::GetAtt`/`Ref` of a
 * resource of known type among `resources`. Undefined when it cannot be read (never guessed).
 */
export function resourcePattern(value: unknown, resources: readonly ResourceModel[]): ArnPattern | undefined {
  // `{{resolve:ssm:...}}` is replaced when the stack is deployed: what it names is not known here.
  if (hasDynamicReference(value)) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '*') return ANY_STRING;
    // Anything else that is not an ARN (a bare name, a leftover variable) is not ours to judge; nor is an ARN with a
    // placeholder a plugin or a later step fills in (`#{AWS::Region}` of serverless-pseudo-parameters holds colons).
    return text.startsWith('arn:') && !text.includes('${') && !text.includes('#{') ? patternFromGlob(text) : undefined;
  }
  if (!isIntrinsic(value)) return undefined;
  const name = intrinsicName(value);
  const argument = value[name];
  if (name === 'Fn::GetAtt') {
    const [logicalId, attribute] = getAttParts(argument);
    const template = logicalId && attribute ? shapeOf(logicalId, resources)?.attributes?.[attribute] : undefined;
    return template ? templatePattern(template) : undefined;
  }
  if (name === 'Ref') {
    const template = typeof argument === 'string' ? shapeOf(argument, resources)?.refArn : undefined;
    return template ? templatePattern(template) : undefined;
  }
  if (name === 'Fn::Sub') return subPattern(argument, resources);
  if (name === 'Fn::Join') return joinPattern(argument, resources);
  return undefined;
}

function getAttParts(argument: unknown): [string | undefined, string | undefined] {
  if (Array.isArray(argument) && typeof argument[0] === 'string' && typeof argument[1] === 'string') return [argument[0], argument[1]];
  if (typeof argument === 'string' && argument.includes('.')) {
    const dot = argument.indexOf('.');
    return [argument.slice(0, dot), argument.slice(dot + 1)];
  }
  return [undefined, undefined];
}

function shapeOf(logicalId: string, resources: readonly ResourceModel[]): ResourceArnShape | undefined {
  const resource = resources.find((r) => r.logicalId === logicalId);
  if (!resource || !Object.hasOwn(CLOUDFORMATION_ARN_SHAPES.types, resource.type)) return undefined;
  return CLOUDFORMATION_ARN_SHAPES.types[resource.type];
}

/** `!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"`: known variables by their shape, the rest match anything. */
function subPattern(argument: unknown, resources: readonly ResourceModel[]): ArnPattern | undefined {
  const template = Array.isArray(argument) ? argument[0] : argument;
  const variables = Array.isArray(argument) && argument[1] !== null && typeof argument[1] === 'object' ? (argument[1] as Record<string, unknown>) : {};
  if (typeof template !== 'string') return undefined;
  const tokens: ArnPattern = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('${');
    const close = open >= 0 ? rest.indexOf('}', open) : -1;
    if (open < 0 || close < 0) {
      tokens.push(...patternFromGlob(rest));
      break;
    }
    tokens.push(...patternFromGlob(rest.slice(0, open)));
    const variable = rest.slice(open + 2, close);
    if (variable.startsWith('!')) tokens.push(...patternFromGlob(`\${${variable.slice(1)}}`));
    else tokens.push(...subVariablePattern(variable, variables, resources));
    rest = rest.slice(close + 1);
  }
  return tokens;
}

function subVariablePattern(variable: string, variables: Record<string, unknown>, resources: readonly ResourceModel[]): ArnPattern {
  if (Object.hasOwn(variables, variable)) return resourcePart(variables[variable], resources);
  if (Object.hasOwn(PSEUDO_PARAMETER_VARIABLES, variable)) return patternForVariable(PSEUDO_PARAMETER_VARIABLES[variable]!);
  const dot = variable.indexOf('.');
  if (dot > 0) {
    const template = shapeOf(variable.slice(0, dot), resources)?.attributes?.[variable.slice(dot + 1)];
    return template ? templatePattern(template) : ANY_STRING;
  }
  const shape = shapeOf(variable, resources);
  if (shape?.refName) return patternForVariable(shape.refName);
  if (shape?.refArn) return templatePattern(shape.refArn);
  return ANY_STRING;
}

/** A piece of a Join or a Sub variable's value: literal text, a name, an ARN, or anything. */
function resourcePart(value: unknown, resources: readonly ResourceModel[]): ArnPattern {
  if (typeof value === 'string') return patternFromGlob(value);
  if (isIntrinsic(value) && intrinsicName(value) === 'Ref' && typeof value.Ref === 'string') {
    if (Object.hasOwn(PSEUDO_PARAMETER_VARIABLES, value.Ref)) return patternForVariable(PSEUDO_PARAMETER_VARIABLES[value.Ref]!);
    const shape = shapeOf(value.Ref, resources);
    if (shape?.refName) return patternForVariable(shape.refName);
    if (shape?.refArn) return templatePattern(shape.refArn);
    return ANY_STRING;
  }
  return resourcePattern(value, resources) ?? ANY_STRING;
}

function joinPattern(argument: unknown, resources: readonly ResourceModel[]): ArnPattern | undefined {
  if (!Array.isArray(argument) || typeof argument[0] !== 'string' || !Array.isArray(argument[1])) return undefined;
  const delimiter = patternFromGlob(argument[0]);
  const tokens: ArnPattern = [];
  (argument[1] as unknown[]).forEach((part, index) => {
    if (index > 0) tokens.push(...delimiter);
    tokens.push(...resourcePart(part, resources));
  });
  return tokens;
}
