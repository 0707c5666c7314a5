/**
 * The check-in benchmark's `--latency` mode (docs/benchmarks.md, "Check-in submit"): where the
 * slowest submits at half load spend their time. The load generator sees one latency per request;
 * inside the server it is split into
 *
 *  - the server's own time per request (Node's `http.server.request.start` →
 *    `http.server.response.finish` diagnostics channels): if its p99 is far below the client's,
 *    the tail is outside the process — the kernel's loopback, the load generator, CPU contention;
 *  - the group commit's batches (`teduh.group-commit.batch`, src/server/group-commit.ts): how long
 *    a batch's oldest write waited for its lane, and how long the commit took;
 *  - the event loop's delay (perf_hooks' histogram) and garbage collection pauses, which hold every
 *    request in the process at once.
 */
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import os from 'node:os';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { GROUP_COMMIT_BATCHES, type GroupCommitBatchEvent } from '../src/server/group-commit.js';
import { formatRun, loadFromChild, type LoadSpec } from './load.js';

/** The q-th quantile (0..1) of some numbers, nearest rank. */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const spread = (values: readonly number[]) =>
  `p50 ${ms(quantile(values, 0.5))} / p99 ${ms(quantile(values, 0.99))} / max ${ms(quantile(values, 1))}`;

/** Records what the server, its group commit, its event loop and its collector did during `run`. */
async function observed<T>(server: Server, run: () => Promise<T>) {
  const started = new WeakMap<ServerResponse, number>();
  const serverMs: number[] = [];
  const onStart = (message: unknown) => {
    const { response, server: from } = message as { response: ServerResponse; server: Server };
    if (from === server) started.set(response, performance.now());
  };
  const onFinish = (message: unknown) => {
    const { response } = message as { request: IncomingMessage; response: ServerResponse };
    const at = started.get(response);
    if (at !== undefined) serverMs.push(performance.now() - at);
  };
  const batches: GroupCommitBatchEvent[] = [];
  const onBatch = (event: unknown) => batches.push(event as GroupCommitBatchEvent);
  const gcMs: number[] = [];
  const gc = new PerformanceObserver((list) => list.getEntries().forEach((e) => gcMs.push(e.duration)));
  const loop = monitorEventLoopDelay({ resolution: 5 });

  diagnostics.subscribe('http.server.request.start', onStart);
  diagnostics.subscribe('http.server.response.finish', onFinish);
  GROUP_COMMIT_BATCHES.subscribe(onBatch);
  gc.observe({ entryTypes: ['gc'] });
  loop.enable();
  try {
    const value = await run();
    return { value, serverMs, batches, gcMs, loop };
  } finally {
    loop.disable();
    gc.disconnect();
    GROUP_COMMIT_BATCHES.unsubscribe(onBatch);
    diagnostics.unsubscribe('http.server.response.finish', onFinish);
    diagnostics.unsubscribe('http.server.request.start', onStart);
  }
}

/** (a) at its maximum, then (a) and (b) at half of it, (b) observed from inside the server. */
export async function latencyProfile(
  label: string,
  realServer: Server,
  bareSpec: LoadSpec,
  realSpec: LoadSpec,
): Promise<void> {
  console.log(
    `\n${label}: the tail at half load, ${realSpec.seconds} s per run; load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  const max = await loadFromChild(bareSpec);
  const half = Math.max(1, Math.round(max.rps / 2));
  console.log(`  (a) bare durable route, max        ${formatRun(max)}`);
  const bareHalf = await loadFromChild({ ...bareSpec, rate: half });
  console.log(`  (a) at half (${half}/s)              ${formatRun(bareHalf)}`);
  const {
    value: real,
    serverMs,
    batches,
    gcMs,
    loop,
  } = await observed(realServer, () => loadFromChild({ ...realSpec, rate: half }));
  console.log(`  (b) at half (${half}/s)              ${formatRun(real)}`);
  console.log(`      in the server, per request:    ${spread(serverMs)} (${serverMs.length} requests)`);
  const slow = quantile(serverMs, 0.99);
  console.log(
    `      requests over 25 ms in the server: ${serverMs.filter((v) => v > 25).length}; the client's p99 ${ms(real.p99)} against the server's ${ms(slow)}`,
  );
  console.log(
    `      batches: ${batches.length}, ${(batches.reduce((s, b) => s + b.size, 0) / Math.max(1, batches.length)).toFixed(1)} writes each; commit ${spread(batches.map((b) => b.commitMs))}; oldest write's wait for its lane ${spread(batches.map((b) => b.waitedMs))}`,
  );
  console.log(
    `      event loop delay: p50 ${ms(loop.percentile(50) / 1e6)} / p99 ${ms(loop.percentile(99) / 1e6)} / max ${ms(loop.max / 1e6)}`,
  );
  console.log(
    `      garbage collection: ${gcMs.length} pauses, ${ms(gcMs.reduce((s, v) => s + v, 0))} in all, ${spread(gcMs)}`,
  );
}
