// Decides what kind of manifest a YAML/JSON file is: by name first, then by content.
import type { ManifestKind } from '../model/project.js';

/** A cheap text check before parsing, so unrelated YAML/JSON (CI workflows, fixtures) is never parsed. */
export function mayBeManifest(file: string, text: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'serverless.yml' || base === 'serverless.yaml' || base === 'serverless.json') return true;
  if (base.endsWith('.json')) return text.includes('"Resources"') && text.includes('AWS::');
  return /^\s*(AWSTemplateFormatVersion\s*:|Transform\s*:|Resources\s*:|kind\s*:\s*["']?Service\b)/m.test(text);
}

export function classifyManifest(file: string, document: unknown): ManifestKind | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const doc = document as Record<string, unknown>;
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (isJsonSchema(doc)) return undefined;
  if (doc.kind === 'Service' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('serverless.example.com/')) return 'service';
  if (base.startsWith('serverless.') || ('service' in doc && 'provider' in doc)) return 'serverless';
  const transform = doc.Transform;
  const transforms = Array.isArray(transform) ? transform : [transform];
  if (transforms.some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless'))) return 'sam';
  if ('AWSTemplateFormatVersion' in doc) return 'cloudformation';
  const resources = doc.Resources;
  if (resources && typeof resources === 'object' && !Array.isArray(resources)) {
    const hasAwsType = Object.values(resources).some(
      (r) => r !== null && typeof r === 'object' && typeof (r as Record<string, unknown>).Type === 'string' && ((r as Record<string, unknown>).Type as string).startsWith('AWS::'),
    );
    if (hasAwsType) return 'cloudformation';
  }
  return undefined;
}

/**
 * A JSON Schema (`"$schema": "http://json-schema.org/..."`), such as one a project writes to validate its own
 * serverless.json: a description of manifests, never a manifest, even under a manifest's file name.
 */
export function isJsonSchema(document: unknown): boolean {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return false;
  const doc = document as Record<string, unknown>;
  return typeof doc.$schema === 'string' && /json-schema\.org/i.test(doc.$schema) && !('service' in doc);
}
