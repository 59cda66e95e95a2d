/** A cheap text check before parsing, so unrelated YAML/JSON (CI workflows, fixtures) is never parsed. */
export function mayBeManifest(file, text) {
    const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
    if (base === 'serverless.yml' || base === 'serverless.yaml' || base === 'serverless.json')
        return true;
    if (base.endsWith('.json'))
        return text.includes('"Resources"') && text.includes('AWS::');
    return /^\s*(AWSTemplateFormatVersion\s*:|Transform\s*:|Resources\s*:|kind\s*:\s*["']?Service\b)/m.test(text);
}
export function classifyManifest(file, document) {
    if (document === null || typeof document !== 'object' || Array.isArray(document))
        return undefined;
    const doc = document;
    const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
    if (doc.kind === 'Service' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('serverless.example.com/'))
        return 'service';
    if (base.startsWith('serverless.') || ('service' in doc && 'provider' in doc))
        return 'serverless';
    const transform = doc.Transform;
    const transforms = Array.isArray(transform) ? transform : [transform];
    if (transforms.some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless')))
        return 'sam';
    if ('AWSTemplateFormatVersion' in doc)
        return 'cloudformation';
    const resources = doc.Resources;
    if (resources && typeof resources === 'object' && !Array.isArray(resources)) {
        const hasAwsType = Object.values(resources).some((r) => r !== null && typeof r === 'object' && typeof r.Type === 'string' && r.Type.startsWith('AWS::'));
        if (hasAwsType)
            return 'cloudformation';
    }
    return undefined;
}
