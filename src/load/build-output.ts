// Templates written by tools rather than by people: what `sam package` / `aws cloudformation package` upload and
// rewrite, what the serverless-sam plugin exports, the CDK bootstrap (toolkit) template. They repeat a source
// manifest checked elsewhere, with the code replaced by S3 locations, so their findings would be duplicates about
// handlers that are not in the project. They are skipped with a note unless the configuration says
// `buildOutput: check`.

/** Folders that build tools write into and that are never walked for manifests (see discover.ts). */
export const BUILD_OUTPUT_FOLDERS: Record<string, string> = {
  '.aws-sam': '`sam build` output (templates and code copied from the source)',
  '.serverless': '`serverless package` output (the generated CloudFormation template and archives)',
};

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const LAYER_TYPES = new Set(['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion']);

/** `s3://bucket/prefix/0123456789abcdef0123456789abcdef`: the content hash `package` names each upload with. */
const HASHED_KEY = /(^|\/)[0-9a-f]{32}(\.[A-Za-z]+)?$/;

/** File names people give packaged templates: packaged.yaml, packaged-template.yml, template-export.yml, out.yaml. */
const PACKAGED_NAME = /(^|[-_.])(packaged|package|export(ed)?|output|out|deploy(ment)?-template)([-_.]|$)/i;

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Where a resource's code is: a local path, an S3 location (with its key when literal), or inline/image/unknown. */
function codeOf(type: string, properties: Mapping): { where: 'local' } | { where: 's3'; key?: string } | { where: 'none' } {
  const sam = type.startsWith('AWS::Serverless::');
  const value = sam ? (LAYER_TYPES.has(type) ? properties.ContentUri : properties.CodeUri) : LAYER_TYPES.has(type) ? properties.Content : properties.Code;
  if (typeof value === 'string') {
    if (/^s3:\/\//i.test(value)) return { where: 's3', key: value.replace(/^s3:\/\/[^/]*\/?/i, '') };
    return { where: 'local' };
  }
  if (!isMapping(value)) return { where: 'none' };
  const key = sam ? value.Key : value.S3Key;
  if (sam ? 'Bucket' in value || 'Key' in value : 'S3Bucket' in value || 'S3Key' in value) return typeof key === 'string' ? { where: 's3', key } : { where: 's3' };
  return { where: 'none' };
}

/**
 * Why `document` (a SAM or CloudFormation template at root-relative `file`) is build output and not source, or
 * undefined when it is source. Conservative: a hand-written template deploying code from an artifact bucket stays
 * source unless its keys are content hashes or its file name says it was packaged.
 */
export function builtTemplateReason(file: string, document: unknown): string | undefined {
  if (!isMapping(document)) return undefined;
  const description = typeof document.Description === 'string' ? document.Description : '';
  if (description.startsWith('SAM template for Serverless framework service')) {
    return 'it is a SAM template exported from serverless.yml by the serverless-sam plugin; check the serverless.yml it was exported from';
  }
  const outputs = isMapping(document.Outputs) ? document.Outputs : {};
  if ('BootstrapVersion' in outputs && /deploy AWS CDK apps/i.test(description)) {
    return 'it is the CDK bootstrap (toolkit) template that `cdk bootstrap` deploys, not part of the app';
  }
  const resources = isMapping(document.Resources) ? document.Resources : {};
  let local = 0;
  let stored = 0;
  let hashed = 0;
  for (const resource of Object.values(resources)) {
    if (!isMapping(resource) || typeof resource.Type !== 'string') continue;
    if (!FUNCTION_TYPES.has(resource.Type) && !LAYER_TYPES.has(resource.Type)) continue;
    const code = codeOf(resource.Type, isMapping(resource.Properties) ? resource.Properties : {});
    if (code.where === 'local') local += 1;
    if (code.where === 's3') {
      stored += 1;
      if (code.key !== undefined && HASHED_KEY.test(code.key)) hashed += 1;
    }
  }
  if (stored === 0 || local > 0) return undefined;
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.(ya?ml|json|template)$/i, '');
  if (hashed > 0 || PACKAGED_NAME.test(base)) {
    return 'it is a packaged template (`sam package` / `aws cloudformation package` output: the code is uploaded to S3 and not in the project); check the template it was packaged from';
  }
  return undefined;
}
