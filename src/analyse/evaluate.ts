// A small constant evaluator for request parameters: literals, templates, constants across files, process.env.
import ts from './typescript.js';
import type { StaticValue } from './types.js';
import type { AnalysisContext } from './context.js';
import { definitionOf, exportDefinition, propertyWrites, requiredDefinition, type Definition } from './definitions.js';
import { isRequireCall } from './module-info.js';
import { propertyNameText } from './references.js';

const MAX_DEPTH = 30;
/** Nested calls of local helpers followed (`required('TABLE')` inside `tableName()`), so a recursive helper stops. */
const MAX_CALL_DEPTH = 3;

function unknown(reason: string): StaticValue {
  return { kind: 'unknown', reason };
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isProcessEnv(expression: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(expression) && expression.name.text === 'env' && ts.isIdentifier(expression.expression) && expression.expression.text === 'process';
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) ? skipParentheses(expression.expression) : expression;
}

/** `process.env.X` / `process.env['X']` -> X. */
function envName(node: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(node) && isProcessEnv(node.expression)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

/** The return expressions of a function body, not those of functions nested in it; undefined when one returns nothing. */
function returnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] | undefined {
  if (!fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found: ts.Expression[] = [];
  let bare = false;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      else bare = true;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return bare || found.length === 0 ? undefined : found;
}

/**
 * An object key computed from an env variable (`{ [process.env.TABLE]: items }`) is kept as this text, so
 * readers of keys (BatchWriteItem's RequestItems) can turn it back into the variable; see keyValue.
 */
function envKey(value: Extract<StaticValue, { kind: 'env' }>): string {
  return `${value.prefix}\${env:${value.name}}${value.suffix}`;
}

/** The value an object key stands for: an env variable for a key made by envKey, else the key's text. */
export function keyValue(key: string): StaticValue {
  const match = /^(.*)\$\{env:([^{}]+)\}(.*)$/s.exec(key);
  if (match && !match[1]!.includes('${') && !match[3]!.includes('${')) return { kind: 'env', name: match[2]!, prefix: match[1]!, suffix: match[3]! };
  return { kind: 'string', value: key };
}

function asText(value: StaticValue): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
  return undefined;
}

/** String concatenation of evaluated parts: all known -> string; one env among literals -> env; a literal prefix -> partial. */
export function concatenate(parts: StaticValue[], what: string): StaticValue {
  let prefix = '';
  let env: { name: string; prefix: string; suffix: string } | undefined;
  let suffix = '';
  for (const part of parts) {
    const text = asText(part);
    if (text !== undefined) {
      if (env) suffix += text;
      else prefix += text;
      continue;
    }
    if (part.kind === 'env' && !env) {
      env = { name: part.name, prefix: prefix + part.prefix, suffix: part.suffix };
      continue;
    }
    const reason = part.kind === 'unknown' || part.kind === 'partial' ? part.reason : `${what} mixes values not known statically`;
    const known = env ? '' : prefix + (part.kind === 'partial' ? part.prefix : '');
    return known ? { kind: 'partial', prefix: known, reason } : unknown(reason);
  }
  if (env) return { kind: 'env', name: env.name, prefix: env.prefix, suffix: env.suffix + suffix };
  return { kind: 'string', value: prefix };
}

/**
 * Arguments bound to a helper's parameters at one call site (each evaluated in its caller's bindings);
 * no expression: the call passes no argument there.
 */
export type Bindings = Map<ts.ParameterDeclaration, { expression: ts.Expression | undefined; outer: Bindings | undefined }>;

export class StaticEvaluator {
  constructor(
    private readonly context: AnalysisContext,
    private readonly bindings?: Bindings,
    /** Helper calls being evaluated around this evaluator. */
    private readonly callDepth = 0,
    /** When given, receives each argument expression a bound parameter is read from, innermost first (where a value entered). */
    private readonly trace?: ts.Expression[],
  ) {}

  /** An evaluator with the same bindings that records in `trace` the arguments the parameters it reads are bound to. */
  tracing(trace: ts.Expression[]): StaticEvaluator {
    return new StaticEvaluator(this.context, this.bindings, this.callDepth, trace);
  }

  /** The evaluated value with internal markers replaced by readable reasons. */
  evaluateInput(expression: ts.Expression | undefined): StaticValue {
    if (!expression) return unknown('no request parameters');
    return clean(this.evaluate(expression));
  }

  evaluate(expression: ts.Expression, depth = 0): StaticValue {
    if (depth > MAX_DEPTH) return unknown('a definition nested too deep');
    const node = expression;
    if (ts.isStringLiteralLike(node)) return { kind: 'string', value: node.text };
    if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text) };
    if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true };
    if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false };
    if (node.kind === ts.SyntaxKind.NullKeyword) return unknown('`null`');
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.evaluate(node.expression, depth + 1);
    }
    const env = envName(node);
    if (env !== undefined) return { kind: 'env', name: env, prefix: '', suffix: '' };
    if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression)) {
      // process.env[name] inside `function required(name)`, with `name` bound to a constant
      const name = this.evaluate(node.argumentExpression, depth + 1);
      if (name.kind === 'string') return { kind: 'env', name: name.value, prefix: '', suffix: '' };
      return unknown(`\`${shortText(node)}\` reads a variable named at run time`);
    }
    if (ts.isTemplateExpression(node)) {
      const parts: StaticValue[] = [{ kind: 'string', value: node.head.text }];
      for (const span of node.templateSpans) {
        parts.push(this.evaluate(span.expression, depth + 1), { kind: 'string', value: span.literal.text });
      }
      return concatenate(parts, 'the template');
    }
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return unknown('`undefined`');
      return this.fromDefinition(definitionOf(this.context, node), depth);
    }
    if (ts.isPropertyAccessExpression(node) || (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))) {
      const name = ts.isPropertyAccessExpression(node) ? node.name.text : (node.argumentExpression as ts.StringLiteralLike).text;
      // The Lambda context's functionName is the function's own name, as in AWS_LAMBDA_FUNCTION_NAME.
      if (name === 'functionName' && this.isLambdaContext(node.expression)) return { kind: 'env', name: 'AWS_LAMBDA_FUNCTION_NAME', prefix: '', suffix: '' };
      const base = this.evaluate(node.expression, depth + 1);
      if (base.kind === 'object') return base.properties[name] ?? unknown(`no property \`${name}\` in ${shortText(node.expression)}`);
      if (base.kind === 'unknown' && base.reason.startsWith('module:')) return this.fromModuleExport(base.reason.slice('module:'.length), name, depth);
      if (base.kind === 'unknown' || base.kind === 'partial') return unknown(`\`${shortText(node)}\`: ${base.reason}`);
      return unknown(`\`${shortText(node)}\` is computed at run time`);
    }
    if (ts.isObjectLiteralExpression(node)) return this.evaluateObject(node, depth);
    if (isRequireCall(node)) {
      const module = this.context.moduleOf(node);
      if (module) return this.fromDefinition(requiredDefinition(this.context, module, node.arguments[0].text), depth);
    }
    if (ts.isArrayLiteralExpression(node)) {
      const items: StaticValue[] = [];
      for (const element of node.elements) {
        if (ts.isSpreadElement(element)) {
          const spread = this.evaluate(element.expression, depth + 1);
          if (spread.kind === 'array') items.push(...spread.items);
          else return unknown(`the spread \`${shortText(element)}\` is not known`);
        } else items.push(this.evaluate(element, depth + 1));
      }
      return { kind: 'array', items };
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken) {
        const left = this.evaluate(node.left, depth + 1);
        const right = this.evaluate(node.right, depth + 1);
        if (left.kind === 'number' && right.kind === 'number') return { kind: 'number', value: left.value + right.value };
        return concatenate([left, right], 'the concatenation');
      }
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        // process.env.TABLE ?? 'orders': the manifest's variable is what runs in the cloud.
        const left = this.evaluate(node.left, depth + 1);
        if (left.kind !== 'unknown') return left;
        return unknown(`\`${shortText(node)}\` depends on run-time values`);
      }
    }
    if (ts.isCallExpression(node)) return this.evaluateCall(node, depth);
    if (ts.isConditionalExpression(node)) {
      const whenTrue = this.evaluate(node.whenTrue, depth + 1);
      const whenFalse = this.evaluate(node.whenFalse, depth + 1);
      if (JSON.stringify(whenTrue) === JSON.stringify(whenFalse)) return whenTrue;
      return unknown(`\`${shortText(node)}\` depends on a condition`);
    }
    return unknown(`\`${shortText(node)}\` is computed at run time`);
  }

  /**
   * `required('TABLE')` where `function required(name) { const v = process.env[name]; if (!v) throw ...; return v; }`:
   * the helper's return expressions with its parameters bound to the arguments, when every return agrees.
   */
  private evaluateCall(node: ts.CallExpression, depth: number): StaticValue {
    const fn = this.calledFunction(node.expression, depth);
    if (!fn) return unknown(`\`${shortText(node)}\` is computed at run time`);
    if (this.callDepth >= MAX_CALL_DEPTH) return unknown(`\`${shortText(node)}\` calls helpers nested too deep`);
    const returned = returnedExpressions(fn);
    if (!returned) return unknown(`\`${shortText(node)}\` returns nothing known`);
    const args = node.arguments;
    const bindings: Bindings = new Map();
    for (const [index, parameter] of fn.parameters.entries()) {
      if (parameter.dotDotDotToken || args.slice(0, index + 1).some(ts.isSpreadElement)) break;
      bindings.set(parameter, { expression: args[index], outer: this.bindings });
    }
    return this.agreedReturn(returned, bindings, depth, shortText(node));
  }

  /** An unbound second parameter of a function (`(event, context) => ...`), or one named `context`: the Lambda context. */
  private isLambdaContext(expression: ts.Expression): boolean {
    if (!ts.isIdentifier(expression)) return false;
    const definition = definitionOf(this.context, expression);
    if (definition.kind !== 'parameter' || definition.path.length > 0 || this.bindings?.has(definition.node)) return false;
    const fn = definition.node.parent;
    return ts.isFunctionLike(fn) && (fn.parameters.indexOf(definition.node) === 1 || expression.text === 'context');
  }

  /** The one value every return expression gives (evaluated in the helper's bindings), else unknown. */
  private agreedReturn(returned: ts.Expression[], bindings: Bindings | undefined, depth: number, what: string): StaticValue {
    const inner = new StaticEvaluator(this.context, bindings, this.callDepth + 1, this.trace);
    let result: StaticValue | undefined;
    for (const expression of returned) {
      const value = inner.evaluate(expression, depth + 1);
      if (result && JSON.stringify(result) !== JSON.stringify(value)) return unknown(`\`${what}\` returns different values`);
      result = value;
    }
    return result ?? unknown(`\`${what}\` returns nothing known`);
  }

  /** The local (or imported) function a call expression names: `required`, `helpers.required`, `config.tableName`. */
  private calledFunction(callee: ts.Expression, depth: number): ts.FunctionLikeDeclaration | undefined {
    return functionOf(this.context, calleeDefinition(this.context, callee, 0), depth);
  }

  private evaluateObject(node: ts.ObjectLiteralExpression, depth: number): StaticValue {
    const properties: Record<string, StaticValue> = {};
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.evaluate(property.expression, depth + 1);
        if (spread.kind === 'object') Object.assign(properties, spread.properties);
        continue;
      }
      if (ts.isShorthandPropertyAssignment(property)) {
        properties[property.name.text] = this.fromDefinition(definitionOf(this.context, property.name), depth);
        continue;
      }
      if (ts.isGetAccessorDeclaration(property)) {
        // get table() { return required('TABLE'); }
        const name = propertyNameText(property.name);
        const returned = returnedExpressions(property);
        if (name === undefined) continue;
        properties[name] = !returned
          ? unknown(`the getter \`${name}\` returns nothing known`)
          : this.callDepth >= MAX_CALL_DEPTH
            ? unknown(`the getter \`${name}\` calls helpers nested too deep`)
            : this.agreedReturn(returned, this.bindings, depth, `get ${name}()`);
        continue;
      }
      if (!ts.isPropertyAssignment(property)) continue;
      let name = propertyNameText(property.name);
      if (name === undefined && ts.isComputedPropertyName(property.name)) {
        const computed = this.evaluate(property.name.expression, depth + 1);
        name = asText(computed);
        if (name === undefined && computed.kind === 'env') name = envKey(computed);
      }
      if (name === undefined) continue;
      properties[name] = this.evaluate(property.initializer, depth + 1);
    }
    return { kind: 'object', properties };
  }

  /**
   * An object literal with the properties written to it later (`if (index) params.IndexName = index`): a written value
   * replaces the literal's; one that is not given (`undefined`, an argument not passed) leaves it absent; different
   * writes of the same property make it unknown.
   */
  private withPropertyWrites(value: Extract<StaticValue, { kind: 'object' }>, declaration: ts.VariableDeclaration, depth: number): StaticValue {
    const writes = propertyWrites(declaration);
    if (writes.size === 0) return value;
    const properties = { ...value.properties };
    for (const [key, expressions] of writes) {
      let written: StaticValue | undefined;
      let differs = false;
      for (const expression of expressions) {
        const next = this.evaluate(expression, depth + 1);
        if (next.kind === 'unknown' && /is not passed|^`(undefined|null)`$/.test(next.reason)) continue;
        if (written && JSON.stringify(written) !== JSON.stringify(next)) differs = true;
        written = next;
      }
      if (differs) properties[key] = unknown(`\`${key}\` is written with different values`);
      else if (written) properties[key] = written;
    }
    return { kind: 'object', properties };
  }

  private fromModuleExport(file: string, name: string, depth: number): StaticValue {
    const module = this.context.load(file);
    if (!module) return unknown(`${file} could not be read`);
    return this.fromDefinition(exportDefinition(this.context, module, name), depth);
  }

  fromDefinition(definition: Definition, depth: number): StaticValue {
    switch (definition.kind) {
      case 'expression': {
        if (!definition.constant) return unknown(`\`${definition.name}\` is reassigned`);
        if (!definition.expression) return unknown(`\`${definition.name}\` has no initial value`);
        // const { TABLE } = process.env
        if (definition.path.length === 1 && isProcessEnv(skipParentheses(definition.expression))) return { kind: 'env', name: definition.path[0]!, prefix: '', suffix: '' };
        let value = this.evaluate(definition.expression, depth + 1);
        if (value.kind === 'object' && definition.declaration && definition.path.length === 0) value = this.withPropertyWrites(value, definition.declaration, depth);
        for (const part of definition.path) {
          if (value.kind === 'object') value = value.properties[part] ?? unknown(`no property \`${part}\``);
          else if (value.kind === 'array' && /^\d+$/.test(part)) value = value.items[Number(part)] ?? unknown(`no element ${part}`);
          else if (value.kind === 'unknown' && value.reason.startsWith('module:')) value = this.fromModuleExport(value.reason.slice('module:'.length), part, depth + 1);
          else return unknown(`\`${definition.name}\` is taken from a value not known statically`);
        }
        return value;
      }
      case 'parameter': {
        const bound = this.bindings?.get(definition.node);
        if (!bound) return unknown(`\`${definition.name}\` is a parameter`);
        // function optional(name, fallback = 'dev') called as optional('STAGE'): the default, in the helper's own bindings
        const expression = bound.expression ?? definition.node.initializer;
        if (!expression) return unknown(`\`${definition.name}\` is not passed`);
        const outer = bound.expression ? bound.outer : this.bindings;
        if (bound.expression) this.trace?.push(bound.expression);
        let value = new StaticEvaluator(this.context, outer, this.callDepth, this.trace).evaluate(expression, depth + 1);
        for (const part of definition.path) {
          value = value.kind === 'object' ? (value.properties[part] ?? unknown(`no property \`${part}\``)) : unknown(`\`${definition.name}\` is taken from an argument not known statically`);
        }
        return value;
      }
      case 'module':
        // Carried as a marker so `mod.NAME` can look the export up.
        return unknown(`module:${definition.module.file}`);
      case 'package':
        return unknown(`a value from ${definition.name}`);
      case 'declaration':
        return unknown('a function or class');
      case 'global':
        return unknown(`the global \`${definition.name}\``);
      case 'unknown':
        return unknown(definition.reason);
    }
  }
}

/** What a callee names, as a definition: `fn`, `mod.fn` (a module's export), `obj.method` (a property path). */
function calleeDefinition(context: AnalysisContext, callee: ts.Expression, depth: number): Definition | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isIdentifier(callee)) return definitionOf(context, callee);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const base = calleeDefinition(context, callee.expression, depth + 1);
  if (base?.kind === 'module') return exportDefinition(context, base.module, callee.name.text);
  if (base?.kind === 'expression') return { ...base, path: [...base.path, callee.name.text] };
  return undefined;
}

/** The function a definition holds, following object-literal properties (`{ required }`, `{ get() {...} }`) along its path. */
function functionOf(context: AnalysisContext, definition: Definition | undefined, depth: number): ts.FunctionLikeDeclaration | undefined {
  if (!definition || depth > MAX_DEPTH) return undefined;
  if (definition.kind === 'declaration') return ts.isClassLike(definition.node) ? undefined : definition.node;
  if (definition.kind !== 'expression' || !definition.constant || !definition.expression) return undefined;
  let expression: ts.Expression = definition.expression;
  for (const [index, part] of definition.path.entries()) {
    while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
    if (ts.isIdentifier(expression)) {
      const inner = definitionOf(context, expression);
      if (inner.kind !== 'expression') return undefined;
      return functionOf(context, { ...inner, path: [...inner.path, ...definition.path.slice(index)] }, depth + 1);
    }
    if (isRequireCall(expression)) {
      // const { required } = require('./config')
      const module = context.moduleOf(expression);
      const required = module ? requiredDefinition(context, module, expression.arguments[0].text) : undefined;
      if (required?.kind !== 'module') return undefined;
      const exported = exportDefinition(context, required.module, part);
      const rest = definition.path.slice(index + 1);
      if (rest.length === 0) return functionOf(context, exported, depth + 1);
      return exported.kind === 'expression' ? functionOf(context, { ...exported, path: [...exported.path, ...rest] }, depth + 1) : undefined;
    }
    if (!ts.isObjectLiteralExpression(expression)) return undefined;
    // Later properties win, as at run time.
    const property = [...expression.properties].reverse().find((p) => p.name !== undefined && propertyNameText(p.name) === part);
    if (!property) return undefined;
    const rest = definition.path.slice(index + 1);
    if (ts.isMethodDeclaration(property)) return rest.length === 0 ? property : undefined;
    if (ts.isShorthandPropertyAssignment(property)) {
      const inner = definitionOf(context, property.name);
      if (inner.kind === 'declaration') return rest.length === 0 ? functionOf(context, inner, depth + 1) : undefined;
      if (inner.kind !== 'expression') return undefined;
      return functionOf(context, { ...inner, path: [...inner.path, ...rest] }, depth + 1);
    }
    if (!ts.isPropertyAssignment(property)) return undefined;
    expression = property.initializer;
  }
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return expression;
  if (ts.isIdentifier(expression)) return functionOf(context, definitionOf(context, expression), depth + 1);
  return undefined;
}

function clean(value: StaticValue): StaticValue {
  switch (value.kind) {
    case 'unknown':
      return value.reason.startsWith('module:') ? unknown(`the module ${value.reason.slice('module:'.length)}`) : value;
    case 'object':
      return { kind: 'object', properties: Object.fromEntries(Object.entries(value.properties).map(([k, v]) => [k, clean(v)])) };
    case 'array':
      return { kind: 'array', items: value.items.map(clean) };
    default:
      return value;
  }
}
