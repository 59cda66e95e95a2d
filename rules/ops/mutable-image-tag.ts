// Finds container images referenced by a tag that moves (`:latest`, or no tag at all): what runs can
// change between deployments without any change in the repository.
import { defineRule, quote } from '../kit.js';

export interface ImageReference {
  /** Registry and repository: `registry.example.com:5000/team/app`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry:5000/app:1.2@sha256:...`; a colon before the last slash is a registry port, not a tag. */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  return {
    repository: tagged ? name.slice(0, colon) : name,
    ...(tagged ? { tag: name.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** `latest` or `untagged` when the reference floats; undefined when it is pinned by a tag or a digest, or cannot be read. */
export function mutableReference(image: string): 'latest' | 'untagged' | undefined {
  // ${IMAGE}, $TAG, {{ .Values.tag }}: filled in at deploy time, not knowable here.
  if (image === '' || /[${}\s]/.test(image)) return undefined;
  const reference = parseImageReference(image);
  if (reference.digest) return undefined; // a digest pins the content whatever the tag says
  if (reference.tag === undefined) return 'untagged';
  return reference.tag.toLowerCase() === 'latest' ? 'latest' : undefined;
}

export default defineRule<Record<string, never>, 'latest' | 'untagged' | 'baseLatest' | 'baseUntagged'>({
  id: 'ops/mutable-image-tag',
  category: 'ops',
  severity: 'warning',
  description: 'A container image is referenced by a tag that moves, so deployments are not reproducible.',
  fullDescription:
    "An image referenced as `:latest`, or without any tag (which means `:latest`), is whatever was pushed last: two replicas or two deployments of the same manifest can run different code, a rollback redeploys the new image, and a compromised or broken push goes live without review. The rule checks `spec.image` of a kind: Service manifest and the base image of the Dockerfile's final stage beside it. A digest (`@sha256:...`) or an explicit version tag is accepted; variables filled in at deploy time are not judged. Other tags that can be moved (`:stable`, `:main`) are not reported, because a version-looking tag cannot be told apart from them reliably.",
  help: 'Reference an immutable version: a release tag such as `image: registry.example.com/orders:1.4.2`, or better a digest, `image: registry.example.com/orders@sha256:<digest>` (in a Dockerfile, `FROM node:22.11-alpine`).',
  precision: 'very-high',
  tags: ['reliability', 'supply-chain'],
  messages: {
    latest: 'The image {{image}} uses the tag :latest, which moves with every push: each deployment may run different code. Pin a version tag or a digest.',
    untagged: 'The image {{image}} has no tag, so it means :latest and moves with every push: each deployment may run different code. Pin a version tag or a digest.',
    baseLatest: 'The base image {{image}} uses the tag :latest, so each build may start from a different image. Pin a version tag or a digest.',
    baseUntagged: 'The base image {{image}} has no tag, so it means :latest and each build may start from a different image. Pin a version tag or a digest.',
  },
  defaultOptions: {},
  check({ project, report }) {
    for (const service of project.services) {
      const container = service.container;
      if (!container) continue;
      const image = container.image;
      if (image && typeof image.value === 'string') {
        const kind = mutableReference(image.value);
        if (kind) report({ messageId: kind, at: image.location, key: `${service.id}|spec.image`, data: { image: quote(image.value) } });
      }
      // Only the final stage ships; earlier stages are build tools whose output is copied.
      const base = container.baseImages.at(-1);
      if (!base || base.value.toLowerCase() === 'scratch') continue;
      const kind = mutableReference(base.value);
      if (kind) {
        report({ messageId: kind === 'latest' ? 'baseLatest' : 'baseUntagged', at: base.location, key: `${service.id}|Dockerfile|FROM`, data: { image: quote(base.value) } });
      }
    }
  },
});
