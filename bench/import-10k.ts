/**
 * Import benchmark: 10,000 valid people across 50 units, as CSV and as XLSX.
 * Times parsing, the background check and the commit through the real ImportService, on SQLite
 * (a temporary file, WAL, synchronous=FULL as in production) and, when DATABASE_URL is a
 * postgres:// URL, on a throw-away database of that server.
 *
 *   npx tsx bench/import-10k.ts            # SQLite
 *   DATABASE_URL=postgres://… npx tsx bench/import-10k.ts   # SQLite, then PostgreSQL
 *
 * Figures are recorded in docs/benchmarks.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createI18n } from '../src/i18n/translator.js';
import { systemClock } from '../src/server/clock.js';
import { newId } from '../src/server/crypto.js';
import { provisionAgency } from '../src/server/modules/agency/provision.js';
import { AuditService } from '../src/server/modules/audit/audit.service.js';
import { readImportFile } from '../src/server/modules/imports/import-file.js';
import { ImportService } from '../src/server/modules/imports/imports.service.js';
import { OrgDirectory } from '../src/server/modules/org/index.js';

const PEOPLE = 10_000;
const UNITS = 50;
const HEADER = ['nip', 'nama_lengkap', 'jenis_kepegawaian', 'email', 'telepon', 'jabatan', 'kode_unit', 'nip_atasan'];

/** A valid PNS NIP per number (a different birth day for each, from 1950), appointed at 20. */
function nipFor(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000);
  const y = birth.getUTCFullYear();
  const m = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const d = String(birth.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}${y + 20}${m}${1 + (n % 2)}${String(1 + (n % 999)).padStart(3, '0')}`;
}

/** 10,000 people in 50 units; in each unit the first person manages the others. */
function peopleRows(offset: number, position: string): string[][] {
  const perUnit = PEOPLE / UNITS;
  return Array.from({ length: PEOPLE }, (_, i) => {
    const unit = Math.floor(i / perUnit);
    const head = unit * perUnit;
    return [
      nipFor(offset + i),
      `Pegawai ${offset + i} Bin Fulan`,
      'PNS',
      `pegawai${offset + i}@bench.go.id`,
      `08${String(1_000_000_000 + offset + i)}`,
      position,
      `UNIT-${String(unit).padStart(2, '0')}`,
      i === head ? '' : nipFor(offset + head),
    ];
  });
}

function csvOf(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  sheet.columns = HEADER.map((h) => ({ header: h, key: h, style: { numFmt: '@' } }));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** An agency with its top unit, its admin and 50 units under the top. */
async function seedAgency(handle: DatabaseHandle, name: string) {
  const db = handle.db;
  const ids = await provisionAgency(
    db,
    {
      agency: { name, shortName: name.slice(0, 10), kind: 'pemerintah_kabupaten', timeZone: 'Asia/Jakarta' },
      rootUnit: { name: 'Sekretariat Daerah', code: 'SETDA' },
      admin: { fullName: 'Admin Bench', email: `admin.${newId().slice(0, 8)}@bench.go.id`, employmentType: 'non_asn' },
    },
    new Date(),
  );
  const now = new Date().toISOString();
  await db
    .insertInto('org_units')
    .values(
      Array.from({ length: UNITS }, (_, u) => ({
        id: newId(),
        agency_id: ids.agencyId,
        parent_id: ids.unitId,
        name: `Unit ${u}`,
        code: `UNIT-${String(u).padStart(2, '0')}`,
        time_zone: 'Asia/Jakarta',
        is_active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return { personId: ids.adminId, agencyId: ids.agencyId, grants: [{ role: 'agency_admin' as const, unitId: null }] };
}

/** Upload (parse + store rows), background check, commit; returns the three times. */
async function runImport(
  service: ImportService,
  actor: Awaited<ReturnType<typeof seedAgency>>,
  fileName: string,
  file: Buffer,
) {
  const origin = { agencyId: actor.agencyId, actorId: actor.personId, actorRole: 'agency_admin', requestId: 'bench' };
  const [view, uploadMs] = await time(() =>
    service.upload(actor, { kind: 'people', fileName, buffer: file }, origin, 'id'),
  );
  const [, validateMs] = await time(() => service.whenIdle());
  const checked = await service.get(actor, view.id);
  if (checked.status !== 'validated' || checked.problemCount > 0)
    throw new Error(`unexpected check result: ${JSON.stringify(checked).slice(0, 500)}`);
  const [committed, commitMs] = await time(() => service.commit(actor, view.id, 'all_or_nothing', origin));
  return { uploadMs, validateMs, commitMs, plan: checked.plan, result: committed.result };
}

async function benchDatabase(
  label: string,
  handle: DatabaseHandle,
  files: { csv: Buffer; xlsx: Buffer; csvUpdate: Buffer },
) {
  await migrateToLatest(handle);
  const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
  // The re-import changes positions only, never an email, so the account-recovery hook never runs here.
  const credentials = { onEmailChangedByAdmin: async () => {} };
  const service = new ImportService({
    db: handle.db,
    clock: systemClock,
    audit: new AuditService(handle.db, systemClock),
    i18n: createI18n(),
    log,
    credentials,
    directory: new OrgDirectory({ db: handle.db }),
  });
  const csvAgency = await seedAgency(handle, 'Bench CSV');
  const xlsxAgency = await seedAgency(handle, 'Bench XLSX');
  const lines = [`\n${label}`];
  const report = (name: string, r: Awaited<ReturnType<typeof runImport>>) =>
    lines.push(
      `  ${name.padEnd(28)} upload (parse + store) ${seconds(r.uploadMs)}, check ${seconds(r.validateMs)}, commit ${seconds(r.commitMs)}` +
        `  → ${JSON.stringify(r.result)}`,
    );
  report('CSV, 10,000 new people', await runImport(service, csvAgency, 'bench.csv', files.csv));
  report('XLSX, 10,000 new people', await runImport(service, xlsxAgency, 'bench.xlsx', files.xlsx));
  report('CSV, re-import, 10,000 updates', await runImport(service, csvAgency, 'bench-update.csv', files.csvUpdate));
  console.log(lines.join('\n'));
}

/** A fresh database on the PostgreSQL server of `url`, dropped afterwards. */
async function withPostgresDatabase(url: string, fn: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const name = `teduh_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = openDatabase({ url: target.toString() });
  try {
    await fn(handle);
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  console.log(
    `Import benchmark: ${PEOPLE.toLocaleString('en')} people, ${UNITS} units; ${os.cpus().length} CPU(s), Node ${process.version}`,
  );
  const rows = peopleRows(0, 'Pelaksana');
  const [csv, xlsx] = [csvOf(rows), await xlsxOf(peopleRows(PEOPLE, 'Pelaksana'))];
  const csvUpdate = csvOf(peopleRows(0, 'Analis Kebijakan'));
  const [csvTable, csvParseMs] = await time(() => readImportFile(csv, 'bench.csv', 'people'));
  const [xlsxTable, xlsxParseMs] = await time(() => readImportFile(xlsx, 'bench.xlsx', 'people'));
  console.log(
    `\nParse only: CSV ${(csv.length / 1e6).toFixed(1)} MB → ${csvTable.rows.length} rows in ${seconds(csvParseMs)}; ` +
      `XLSX ${(xlsx.length / 1e6).toFixed(1)} MB → ${xlsxTable.rows.length} rows in ${seconds(xlsxParseMs)}`,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teduh-bench-'));
  const sqlite = openDatabase({ url: `sqlite:${path.join(dir, 'bench.sqlite')}` });
  try {
    await benchDatabase('SQLite (WAL, synchronous=FULL)', sqlite, { csv, xlsx, csvUpdate });
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    await withPostgresDatabase(url, (handle) => benchDatabase('PostgreSQL', handle, { csv, xlsx, csvUpdate }));
  } else {
    console.log('\nPostgreSQL: skipped (set DATABASE_URL=postgres://… to include it)');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
