import { AUTH_SAMPLES } from './auth.samples.js';
import { FRIEND_INVALID, FRIEND_SAMPLES } from './friend.samples.js';
import { GROUP_INVALID, GROUP_SAMPLES } from './group.samples.js';
import { PROFILE_INVALID, PROFILE_SAMPLES } from './profile.samples.js';
import { RELATION_INVALID, RELATION_SAMPLES } from './relation.samples.js';
import type { SampleCall } from './sample-call.js';
import { SHARE_FREEFLOW_INVALID, SHARE_FREEFLOW_SAMPLES } from './share-freeflow.samples.js';

/** One valid call of every catalog row, across every domain. */
export const ALL_SAMPLES: readonly SampleCall[] = [
  ...AUTH_SAMPLES,
  ...RELATION_SAMPLES,
  ...GROUP_SAMPLES,
  ...PROFILE_SAMPLES,
  ...SHARE_FREEFLOW_SAMPLES,
  ...FRIEND_SAMPLES,
];

/** Every invalid call the samples describe, across every domain. */
export const ALL_INVALID = [
  ...RELATION_INVALID,
  ...GROUP_INVALID,
  ...PROFILE_INVALID,
  ...SHARE_FREEFLOW_INVALID,
  ...FRIEND_INVALID,
];
