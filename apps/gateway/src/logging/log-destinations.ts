import pino from 'pino';

/** sonic-boom's stream, as pino.destination returns it. */
export type LogDestination = ReturnType<typeof pino.destination>;

/**
 * Where log lines go (stdout unless told): pino's asynchronous destination. A logger call only
 * appends its line to the destination's buffer; the buffer is written through libuv's thread
 * pool once it holds 4 KB, and at least every 100 ms, so a log reader that stops reading (a full
 * stdout pipe) never stalls a request.
 *
 * The buffer is bounded: while the reader is behind, at most 1 MB waits, and a line that would
 * go past that is dropped whole (sonic-boom's `drop` event; the gateway counts it in
 * `msdk_gateway_log_lines_dropped_total{kind="log"}`). Lines are written again as soon as the
 * reader makes room. Audit lines have a destination of their own (auditDestination).
 */
export function logDestination(dest: number | string = 1): LogDestination {
  return pino.destination({
    dest,
    sync: false,
    minLength: 4096,
    periodicFlush: 100,
    maxLength: 1024 * 1024,
  });
}

/**
 * Where audit lines go (stderr unless told), apart from every other line, so that a reader
 * stalled on stdout never costs an audit line, and access lines are dropped long before these.
 * Asynchronous as logDestination is, with a bound eight times larger for far fewer lines (~30,000
 * of them); past it a line is dropped and counted (`kind="audit"`). Each write is at most 4 KB,
 * a pipe's atomic size (PIPE_BUF), so it lands whole even when something else (Node's own
 * warnings) writes to the same pipe while it is full.
 */
export function auditDestination(dest: number | string = 2): LogDestination {
  return pino.destination({
    dest,
    sync: false,
    minLength: 1024,
    periodicFlush: 100,
    maxWrite: 4096,
    maxLength: 8 * 1024 * 1024,
  });
}
