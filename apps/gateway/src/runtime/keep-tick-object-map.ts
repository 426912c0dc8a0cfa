import { executionAsyncResource } from 'node:async_hooks';

/** The one tick object kept alive for the life of the process (see keepTickObjectMap). */
const kept: object[] = [];

/**
 * Keeps one of Node's `process.nextTick` objects alive, so that V8 never collects their hidden
 * class (map).
 *
 * Node builds each tick as an object literal keyed first by two symbols. V8 defines such keys
 * fast only while the literal's feedback has seen one map at each step; a second map makes it
 * megamorphic for good, and from then on every tick defines both keys in the runtime
 * (`Runtime_DefineKeyedOwnPropertyInLiteral`, ~2-3 µs per request on the gateway's miss path).
 * Maps are reachable only through live objects (V8 also keeps a recently used one for a few
 * full GCs), and ticks live a few microseconds: full GCs that find the tick queue empty collect
 * the map chain, the next tick makes a fresh one, and the feedback sees its second map (the spec
 * shows the rebuild under `--log-maps`). Profiles of the gateway's miss path put the runtime
 * calls at 2-3% of its samples in the runs that fell into this.
 *
 * The object Node passes to a tick's callback as its async resource is that tick's own object,
 * with the map every later tick takes, so keeping it keeps the chain (a map holds its parent).
 */
export function keepTickObjectMap(): void {
  if (kept.length > 0) return;
  process.nextTick(() => {
    if (kept.length === 0) kept.push(executionAsyncResource());
  });
}
