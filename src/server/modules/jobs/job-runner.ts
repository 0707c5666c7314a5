import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../db/connection.js';
import type { Database, JobRow } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { claimDueJobs, completeJob, failJob } from './jobs.repository.js';

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

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
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

  /** Stops polling and waits for the job in hand to finish (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
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
        await this.runOne(job);
        done++;
      }
      await this.runPeriodic();
    } catch (err) {
      this.log.warn({ err: { message: (err as Error).message } }, 'job runner tick failed');
    }
    return done;
  }

  /** Runs ticks until no job is due (tests). */
  async drain(maxTicks = 50): Promise<void> {
    for (let i = 0; i < maxTicks; i++) if ((await this.tick()) === 0) return;
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
