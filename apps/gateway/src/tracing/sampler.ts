import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import type { SamplerName } from '../config/tracing-config.js';

/**
 * OTEL_TRACES_SAMPLER's built-in samplers, built from the SDK's own classes. sdk-trace reads no
 * environment variable itself (its README: handle the OTEL_ variables yourself), so the
 * gateway's validated setting is the only one in force.
 */
export function samplerFor(name: SamplerName, ratio: number): Sampler {
  const root = name.endsWith('always_on')
    ? new AlwaysOnSampler()
    : name.endsWith('always_off')
      ? new AlwaysOffSampler()
      : new TraceIdRatioBasedSampler(ratio);
  // parentbased_*: a caller's sampled or not-sampled decision is kept; the root sampler decides new traces.
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
}
