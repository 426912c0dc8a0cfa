/** Log output a holder still keeps in memory, written when the process exits however it exits. */
export interface HeldAtExit {
  flushAtExit(): void;
}

const held = new Set<HeldAtExit>();
let exitHookInstalled = false;

/** `holder` has output pending: flush it at exit unless released first. */
export function holdUntilExit(holder: HeldAtExit): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', flushHeld);
  }
  held.add(holder);
}

/** `holder` has nothing pending any more. */
export function releaseAtExit(holder: HeldAtExit): void {
  held.delete(holder);
}

/**
 * Two passes, each over the holders held when it starts: one holder's flush may hand lines to
 * another that was flushed before it (access lines built at exit go to the batching destination,
 * which holds them again and is flushed in the second pass).
 */
function flushHeld(): void {
  for (let pass = 0; pass < 2; pass++) for (const holder of [...held]) holder.flushAtExit();
}
