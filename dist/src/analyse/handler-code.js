export function handlerCodes(project, analysis) {
    const codes = [];
    for (const fn of project.functions) {
        const usage = analysis.usageOf(fn);
        if (usage)
            codes.push({ id: fn.id, name: fn.name, kind: 'function', usage, service: fn.service, fn });
    }
    for (const service of project.services) {
        if (!service.container)
            continue;
        const container = analysis.containerUsageOf?.(service);
        if (container)
            codes.push({ id: service.id, name: container.name, kind: 'container', usage: container.usage, service, container });
    }
    return codes;
}
