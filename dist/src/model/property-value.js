import { locationOfKey } from './positions.js';
import { isIntrinsic, isUnresolved } from './values.js';
function isUnknowable(value) {
    return isUnresolved(value) || isIntrinsic(value);
}
/** `readProperty(props, 'EncryptionAtRestOptions.Enabled')`; a path may also be an array of keys and indexes. */
export function readProperty(root, path) {
    const segments = typeof path === 'string' ? path.split('.') : path;
    let current = root;
    for (const segment of segments) {
        if (isUnknowable(current))
            return { kind: 'unknown', value: current };
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment))
            return { kind: 'missing' };
        current = current[segment];
    }
    if (isUnknowable(current))
        return { kind: 'unknown', value: current };
    if (current === undefined || current === null)
        return { kind: 'missing' };
    return { kind: 'value', value: current };
}
/** A CloudFormation boolean: `true`/`"true"` is on, absent or `false`/`"false"` is off, anything else unknown. */
export function readFlag(root, path) {
    const read = readProperty(root, path);
    if (read.kind === 'missing')
        return 'off';
    if (read.kind === 'unknown')
        return 'unknown';
    const value = typeof read.value === 'string' ? read.value.trim().toLowerCase() : read.value;
    if (value === true || value === 'true')
        return 'on';
    if (value === false || value === 'false')
        return 'off';
    return 'unknown';
}
/** True when the property is written with a non-empty value (a key id, an intrinsic, an object). */
export function hasProperty(root, path) {
    const read = readProperty(root, path);
    if (read.kind === 'unknown')
        return true;
    return read.kind === 'value' && read.value !== '';
}
/** Where the last key of `path` is written, when every step is a plain object. */
export function locationOfProperty(root, path) {
    const segments = typeof path === 'string' ? path.split('.') : path;
    let parent = root;
    for (const segment of segments.slice(0, -1)) {
        if (parent === null || typeof parent !== 'object')
            return undefined;
        parent = parent[segment];
    }
    const last = segments[segments.length - 1];
    return last === undefined ? undefined : locationOfKey(parent, last);
}
