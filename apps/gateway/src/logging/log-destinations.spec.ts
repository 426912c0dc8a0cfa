import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

interface Report {
  readonly written: number;
  readonly audited: number;
  /** The longest gap between two ticks of a 20 ms timer while logging. */
  readonly maxGapMs: number;
  readonly dropped: Record<string, number>;
}

/**
 * A child process logs through the gateway's production destinations (stdout and stderr):
 * 60 lines (~200 B each) and one audit line every 10 ms for 2.5 s. Its stdout is a shell pipe
 * (a FIFO, as a container's stdout is) whose reader reads nothing for 3 s from the child's start,
 * longer than the logging goes on; its stderr is read all along. It reports what it logged, what was counted as dropped and how late
 * its timers ran into a file, then flushes its logs and exits.
 */
async function logIntoStalledStdout(): Promise<{ report: Report; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'stalled-log-'));
  const reportFile = join(dir, 'report.json');
  const module = new URL('./create-logger.js', import.meta.url).href;
  const script = `
    const { writeFileSync } = await import('node:fs');
    const { createGatewayLogs } = await import(${JSON.stringify(module)});
    const logs = createGatewayLogs({ level: 'info', pretty: false, secretValues: [] });
    writeFileSync(process.env.STARTED_FILE, '');
    let written = 0, audited = 0, maxGapMs = 0, last = performance.now();
    const heartbeat = setInterval(() => {
      const now = performance.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      last = now;
    }, 20);
    const logging = setInterval(() => {
      for (let i = 0; i < 60; i++) logs.logger.info({ n: written++, pad: 'x'.repeat(150) }, 'request');
      logs.audit.info({ n: audited++ }, 'audit');
    }, 10);
    setTimeout(async () => {
      clearInterval(logging);
      clearInterval(heartbeat);
      const dropped = Object.fromEntries((await logs.droppedLines.get()).values.map((v) => [v.labels.kind, v.value]));
      writeFileSync(process.env.REPORT_FILE, JSON.stringify({ written, audited, maxGapMs, dropped }));
      await logs.flush(10_000);
    }, 2500);`;
  try {
    // The reader sleeps through the whole logging phase, counted from the child's start.
    const reader = 'until [ -e "$STARTED_FILE" ]; do sleep 0.05; done; sleep 3; cat';
    const shell = spawn('sh', ['-c', `"${process.execPath}" --input-type=module -e "$CHILD_SCRIPT" | (${reader})`], {
      env: { ...process.env, CHILD_SCRIPT: script, REPORT_FILE: reportFile, STARTED_FILE: `${reportFile}.started` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    shell.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => shell.on('close', resolve));
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { n: number; audit?: boolean });

describe('log destinations under a log reader that stops reading', () => {
  it('never stall the logger; drop and count log lines past the bound; keep every audit line', async () => {
    const { report, stdout, stderr } = await logIntoStalledStdout();

    // A write waiting on the full pipe would have held the event loop until the reader woke.
    expect(report.maxGapMs).toBeLessThan(1000);

    // Every line that was not dropped arrived whole and in order; the rest were counted.
    const logged = jsonLines(stdout).map((l) => l.n);
    expect(report.dropped.log).toBeGreaterThan(0);
    expect(logged.length + report.dropped.log).toBe(report.written);
    expect(logged).toEqual([...new Set(logged)].sort((x, y) => x - y));

    // The audit destination is apart from stdout: none of its lines was lost.
    const audited = jsonLines(stderr);
    expect(report.dropped.audit).toBe(0);
    expect(audited.every((l) => l.audit === true)).toBeTruthy();
    expect(audited.map((l) => l.n)).toEqual([...Array(report.audited).keys()]);
  });
});
