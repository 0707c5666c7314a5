/**
 * The check-in benchmark's `--latency` mode (docs/benchmarks.md, "Check-in submit"): where the
 * slowest submits at half load spend their time. The load generator sees one latency per request;
 * inside the server it is split into
 *
 *  - the server's own time per request (Node's `http.server.request.start` →
 *    `http.server.response.finish` diagnostics channels): if its p99 is far below the client's,
 *    the tail is outside the process — the kernel's loopback, the load generator, CPU contention;
 *  - the group commit's batches (`teduh.group-commit.batch`, src/server/group-commit.ts): how long
 *    a batch's oldest write waited for it to start (the batch ahead, or the spacing of decision
 *    054), and how long the commit took;
 *  - the event loop's delay (perf_hooks' histogram) and garbage collection pauses, which hold every
 *    request in the process at once;
 *  - the CPU per request of the server, the database and the load generator at that rate, which on
 *    a two-core machine decides how often they queue for a core: a group commit at half load makes
 *    small batches, so it cannot spread its statements over as many writes as at full speed.
 */
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import os from 'node:os';
import { constants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { GROUP_COMMIT_BATCHES, type GroupCommitBatchEvent } from '../src/server/group-commit.js';
import { formatRun, loadFromChild, quantileOfUnsorted as quantile, type LoadResult, type LoadSpec } from './load.js';

/** Runs one load and says where its CPU went (bench/check-in.ts `cpuOfRun`). */
export type MeasuredRun = (spec: LoadSpec, measuring?: () => void) => Promise<{ result: LoadResult; line: string }>;

/**
 * The event-loop monitor's timer period. Its histogram records the whole time between two ticks,
 * period included (an idle loop reads ~5 ms at p50), so the period is taken off before reporting.
 */
const LOOP_RESOLUTION_MS = 5;
const loopDelay = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);

const ms = (v: number) => `${v.toFixed(1)} ms`;
const spread = (values: readonly number[]) =>
  `p50 ${ms(quantile(values, 0.5))} / p99 ${ms(quantile(values, 0.99))} / max ${ms(quantile(values, 1))}`;

/**
 * Records what the server, its group commit, its event loop and its collector did during `run`,
 * from the moment `run` calls `measuring` (the load generator's warm-up over) to its end.
 */
async function observed<T>(server: Server, run: (measuring: () => void) => Promise<T>) {
  const started = new WeakMap<ServerResponse, number>();
  const serverMs: number[] = [];
  /** By idempotency key, on the machine's clock: when the server had the request, and when it answered. */
  const moments = new Map<string, { start: number; finish: number }>();
  const onStart = (message: unknown) => {
    const { response, server: from } = message as { response: ServerResponse; server: Server };
    if (from === server) started.set(response, performance.now());
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const at = started.get(response);
    if (at === undefined) return;
    const now = performance.now();
    serverMs.push(now - at);
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string')
      moments.set(key, { start: performance.timeOrigin + at, finish: performance.timeOrigin + now });
  };
  /** Each batch, with the moment its commit ended on the machine's clock. */
  const batches: (GroupCommitBatchEvent & { endedAt: number })[] = [];
  const onBatch = (event: unknown) =>
    batches.push({ ...(event as GroupCommitBatchEvent), endedAt: performance.timeOrigin + performance.now() });
  const pauses: Pause[] = [];
  const gc = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) =>
      pauses.push({
        at: performance.timeOrigin + e.startTime,
        ms: e.duration,
        major: (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR,
      }),
    ),
  );
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const measuring = () => {
    diagnostics.subscribe('http.server.request.start', onStart);
    diagnostics.subscribe('http.server.response.finish', onFinish);
    GROUP_COMMIT_BATCHES.subscribe(onBatch);
    gc.observe({ entryTypes: ['gc'] });
    loop.enable();
  };
  try {
    const value = await run(measuring);
    return { value, serverMs, moments, batches, pauses, loop };
  } finally {
    loop.disable();
    gc.disconnect();
    GROUP_COMMIT_BATCHES.unsubscribe(onBatch);
    diagnostics.unsubscribe('http.server.response.finish', onFinish);
    diagnostics.unsubscribe('http.server.request.start', onStart);
  }
}

/** A collection pause of the server's heap, on the machine's clock; `major`: a full mark-compact. */
interface Pause {
  at: number;
  ms: number;
  major: boolean;
}

/**
 * The slowest 1 % grouped into episodes (requests written within 25 ms of the one before), the
 * largest first, each beside what the server did from 30 ms before it to its end: collection
 * pauses and the longest commit. One large episode points at one event; many small ones at a
 * steady cause.
 */
function episodeLines(
  result: LoadResult,
  pauses: readonly Pause[],
  batches: readonly { size: number; commitMs: number; endedAt: number }[],
  from: number,
): string[] {
  const slowest = [...(result.tail?.slowest ?? [])].sort((x, y) => x.sentAt - y.sentAt);
  const episodes: (typeof slowest)[] = [];
  for (const r of slowest) {
    const last = episodes.at(-1);
    const previous = last?.at(-1);
    if (last && previous && r.sentAt - previous.sentAt <= 25) last.push(r);
    else episodes.push([r]);
  }
  episodes.sort((x, y) => y.length - x.length);
  /** An episode's window (from 30 ms before its first request to its last answer) and what the server did in it. */
  const around = (episode: typeof slowest) => {
    const start = (episode[0]?.sentAt ?? 0) - 30;
    const end = Math.max(...episode.map((r) => r.headersAt));
    return {
      start,
      end,
      pauses: pauses.filter((p) => p.at + p.ms >= start && p.at <= end),
      commits: batches.filter((b) => b.endedAt >= start && b.endedAt - b.commitMs <= end),
    };
  };
  const lines = [`the slowest 1 % in ${episodes.length} episode(s); the largest:`];
  for (const episode of episodes.slice(0, 4)) {
    const { start, end, pauses: inside, commits } = around(episode);
    lines.push(
      `  at +${((start + 30 - from) / 1000).toFixed(2)} s: ${episode.length} requests written over ${ms(end - start - 30)}, ` +
        `the slowest ${ms(Math.max(...episode.map((r) => r.headersAt - r.sentAt)))}; around it ${inside.length} collection pause(s) ` +
        `(${ms(inside.reduce((sum, p) => sum + p.ms, 0))} in all, longest ${ms(Math.max(0, ...inside.map((p) => p.ms)))}` +
        `${inside.some((p) => p.major) ? ', one a full mark-compact' : ''}), longest commit ${ms(Math.max(0, ...commits.map((b) => b.commitMs)))}`,
    );
  }
  // The largest episode moment by moment: what the server committed and when it paused.
  const largest = episodes[0];
  if (largest) {
    const { start, pauses: inside, commits } = around(largest);
    const at = (t: number) => `${(t - start - 30).toFixed(0)}`;
    const events = [
      ...commits.map((b) => ({
        t: b.endedAt - b.commitMs,
        text: `commit ${at(b.endedAt - b.commitMs)}→${at(b.endedAt)} (${b.size})`,
      })),
      ...inside.map((p) => ({ t: p.at, text: `${p.major ? 'FULL GC' : 'gc'} ${at(p.at)}+${p.ms.toFixed(1)}` })),
    ].sort((x, y) => x.t - y.t);
    lines.push(`  the largest, ms from its first request (commit start→end (writes), gc start+length):`);
    for (let i = 0; i < events.length; i += 8)
      lines.push(
        `    ${events
          .slice(i, i + 8)
          .map((e) => e.text)
          .join(', ')}`,
      );
  }
  return lines;
}

/** The load generator's split of the slowest 1 % (bench/load.ts TailSplit). */
function tailLine(result: LoadResult): string {
  const t = result.tail;
  if (!t) return 'the slowest 1 %: not split';
  return `the slowest 1 % (${t.requests}), medians: due → written ${ms(t.beforeSentMs)}, written → response headers ${ms(t.sentToHeadersMs)}, headers → end ${ms(t.headersToEndMs)}`;
}

/**
 * The slowest 1 % again, each split at the server's own moments for the same request: written →
 * the server has it (the kernel, and the server's event loop getting to the socket), the server's
 * time, and answered → its headers read by the load generator.
 */
function tailAcrossLine(result: LoadResult, moments: ReadonlyMap<string, { start: number; finish: number }>): string {
  const joined = (result.tail?.slowest ?? []).flatMap((r) => {
    const m = moments.get(r.key);
    return m ? [{ ...r, ...m }] : [];
  });
  if (joined.length === 0) return 'the slowest 1 % against the server: none matched';
  const median = (values: number[]) => quantile(values, 0.5);
  return (
    `the slowest 1 % against the server (${joined.length}), medians: written → in the server ${ms(median(joined.map((j) => j.start - j.sentAt)))}, ` +
    `in the server ${ms(median(joined.map((j) => j.finish - j.start)))}, answered → headers read ${ms(median(joined.map((j) => j.headersAt - j.finish)))}`
  );
}

/** (a) at its maximum, then (a) and (b) at half of it with their CPU, (b) observed from inside the server. */
export async function latencyProfile(
  label: string,
  realServer: Server,
  measured: MeasuredRun,
  bareSpec: LoadSpec,
  realSpec: LoadSpec,
): Promise<void> {
  console.log(
    `\n${label}: the tail at half load, ${realSpec.seconds} s per run; load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  const max = await loadFromChild(bareSpec);
  const half = Math.max(1, Math.round(max.rps / 2));
  console.log(`  (a) bare durable route, max        ${formatRun(max)}`);
  const bareHalf = await measured({ ...bareSpec, rate: half, timings: true });
  console.log(`  (a) at half (${half}/s)              ${formatRun(bareHalf.result)}`);
  console.log(`      ${bareHalf.line}`);
  console.log(`      ${tailLine(bareHalf.result)}`);
  const {
    value: { result: real, line },
    serverMs,
    moments,
    batches,
    pauses,
    loop,
  } = await observed(realServer, (measuring) => measured({ ...realSpec, rate: half, timings: true }, measuring));
  console.log(`  (b) at half (${half}/s)              ${formatRun(real)}`);
  console.log(`      ${line}`);
  console.log(`      ${tailLine(real)}`);
  console.log(`      ${tailAcrossLine(real, moments)}`);
  console.log(`      in the server, per request:    ${spread(serverMs)} (${serverMs.length} requests)`);
  const slow = quantile(serverMs, 0.99);
  console.log(
    `      requests over 25 ms in the server: ${serverMs.filter((v) => v > 25).length}; the client's p99 ${ms(real.p99)} against the server's ${ms(slow)}`,
  );
  console.log(
    `      batches: ${batches.length}, ${(batches.reduce((s, b) => s + b.size, 0) / Math.max(1, batches.length)).toFixed(1)} writes each; commit ${spread(batches.map((b) => b.commitMs))}; oldest write's wait for its batch ${spread(batches.map((b) => b.waitedMs))}`,
  );
  console.log(
    `      event loop delay: p50 ${ms(loopDelay(loop.percentile(50)))} / p99 ${ms(loopDelay(loop.percentile(99)))} / max ${ms(loopDelay(loop.max))}`,
  );
  const gcMs = pauses.map((p) => p.ms);
  console.log(
    `      garbage collection: ${gcMs.length} pauses (${pauses.filter((p) => p.major).length} full), ${ms(gcMs.reduce((s, v) => s + v, 0))} in all, ${spread(gcMs)}`,
  );
  const from = Math.min(...[...moments.values()].map((m) => m.start));
  for (const line of episodeLines(real, pauses, batches, from)) console.log(`      ${line}`);
}
