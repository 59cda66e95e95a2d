// state/background-work and state/filesystem stay silent on the example projects.
import { describe, expect, it } from 'vitest';
import background from '../../../rules/state/background-work.js';
import filesystem from '../../../rules/state/filesystem.js';
import { runOnExample } from '../../helpers/example-projects.js';

describe('state/background-work and state/filesystem on the examples', () => {
  it.each(['orders', 'thumbnails', 'container-service'] as const)('%s: nothing', (name) => {
    expect(runOnExample(background, name)).toEqual([]);
    expect(runOnExample(filesystem, name)).toEqual([]);
  });
});
