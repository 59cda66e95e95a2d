import encryptionAtRest from './encryption/at-rest.js';
import encryptionInTransit from './encryption/in-transit.js';
import opsDeprecatedRuntime from './ops/deprecated-runtime.js';
import opsLimits from './ops/limits.js';
import opsMutableImageTag from './ops/mutable-image-tag.js';
import opsScalingBounds from './ops/scaling-bounds.js';
import opsTracingDisabled from './ops/tracing-disabled.js';
import secretsPlaintextEnv from './secrets/plaintext-env.js';
export const BUILTIN_RULES = [
    encryptionAtRest,
    encryptionInTransit,
    opsDeprecatedRuntime,
    opsLimits,
    opsMutableImageTag,
    opsScalingBounds,
    opsTracingDisabled,
    secretsPlaintextEnv,
];
