// ARN patterns (IAM globs, ARN templates with `${Var}`) and whether two of them can name the same resource.
import { ARN_VARIABLE_EXCLUDED_CHARACTERS, CLOUDFORMATION_ARN_SHAPES, PSEUDO_PARAMETER_VARIABLES } from '../data/arn-patterns.js';
import { resourceTypeArn } from './iam-catalog.js';
import { intrinsicName, isIntrinsic } from './values.js';
/** Any string at all: an unknown part of a resource (`${SomeParameter}` in a `Fn::Sub`). */
export const ANY_STRING = [{ kind: 'run', excluded: '' }];
/** Literal text in which IAM's `*` and `?` are wildcards (a `Resource` as written). */
export function patternFromGlob(text) {
    const tokens = [];
    for (const char of text) {
        if (char === '*')
            tokens.push({ kind: 'run', excluded: '' });
        else if (char === '?')
            tokens.push({ kind: 'one', excluded: '' });
        else
            tokens.push({ kind: 'char', char });
    }
    return tokens;
}
/** A non-empty value of the named ARN template variable (`BucketName` holds no `/`). */
export function patternForVariable(name) {
    const excluded = Object.hasOwn(ARN_VARIABLE_EXCLUDED_CHARACTERS, name) ? ARN_VARIABLE_EXCLUDED_CHARACTERS[name] : '';
    return [
        { kind: 'one', excluded },
        { kind: 'run', excluded },
    ];
}
/** An ARN template (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`); `*` and `?` in it are wildcards too. */
export function patternFromTemplate(template) {
    const tokens = [];
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
 * resource of template `b`. Both sides may contain wildcards.
 */
export function patternsOverlap(a, b) {
    const width = b.length + 1;
    const memo = new Map();
    const step = (i, j) => {
        const key = i * width + j;
        const known = memo.get(key);
        if (known !== undefined)
            return known;
        const result = overlapAt(i, j);
        memo.set(key, result);
        return result;
    };
    const overlapAt = (i, j) => {
        const x = a[i];
        const y = b[j];
        if (!x && !y)
            return true;
        // A run may match nothing: skipping it is always one way forward.
        if (x?.kind === 'run' && step(i + 1, j))
            return true;
        if (y?.kind === 'run' && step(i, j + 1))
            return true;
        if (!x || !y)
            return false;
        if (x.kind === 'run') {
            // The run eats the character y stands for, and stays.
            return y.kind !== 'run' && sharesCharacter(x, y) && step(i, j + 1);
        }
        if (y.kind === 'run')
            return sharesCharacter(y, x) && step(i + 1, j);
        return sharesCharacter(x, y) && step(i + 1, j + 1);
    };
    return step(0, 0);
}
function sharesCharacter(x, y) {
    if (x.kind === 'char')
        return y.kind === 'char' ? x.char === y.char : !y.excluded.includes(x.char);
    if (y.kind === 'char')
        return !x.excluded.includes(y.char);
    // Two character classes that each exclude a few characters always share one.
    return true;
}
const templateCache = new Map();
function templatePattern(template) {
    let pattern = templateCache.get(template);
    if (!pattern) {
        pattern = patternFromTemplate(template);
        templateCache.set(template, pattern);
    }
    return pattern;
}
/** True when some resource type of the action has an ARN that one of the patterns can name. */
export function actionMayApply(action, resources) {
    for (const type of action.resourceTypes) {
        const template = resourceTypeArn(action.service, type.name);
        // A resource type without a known ARN form could be anything.
        if (template === undefined)
            return true;
        if (resources.some((r) => patternsOverlap(r, templatePattern(template))))
            return true;
    }
    return false;
}
/**
 * What a Resource value can stand for: a literal ARN, `Fn::Sub`, `Fn::Join`, or `Fn::GetAtt`/`Ref` of a
 * resource of known type among `resources`. Undefined when it cannot be read (never guessed).
 */
export function resourcePattern(value, resources) {
    if (typeof value === 'string') {
        const text = value.trim();
        if (text === '*')
            return ANY_STRING;
        // Anything else that is not an ARN (a bare name, a leftover variable) is not ours to judge.
        return text.startsWith('arn:') && !text.includes('${') ? patternFromGlob(text) : undefined;
    }
    if (!isIntrinsic(value))
        return undefined;
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
    if (name === 'Fn::Sub')
        return subPattern(argument, resources);
    if (name === 'Fn::Join')
        return joinPattern(argument, resources);
    return undefined;
}
function getAttParts(argument) {
    if (Array.isArray(argument) && typeof argument[0] === 'string' && typeof argument[1] === 'string')
        return [argument[0], argument[1]];
    if (typeof argument === 'string' && argument.includes('.')) {
        const dot = argument.indexOf('.');
        return [argument.slice(0, dot), argument.slice(dot + 1)];
    }
    return [undefined, undefined];
}
function shapeOf(logicalId, resources) {
    const resource = resources.find((r) => r.logicalId === logicalId);
    if (!resource || !Object.hasOwn(CLOUDFORMATION_ARN_SHAPES.types, resource.type))
        return undefined;
    return CLOUDFORMATION_ARN_SHAPES.types[resource.type];
}
/** `!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"`: known variables by their shape, the rest match anything. */
function subPattern(argument, resources) {
    const template = Array.isArray(argument) ? argument[0] : argument;
    const variables = Array.isArray(argument) && argument[1] !== null && typeof argument[1] === 'object' ? argument[1] : {};
    if (typeof template !== 'string')
        return undefined;
    const tokens = [];
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
        if (variable.startsWith('!'))
            tokens.push(...patternFromGlob(`\${${variable.slice(1)}}`));
        else
            tokens.push(...subVariablePattern(variable, variables, resources));
        rest = rest.slice(close + 1);
    }
    return tokens;
}
function subVariablePattern(variable, variables, resources) {
    if (Object.hasOwn(variables, variable))
        return resourcePart(variables[variable], resources);
    if (Object.hasOwn(PSEUDO_PARAMETER_VARIABLES, variable))
        return patternForVariable(PSEUDO_PARAMETER_VARIABLES[variable]);
    const dot = variable.indexOf('.');
    if (dot > 0) {
        const template = shapeOf(variable.slice(0, dot), resources)?.attributes?.[variable.slice(dot + 1)];
        return template ? templatePattern(template) : ANY_STRING;
    }
    const shape = shapeOf(variable, resources);
    if (shape?.refName)
        return patternForVariable(shape.refName);
    if (shape?.refArn)
        return templatePattern(shape.refArn);
    return ANY_STRING;
}
/** A piece of a Join or a Sub variable's value: literal text, a name, an ARN, or anything. */
function resourcePart(value, resources) {
    if (typeof value === 'string')
        return patternFromGlob(value);
    if (isIntrinsic(value) && intrinsicName(value) === 'Ref' && typeof value.Ref === 'string') {
        if (Object.hasOwn(PSEUDO_PARAMETER_VARIABLES, value.Ref))
            return patternForVariable(PSEUDO_PARAMETER_VARIABLES[value.Ref]);
        const shape = shapeOf(value.Ref, resources);
        if (shape?.refName)
            return patternForVariable(shape.refName);
        if (shape?.refArn)
            return templatePattern(shape.refArn);
        return ANY_STRING;
    }
    return resourcePattern(value, resources) ?? ANY_STRING;
}
function joinPattern(argument, resources) {
    if (!Array.isArray(argument) || typeof argument[0] !== 'string' || !Array.isArray(argument[1]))
        return undefined;
    const delimiter = patternFromGlob(argument[0]);
    const tokens = [];
    argument[1].forEach((part, index) => {
        if (index > 0)
            tokens.push(...delimiter);
        tokens.push(...resourcePart(part, resources));
    });
    return tokens;
}
