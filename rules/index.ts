// Every built-in rule, listed explicitly and sorted by id (a test keeps this list equal to the files on disk).
import type { AnyRule } from './kit.js';
import connectionPerRequest from './connection/per-request.js';
import connectionSelfManaged from './connection/self-managed.js';
import encryptionAtRest from './encryption/at-rest.js';
import encryptionInTransit from './encryption/in-transit.js';
import exposurePublicData from './exposure/public-data.js';
import exposurePublicFunctionUrl from './exposure/public-function-url.js';
import exposureUnauthenticatedRoute from './exposure/unauthenticated-route.js';
import iamAdminPolicy from './iam/admin-policy.js';
import iamFullAccessPolicy from './iam/full-access-policy.js';
import iamMissingPermission from './iam/missing-permission.js';
import iamNotAction from './iam/not-action.js';
import iamPartialWildcardAction from './iam/partial-wildcard-action.js';
import iamPrivilegeEscalation from './iam/privilege-escalation.js';
import iamResourceMismatch from './iam/resource-mismatch.js';
import iamSharedRole from './iam/shared-role.js';
import iamUnknownAction from './iam/unknown-action.js';
import iamUnusedPermission from './iam/unused-permission.js';
import iamWildcardAction from './iam/wildcard-action.js';
import iamWildcardResource from './iam/wildcard-resource.js';
import opsAsyncFailure from './ops/async-failure.js';
import opsBlockedRuntime from './ops/blocked-runtime.js';
import opsCatchAllHealthCheck from './ops/catch-all-health-check.js';
import opsContradictoryScalingBounds from './ops/contradictory-scaling-bounds.js';
import opsDefaultLimits from './ops/default-limits.js';
import opsDeprecatedRuntime from './ops/deprecated-runtime.js';
import opsLimits from './ops/limits.js';
import opsMissingHealthEndpoint from './ops/missing-health-endpoint.js';
import opsMutableImageTag from './ops/mutable-image-tag.js';
import opsRuntimeDeprecationSoon from './ops/runtime-deprecation-soon.js';
import opsScalingBounds from './ops/scaling-bounds.js';
import opsTimeoutAboveMaximum from './ops/timeout-above-maximum.js';
import opsTracingDisabled from './ops/tracing-disabled.js';
import secretsPlaintextEnv from './secrets/plaintext-env.js';
import secretsPlaintextProperty from './secrets/plaintext-property.js';
import stateBackgroundWork from './state/background-work.js';
import stateFilesystem from './state/filesystem.js';
import stateModuleMutation from './state/module-mutation.js';
import stateRequestResponseSignature from './state/request-response-signature.js';
import stateTmpPersistence from './state/tmp-persistence.js';
import stateUnboundedCache from './state/unbounded-cache.js';

export const BUILTIN_RULES: AnyRule[] = [
  connectionPerRequest,
  connectionSelfManaged,
  encryptionAtRest,
  encryptionInTransit,
  exposurePublicData,
  exposurePublicFunctionUrl,
  exposureUnauthenticatedRoute,
  iamAdminPolicy,
  iamFullAccessPolicy,
  iamMissingPermission,
  iamNotAction,
  iamPartialWildcardAction,
  iamPrivilegeEscalation,
  iamResourceMismatch,
  iamSharedRole,
  iamUnknownAction,
  iamUnusedPermission,
  iamWildcardAction,
  iamWildcardResource,
  opsAsyncFailure,
  opsBlockedRuntime,
  opsCatchAllHealthCheck,
  opsContradictoryScalingBounds,
  opsDefaultLimits,
  opsDeprecatedRuntime,
  opsLimits,
  opsMissingHealthEndpoint,
  opsMutableImageTag,
  opsRuntimeDeprecationSoon,
  opsScalingBounds,
  opsTimeoutAboveMaximum,
  opsTracingDisabled,
  secretsPlaintextEnv,
  secretsPlaintextProperty,
  stateBackgroundWork,
  stateFilesystem,
  stateModuleMutation,
  stateRequestResponseSignature,
  stateTmpPersistence,
  stateUnboundedCache,
];
