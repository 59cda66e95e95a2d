export function handlerCodes(project, analysis) {
    const codes = [];
    for (const fn of project.functions) {
        const usage = analysis.usageOf(fn);
        if (usage)
            codes.push({ id: fn.id, name: fn.name, kind: 'function', lambda: isLambda(fn.service), usage, service: fn.service, fn });
    }
    for (const service of project.services) {
        if (!service.container)
            continue;
        const container = analysis.containerUsageOf?.(service);
        if (container)
            codes.push({ id: service.id, name: container.name, kind: 'container', lambda: false, usage: container.usage, service, container });
    }
    return codes;
}
/** SAM and CloudFormation deploy to Lambda; a serverless.yml does unless `provider.name` names another cloud. */
function isLambda(service) {
    if (service.kind !== 'serverless')
        return service.kind !== 'service';
    const provider = service.document.provider;
    const name = provider && typeof provider === 'object' ? provider.name : undefined;
    return typeof name !== 'string' || name === 'aws';
}
