// Checks that Ref, Fn::GetAtt and Fn::Sub in a CloudFormation/SAM template name something that exists
// (a parameter, a resource, a pseudo parameter, a Fn::Sub variable), so a typo is a located finding
// instead of a value that silently matches nothing.
import { inputFinding, INPUT_RULES, type Finding } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { locationOf, locationOfValue } from '../../model/positions.js';
import { quote } from '../../util/quote.js';
import { isRecord } from '../../util/is-record.js';

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Names SAM generates for a template (the API it creates for Api/HttpApi events). */
const SAM_GLOBAL_NAMES = new Set(['ServerlessRestApi', 'ServerlessHttpApi', 'ServerlessRestApiProdStage', 'ServerlessHttpApiApiGatewayDefaultStage']);

/** Walks at most this many values, so a huge template cannot make the check slow. */
const MAX_VISITS = 200_000;

export function checkIntrinsicReferences(document: Record<string, unknown>, file: string, isSam: boolean): Finding[] {
  const findings: Finding[] = [];
  const resources = isRecord(document.Resources) ? Object.keys(document.Resources) : [];
  const names = new Set<string>([...resources, ...(isRecord(document.Parameters) ? Object.keys(document.Parameters) : [])]);
  const resourceIds = new Set(resources);
  // SAM derives resources from each of its own (`ThumbnailFunctionRole`, `MyApiDeployment1a2b`, `MyFnAliaslive`).
  const samPrefixes = isSam ? resources.filter((id) => isSamType(document.Resources, id)) : [];
  const known = (name: string): boolean =>
    names.has(name) || PSEUDO_PARAMETERS.has(name) || (isSam && (SAM_GLOBAL_NAMES.has(name) || samPrefixes.some((prefix) => name.startsWith(prefix))));
  let visits = 0;

  const report = (message: string, at: Location | undefined): void => {
    findings.push(inputFinding(INPUT_RULES.invalidManifest, 'warning', message, at ?? { file, line: 1, column: 1, endLine: 1, endColumn: 1 }));
  };

  const visit = (value: unknown, parent: unknown, key: string | number, locals: Set<string>): void => {
    visits += 1;
    if (visits > MAX_VISITS || value === null || typeof value !== 'object') return;
    const at = (): Location | undefined => locationOf(value) ?? locationOfValue(parent, key);
    if (!Array.isArray(value)) {
      const keys = Object.keys(value);
      const record = value as Record<string, unknown>;
      if (keys.length === 1) {
        const [name] = keys as [string];
        const argument = record[name];
        if (name === 'Ref' && typeof argument === 'string' && !locals.has(argument) && !known(argument)) {
          report(argument.trim() ? `!Ref ${quote(argument)} names no parameter or resource of ${quote(file)}.` : `!Ref has no name in ${quote(file)}.`, at());
        } else if (name === 'Fn::GetAtt') {
          const parts = typeof argument === 'string' ? splitOnce(argument) : argument;
          if (!Array.isArray(parts) || parts.length !== 2) {
            report(`!GetAtt takes a logical id and an attribute (!GetAtt Table.Arn); ${quote(file)} gives ${JSON.stringify(argument)}.`, at());
          } else if (typeof parts[0] === 'string' && !resourceIds.has(parts[0]) && !known(parts[0])) {
            report(`!GetAtt ${quote(`${parts[0]}.${String(parts[1])}`)} names no resource of ${quote(file)}.`, at());
          }
        } else if (name === 'Fn::Sub') {
          const [text, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
          const own = new Set(isRecord(variables) ? Object.keys(variables) : []);
          if (typeof text !== 'string' && !isRecord(text)) {
            report(`!Sub takes a string, or [string, { variables }]; ${quote(file)} gives ${JSON.stringify(argument)}.`, at());
          }
          if (typeof text === 'string') {
            for (const match of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
              const reference = match[1]!.trim();
              const base = reference.includes('.') && !reference.startsWith('AWS::') ? reference.slice(0, reference.indexOf('.')) : reference;
              if (!own.has(reference) && !own.has(base) && !locals.has(base) && !known(base)) {
                report(`!Sub refers to ${quote(`\${${reference}}`)}, which is not a parameter, resource or variable of ${quote(file)}.`, at());
              }
            }
          }
          if (isRecord(variables)) for (const [k, v] of Object.entries(variables)) visit(v, variables, k, locals);
          return;
        } else if (name === 'Fn::ForEach::' || name.startsWith('Fn::ForEach::')) {
          return; // loop variables of the LanguageExtensions transform: not checked
        }
      }
      for (const k of keys) visit(record[k], value, k, locals);
      return;
    }
    value.forEach((item, index) => visit(item, value, index, locals));
  };

  for (const section of ['Resources', 'Outputs', 'Conditions']) {
    const body = document[section];
    if (isRecord(body)) for (const [k, v] of Object.entries(body)) visit(v, body, k, new Set());
  }
  return findings;
}

function isSamType(resources: unknown, id: string): boolean {
  const resource = isRecord(resources) ? resources[id] : undefined;
  return isRecord(resource) && typeof resource.Type === 'string' && resource.Type.startsWith('AWS::Serverless::');
}

function splitOnce(text: string): string[] {
  const dot = text.indexOf('.');
  return dot > 0 ? [text.slice(0, dot), text.slice(dot + 1)] : [text];
}

