import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { holdUntilExit, releaseAtExit, type HeldAtExit } from './held-at-exit.js';

/** At exit, a full pipe is waited on this long at most for what is still pending. */
const EXIT_DRAIN_MS = 1000;
const EXIT_PAUSE = new Int32Array(new SharedArrayBuffer(4));

export interface BatchedLineWriterOptions {
  /** Characters gathered before a write (default 4 KB). */
  readonly minLength?: number;
  /** A lone line waits at most this long (default 250 ms). */
  readonly flushEveryMs?: number;
  /** While the reader does not keep up, at most this much waits here; later lines are dropped (default 1 MB). */
  readonly maxBacklogBytes?: number;
}

/**
 * A pino destination that gathers JSON lines and writes them with one synchronous write per batch
 * of at least `minLength` characters, and at least every `flushEveryMs`.
 *
 * pino's own asynchronous destination (sonic-boom) costs ~4-5 µs per line here: it measures the
 * UTF-8 length of its whole pending buffer on every line and hands each batch to libuv's thread
 * pool. Joining an array and writing it in place costs well under 1 µs a line, on the path of
 * every request.
 *
 * A write never waits for a slow reader. stdout on Linux is a blocking pipe, where one stuck log
 * collector would stall every request, so a pipe is reopened non-blocking: what the pipe refuses
 * waits here and goes out first at the next flush, and once `maxBacklogBytes` wait, new lines are
 * dropped whole (counted in `droppedLines`) until the reader catches up. The output is always whole
 * lines. A descriptor that fails for good (EPIPE: nobody reads) loses its batches.
 */
export class BatchedLineWriter implements HeldAtExit {
  droppedLines = 0;
  private parts: string[] = [];
  private pending = 0;
  /** Bytes the descriptor refused (a full pipe): written before anything newer. */
  private backlog: Buffer | undefined;
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly fd: number;
  private readonly ownsFd: boolean;
  private readonly scratch = Buffer.allocUnsafe(64 * 1024);
  private readonly minLength: number;
  private readonly maxBacklogBytes: number;

  constructor(dest: number | string, options: BatchedLineWriterOptions = {}) {
    this.minLength = options.minLength ?? 4096;
    this.maxBacklogBytes = options.maxBacklogBytes ?? 1024 * 1024;
    const fd = typeof dest === 'string' ? openSync(dest, 'a') : nonBlockingPipe(dest);
    this.fd = fd ?? (dest as number);
    this.ownsFd = fd !== undefined;
    this.timer = setInterval(() => this.flushSync(), options.flushEveryMs ?? 250).unref();
  }

  write(line: string): boolean {
    if (this.closed) return false;
    if (this.backlog !== undefined && this.backlog.length + this.pending > this.maxBacklogBytes) {
      this.droppedLines++;
      return true;
    }
    this.parts.push(line);
    this.pending += line.length;
    // While the reader is behind, the timer retries; writing on every line would only be refused.
    if (this.pending >= this.minLength && this.backlog === undefined) this.flushSync();
    else holdUntilExit(this);
    return true;
  }

  /** Writes what the descriptor takes now, without waiting (pino calls this on fatal logs). */
  flushSync(): void {
    releaseAtExit(this);
    if (this.backlog !== undefined) {
      this.backlog = writeWhatFits(this.fd, this.backlog, this.backlog.length);
      if (this.backlog !== undefined) {
        if (this.parts.length > 0) holdUntilExit(this);
        return;
      }
    }
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.pending = 0;
    // Encoded into one reused buffer when it surely fits (UTF-8 takes at most 3 bytes per UTF-16
    // unit): a fresh 4 KB+ Buffer per batch is allocated outside Node's pool.
    this.backlog =
      text.length * 3 <= this.scratch.length
        ? writeWhatFits(this.fd, this.scratch, this.scratch.write(text))
        : writeWhatFits(this.fd, Buffer.from(text), -1);
    if (this.backlog !== undefined) holdUntilExit(this);
  }

  /** At exit: keeps flushing while the reader drains, for at most `waitMs`. */
  drainSync(waitMs = EXIT_DRAIN_MS): void {
    const deadline = Date.now() + waitMs;
    this.flushSync();
    while ((this.backlog !== undefined || this.parts.length > 0) && Date.now() < deadline) {
      Atomics.wait(EXIT_PAUSE, 0, 0, 10);
      this.flushSync();
    }
  }

  /** At exit: what is pending, waiting briefly on a full pipe. */
  flushAtExit(): void {
    this.drainSync();
  }

  /** Flushes (waiting briefly on a full pipe) and stops; a descriptor this writer opened is closed. */
  end(): void {
    if (this.closed) return;
    this.drainSync();
    this.closed = true;
    releaseAtExit(this);
    clearInterval(this.timer);
    if (this.ownsFd) closeSync(this.fd);
  }
}

/**
 * Writes bytes [0, length) of `bytes` (length -1: all of them) as far as the descriptor takes
 * them; returns a copy of what it refused with EAGAIN, or undefined when all went out (or the
 * descriptor failed for good and the bytes are lost).
 */
function writeWhatFits(fd: number, bytes: Buffer, length: number): Buffer | undefined {
  const end = length < 0 ? bytes.length : length;
  let offset = 0;
  while (offset < end) {
    try {
      offset += writeSync(fd, bytes, offset, end - offset);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EAGAIN' ? Buffer.from(bytes.subarray(offset, end)) : undefined;
    }
  }
  return undefined;
}

/**
 * A pipe descriptor opened again, non-blocking, through /proc (its own open file description, so
 * the process's fd 1 is left as it is); undefined for anything else (a file, a terminal,
 * /dev/null) or where that is not possible, and the descriptor is then used as it is.
 */
function nonBlockingPipe(fd: number): number | undefined {
  try {
    if (!fstatSync(fd).isFIFO()) return undefined;
    return openSync(`/proc/self/fd/${fd}`, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
}
