import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);
import {
  HELP,
  UsageError,
  lintWorkerUrl,
  parseCliArguments
} from "./chunk-PJNS2SS4.js";
import {
  BUILTIN_RULES
} from "./chunk-IJTQBI4L.js";
import {
  FILE_LIMITS,
  ProjectFiles
} from "./chunk-6WSBI5QC.js";
import {
  CDK_NOT_SYNTHESIZED,
  ConfigError,
  EMPTY_CONFIG,
  INPUT_RULES,
  LOCAL_RULES_DIR,
  LintCache,
  OutputFileError,
  RuleFileError,
  RuleOptionsError,
  RuleRegistry,
  SEVERITY_RANK,
  SUMMARY_KEYS,
  applySuppressions,
  cacheFilePath,
  cacheKey,
  checkProject,
  classifyManifest,
  collectRuleDirectory,
  compareFindings,
  compareLocations,
  compareStrings,
  defaultCacheLocation,
  discoverManifests,
  fileFingerprint,
  findConfigFile,
  findingId,
  formatLocation,
  largestFirst,
  lineIndexAt,
  loadCacheSecret,
  loadConfigFile,
  loadCustomRules,
  mayBeManifest,
  memo,
  mergeUnits,
  parseYaml,
  planFixes,
  prepareOutputFile,
  readConfinedText,
  renderPoliciesYaml,
  reportedRules,
  resetPatternBudget,
  ruleIdProblems,
  runUnitsInParallel,
  selectRules,
  threadRules,
  unitOf,
  withRuleFoldersIgnored,
  writeOutputFile
} from "./chunk-DXPKTG2C.js";
import {
  releaseIdleWorkers,
  resolveConcurrency
} from "./chunk-SBBB3TLU.js";
import {
  jsonText,
  plural,
  printable,
  quote,
  unicodeEscape
} from "./chunk-CSWVGHWE.js";
import {
  toolVersion
} from "./chunk-WM5C6TTT.js";
import "./chunk-2BAT7BNC.js";
import "./chunk-B4MLV3L6.js";

// src/cli/run-cli.ts
import { existsSync as existsSync2, lstatSync as lstatSync2, statSync as statSync2 } from "node:fs";
import path5 from "node:path";

// src/engine/baseline.ts
import { createHash } from "node:crypto";
var BASELINE_VERSION = 1;
var NEVER_BASELINED = /^(input\/parse-error|internal\/|suppression\/)/;
var BaselineError = class extends Error {
};
function baselineFingerprint(finding, files) {
  const content = normalisedContent(finding, files);
  return createHash("sha256").update(["v1", finding.ruleId, finding.location.file, finding.key, content].join("\n")).digest("hex").slice(0, 32);
}
function normalisedContent(finding, files) {
  const text = files.read(finding.location.file);
  if (!text.ok) return "";
  const { line, column, endLine, endColumn } = finding.location;
  const whole = text.text.split(/\r?\n/)[line - 1];
  if (whole === void 0) return "";
  const from = Math.max(0, column - 1);
  const to = endLine === line && endColumn - 1 > from ? endColumn - 1 : whole.length;
  return whole.slice(from, to).replace(/[\s'"`]+/g, "").slice(0, 500);
}
function createBaseline(findings, files) {
  const entries = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (NEVER_BASELINED.test(finding.ruleId)) continue;
    const fingerprint2 = baselineFingerprint(finding, files);
    const existing = entries.get(fingerprint2);
    if (existing) existing.count++;
    else entries.set(fingerprint2, { fingerprint: fingerprint2, ruleId: finding.ruleId, file: finding.location.file, message: finding.message, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: "noops-lint", findings: sorted };
}
function serializeBaseline(baseline) {
  return JSON.stringify(baseline, null, 2) + "\n";
}
function parseBaseline(text, displayName) {
  let value;
  const json2 = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    value = JSON.parse(json2);
  } catch (error) {
    const position = /at position (\d+)/.exec(error.message);
    const where = position ? ` at line ${lineAndColumn(json2, Number(position[1]))}` : "";
    throw new BaselineError(`The baseline ${displayName} is not valid JSON${where}; write it again with --write-baseline ${displayName}.`);
  }
  const doc = value;
  if (!doc || typeof doc !== "object" || doc.version !== BASELINE_VERSION || !Array.isArray(doc.findings)) {
    throw new BaselineError(`The baseline ${displayName} is not a noops-lint baseline (version ${BASELINE_VERSION}); write it again with --write-baseline ${displayName}.`);
  }
  for (const [index, entry] of doc.findings.entries()) {
    if (!entry || typeof entry.fingerprint !== "string" || !Number.isInteger(entry.count) || entry.count < 1) {
      throw new BaselineError(`Entry ${index + 1} of the baseline ${displayName} has no fingerprint or count; write it again with --write-baseline ${displayName}.`);
    }
  }
  return doc;
}
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `${line}, column ${offset - before.lastIndexOf("\n")}`;
}
function applyBaseline(findings, baseline, files, displayName) {
  const remaining = /* @__PURE__ */ new Map();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + entry.count);
  const kept = [];
  const suppressed = [];
  for (const finding of findings) {
    if (NEVER_BASELINED.test(finding.ruleId)) {
      kept.push(finding);
      continue;
    }
    const fingerprint2 = baselineFingerprint(finding, files);
    const left = remaining.get(fingerprint2) ?? 0;
    if (left > 0) {
      remaining.set(fingerprint2, left - 1);
      suppressed.push({ finding, suppressions: [{ kind: "external", source: "baseline", justification: `Recorded in the baseline ${displayName}.` }] });
    } else {
      kept.push(finding);
    }
  }
  return { findings: kept, suppressed };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/engine/replace-findings.ts
function replaceFindings(findings, replaced) {
  const result = [];
  for (const finding of findings) {
    const replacement = replaced.get(finding);
    if (replacement === void 0) result.push(finding);
    else if (replacement !== null) result.push(replacement);
  }
  return result;
}

// src/engine/fold.ts
var WHOLLY_UNUSED = /* @__PURE__ */ new Set(["unusedAction", "unusedStatement", "unusedCdkStatement", "removeManagedPolicy", "removeTemplate"]);
function strength(finding) {
  switch (finding.ruleId) {
    case "iam/unused-permission":
      return WHOLLY_UNUSED.has(finding.messageId ?? "") ? 0 : 8;
    case "iam/admin-policy":
      return 1;
    case "iam/privilege-escalation":
      return 2;
    case "iam/full-access-policy":
      return 3;
    case "iam/wildcard-action":
      return finding.messageId === "everyAction" ? 1.5 : 4;
    case "iam/not-action":
      return 5;
    case "iam/partial-wildcard-action":
      return finding.messageId?.startsWith("managed") ? 7.5 : 6;
    case "iam/wildcard-resource":
      return 7;
    case "iam/resource-mismatch":
      return 9;
    case "iam/unknown-action":
      return 10;
    case "iam/missing-permission":
      return 11;
    default:
      return 12;
  }
}
function settlesAll(primary) {
  return strength(primary) <= 1 || primary.ruleId === "iam/full-access-policy" || primary.statement?.removed === true;
}
var MAX_NAMED = 5;
var placeOf = (finding) => `${finding.location.file}\0${finding.location.line}\0${finding.location.column}`;
function foldSamePlace(findings) {
  const iam = findings.filter((f) => f.ruleId.startsWith("iam/"));
  if (iam.length < 2) return findings;
  const parent = new Map(iam.map((f) => [f, f]));
  const root = (finding) => {
    let current = finding;
    while (parent.get(current) !== current) current = parent.get(current);
    parent.set(finding, current);
    return current;
  };
  const join = (a, b) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const byPlace = groupBy(iam, placeOf);
  for (const group of byPlace.values()) for (const other of group.slice(1)) join(group[0], other);
  const aboutStatements = iam.filter((f) => f.statement !== void 0);
  const byStatement = groupBy(aboutStatements, (f) => `${f.statement.location.file}\0${f.statement.location.line}\0${f.statement.location.column}`);
  for (const group of byStatement.values()) {
    if (group.length < 2) continue;
    const removal = group.find((f) => f.statement.removed === true);
    if (removal) for (const other of group) join(removal, other);
  }
  const sets = groupBy(iam, (f) => root(f));
  const replaced = /* @__PURE__ */ new Map();
  for (const set of sets.values()) {
    if (set.length < 2) continue;
    const primary = strongest(set);
    replaced.set(primary, fold(primary, set.filter((f) => f !== primary)));
    for (const other of set) if (other !== primary) replaced.set(other, null);
  }
  return replaceFindings(findings, replaced);
}
function strongest(findings) {
  let best;
  for (const finding of findings) if (best === void 0 || strength(finding) < strength(best)) best = finding;
  return best;
}
function fold(primary, others) {
  const folded = { ...primary, related: [...primary.related] };
  const withoutName = (f) => f.function === void 0 ? f.message : f.message.replaceAll(JSON.stringify(f.function), "");
  const withoutRole = (f) => `${f.messageId ?? ""}\0${f.key.slice(f.key.indexOf("|"))}`;
  const sameForOthers = others.filter(
    (f) => f.ruleId === primary.ruleId && placeOf(f) === placeOf(primary) && f.function !== primary.function && (f.function !== void 0 && withoutName(f) === withoutName(primary) || f.statement !== void 0 && f.key.includes("|") && withoutRole(f) === withoutRole(primary))
  );
  const rest = others.filter((f) => !sameForOthers.includes(f));
  const otherFunctions = unique(sameForOthers.flatMap((f) => f.function === void 0 ? [] : [f.function]));
  if (otherFunctions.length > 0) folded.message += ` The same holds for ${names(otherFunctions)}.`;
  const sameRule = rest.filter((f) => f.ruleId === primary.ruleId);
  if (sameRule.length > 0) {
    const functions = unique(sameRule.flatMap((f) => f.function === void 0 || f.function === primary.function ? [] : [f.function]));
    folded.message += functions.length > 0 ? ` Also reported here for ${names(functions)} (see the related locations).` : ` Also reported ${sameRule.length === 1 ? "once more" : `${sameRule.length} more times`} here (see the related locations).`;
  }
  const otherRules = unique(rest.filter((f) => f.ruleId !== primary.ruleId).map((f) => f.ruleId));
  if (otherRules.length > 0) {
    folded.message += settlesAll(primary) ? ` This also settles ${otherRules.join(", ")} (see the related locations).` : ` The same grant is also reported by ${otherRules.join(", ")} (see the related locations).`;
  }
  for (const other of rest) {
    folded.related.push({ location: other.location, message: `${other.ruleId}: ${other.message}` });
    if (SEVERITY_RANK[other.severity] > SEVERITY_RANK[folded.severity]) folded.severity = other.severity;
  }
  for (const other of sameForOthers) if (SEVERITY_RANK[other.severity] > SEVERITY_RANK[folded.severity]) folded.severity = other.severity;
  const actions = mergedActions([primary, ...others]);
  if (actions) folded.actions = actions;
  else delete folded.actions;
  return folded;
}
function mergedActions(findings) {
  const out = {};
  for (const kind of ["used", "unused", "missing"]) {
    const list = unique(findings.flatMap((f) => f.actions?.[kind] ?? [])).sort();
    if (list.length > 0) out[kind] = list;
  }
  return Object.keys(out).length > 0 ? out : void 0;
}
function names(functions) {
  const named = functions.slice(0, MAX_NAMED).map((name) => JSON.stringify(name));
  const more = functions.length > MAX_NAMED ? ` and ${functions.length - MAX_NAMED} more` : "";
  return `${named.join(", ")}${more}`;
}
function unique(items) {
  return [...new Set(items)];
}
function groupBy(items, keyOf) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// src/engine/scope.ts
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
var RELEVANT = /\.(ya?ml|json|[cm]?[jt]sx?|py)$|(^|\/)Dockerfile[^/]*$/i;
var MANIFEST_FILE = /\.(ya?ml|json)$/i;
function resolveScope(projectFiles, paths) {
  const folders = [];
  const files = [];
  for (const rel of paths) {
    if (isDirectory(projectFiles.absolute(rel))) folders.push(rel);
    else files.push(rel);
  }
  if (files.length === 0) return { analyse: unique2(folders), folders: unique2(folders) };
  const analyse = new Set(folders);
  const owners = new ManifestOwners(projectFiles);
  for (const file of files) {
    if (!exists(projectFiles.absolute(file))) {
      analyse.add(file);
    }
    if (!RELEVANT.test(file)) continue;
    const manifests = owners.of(file);
    if (manifests === void 0) analyse.add("");
    else for (const manifest of manifests) analyse.add(manifest);
  }
  return { analyse: collapse([...analyse]), files: new Set(files), folders: unique2(folders) };
}
function isInScope(file, scope) {
  if (scope.files === void 0) return true;
  if (scope.files.has(file)) return true;
  return scope.folders.some((folder) => folder === "" || file === folder || file.startsWith(`${folder}/`));
}
function filterToScope(findings, scope) {
  if (scope.files === void 0) return [...findings];
  return findings.filter((f) => isInScope(f.location.file, scope) || f.related.some((r) => isInScope(r.location.file, scope)));
}
var ManifestOwners = class {
  constructor(files) {
    this.files = files;
  }
  files;
  byDir = /* @__PURE__ */ new Map();
  /** The owning manifests of a root-relative file; the file itself when it is a manifest; undefined when none. */
  of(file) {
    if (MANIFEST_FILE.test(file) && this.isManifest(file)) return [file];
    let dir = path.posix.dirname(file);
    if (dir === ".") dir = "";
    for (; ; ) {
      const found = this.manifestsIn(dir);
      if (found.length > 0) return found;
      if (dir === "") return void 0;
      const parent = path.posix.dirname(dir);
      dir = parent === "." ? "" : parent;
    }
  }
  manifestsIn(dir) {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let names2 = [];
    try {
      names2 = readdirSync(this.files.absolute(dir)).sort();
    } catch {
      names2 = [];
    }
    const found = names2.map((name) => dir ? `${dir}/${name}` : name).filter((rel) => MANIFEST_FILE.test(rel) && this.isManifest(rel));
    this.byDir.set(dir, found);
    return found;
  }
  isManifest(rel) {
    const text = this.files.read(rel);
    if (!text.ok || !mayBeManifest(rel, text.text)) return false;
    const parsed = parseYaml(text.text, rel);
    return parsed.ok && classifyManifest(rel, parsed.value) !== void 0;
  }
};
function isDirectory(abs) {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
function exists(abs) {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}
function unique2(values) {
  return [...new Set(values)].sort();
}
function collapse(paths) {
  const sorted = unique2(paths);
  if (sorted.includes("")) return [""];
  return sorted.filter((p) => !sorted.some((other) => other !== p && isDirectoryPrefix(other, p)));
}
function isDirectoryPrefix(folder, file) {
  return file.startsWith(`${folder}/`);
}

// src/engine/tool-summary.ts
var SKIPPED_FILE = INPUT_RULES.skippedFile;
var MAX_NAMED2 = 5;
function summariseToolFindings(findings) {
  const apps = findings.filter((f) => f.ruleId === CDK_NOT_SYNTHESIZED && f.key.startsWith(SUMMARY_KEYS.unsynthesizedApp));
  const copiesOfUnsynthesized = findings.filter((f) => f.ruleId === SKIPPED_FILE && f.key.startsWith(SUMMARY_KEYS.cdkCopyUnsynthesized));
  const copies = findings.filter((f) => f.ruleId === SKIPPED_FILE && f.key.startsWith(SUMMARY_KEYS.cdkCopy));
  if (apps.length < 2 && copiesOfUnsynthesized.length === 0 && copies.length < 2) return findings;
  const dropped = /* @__PURE__ */ new Set();
  const added = [];
  if (apps.length > 0) {
    const sorted = [...apps].sort((a, b) => compareLocations(a.location, b.location));
    const folders = sorted.map((f) => f.key.slice(SUMMARY_KEYS.unsynthesizedApp.length));
    const known = new Set(folders);
    const beside = copiesOfUnsynthesized.filter((f) => known.has(appOfCopy(f)));
    const first = sorted[0];
    let message;
    if (sorted.length === 1) {
      message = first.message;
    } else {
      const named = folders.slice(0, MAX_NAMED2).map((dir) => quote(dir || "."));
      const more = folders.length > MAX_NAMED2 ? ` and ${folders.length - MAX_NAMED2} more` : "";
      message = `${folders.length} CDK apps cannot be checked: they have no synthesized output (${named.join(", ")}${more}). noops-lint reads the synthesized templates and never runs the apps: run \`npx cdk synth\` in each app folder first, then run noops-lint again.`;
    }
    if (beside.length > 0) {
      message += ` ${beside.length === 1 ? `The copy of synthesized output ${quote(beside[0].location.file)} beside ${sorted.length === 1 ? "it" : "its app"} was` : `The ${beside.length} copies of synthesized output committed beside ${sorted.length === 1 ? "it" : "them"} were`} not read either: such a copy is often older than the app.`;
    }
    if (sorted.length > 1 || beside.length > 0) {
      const related = [
        ...sorted.length > 1 ? sorted.map((f) => ({ location: f.location, message: f.message })) : [],
        ...beside.map((f) => ({ location: f.location, message: f.message }))
      ];
      const severity = sorted.reduce((max, f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK[max] ? f.severity : max, first.severity);
      added.push({ ...first, severity, message, related: [...first.related, ...related], key: sorted.length > 1 ? `${SUMMARY_KEYS.unsynthesizedApp}*` : first.key });
      for (const f of [...sorted, ...beside]) dropped.add(f);
    }
  }
  if (copies.length > 1) {
    const sorted = [...copies].sort((a, b) => compareLocations(a.location, b.location));
    const named = sorted.slice(0, MAX_NAMED2).map((f) => quote(f.location.file));
    const more = sorted.length > MAX_NAMED2 ? ` and ${sorted.length - MAX_NAMED2} more` : "";
    added.push({
      ...sorted[0],
      message: `Skipped ${sorted.length} copies of synthesized CDK output committed beside their apps (${named.join(", ")}${more}): the apps' cloud assemblies are read instead.`,
      related: sorted.map((f) => ({ location: f.location, message: f.message })),
      key: `${SUMMARY_KEYS.cdkCopy}*`
    });
    for (const f of sorted) dropped.add(f);
  }
  if (added.length === 0) return findings;
  return [...findings.filter((f) => !dropped.has(f)), ...added];
}
function appOfCopy(finding) {
  const rest = finding.key.slice(SUMMARY_KEYS.cdkCopyUnsynthesized.length);
  return rest.slice(0, rest.indexOf("|"));
}

// src/engine/same-code.ts
var MAX_NAMED3 = 5;
function foldSameCode(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (finding.ruleId.startsWith("iam/") || finding.function === void 0) continue;
    const name = JSON.stringify(finding.function);
    if (!finding.message.includes(name)) continue;
    const place = `${finding.ruleId}\0${finding.location.file}\0${finding.location.line}\0${finding.location.column}\0${finding.message.replaceAll(name, "")}`;
    const group = groups.get(place);
    if (group) group.push(finding);
    else groups.set(place, [finding]);
  }
  const replaced = /* @__PURE__ */ new Map();
  for (const group of groups.values()) {
    const [primary, ...others] = [...group].sort(compareFindings);
    const names2 = [...new Set(others.map((f) => f.function))].filter((name) => name !== primary.function);
    if (!primary || names2.length === 0) continue;
    const named = names2.slice(0, MAX_NAMED3).map((name) => JSON.stringify(name));
    const more = names2.length > MAX_NAMED3 ? ` and ${names2.length - MAX_NAMED3} more` : "";
    replaced.set(primary, {
      ...primary,
      message: `${primary.message} The same holds for ${named.join(", ")}${more}, which run${names2.length === 1 ? "s" : ""} this code too.`,
      related: [...primary.related, ...others.flatMap((f) => f.related.filter((r) => !primary.related.some((p) => p.message === r.message && p.location.file === r.location.file && p.location.line === r.location.line)))]
    });
    for (const other of others) replaced.set(other, null);
  }
  if (replaced.size === 0) return findings;
  return replaceFindings(findings, replaced);
}

// src/engine/lint.ts
var DEFAULT_MIN_UNITS = 20;
function lint(options) {
  resetPatternBudget();
  const config = withRuleFoldersIgnored(options.root, options.config ?? EMPTY_CONFIG);
  const files = options.files ?? new ProjectFiles(options.root);
  const rules = threadRules(options.rules, options.customRules);
  const registry = new RuleRegistry(rules);
  const enabled = selectRules(rules, config, options.onlyRules);
  const suppressions = options.inlineSuppressions ?? true;
  const scope = resolveScope(files, options.paths?.length ? options.paths : [""]);
  const settings = {
    root: options.root,
    config,
    onlyRules: options.onlyRules,
    now: options.now ?? /* @__PURE__ */ new Date(),
    resolveEnv: options.resolveEnv ?? false,
    env: options.env ?? {},
    stage: options.stage,
    gitignore: options.gitignore ?? true,
    customRules: options.customRules,
    suppressions,
    functionReports: options.functionReports ?? false,
    record: options.cache !== void 0,
    ...options.fixes ? { fixes: true } : {}
  };
  const units = checkUnits(options, settings, files, enabled, scope.analyse, rules);
  const merged = mergeUnits(units.results);
  let findings = sortFindings(foldSameCode(summariseToolFindings([...units.discovery, ...merged.findings])));
  const notifications = notificationsOf(findings);
  let suppressed = [];
  let reported = reportedRules(enabled);
  if (suppressions) {
    const outcome = applySuppressions({
      findings,
      files,
      scanFiles: [...merged.files, ...merged.sourceFiles],
      functions: merged.functions,
      metadata: merged.metadata,
      knownRuleIds: new Set(registry.ids()),
      ranRuleIds: new Set(reported.map((r) => r.id)),
      now: settings.now,
      withoutDirectives: merged.withoutDirectives
    });
    findings = sortFindings(
      outcome.findings.flatMap((f) => {
        const setting = registry.kindOf(f.ruleId) === "suppression" ? config.rules[f.ruleId] : void 0;
        if (!setting?.severity) return [f];
        return setting.severity === "off" ? [] : [{ ...f, severity: setting.severity }];
      })
    );
    suppressed = outcome.suppressed;
    reported = reportedRules(enabled, registry.of("suppression"));
  }
  const only = options.onlyRules;
  if (only) findings = findings.filter((f) => registry.kindOf(f.ruleId) === "tool" || only.includes(f.ruleId));
  findings = filterToScope(findings, scope);
  suppressed = suppressed.filter((s) => filterToScope([s.finding], scope).length > 0);
  if (options.baseline) {
    const outcome = applyBaseline(findings, options.baseline.file, files, options.baseline.display);
    findings = outcome.findings;
    suppressed = [...suppressed, ...outcome.suppressed];
  }
  suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
  return {
    root: options.root,
    findings,
    suppressed,
    rules: reported,
    files: merged.files,
    notifications,
    toolVersion: toolVersion(),
    scope,
    sourceFiles: merged.sourceFiles,
    services: merged.services,
    functions: merged.functions,
    ...merged.policies ? { policies: merged.policies, permissions: merged.permissions } : {},
    ...merged.fixes ? { fixes: merged.fixes } : {},
    stats: units.stats
  };
}
function checkUnits(options, settings, files, enabled, paths, rules) {
  const workerUrl = options.workerUrl;
  const minUnits = options.minUnitsForWorkers ?? DEFAULT_MIN_UNITS;
  const onePass = () => {
    releaseIdleWorkers();
    const checked = checkProject({ ...settings, files, enabled, paths });
    return { results: [unitOf("", checked, settings, files)], discovery: [], stats: { candidates: checked.project.services.length, cached: 0, workers: 0, onePass: true } };
  };
  if (options.cache === void 0 && !workerUrl) return onePass();
  const discovered = discoverManifests(files, { paths, ignores: settings.config.ignores, gitignore: settings.gitignore, buildOutput: settings.config.buildOutput ?? "skip" });
  if (options.cache === void 0 && discovered.candidates.length <= minUnits) return onePass();
  const cache = options.cache === void 0 ? void 0 : LintCache.open(options.cache, cacheKey(settings, rules));
  const results = /* @__PURE__ */ new Map();
  const pending = [];
  const fingerprint2 = memo((rel) => fileFingerprint(files, rel));
  for (const candidate of discovered.candidates) {
    const hit = cache?.lookup(candidate, fingerprint2);
    if (hit) results.set(candidate, hit);
    else pending.push(candidate);
  }
  const threads = resolveConcurrency(options.concurrency);
  const workers = workerUrl && pending.length > minUnits ? Math.min(threads - 1, Math.ceil(pending.length / Math.max(1, minUnits))) : 0;
  const total = discovered.candidates.length;
  const cached = total - pending.length;
  options.onProgress?.(cached, total);
  const parallel = runUnitsInParallel(largestFirst(files, pending), settings, files, enabled, workers, workerUrl, (done) => options.onProgress?.(cached + done, total));
  for (const result of parallel.results) {
    results.set(result.candidate, result);
    if (cache && result.dependencies) cache.store(result.candidate, result);
  }
  cache?.save();
  releaseIdleWorkers();
  return { results: [...results.values()], discovery: discovered.findings, stats: { candidates: discovered.candidates.length, cached: discovered.candidates.length - pending.length, workers: parallel.workers, onePass: false } };
}
function sortFindings(findings) {
  return foldSamePlace(dedupe(findings.sort(compareFindings)));
}
function notificationsOf(sorted) {
  return sorted.filter((f) => f.ruleId === INPUT_RULES.parseError || f.ruleId === INPUT_RULES.skippedFile).map((f) => ({ ruleId: f.ruleId, message: f.message, file: f.location.file, line: f.location.line }));
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Map();
  const kept = [];
  for (const f of findings) {
    const id = `${f.ruleId}|${f.location.file}|${f.location.line}|${f.location.column}|${f.message}|${f.key}`;
    const at = seen.get(id);
    if (at === void 0) {
      seen.set(id, kept.length);
      kept.push(f);
      continue;
    }
    const first = kept[at];
    const known = new Set(first.related.map(relatedId));
    const added = f.related.filter((r) => !known.has(relatedId(r)));
    if (added.length > 0) kept[at] = { ...first, related: [...first.related, ...added] };
  }
  return kept;
}
function relatedId(related) {
  return `${related.location.file}|${related.location.line}|${related.location.column}|${related.message}`;
}

// src/engine/test-rules.ts
import { existsSync, lstatSync, readdirSync as readdirSync2, readFileSync } from "node:fs";
import path2 from "node:path";
function testRules(options) {
  const rules = [];
  const problems = [];
  for (const target of options.targets) {
    if (!existsSync(target)) {
      problems.push(`${options.display(target) || target} does not exist.`);
      continue;
    }
    const collected = collectRuleDirectory(target, options.display, { ...options.root === void 0 ? {} : { root: options.root }, reservedCategories: options.reserved?.categories });
    rules.push(...collected.rules);
    problems.push(...collected.problems);
  }
  problems.push(...ruleIdProblems(rules, options.reserved?.ids));
  if (problems.length) throw new RuleFileError(problems);
  if (rules.length === 0) throw new RuleFileError([`No rule files (*.yaml, *.yml, *.json) in ${options.targets.map((t) => options.display(t) || ".").join(", ")}.`]);
  const results = [];
  for (const rule of [...rules].sort((a, b) => a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0)) {
    results.push({ id: rule.id, file: rule.source.file, cases: caseDirs(rule.path).map((c) => runCase(rule, c.kind, c.name, c.dir, options.now)) });
  }
  const all = results.flatMap((r) => r.cases);
  const result = {
    rules: results,
    passed: all.filter((c) => c.passed).length,
    failed: all.filter((c) => !c.passed).length,
    untested: results.filter((r) => r.cases.length === 0).map((r) => r.id)
  };
  return { exitCode: result.failed > 0 ? 1 : 0, result, text: formatTestRules(result) };
}
function caseDirs(ruleFile) {
  const base = ruleFile.replace(/\.(ya?ml|json)$/i, "");
  const out = [];
  if (!isDirectory2(base)) return out;
  for (const kind of ["bad", "good"]) {
    const dir = path2.join(base, kind);
    if (!isDirectory2(dir)) continue;
    for (const name of readdirSync2(dir).sort()) {
      if (isDirectory2(path2.join(dir, name))) out.push({ kind, name, dir: path2.join(dir, name) });
    }
  }
  return out;
}
function runCase(rule, kind, name, dir, now) {
  const problems = [];
  const run = lint({ root: dir, rules: [rule], gitignore: false, ...now ? { now } : {} });
  for (const f of run.findings) {
    if (f.ruleId.startsWith("input/") && f.ruleId !== "input/unresolved" && f.ruleId !== "input/handler-not-found" && f.ruleId !== "input/handler-not-analysed" || f.ruleId.startsWith("internal/")) {
      problems.push(`${f.ruleId} at ${f.location.file}:${f.location.line}: ${f.message}`);
    }
  }
  const reported = /* @__PURE__ */ new Map();
  for (const f of run.findings) if (f.ruleId === rule.id) reported.set(`${f.location.file}:${f.location.line}`, f.message);
  const annotations = readAnnotations(dir).filter((a) => a.ruleId === rule.id);
  const places = (k) => annotations.filter((a) => a.kind === k).map((a) => `${a.file}:${a.line}`);
  const expected = new Set(places("expect"));
  if (kind === "good") {
    for (const place of expected) problems.push(`a good case carries expect: at ${place}; move the case to bad/`);
    for (const [place, message] of reported) problems.push(`unexpected finding at ${place}: ${message}`);
  } else {
    if (expected.size === 0) problems.push(`a bad case needs at least one "expect: ${rule.id}" annotation`);
    for (const place of expected) if (!reported.has(place)) problems.push(`expected a finding at ${place}, got none`);
    for (const [place, message] of reported) if (!expected.has(place)) problems.push(`unexpected finding at ${place}: ${message}`);
  }
  for (const place of places("ok")) if (reported.has(place) && kind === "bad") problems.push(`"ok:" at ${place}, but the rule reported it`);
  for (const place of places("todo-expect")) if (reported.has(place)) problems.push(`todo-expect at ${place} now passes: make it expect:`);
  return { kind, name, passed: problems.length === 0, problems: [...new Set(problems)] };
}
function formatTestRules(result) {
  const lines = [];
  for (const rule of result.rules) {
    lines.push(`${rule.file}  ${rule.id}`);
    if (rule.cases.length === 0) lines.push("  (no cases: add good/ and bad/ folders beside the rule file)");
    for (const c of rule.cases) {
      lines.push(`  ${c.passed ? "pass" : "FAIL"}  ${c.kind}/${c.name}`);
      for (const problem of c.problems) lines.push(`        ${problem}`);
    }
  }
  const total = result.passed + result.failed;
  lines.push("");
  lines.push(
    `${plural(result.rules.length, "rule")}, ${plural(total, "case")}: ${result.passed} passed, ${result.failed} failed` + (result.untested.length ? `; untested: ${result.untested.join(", ")}` : "") + "."
  );
  return `${lines.join("\n")}
`;
}
var ANNOTATION = /(?:#|\/\/|\/\*)\s*(expect|ok|todo-expect):\s*([a-z0-9-]+\/[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+\/[a-z0-9-]+)*)/;
var COMMENT_ONLY = /^\s*(#|\/\/|\/\*)/;
var ANNOTATED_FILE = /\.(ya?ml|json|[cm]?[jt]sx?)$|Dockerfile$/;
function readAnnotations(caseDir) {
  const annotations = [];
  for (const file of listFiles(caseDir)) {
    if (!ANNOTATED_FILE.test(file)) continue;
    if (lstatSync(path2.join(caseDir, file)).size > FILE_LIMITS.maxFileBytes) continue;
    const lines = readFileSync(path2.join(caseDir, file), "utf8").split(/\r?\n/);
    lines.forEach((text, index) => {
      const match = ANNOTATION.exec(text);
      if (!match) return;
      let target = index + 1;
      while (target < lines.length && COMMENT_ONLY.test(lines[target])) target += 1;
      for (const ruleId of match[2].split(",").map((s) => s.trim())) {
        annotations.push({ kind: match[1], ruleId, file, line: target + 1 });
      }
    });
  }
  return annotations;
}
function listFiles(dir, base = dir) {
  const out = [];
  for (const name of readdirSync2(dir).sort()) {
    if (name === "node_modules") continue;
    const abs = path2.join(dir, name);
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) out.push(...listFiles(abs, base));
    else if (stat.isFile()) out.push(path2.relative(base, abs).split(path2.sep).join("/"));
  }
  return out;
}
function isDirectory2(p) {
  return lstatSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

// src/report/findings.ts
import { createHash as createHash2 } from "node:crypto";
function sortFindings2(findings) {
  return [...findings].sort(compareFindings);
}
function countSeverities(findings) {
  const counts = { errors: 0, warnings: 0, notes: 0 };
  for (const finding of findings) counts[COUNT_KEY[finding.severity]]++;
  return counts;
}
var COUNT_KEY = { error: "errors", warning: "warnings", note: "notes" };
function outputPath(file, prefix = "") {
  const parts = [...splitPath(prefix), ...splitPath(file)];
  return parts.join("/");
}
function splitPath(value) {
  return value.split("/").filter((part) => part !== "" && part !== ".");
}
function artifactUri(file, prefix = "") {
  return outputPath(file, prefix).split("/").map((segment) => encodeURIComponent(toWellFormed(segment))).join("/");
}
function toWellFormed(value) {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "�");
}
function fingerprint(finding, uri) {
  return createHash2("sha256").update(`${finding.ruleId}
${uri}
${finding.key}`).digest("hex");
}
function normalizedRegion(location) {
  const line = Math.max(1, Math.trunc(location.line) || 1);
  const column = Math.max(1, Math.trunc(location.column) || 1);
  let endLine = Math.trunc(location.endLine) || line;
  let endColumn = Math.trunc(location.endColumn) || column;
  if (endLine < line || endLine === line && endColumn <= column) {
    endLine = line;
    endColumn = column + 1;
  }
  return { line, column, endLine, endColumn };
}
function singleLine(text) {
  return escapeControlCharacters(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim());
}
function displayPath(file, prefix = "") {
  const shown = escapeControlCharacters(outputPath(file, prefix));
  return /^\s|^:/.test(shown) ? `./${shown}` : shown;
}
function escapeControlCharacters(text) {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, unicodeEscape);
}

// src/util/docs-link.ts
var REPOSITORY_URL = "https://github.com/noops-lint/noops-lint";
function readmeAnchor(id) {
  return id.replace("/", "").toLowerCase();
}
function readmeSectionUri(id, version = toolVersion()) {
  return `${REPOSITORY_URL}/blob/v${version}/README.md#${readmeAnchor(id)}`;
}
function docsUri(rule) {
  if (rule.helpUri) return rule.helpUri;
  return "definition" in rule ? void 0 : readmeSectionUri(rule.id);
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var TOOL_NAME = "noops-lint";
var INFORMATION_URI = "https://github.com/noops-lint/noops-lint";
var FINGERPRINT_KEY = "noopsLint/v1";
var SRCROOT = "%SRCROOT%";
var MAX_TAGS = 10;
var MAX_FULL_DESCRIPTION = 1024;
var NOTIFICATION_RULES = /* @__PURE__ */ new Set([INPUT_RULES.parseError, INPUT_RULES.skippedFile]);
var PROBLEM_SEVERITY = { error: "error", warning: "warning", note: "recommendation" };
var sarif = (result, options) => jsonText(buildSarifLog(result, options), 2) + "\n";
function buildSarifLog(result, options) {
  const prefix = options.cwdPrefix;
  const findings = sortFindings2(result.findings);
  const fixes = new Map((result.fixes ?? []).map((entry) => [entry.finding, entry.fix]));
  const rules = descriptorRules(result.rules, findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = findings.filter((finding) => !NOTIFICATION_RULES.has(finding.ruleId)).map((finding) => ({ finding, uri: artifactUri(finding.location.file, prefix) })).sort((a, b) => compareResults(a.finding, a.uri, b.finding, b.uri)).map(({ finding, uri }) => sarifResult(finding, uri, ruleIndex, prefix, fixes.get(findingId(finding))));
  const notifications = inputNotifications(findings, result.notifications);
  const category = options.sarifCategory?.replace(/\/+$/, "");
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: result.toolVersion,
            semanticVersion: result.toolVersion,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ruleDescriptor(rule))
          }
        },
        ...category ? { automationDetails: { id: `${category}/` } } : {},
        invocations: [
          {
            executionSuccessful: !notifications.some((entry) => entry.ruleId === INPUT_RULES.parseError),
            ...notifications.length > 0 ? { toolExecutionNotifications: notifications.map((entry) => sarifNotification(entry, ruleIndex, prefix)) } : {}
          }
        ],
        // Described but without a `uri`: an absolute root would leak the machine's path, and an empty or
        // relative one breaks SARIF1004 (a base must resolve to an absolute URI ending in `/`).
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: "The root of the repository that was analysed." } }
        },
        results,
        columnKind: "utf16CodeUnits"
      }
    ]
  };
}
function descriptorRules(rules, findings) {
  const byId = /* @__PURE__ */ new Map();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  for (const finding of findings) if (!byId.has(finding.ruleId)) byId.set(finding.ruleId, bareRule(finding));
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}
function bareRule(finding) {
  return {
    id: finding.ruleId,
    category: finding.ruleId.split("/")[0] ?? finding.ruleId,
    severity: finding.severity,
    description: `Findings reported as ${finding.ruleId}.`,
    fullDescription: "",
    help: "",
    precision: "high",
    tags: [],
    messages: {},
    defaultOptions: {},
    check() {
    }
  };
}
function ruleDescriptor(rule) {
  const uri = docsUri(rule);
  const fullDescription = truncate(rule.fullDescription || rule.description, MAX_FULL_DESCRIPTION);
  const helpText = rule.help || rule.description;
  const tags = unique3(["security", ...rule.tags]).slice(0, MAX_TAGS);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription },
    help: { text: helpText, markdown: helpMarkdown(rule, rule.fullDescription || rule.description, helpText, uri) },
    ...uri ? { helpUri: uri } : {},
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags,
      precision: rule.precision,
      "problem.severity": PROBLEM_SEVERITY[rule.severity],
      "security-severity": securitySeverity(rule.securitySeverity ?? defaultSecuritySeverity(rule))
    }
  };
}
function sarifResult(finding, uri, ruleIndex, prefix, fix) {
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: finding.severity,
    message: { text: sentence(finding.message) },
    locations: [{ physicalLocation: physicalLocation(finding.location, uri) }],
    ...finding.related.length > 0 ? {
      relatedLocations: finding.related.map((related, index) => ({
        id: index + 1,
        physicalLocation: physicalLocation(related.location, artifactUri(related.location.file, prefix)),
        message: { text: sentence(related.message) }
      }))
    } : {},
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, uri) },
    ...fix ? { fixes: [sarifFix(fix, prefix)] } : {},
    ...finding.function === void 0 && finding.actions === void 0 ? {} : { properties: { ...finding.function === void 0 ? {} : { function: finding.function }, ...finding.actions === void 0 ? {} : { actions: finding.actions } } }
  };
}
function sarifFix(fix, prefix) {
  return {
    description: { text: sentence(fix.description) },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(fix.file, prefix), uriBaseId: SRCROOT },
        replacements: fix.replacements.map((replacement) => ({
          deletedRegion: replacement.lineBreak ? { startLine: replacement.startLine, startColumn: 1, endLine: replacement.endLine + 1, endColumn: 1 } : { startLine: replacement.startLine, startColumn: 1, endLine: replacement.endLine, endColumn: replacement.endColumn },
          insertedContent: { text: replacement.text }
        }))
      }
    ]
  };
}
function physicalLocation(location, uri) {
  const region = normalizedRegion(location);
  return {
    artifactLocation: { uri, uriBaseId: SRCROOT },
    region: {
      startLine: region.line,
      startColumn: region.column,
      endLine: region.endLine,
      endColumn: region.endColumn
    }
  };
}
function inputNotifications(findings, extra) {
  const entries = findings.filter((finding) => NOTIFICATION_RULES.has(finding.ruleId)).map(({ ruleId, severity, message, location }) => ({ ruleId, severity, message, location }));
  const seen = new Set(entries.map((entry) => notificationKey(entry.ruleId, entry.location.file, entry.location.line, entry.message)));
  for (const notification of extra) {
    const key = notificationKey(notification.ruleId, notification.file, notification.line, notification.message);
    if (seen.has(key)) continue;
    seen.add(key);
    const line = Math.max(1, notification.line);
    entries.push({
      ruleId: notification.ruleId,
      severity: notification.ruleId === INPUT_RULES.parseError ? "error" : "warning",
      message: notification.message,
      location: { file: notification.file, line, column: 1, endLine: line, endColumn: 1 }
    });
  }
  return entries.sort(
    (a, b) => compareStrings(a.location.file, b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message)
  );
}
function notificationKey(ruleId, file, line, message) {
  return JSON.stringify([ruleId, file, line, message]);
}
function sarifNotification(entry, ruleIndex, prefix) {
  return {
    level: entry.severity,
    message: { text: sentence(entry.message) },
    locations: [{ physicalLocation: physicalLocation(entry.location, artifactUri(entry.location.file, prefix)) }],
    associatedRule: { id: entry.ruleId, index: ruleIndex.get(entry.ruleId) ?? -1 }
  };
}
function compareResults(a, aUri, b, bUri) {
  return compareStrings(aUri, bUri) || compareFindings(a, b);
}
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join("");
}
function defaultSecuritySeverity(rule) {
  if (/^(input|internal|suppression)\//.test(rule.id)) return 2;
  return DEFAULT_SECURITY_SEVERITY[rule.severity];
}
var DEFAULT_SECURITY_SEVERITY = { error: 7, warning: 5, note: 2 };
function securitySeverity(score) {
  return Math.min(10, Math.max(0.1, score)).toFixed(1);
}
function sentence(text) {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
function truncate(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
function unique3(values) {
  return [...new Set(values)];
}
function helpMarkdown(rule, fullDescription, helpText, uri) {
  const parts = [fullDescription, "", "### How to fix", "", ...fenceIndentedLines(helpText), ...uri ? ["", `See [${rule.id}](${uri}).`] : []];
  return parts.join("\n");
}
function fenceIndentedLines(text) {
  const out = [];
  let code = [];
  const flush = () => {
    if (code.length === 0) return;
    let blankTail = 0;
    while (code.at(-1)?.trim() === "") {
      code.pop();
      blankTail++;
    }
    const indent = Math.min(...code.map((line) => line.length - line.trimStart().length));
    out.push("```", ...code.map((line) => line.slice(indent)), "```", ...Array(blankTail).fill(""));
    code = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s{2,}\S/.test(line) || code.length > 0 && line.trim() === "") code.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

// src/report/compact.ts
var compact = (result, options) => sortFindings2(result.findings).map((finding) => {
  const { file, line, column } = finding.location;
  const path6 = displayPath(file, options.cwdPrefix);
  return `${path6}:${line}:${column}: ${finding.severity} ${finding.ruleId} ${singleLine(finding.message)}
`;
}).join("");

// src/report/stylish.ts
import * as util from "node:util";
var SEVERITY_STYLE = { error: "red", warning: "yellow", note: "cyan" };
var DEFAULT_WIDTH = 80;
var MIN_WIDTH = 40;
var stylish = (result, options) => {
  const paint = painter(options.color);
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const docs = new Map(result.rules.map((rule) => [rule.id, docsUri(rule)]));
  const link = (ruleId) => {
    const uri = options.hyperlinks ? docs.get(ruleId) : void 0;
    return uri ? `\x1B]8;;${uri}\x1B\\${ruleId}\x1B]8;;\x1B\\` : ruleId;
  };
  const findings = sortFindings2(result.findings);
  const lines = [];
  for (const group of groupByFile(findings, options.cwdPrefix)) {
    lines.push(paint(["bold", "underline"], group.path));
    for (const line of formatGroup(group.findings, width, paint, link)) lines.push(line);
    lines.push("");
  }
  lines.push(summaryLine(result, findings, paint, options.hidden));
  if (options.unresolved) lines.push(paint("dim", unresolvedLine(options.unresolved)));
  if (options.notAnalysed) lines.push(paint("dim", notAnalysedLine(options.notAnalysed)));
  return lines.join("\n") + "\n";
};
function formatGroup(findings, width, paint, link) {
  const rows = findings.map((finding) => ({
    line: String(finding.location.line),
    column: String(finding.location.column),
    severity: finding.severity,
    message: singleLine(finding.message),
    ruleId: finding.ruleId
  }));
  const widest = (pick) => rows.reduce((most, row) => Math.max(most, pick(row).length), 0);
  const lineWidth = widest((row) => row.line);
  const columnWidth = widest((row) => row.column);
  const severityWidth = widest((row) => row.severity);
  const indent = 2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2;
  const room = Math.max(MIN_WIDTH / 2, width - indent);
  const margin = " ".repeat(indent);
  const out = [];
  for (const row of rows) {
    const head = "  " + paint("dim", `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`) + "  " + paint(SEVERITY_STYLE[row.severity], row.severity.padEnd(severityWidth)) + "  ";
    const rule = paint("dim", link(row.ruleId));
    if (row.message.length + 2 + row.ruleId.length <= room) {
      out.push(`${head}${row.message}  ${rule}`);
      continue;
    }
    const [first, ...rest] = wrap(row.message, room);
    out.push(`${head}${first}`);
    for (const text of rest) out.push(margin + text);
    out.push(margin + rule);
  }
  return out;
}
function wrap(text, width) {
  const lines = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (word === "") continue;
    if (current && current.length + 1 + word.length <= width) {
      current += ` ${word}`;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    current = rest;
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}
function groupByFile(findings, prefix) {
  const groups = [];
  for (const finding of findings) {
    const path6 = displayPath(finding.location.file, prefix);
    const last = groups.at(-1);
    if (last && last.path === path6) last.findings.push(finding);
    else groups.push({ path: path6, findings: [finding] });
  }
  return groups;
}
function unresolvedLine(count) {
  const values = count === 1 ? "1 value was" : `${count} values were`;
  return `${values} left unresolved (read only at deployment); --verbose lists them.`;
}
function notAnalysedLine(count) {
  const notes = count === 1 ? "1 note names" : `${count} notes name`;
  return `${notes} functions whose code noops-lint could not follow (built archives, build output, handlers built at run time); --verbose lists them.`;
}
function summaryLine(result, findings, paint, hidden) {
  const fileCount = (/* @__PURE__ */ new Set([...result.files, ...result.sourceFiles ?? [], ...findings.map((finding) => finding.location.file)])).size;
  const files = plural(fileCount, "file");
  const held = hidden ? [hidden.warnings ? plural(hidden.warnings, "warning") : "", hidden.notes ? plural(hidden.notes, "note") : ""].filter(Boolean) : [];
  const heldText = held.length ? ` (${held.join(" and ")} hidden by --quiet)` : "";
  if (findings.length === 0) return paint("green", `No ${hidden ? "errors" : "problems"} found in ${files}`) + `${heldText}.`;
  const counts = countSeverities(findings);
  const text = hidden ? `${plural(counts.errors, "error")} in ${files}` : `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}, ${plural(counts.notes, "note")} in ${files}`;
  const style = counts.errors > 0 ? "red" : counts.warnings > 0 ? "yellow" : "cyan";
  return paint(["bold", style], text) + heldText;
}
function painter(color) {
  const styleText2 = util.styleText;
  if (!color || typeof styleText2 !== "function") return (_style, text) => text;
  return (style, text) => text === "" ? text : styleText2(style, text, { validateStream: false });
}

// src/report/github.ts
var ANNOTATIONS_PER_LEVEL = 10;
var COMMAND = { error: "error", warning: "warning", note: "notice" };
var github = (result, options) => {
  const bySeverity = sortFindings2(result.findings).sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareFindings(a, b)
  );
  const total = { error: 0, warning: 0, note: 0 };
  for (const finding of bySeverity) total[finding.severity]++;
  const overflows = total.error > ANNOTATIONS_PER_LEVEL || total.warning > ANNOTATIONS_PER_LEVEL || total.note > ANNOTATIONS_PER_LEVEL;
  const limit = {
    error: ANNOTATIONS_PER_LEVEL,
    warning: ANNOTATIONS_PER_LEVEL,
    note: overflows ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL
  };
  const shown = { error: 0, warning: 0, note: 0 };
  const lines = [];
  for (const finding of bySeverity) {
    if (shown[finding.severity] >= limit[finding.severity]) continue;
    shown[finding.severity]++;
    lines.push(annotation(finding, options.cwdPrefix));
  }
  const dropped = bySeverity.length - lines.length;
  if (dropped > 0) {
    const noun = dropped === 1 ? "finding" : "findings";
    lines.push(`::notice::${escapeData(`${dropped} more ${noun}: see the job summary or code scanning`)}`);
  }
  if (options.unresolved) lines.push(`noops-lint: ${unresolvedLine(options.unresolved)}`);
  if (options.notAnalysed) lines.push(`noops-lint: ${notAnalysedLine(options.notAnalysed)}`);
  return lines.map((line) => line + "\n").join("");
};
function annotation(finding, prefix) {
  const region = normalizedRegion(finding.location);
  const properties = [
    ["file", outputPath(finding.location.file, prefix)],
    ["line", region.line],
    ["endLine", region.endLine]
  ];
  if (region.endLine === region.line) properties.push(["col", region.column], ["endColumn", region.endColumn - 1]);
  properties.push(["title", finding.ruleId]);
  const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(",");
  return `::${COMMAND[finding.severity]} ${rendered}::${escapeData(finding.message)}`;
}
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/report/json.ts
var JSON_FORMAT_VERSION = 1;
var json = (result, options) => {
  const findings = sortFindings2(result.findings);
  const document = {
    version: JSON_FORMAT_VERSION,
    toolVersion: result.toolVersion,
    findings: findings.map((finding) => describeFinding(finding, options.cwdPrefix)),
    summary: countSeverities(findings)
  };
  return jsonText(document, 2) + "\n";
};
function describeFinding(finding, prefix) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...describeLocation(finding.location, prefix),
    ...finding.function === void 0 ? {} : { function: finding.function },
    ...finding.actions === void 0 ? {} : { actions: finding.actions },
    related: finding.related.map((related) => ({
      ...describeLocation(related.location, prefix),
      message: related.message
    })),
    fingerprint: fingerprint(finding, artifactUri(finding.location.file, prefix))
  };
}
function describeLocation(location, prefix) {
  return {
    file: outputPath(location.file, prefix),
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn
  };
}

// src/report/index.ts
var REPORTERS = { stylish, compact, json, sarif, github };

// src/cli/init-config.ts
function initConfigText(rules) {
  const lines = [
    "# noops-lint configuration. Every key is optional; see https://github.com/noops-lint/noops-lint#configuration",
    "",
    "# The lowest severity that fails the run (exit 1): error, warning, note or never.",
    "failOn: error",
    "",
    "# Globs (relative to the project root) that are never read.",
    "ignores:",
    "  - '**/test/fixtures/**'",
    "",
    "# Serverless stage used for ${sls:stage} and ${opt:stage} (default: provider.stage, then dev).",
    "# stage: prod",
    "",
    "# Per rule: off, error, warning, note, or { severity, options }.",
    "# rules:",
    ...rules.map((r) => `  # ${r.id}: ${r.severity}    # ${r.description}`),
    ""
  ];
  return lines.join("\n");
}

// src/cli/policy-command.ts
import path3 from "node:path";
function runPolicy(args, io, root, config) {
  const format = args.format ?? "json";
  if (format !== "json" && format !== "yaml") throw new UsageError(`policy prints json or yaml, not ${format}.`);
  const paths = (args.paths.length ? args.paths : ["."]).map((p) => {
    const rel = path3.relative(root, path3.resolve(io.cwd, p));
    if (rel.startsWith("..") || path3.isAbsolute(rel)) throw new UsageError(`${p} is outside the project root ${root}.`);
    return rel.split(path3.sep).join("/");
  });
  const run = lint({ rules: BUILTIN_RULES, workerUrl: lintWorkerUrl(), root, paths, config, onlyRules: [], inlineSuppressions: false, functionReports: true, concurrency: args.concurrency, resolveEnv: args.resolveEnv, env: io.env, stage: args.stage, gitignore: args.gitignore });
  const policies = { functions: run.policies ?? [] };
  io.stdout(format === "json" ? `${jsonText(policies, 2)}
` : renderPoliciesYaml(policies));
  return 0;
}

// src/cli/fix-command.ts
import path4 from "node:path";

// src/engine/fix-project.ts
function fixProject(options) {
  const files = options.files ?? new ProjectFiles(options.root);
  const checked = checkProject({
    files,
    paths: options.paths,
    config: withRuleFoldersIgnored(options.root, options.config),
    enabled: [],
    now: /* @__PURE__ */ new Date(0),
    resolveEnv: options.resolveEnv,
    env: options.env,
    stage: options.stage,
    gitignore: options.gitignore
  });
  const read = (file) => {
    const result = files.read(file);
    return result.ok ? (result.bom ? "\uFEFF" : "") + result.text : void 0;
  };
  return planFixes(checked.project, checked.analysis, { read }, { splitRoles: options.splitRoles });
}

// src/fix/unified-diff.ts
var CONTEXT = 3;
function linesOf(text) {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return lines;
}
function lineStarts(lines) {
  const starts = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length;
  }
  starts.push(at);
  return starts;
}
function unifiedDiff(file, before, after, splices) {
  if (before === after) return "";
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  const oldStarts = lineStarts(oldLines);
  const newStarts = lineStarts(newLines);
  const regions = [];
  let shift = 0;
  for (const splice of [...splices].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const oldStart = lineIndexAt(oldStarts, splice.start);
    const oldEnd = Math.min(lineIndexAt(oldStarts, splice.end) + 1, oldLines.length);
    const newSpliceStart = splice.start + shift;
    const newSpliceEnd = newSpliceStart + splice.text.length;
    shift += splice.text.length - (splice.end - splice.start);
    const newStart = lineIndexAt(newStarts, newSpliceStart);
    const newEnd = Math.min(lineIndexAt(newStarts, newSpliceEnd) + 1, newLines.length);
    const last = regions[regions.length - 1];
    if (last && oldStart <= last.oldEnd) {
      last.oldEnd = Math.max(last.oldEnd, oldEnd);
      last.newEnd = Math.max(last.newEnd, newEnd);
    } else regions.push({ oldStart, oldEnd: Math.max(oldEnd, oldStart), newStart, newEnd: Math.max(newEnd, newStart) });
  }
  const ops = [];
  let oldAt = 0;
  let newAt = 0;
  for (const region of regions) {
    while (oldAt < region.oldStart) ops.push({ kind: " ", line: oldLines[oldAt], oldIndex: oldAt++, newIndex: newAt++ });
    newAt = region.newStart;
    ops.push(...lineOps(oldLines.slice(region.oldStart, region.oldEnd), newLines.slice(region.newStart, region.newEnd), region.oldStart, region.newStart));
    oldAt = region.oldEnd;
    newAt = region.newEnd;
  }
  while (oldAt < oldLines.length) ops.push({ kind: " ", line: oldLines[oldAt], oldIndex: oldAt++, newIndex: newAt++ });
  const out = [`--- a/${file}
`, `+++ b/${file}
`];
  const changed = ops.map((op, index) => op.kind === " " ? -1 : index).filter((index) => index >= 0);
  let i = 0;
  while (i < changed.length) {
    let first = changed[i];
    let last = first;
    while (i + 1 < changed.length && changed[i + 1] - last <= 2 * CONTEXT) last = changed[++i];
    i += 1;
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length, last + CONTEXT + 1);
    const slice = ops.slice(from, to);
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    const firstOld = slice.find((op) => op.kind !== "+");
    const firstNew = slice.find((op) => op.kind !== "-");
    const oldStart = oldCount === 0 ? firstOld?.oldIndex ?? slice[0].oldIndex : firstOld.oldIndex + 1;
    const newStart = newCount === 0 ? firstNew?.newIndex ?? slice[0].newIndex : firstNew.newIndex + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@
`);
    for (const op of slice) {
      const ending = op.line.endsWith("\n") ? "" : "\n\\ No newline at end of file\n";
      out.push(`${op.kind}${op.line}${ending}`);
    }
    first = last;
  }
  return out.join("");
}
function lineOps(a, b, oldBase, newBase) {
  const n = a.length;
  const m = b.length;
  const ops = [];
  if (n * m > 4e6) {
    a.forEach((line, k) => ops.push({ kind: "-", line, oldIndex: oldBase + k, newIndex: newBase }));
    b.forEach((line, k) => ops.push({ kind: "+", line, oldIndex: oldBase + n, newIndex: newBase + k }));
    return ops;
  }
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i2 = n - 1; i2 >= 0; i2 -= 1) {
    for (let j2 = m - 1; j2 >= 0; j2 -= 1) {
      table[i2 * (m + 1) + j2] = a[i2] === b[j2] ? table[(i2 + 1) * (m + 1) + j2 + 1] + 1 : Math.max(table[(i2 + 1) * (m + 1) + j2], table[i2 * (m + 1) + j2 + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i], oldIndex: oldBase + i, newIndex: newBase + j });
      i += 1;
      j += 1;
    } else if (j < m && (i === n || table[i * (m + 1) + j + 1] > table[(i + 1) * (m + 1) + j])) {
      ops.push({ kind: "+", line: b[j], oldIndex: oldBase + i, newIndex: newBase + j });
      j += 1;
    } else {
      ops.push({ kind: "-", line: a[i], oldIndex: oldBase + i, newIndex: newBase + j });
      i += 1;
    }
  }
  return ops;
}

// src/cli/fix-command.ts
function runFix(args, io, root, config) {
  if (args.format !== void 0) throw new UsageError("fix prints its changes as text; --format does not apply.");
  const paths = (args.paths.length ? args.paths : ["."]).map((p) => {
    const rel = path4.relative(root, path4.resolve(io.cwd, p));
    if (rel.startsWith("..") || path4.isAbsolute(rel)) throw new UsageError(`${p} is outside the project root ${root}.`);
    return rel.split(path4.sep).join("/");
  });
  const plan = fixProject({ root, paths, config, resolveEnv: args.resolveEnv, env: io.env, stage: args.stage, gitignore: args.gitignore, splitRoles: args.splitRoles });
  const out = [];
  if (args.dryRun) {
    for (const file of plan.files) out.push(unifiedDiff(file.file, file.before, file.after, file.splices));
  } else {
    for (const file of plan.files) {
      const target = { file: path4.join(root, ...file.file.split("/")), purpose: "manifest", display: file.file, root };
      prepareOutputFile(target);
      writeOutputFile(target, file.after);
    }
    for (const change of plan.changes) out.push(`${formatLocation(change.location)}  ${printable(change.message)}
`);
  }
  for (const entry of plan.cdk) {
    out.push(`${entry.manifest}: ${entry.function} is defined in a CDK app, which noops-lint does not edit; write this in the app instead:
${entry.code}
`);
  }
  if (plan.notes.length > 0) {
    out.push(`${out.length > 0 ? "\n" : ""}Not fixed:
`);
    for (const note of plan.notes) out.push(`${formatLocation(note.location)}  ${printable(note.message)}
`);
  }
  const count = plural(plan.files.length, "file");
  if (plan.files.length === 0 && plan.cdk.length > 0) out.push("No manifest changed: write the code above in the CDK app.\n");
  else if (plan.files.length === 0) out.push(`${out.length > 0 ? "\n" : ""}Nothing to fix.
`);
  else if (args.dryRun) out.push(`
${count} would change (${plural(plan.changes.length, "change")}); run noops-lint fix without --dry-run to write them.
`);
  else out.push(`
Fixed ${count} (${plural(plan.changes.length, "change")}).
`);
  io.stdout(out.join(""));
  return 0;
}

// src/cli/run-cli.ts
var BUILTIN_REGISTRY = new RuleRegistry(BUILTIN_RULES);
function runCli(argv, io) {
  let args;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`noops-lint: ${printable(error.message)}
`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    io.stdout(`${HELP}
`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${toolVersion()}
`);
    return 0;
  }
  try {
    switch (args.command) {
      case "rules":
        return listRules(args, io);
      case "explain":
        return explainRule(args, io);
      case "init":
        return initConfig(io);
      case "test-rules":
        return runTestRules(args, io);
      case "policy":
        return runPolicy(args, io, findProjectRoot(io.cwd), loadConfig(args, io, findProjectRoot(io.cwd)));
      case "fix":
        return runFix(args, io, findProjectRoot(io.cwd), loadConfig(args, io, findProjectRoot(io.cwd)));
      default:
        return runLint(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof RuleOptionsError || error instanceof RuleFileError || error instanceof OutputFileError) {
      io.stderr(`noops-lint: ${printable(error.message)}
`);
      return 2;
    }
    io.stderr(`noops-lint: internal error: ${printable(error.message)}
${args.debug ? `${printable(error.stack ?? "")}
` : "Run again with --debug for details, and please report it.\n"}`);
    return 2;
  }
}
function findProjectRoot(cwd) {
  let dir = path5.resolve(cwd);
  for (; ; ) {
    if (existsSync2(path5.join(dir, ".git"))) return dir;
    const parent = path5.dirname(dir);
    if (parent === dir) return path5.resolve(cwd);
    dir = parent;
  }
}
function runLint(args, io) {
  return executeLint(args, io).exitCode;
}
function executeLint(args, io, options = {}) {
  const root = findProjectRoot(io.cwd);
  const config = loadConfig(args, io, root);
  const customRuleSources = customRulesOf(root, config);
  const registry = BUILTIN_REGISTRY.withCustom(loadCustomRules(customRuleSources));
  if (args.rules.length) {
    const unknown = args.rules.filter((r) => !registry.has(r));
    if (unknown.length) throw new UsageError(`Unknown rule ${unknown.join(", ")}. Run noops-lint rules to list them.`);
  }
  const paths = (args.paths.length ? args.paths : ["."]).map((p) => {
    const abs = path5.resolve(io.cwd, p);
    const rel = path5.relative(root, abs);
    if (rel.startsWith("..") || path5.isAbsolute(rel)) {
      throw new UsageError(`${p} is outside the project root ${root}; run noops-lint from inside the project.`);
    }
    if (!lstatSync2(abs, { throwIfNoEntry: false })) throw new UsageError(noSuchPath(p));
    return rel.split(path5.sep).join("/");
  });
  const foldersOnly = paths.every((rel) => statSync2(path5.join(root, rel), { throwIfNoEntry: false })?.isDirectory() === true);
  const baseline = args.baseline && !args.writeBaseline ? { file: readBaseline(path5.resolve(io.cwd, args.baseline), args.baseline, root), display: args.baseline } : void 0;
  const failOn = args.failOn ?? config.failOn ?? "error";
  const target = (file, purpose) => file === void 0 ? void 0 : { file: path5.resolve(io.cwd, file), purpose, display: file, root };
  const reportTarget = target(args.outputFile, "report");
  const sarifTarget = target(args.sarifFile, "SARIF file");
  const baselineTarget = target(args.writeBaseline, "baseline");
  const cache = args.cache ? cacheSettings(args, io, root) : void 0;
  for (const output of [reportTarget, sarifTarget, baselineTarget, cache && { file: cacheFilePath(cache.location), purpose: "cache", display: cache.display, root }]) {
    if (output) prepareOutputFile(output);
  }
  const progress = io.stderrIsTTY === true && !io.env.CI ? progressLine(io, paths) : void 0;
  let run;
  try {
    run = lint({
      rules: BUILTIN_RULES,
      workerUrl: lintWorkerUrl(),
      root,
      paths,
      config,
      customRules: customRuleSources,
      concurrency: args.concurrency,
      cache,
      inlineSuppressions: args.inlineSuppressions,
      baseline,
      functionReports: options.functionReports,
      // With --sarif-fixes, SARIF results carry the fix command's change of the statements they are about (planning
      // the fix re-reads every manifest with IAM findings: about 15 % of a cold run, so only when asked).
      // The Action's suggest-fixes plans them too (then its SARIF file carries them as well).
      fixes: options.fixes === true || args.sarifFixes && (args.format === "sarif" || args.sarifFile !== void 0),
      onlyRules: args.rules.length ? args.rules : void 0,
      now: io.now,
      resolveEnv: args.resolveEnv,
      env: io.env,
      stage: args.stage,
      gitignore: args.gitignore,
      ...progress ? { onProgress: progress.update } : {}
    });
  } finally {
    progress?.end();
  }
  const unsynthesized = run.findings.filter((f) => f.ruleId === CDK_NOT_SYNTHESIZED);
  const unsynthesizedMessage = unsynthesized.map((f) => f.message).join("\n");
  if (unsynthesized.length > 0 && run.services.length === 0) throw new UsageError(unsynthesizedMessage);
  const problems = [...run.findings, ...run.suppressed.map((s) => s.finding)].filter((f) => f.severity !== "note");
  if (foldersOnly && run.services.length === 0 && problems.length === 0) {
    throw new UsageError(nothingToAnalyse(paths, run, config, args.gitignore));
  }
  if (args.debug) {
    const stats = run.stats;
    io.stderr(
      !stats.onePass ? `noops-lint: ${stats.candidates} candidate files, ${stats.cached} from the cache, linted service by service on ${plural(1 + stats.workers, "thread")}.
` : `noops-lint: linted in one pass on one thread.
`
    );
  }
  if (baselineTarget) {
    const written = createBaseline(run.findings, new ProjectFiles(root));
    writeOutputFile(baselineTarget, serializeBaseline(written));
    const count = written.findings.reduce((sum, entry) => sum + entry.count, 0);
    io.stderr(`noops-lint: wrote ${count} finding${count === 1 ? "" : "s"} to the baseline ${args.writeBaseline}; commit it, then run with --baseline ${args.writeBaseline}.
`);
    return { exitCode: 0, result: run, failOn };
  }
  const findings = run.findings;
  const result = args.quiet ? { ...run, findings: findings.filter((f) => f.severity === "error") } : run;
  const counts = countSeverities(findings);
  const hidden = args.quiet ? { warnings: counts.warnings, notes: counts.notes } : void 0;
  const color = args.outputFile ? false : (args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== "dumb")) || args.color === void 0 && !!io.env.FORCE_COLOR && io.env.FORCE_COLOR !== "0";
  const format = args.format ?? "stylish";
  const sarifText = () => sarifReport(result, args);
  const { shown, unresolved, notAnalysed } = format === "stylish" || format === "github" ? withoutToolNotes(result, args.verbose) : { shown: result, unresolved: 0, notAnalysed: 0 };
  const toTerminal = !reportTarget && io.isTTY;
  const report = format === "sarif" ? sarifText() : REPORTERS[format](shown, {
    color,
    sarifCategory: args.sarifCategory,
    hidden,
    unresolved,
    notAnalysed,
    width: toTerminal && io.columns ? io.columns : void 0,
    hyperlinks: toTerminal && color && supportsHyperlinks(io.env)
  });
  if (reportTarget) writeOutputFile(reportTarget, report);
  else io.stdout(report);
  if (sarifTarget) writeOutputFile(sarifTarget, sarifText());
  if (result.findings.length > 5e3 && (format === "sarif" || args.sarifFile)) io.stderr("noops-lint: more than 5,000 results; GitHub code scanning shows only the first 5,000.\n");
  if (args.maxWarnings >= 0 && counts.warnings > args.maxWarnings) {
    io.stderr(`noops-lint: too many warnings: ${counts.warnings}, maximum ${args.maxWarnings} (--max-warnings).
`);
  }
  if (unsynthesized.length > 0) {
    io.stderr(`noops-lint: ${unsynthesizedMessage}
`);
    return { exitCode: 2, result, failOn };
  }
  return { exitCode: exitCode(findings, failOn, args.maxWarnings), result, failOn };
}
function progressLine(io, paths, clock = Date.now) {
  const what = `noops-lint: analysing ${paths.map((p) => p || ".").join(", ")}`;
  const start = clock();
  let last = start;
  io.stderr(`${what} …
`);
  return {
    update(done, total) {
      const now = clock();
      if (total === 0 || now - start < 1e3 || now - last < 100 && done < total) return;
      last = now;
      io.stderr(`\x1B[1A\r\x1B[K${what}: ${done}/${total} manifests done
`);
    },
    end() {
      io.stderr("\x1B[1A\r\x1B[K");
    }
  };
}
function supportsHyperlinks(env) {
  if (env.FORCE_HYPERLINK !== void 0) return env.FORCE_HYPERLINK !== "0";
  if (env.CI || env.TERM === "dumb" || env.TERM_PROGRAM === "Apple_Terminal") return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.WEZTERM_PANE || env.KONSOLE_VERSION) return true;
  if (["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].includes(env.TERM_PROGRAM ?? "")) return true;
  return Number(env.VTE_VERSION ?? 0) >= 5e3;
}
function withoutToolNotes(result, verbose) {
  if (verbose) return { shown: result, unresolved: 0, notAnalysed: 0 };
  const count = (ruleId) => result.findings.filter((f) => f.ruleId === ruleId).length;
  const findings = result.findings.filter((f) => f.ruleId !== INPUT_RULES.unresolved && f.ruleId !== INPUT_RULES.handlerNotAnalysed);
  return { shown: { ...result, findings }, unresolved: count(INPUT_RULES.unresolved), notAnalysed: count(INPUT_RULES.handlerNotAnalysed) };
}
function noSuchPath(p) {
  return `No file or folder matches ${quote(p)}. Check the path: noops-lint takes folders (every service manifest below them) and files (checked with the service that owns them).`;
}
function nothingToAnalyse(paths, run, config, gitignore) {
  const where = paths.map((p) => quote(p || ".")).join(", ");
  const lines = [
    `Nothing to analyse in ${where}: no service manifest was found.`,
    "noops-lint looks for serverless.yml (or serverless.ts, .js, .json), SAM and CloudFormation templates (YAML or JSON), CDK apps (cdk.json with their synthesized cdk.out) and kind: Service manifests."
  ];
  const leftOut = [...config.ignores.length ? [`the configuration's ignores`] : [], ...gitignore ? [".gitignore", ".git/info/exclude"] : []];
  if (leftOut.length) {
    const list = leftOut.length === 1 ? leftOut[0] : `${leftOut.slice(0, -1).join(", ")} or ${leftOut.at(-1)}`;
    lines.push(`Files that ${list} leave out are not read${gitignore ? " (--no-gitignore reads what git ignores)" : ""}.`);
  }
  lines.push("Run noops-lint in the folder of a service, or name it: noops-lint path/to/service.");
  const skipped = run.findings.slice(0, 3).map((f) => `  ${f.location.file}: ${f.message}`);
  if (skipped.length) lines.push("What was skipped:", ...skipped);
  return lines.join("\n");
}
function cacheSettings(args, io, root) {
  const secret = loadCacheSecret(io.env);
  if (!secret.ok) {
    io.stderr(`noops-lint: running without the cache: ${secret.reason}.
`);
    return void 0;
  }
  const location = args.cacheLocation !== void 0 ? `${path5.resolve(io.cwd, args.cacheLocation)}${/[\\/]$/.test(args.cacheLocation) ? path5.sep : ""}` : defaultCacheLocation(root);
  const display = args.cacheLocation ?? (path5.relative(io.cwd, location).split(path5.sep).join("/") || location);
  return { location, display, root, secret: secret.secret };
}
var BASELINE_MAX_BYTES = 64 * 1024 * 1024;
function readBaseline(file, display, root) {
  const read = readConfinedText(file, { root, maxBytes: BASELINE_MAX_BYTES, allowOutside: true });
  if (!read.ok) {
    if (read.reason.startsWith("it does not exist")) throw new UsageError(`The baseline ${quote(display)} does not exist; create it with --write-baseline ${display}.`);
    throw new UsageError(`Cannot read the baseline ${quote(display)}: ${read.reason}.`);
  }
  try {
    return parseBaseline(read.text, quote(display));
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
}
function sarifReport(result, args) {
  const options = { color: false, sarifCategory: args.sarifCategory };
  const held = result.suppressed ?? [];
  if (!args.includeSuppressed || held.length === 0) return REPORTERS.sarif(result, options);
  const log = buildSarifLog({ ...result, findings: [...result.findings, ...held.map((s) => s.finding)] }, options);
  const byFingerprint = /* @__PURE__ */ new Map();
  for (const entry of held) {
    const print = fingerprint(entry.finding, artifactUri(entry.finding.location.file));
    byFingerprint.set(print, [...byFingerprint.get(print) ?? [], entry.suppressions]);
  }
  for (const sarifResult2 of log.runs[0].results) {
    const queue = byFingerprint.get(sarifResult2.partialFingerprints[FINGERPRINT_KEY]);
    const records = queue?.shift();
    if (!records) continue;
    sarifResult2.suppressions = records.map((record) => ({
      kind: record.kind,
      status: "accepted",
      justification: record.justification,
      ...record.location ? {
        location: {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(record.location.file), uriBaseId: SRCROOT },
            region: { startLine: record.location.line, startColumn: record.location.column }
          }
        }
      } : {}
    }));
  }
  return jsonText(log, 2) + "\n";
}
function loadConfig(args, io, root) {
  if (args.config) {
    const file = path5.resolve(io.cwd, args.config);
    if (!existsSync2(file)) throw new UsageError(`The configuration file ${args.config} does not exist.`);
    return loadConfigFile(file, args.config, root);
  }
  const found = findConfigFile(io.cwd);
  if (!found) return EMPTY_CONFIG;
  const display = path5.relative(root, found).split(path5.sep).join("/") || found;
  return loadConfigFile(found, display.startsWith("..") ? found : display, root);
}
function exitCode(findings, failOn, maxWarnings) {
  if (failOn !== "never" && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])) return 1;
  if (maxWarnings >= 0 && findings.filter((f) => f.severity === "warning").length > maxWarnings) return 1;
  return 0;
}
function customRules(root, config) {
  return loadCustomRules(customRulesOf(root, config));
}
function customRulesOf(root, config) {
  return {
    root,
    baseDir: config.file ? path5.dirname(config.file) : root,
    configName: config.file ? path5.relative(root, config.file).split(path5.sep).join("/") : void 0,
    rulePaths: config.rulePaths,
    extends: config.extends,
    reserved: BUILTIN_REGISTRY.reserved()
  };
}
function registryInEffect(args, io) {
  const root = findProjectRoot(io.cwd);
  return BUILTIN_REGISTRY.withCustom(customRules(root, loadConfig(args, io, root)));
}
function listRules(args, io) {
  const rules = registryInEffect(args, io).all();
  if (args.format === "json") {
    const list = rules.map((rule) => {
      const docs = docsUri(rule);
      return { id: rule.id, severity: rule.severity, description: rule.description, ...docs ? { docs } : {} };
    });
    io.stdout(jsonText(list, 2) + "\n");
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length), 10);
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${printable(r.description).replace(/\n/g, " ")}`);
  io.stdout(`${lines.join("\n")}
`);
  return 0;
}
function explainRule(args, io) {
  const id = args.paths[0];
  if (!id) throw new UsageError("explain takes a rule id, for example: noops-lint explain iam/wildcard-action");
  const rule = registryInEffect(args, io).get(id);
  if (!rule) throw new UsageError(`Unknown rule "${id}". Run noops-lint rules to list them.`);
  const docs = docsUri(rule);
  io.stdout(`${printable(`${rule.id} (${rule.severity})

${rule.description}

${rule.fullDescription}

How to fix:
${rule.help}${docs ? `

${docs}` : ""}`)}
`);
  return 0;
}
function runTestRules(args, io) {
  const root = findProjectRoot(io.cwd);
  let targets = args.paths.map((p) => path5.resolve(io.cwd, p));
  if (targets.length === 0) {
    const config = loadConfig(args, io, root);
    const baseDir = config.file ? path5.dirname(config.file) : root;
    targets = [path5.join(root, ...LOCAL_RULES_DIR.split("/")), ...config.rulePaths.map((p) => path5.resolve(baseDir, p))].filter((t) => existsSync2(t));
    if (targets.length === 0) throw new UsageError(`No rules to test: ${LOCAL_RULES_DIR}/ does not exist and the configuration lists no rulePaths.`);
  }
  const display = (absolute) => {
    const rel = path5.relative(root, absolute);
    return !rel.startsWith("..") && !path5.isAbsolute(rel) ? rel.split(path5.sep).join("/") || "." : absolute;
  };
  const outcome = testRules({ targets, display, root, reserved: BUILTIN_REGISTRY.reserved(), now: io.now });
  io.stdout(`${printable(outcome.text.replace(/\n$/, ""))}
`);
  return outcome.exitCode;
}
function initConfig(io) {
  const file = path5.join(io.cwd, ".noops-lint.yaml");
  if (lstatSync2(file, { throwIfNoEntry: false })) throw new UsageError(".noops-lint.yaml already exists; edit it or delete it first.");
  writeOutputFile({ file, purpose: "configuration", display: ".noops-lint.yaml", root: findProjectRoot(io.cwd) }, initConfigText(BUILTIN_REGISTRY.of("built-in")));
  io.stdout("Wrote .noops-lint.yaml\n");
  return 0;
}
export {
  executeLint,
  exitCode,
  findProjectRoot,
  noSuchPath,
  progressLine,
  runCli,
  supportsHyperlinks,
  withoutToolNotes
};
