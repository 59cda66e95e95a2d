// Every built-in rule, listed explicitly and sorted by id (a test keeps this list equal to the files on disk).
import type { AnyRule } from '../src/engine/rule.js';
import encryptionAtRest from './encryption/at-rest.js';
import encryptionInTransit from './encryption/in-transit.js';
import opsDeprecatedRuntime from './ops/deprecated-runtime.js';
import opsLimits from './ops/limits.js';
import opsMutableImageTag from './ops/mutable-image-tag.js';
import opsScalingBounds from './ops/scaling-bounds.js';
import opsTracingDisabled from './ops/tracing-disabled.js';
import secretsPlaintextEnv from './secrets/plaintext-env.js';

export const BUILTIN_RULES: AnyRule[] = [
  encryptionAtRest,
  encryptionInTransit,
  opsDeprecatedRuntime,
  opsLimits,
  opsMutableImageTag,
  opsScalingBounds,
  opsTracingDisabled,
  secretsPlaintextEnv,
];
