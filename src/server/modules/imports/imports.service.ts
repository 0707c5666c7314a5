import type { FastifyBaseLogger } from 'fastify';
import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { ImportKind, ImportView } from '../../../contracts/imports.js';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../../domain/access/permissions.js';
import { isLocale, type Locale } from '../../../i18n/locales.js';
import { translatorFor, type Translate } from '../../../i18n/translator.js';
import type { Clock } from '../../clock.js';
import { newId } from '../../crypto.js';
import { AppError, conflict, notFound, unprocessable } from '../../http/errors.js';
import type { AuditOrigin, AuditService } from '../audit/index.js';
import { ImportFileProblem, readImportFile } from './import-file.js';
import { loadPeopleSnapshot, loadUnitsSnapshot } from './import-snapshot.js';
import type { ImportTable } from './import-table.js';
import { buildTemplate, type TemplateFile } from './import-template.js';
import { describeProblems, presentImport, type ImportReport, type ImportResult } from './import-view.js';
import type { CredentialsService } from '../auth/index.js';
import type { OrgDirectory } from '../org/index.js';
import { writePeople, writeUnits } from './import-writer.js';
import {
  findImport,
  findImportIdsWithStatus,
  findImportWithRows,
  findRecentImports,
  insertImport,
  updateImportIf,
} from './imports.repository.js';
import { PeopleImportCheck, type PeopleOutcome } from './people-import.js';
import { UnitsImportCheck, type UnitsOutcome } from './units-import.js';

/** Rows checked between two progress updates. */
const DEFAULT_CHUNK_ROWS = 500;
const RECENT_IMPORTS = 50;

type Outcome = PeopleOutcome | UnitsOutcome;
type CommitMode = 'all_or_nothing' | 'valid_only';
type Check = PeopleImportCheck | UnitsImportCheck;

/** The all-or-nothing commit found problems that were not there at validation time. */
class StaleValidation extends Error {
  constructor(readonly outcome: Outcome) {
    super('import_has_problems');
  }
}

export interface Upload {
  kind: ImportKind;
  fileName: string;
  buffer: Buffer;
}

/**
 * Imports of units and people from CSV or XLSX. An upload is parsed and its rows
 * stored at once; every row is then checked in the background, in chunks, before anything is
 * written. Committing writes all (or only the valid) rows in one transaction, in batches.
 */
export class ImportService {
  private readonly running = new Set<Promise<void>>();
  private readonly chunkRows: number;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      clock: Clock;
      audit: AuditService;
      i18n: i18n;
      log: FastifyBaseLogger;
      chunkRows?: number;
      /** Account recovery (docs/decisions/011-account-recovery.md): an email changed by import holds resets like one changed in the form. */
      credentials: Pick<CredentialsService, 'onEmailChangedByAdmin'>;
      directory: OrgDirectory;
    },
  ) {
    this.chunkRows = deps.chunkRows ?? DEFAULT_CHUNK_ROWS;
  }

  /** Stores the file's rows and starts checking them; answers before the check is done. */
  async upload(actor: Actor, upload: Upload, origin: AuditOrigin, locale: Locale): Promise<ImportView> {
    const { db, clock } = this.deps;
    let table: ImportTable;
    try {
      table = await readImportFile(upload.buffer, upload.fileName, upload.kind);
    } catch (err) {
      if (!(err instanceof ImportFileProblem)) throw err;
      throw this.fileError(err, locale);
    }
    const now = clock.now().toISOString();
    const id = newId();
    await insertImport(db, {
      id,
      agency_id: actor.agencyId,
      kind: upload.kind,
      file_name: upload.fileName.slice(0, 255),
      status: 'validating',
      total_rows: table.rows.length,
      processed_rows: 0,
      valid_rows: 0,
      problem_count: 0,
      report: null,
      rows: JSON.stringify(table),
      mode: null,
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
      committed_at: null,
      result: null,
    });
    // Read the answer before the check starts: on PostgreSQL the check runs on another pooled
    // connection and could otherwise finish first, and the client must see where it began.
    const view = await this.get(actor, id);
    this.startValidation(id, origin);
    return view;
  }

  /** The agency's recent imports, without their problems. */
  async list(actor: Actor): Promise<Array<Omit<ImportView, 'problems'>>> {
    const rows = await findRecentImports(this.deps.db, actor.agencyId, RECENT_IMPORTS);
    return rows.map((r) => {
      const { problems: _problems, ...rest } = presentImport(r);
      return rest;
    });
  }

  /** One import of the agency with its progress and report. */
  async get(actor: Actor, id: string): Promise<ImportView> {
    const row = await findImport(this.deps.db, actor.agencyId, id);
    if (!row) throw notFound();
    return presentImport(row);
  }

  /**
   * Writes the checked rows in one transaction. The rows are checked again inside it, against
   * the data as it is now: someone may have added a person with the same NIP since.
   */
  async commit(actor: Actor, id: string, mode: CommitMode, origin: AuditOrigin): Promise<ImportView> {
    const current = await findImport(this.deps.db, actor.agencyId, id);
    if (!current) throw notFound();
    if (current.status !== 'validated') throw conflict('import_not_ready');
    if (mode === 'all_or_nothing' && current.problem_count > 0) throw unprocessable('import_has_problems');
    try {
      await this.deps.db.transaction().execute((trx) => this.commitIn(trx, actor, id, mode, origin));
    } catch (err) {
      if (!(err instanceof StaleValidation)) throw err;
      await this.saveReport(id, err.outcome);
      throw unprocessable('import_has_problems');
    }
    return this.get(actor, id);
  }

  private async commitIn(
    trx: Kysely<Database>,
    actor: Actor,
    id: string,
    mode: CommitMode,
    origin: AuditOrigin,
  ): Promise<void> {
    const { clock, audit } = this.deps;
    // Claimed inside the transaction: a second commit waits for this one, then finds it done.
    if (!(await updateImportIf(trx, id, ['validated'], { status: 'committing', mode })))
      throw conflict('import_not_ready');
    const row = await findImportWithRows(trx, id);
    if (!row?.rows) throw conflict('import_not_ready');
    const table = JSON.parse(row.rows) as ImportTable;
    const check = await this.checkFor(trx, actor.agencyId, table);
    check.checkRows(0, check.size);
    const outcome = check.finish();
    if (mode === 'all_or_nothing' && outcome.problems.length > 0) throw new StaleValidation(outcome);
    const now = clock.now().toISOString();
    const written =
      table.kind === 'units'
        ? await writeUnits(trx, actor.agencyId, outcome as UnitsOutcome, now)
        : await this.writePeopleGuarded(trx, actor.agencyId, outcome as PeopleOutcome, now, origin);
    const result: ImportResult = {
      ...written,
      unchanged: outcome.plan.unchanged,
      skipped: table.rows.length - outcome.validRows,
    };
    await updateImportIf(trx, id, ['committing'], {
      status: 'committed',
      committed_at: now,
      updated_at: now,
      result: JSON.stringify(result),
      report: JSON.stringify(await this.reportOf(trx, row.created_by, table, outcome)),
      valid_rows: outcome.validRows,
      problem_count: outcome.problems.length,
      // Once written, the copy of the file is no longer needed: keep no more personal data than we must.
      rows: null,
    });
    await audit.record(
      {
        ...origin,
        action: 'org.import_committed',
        resourceType: 'import',
        resourceId: id,
        details: { kind: table.kind, mode, ...result },
      },
      trx,
    );
  }

  /**
   * Writes people, then treats every changed email like a change in the form (decision 011): an
   * import must not be a way around the hold on resets that protects the person's account.
   */
  private async writePeopleGuarded(
    trx: Kysely<Database>,
    agencyId: string,
    outcome: PeopleOutcome,
    now: string,
    origin: AuditOrigin,
  ) {
    const before = new Map(
      (
        await this.deps.directory.peopleByIds(
          agencyId,
          outcome.updates.map((u) => u.id),
          trx,
        )
      ).map((p) => [p.id, p]),
    );
    const written = await writePeople(trx, agencyId, outcome, now);
    for (const update of outcome.updates) {
      const person = before.get(update.id);
      if (person && (person.email ?? '').toLowerCase() !== (update.values.email ?? '').toLowerCase()) {
        await this.deps.credentials.onEmailChangedByAdmin(trx, person, update.values.email, origin);
      }
    }
    return written;
  }

  /** Stops an import that has not been written; its stored rows are dropped. */
  async cancel(actor: Actor, id: string, origin: AuditOrigin): Promise<ImportView> {
    const { db, clock, audit } = this.deps;
    if (!(await findImport(db, actor.agencyId, id))) throw notFound();
    await db.transaction().execute(async (trx) => {
      const cancelled = await updateImportIf(trx, id, ['validating', 'validated', 'failed'], {
        status: 'cancelled',
        rows: null,
        updated_at: clock.now().toISOString(),
      });
      if (!cancelled) throw conflict('import_not_ready');
      await audit.record({ ...origin, action: 'org.import_cancelled', resourceType: 'import', resourceId: id }, trx);
    });
    return this.get(actor, id);
  }

  /** The template file for a kind, with an example row pointing at the agency's top unit. */
  async template(actor: Actor, kind: ImportKind, format: 'csv' | 'xlsx', locale: Locale): Promise<TemplateFile> {
    const { directory } = this.deps;
    const [root, agency] = await Promise.all([
      directory.rootUnit(actor.agencyId),
      directory.agencyOrThrow(actor.agencyId),
    ]);
    return buildTemplate(kind, format, this.translator(locale), locale, {
      rootUnitCode: root?.code ?? 'SETDA',
      timeZone: agency.time_zone,
    });
  }

  /**
   * Checks again the imports a stopped server left half-checked. Their rows are stored, so
   * nothing is lost; called once the app is ready. Returns how many were restarted.
   */
  resumeInterruptedImports(): Promise<number> {
    const resume = (async () => {
      const ids = await findImportIdsWithStatus(this.deps.db, 'validating');
      for (const id of ids) this.startValidation(id, null);
      return ids.length;
    })();
    // Tracked from the first moment, so that whenIdle() also waits for the checks it starts.
    this.track(resume.then(() => undefined));
    return resume;
  }

  /** Resolves when no check is running (tests, graceful shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private startValidation(id: string, origin: AuditOrigin | null): void {
    this.track(
      this.validate(id, origin).catch(async (err: unknown) => {
        this.deps.log.error({ err: { message: (err as Error).message }, importId: id }, 'import validation failed');
        await updateImportIf(this.deps.db, id, ['validating'], {
          status: 'failed',
          updated_at: this.deps.clock.now().toISOString(),
        });
      }),
    );
  }

  private track(task: Promise<void>): void {
    const tracked: Promise<void> = task.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Checks every row in chunks, recording progress; stops if the import is cancelled meanwhile. */
  private async validate(id: string, origin: AuditOrigin | null): Promise<void> {
    const { db, clock, audit } = this.deps;
    const row = await findImportWithRows(db, id);
    if (!row || row.status !== 'validating' || !row.rows) return;
    const table = JSON.parse(row.rows) as ImportTable;
    const check = await this.checkFor(db, row.agency_id, table);
    for (let from = 0; from < check.size; from += this.chunkRows) {
      const to = Math.min(check.size, from + this.chunkRows);
      check.checkRows(from, to);
      if (
        !(await updateImportIf(db, id, ['validating'], { processed_rows: to, updated_at: clock.now().toISOString() }))
      )
        return;
      // Let requests in between chunks: the event loop is shared with every other person.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outcome = check.finish();
    const report = await this.reportOf(db, row.created_by, table, outcome);
    await db.transaction().execute(async (trx) => {
      const done = await updateImportIf(trx, id, ['validating'], {
        status: 'validated',
        processed_rows: check.size,
        valid_rows: outcome.validRows,
        problem_count: outcome.problems.length,
        report: JSON.stringify(report),
        updated_at: clock.now().toISOString(),
      });
      if (!done) return;
      await audit.record(
        {
          ...(origin ?? {
            agencyId: row.agency_id,
            actorId: row.created_by,
            actorRole: 'agency_admin',
            requestId: null,
          }),
          action: 'org.import_validated',
          resourceType: 'import',
          resourceId: id,
          details: {
            kind: table.kind,
            totalRows: check.size,
            validRows: outcome.validRows,
            problemCount: outcome.problems.length,
            plan: outcome.plan,
          },
        },
        trx,
      );
    });
  }

  private async checkFor(db: Kysely<Database>, agencyId: string, table: ImportTable): Promise<Check> {
    const { directory } = this.deps;
    if (table.kind === 'units') return new UnitsImportCheck(table, await loadUnitsSnapshot(directory, db, agencyId));
    return new PeopleImportCheck(
      table,
      await loadPeopleSnapshot(directory, db, agencyId, table),
      this.deps.clock.now(),
    );
  }

  /** The report in the uploader's language: they are the one who will fix the file. */
  private async reportOf(
    db: Kysely<Database>,
    uploaderId: string,
    table: ImportTable,
    outcome: Outcome,
  ): Promise<ImportReport> {
    const person = await this.deps.directory.personAnywhere(uploaderId, db);
    const t = this.translator(isLocale(person?.locale) ? person.locale : 'id');
    return { problems: describeProblems(table, outcome.problems, t), plan: outcome.plan };
  }

  private async saveReport(id: string, outcome: Outcome): Promise<void> {
    const { db, clock } = this.deps;
    const row = await findImportWithRows(db, id);
    if (!row?.rows) return;
    const report = await this.reportOf(db, row.created_by, JSON.parse(row.rows) as ImportTable, outcome);
    await updateImportIf(db, id, ['validated'], {
      report: JSON.stringify(report),
      valid_rows: outcome.validRows,
      problem_count: outcome.problems.length,
      updated_at: clock.now().toISOString(),
    });
  }

  private translator(locale: Locale): Translate {
    return translatorFor(this.deps.i18n, locale);
  }

  private fileError(problem: ImportFileProblem, locale: Locale): AppError {
    if (problem.code === 'import_file_type') return new AppError(415, problem.code);
    if (problem.code === 'import_file_unreadable') {
      const reason = this.translator(locale)(
        `validation.import.unreadable.${String(problem.params.reason)}`,
        problem.params,
      );
      return unprocessable(problem.code, { reason });
    }
    return unprocessable(problem.code, problem.params);
  }
}
