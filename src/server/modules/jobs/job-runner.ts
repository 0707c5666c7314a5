import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database, JobRow } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { claimDueJobs, completeJob, failJob, renewLease } from './jobs.repository.js';

export type JobHandler = (payload: unknown, job: JobRow) => Promise<void>;

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

/**
 * The durable job runner kept in the database: emails now, the crisis outbox and reminders in
 * later modules. Jobs survive restarts (they are rows); a crashed worker's lease expires and the
 * job is picked up again.
 */
export class JobRunner {
  readonly workerId = `${os.hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  /** Kinds that may run for minutes (a survey's results); they go in the long lane. */
  private readonly longKinds = new Set<string>();
  /** Long jobs one after another, beside the ticks; each settles, it never rejects. */
  private longLane: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly periodic: PeriodicTask[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: DatabaseKind,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly options: { pollMs: number; leaseMs: number; batch: number } = {
      pollMs: 1_000,
      leaseMs: 60_000,
      batch: 10,
    },
  ) {}

  /**
   * `long`: the job may take minutes of work (a large survey's results). It then runs in a lane of
   * its own, one at a time, while the ticks go on with every other job — a crisis notification
   * must not wait behind it — and its lease is renewed until it ends, so no other instance takes
   * it meanwhile.
   */
  register(kind: string, handler: JobHandler, options: { long?: boolean } = {}): void {
    this.handlers.set(kind, handler);
    if (options.long) this.longKinds.add(kind);
  }

  every(task: PeriodicTask): void {
    this.periodic.push(task);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick().then((done) => {
        this.running = undefined;
        // A full batch means more may be waiting (a campaign launch queues thousands of
        // invitations): go on at once instead of pacing the backlog at one batch per poll.
        if (!this.stopped) this.timer = setTimeout(loop, done >= this.options.batch ? 0 : this.options.pollMs);
      });
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops polling and waits for the jobs in hand to finish, long ones too (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.settled();
  }

  /** Until every long job claimed so far has ended. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Runs every due job once; tests call this directly instead of waiting for the timer. */
  async tick(): Promise<number> {
    let done = 0;
    try {
      const jobs = await claimDueJobs(
        this.db,
        this.kind,
        this.workerId,
        this.clock.now(),
        this.options.leaseMs,
        this.options.batch,
      );
      for (const job of jobs) {
        if (this.longKinds.has(job.kind)) this.runLong(job);
        else await this.runOne(job);
        done++;
      }
      await this.runPeriodic();
    } catch (err) {
      this.log.warn({ err: { message: (err as Error).message } }, 'job runner tick failed');
    }
    return done;
  }

  /** Runs ticks until no job is due, long ones finished too (tests). */
  async drain(maxTicks = 50): Promise<void> {
    for (let i = 0; i < maxTicks; i++) {
      const done = await this.tick();
      await this.settled();
      if (done === 0) return;
    }
  }

  /** Queues a long job in its lane; its lease is renewed from now until it has ended. */
  private runLong(job: JobRow): void {
    const renew = setInterval(
      () =>
        void renewLease(
          this.db,
          job.id,
          this.workerId,
          new Date(this.clock.now().getTime() + this.options.leaseMs),
        ).catch(() => undefined),
      Math.max(1_000, Math.floor(this.options.leaseMs / 3)),
    );
    renew.unref();
    const run: Promise<void> = this.longLane
      .then(() => this.runOne(job))
      .catch((err: unknown) =>
        this.log.warn({ job: job.id, kind: job.kind, error: (err as Error).message }, 'long job could not be settled'),
      )
      .finally(() => {
        clearInterval(renew);
        this.inFlight.delete(run);
      });
    this.longLane = run;
    this.inFlight.add(run);
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload) as unknown, job);
      await completeJob(this.db, job.id, this.workerId, this.clock.now());
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      this.log.warn(
        { job: job.id, kind: job.kind, attempts: job.attempts, error: message.slice(0, 200) },
        'job failed',
      );
      await failJob(this.db, job, this.workerId, this.clock.now(), message);
    }
  }

  private async runPeriodic(): Promise<void> {
    const now = this.clock.now().getTime();
    for (const task of this.periodic) {
      const last = this.lastRun.get(task.name) ?? 0;
      if (now - last < task.everyMs) continue;
      this.lastRun.set(task.name, now);
      try {
        await task.run();
      } catch (err) {
        this.log.warn({ task: task.name, error: (err as Error).message }, 'periodic task failed');
      }
    }
  }
}
