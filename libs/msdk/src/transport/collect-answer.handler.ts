import type { Dispatcher } from 'undici';
import { UpstreamTimeoutError } from '../errors/msdk-errors.js';

export interface CollectedAnswer {
  readonly status: number;
  readonly raw: Buffer;
}

/**
 * An undici dispatch handler that gathers the answer's bytes into one Buffer and gives up after
 * a timeout. It replaces `pool.request()` on the hot path, which builds a Readable stream, an
 * AbortController and its listeners for every exchange only for us to read the whole body back;
 * this way an exchange costs one object, one timer and the chunks. Together with replying with
 * the bytes as they are, it took a miss from ~79 to ~61 µs of CPU. (The RSS rise first blamed on
 * it is V8's young generation growing under load; the axios transport shows the same. Its size
 * is set by the gateway's --max-semi-space-size: README, Benchmark.)
 *
 * It implements undici's original callbacks (onConnect, onHeaders, onData, onComplete, onError),
 * which undici's core still calls, rather than the controller API undici 7 added. A handler of the
 * newer kind is wrapped on every dispatch in two more objects, and its wrapper turns the answer's
 * raw headers (and trailers) into objects for it; this handler reads neither. undici 7 marks the
 * original callbacks deprecated but runs on them; a test dispatches through a real Pool so an
 * undici that stopped calling them would fail it.
 */
export class CollectAnswerHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private readonly chunks: Buffer[] = [];
  private abort: ((reason: Error) => void) | undefined;
  private readonly timer: NodeJS.Timeout;
  private timedOut: UpstreamTimeoutError | undefined;
  private settled = false;

  constructor(
    timeoutMs: number,
    scope: 'attempt' | 'deadline',
    private readonly resolve: (answer: CollectedAnswer) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = new UpstreamTimeoutError(timeoutMs, scope);
      if (this.abort) this.abort(this.timedOut);
      else this.fail(this.timedOut); // not connected yet: onConnect will abort
    }, timeoutMs);
  }

  onConnect(abort: (reason?: Error) => void): void {
    // Called again if undici retries the dispatch on a new connection: the latest one counts.
    if (this.timedOut) abort(this.timedOut);
    else this.abort = abort;
  }

  onHeaders(statusCode: number): boolean {
    if (statusCode >= 200) this.status = statusCode; // 1xx are interim
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    const raw = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.resolve({ status: this.status, raw });
  }

  onError(error: Error): void {
    this.fail(this.timedOut ?? error);
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.reject(error);
  }
}
