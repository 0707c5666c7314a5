import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * Import of units and people from CSV or XLSX. Column headers are Indonesian,
 * with English aliases accepted; the downloadable template shows the Indonesian ones.
 */
export const IMPORT_KINDS = ['units', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Canonical column → accepted header spellings (compared lowercased, spaces as underscores). */
export const IMPORT_COLUMNS = {
  units: {
    kode_unit: ['kode_unit', 'code', 'unit_code'],
    nama_unit: ['nama_unit', 'name', 'unit_name'],
    kode_unit_induk: ['kode_unit_induk', 'parent_code', 'parent_unit_code'],
    zona_waktu: ['zona_waktu', 'time_zone', 'timezone'],
  },
  people: {
    nip: ['nip', 'ni_pppk', 'nip_or_ni_pppk'],
    nama_lengkap: ['nama_lengkap', 'nama', 'full_name', 'name'],
    jenis_kepegawaian: ['jenis_kepegawaian', 'employment_type', 'status_kepegawaian'],
    email: ['email', 'surel'],
    telepon: ['telepon', 'phone', 'no_hp', 'nomor_hp'],
    jabatan: ['jabatan', 'position'],
    kode_unit: ['kode_unit', 'unit_code'],
    nip_atasan: ['nip_atasan', 'manager_nip'],
  },
} as const;

/** Columns a file must have. */
export const REQUIRED_IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  units: ['kode_unit', 'nama_unit'],
  people: ['nama_lengkap', 'jenis_kepegawaian', 'kode_unit'],
};

export const MAX_IMPORT_ROWS = 50_000;

export const importStatus = z.enum(['validating', 'validated', 'committing', 'committed', 'failed', 'cancelled']);

export const importProblem = z.object({
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importView = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: importStatus,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  problemCount: z.number().int(),
  /** The first problems (at most 1,000); problemCount has the total. */
  problems: z.array(importProblem),
  /** What committing would do, or did: rows created, updated, unchanged. */
  plan: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }).nullable(),
  result: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).nullable(),
  mode: z.enum(['all_or_nothing', 'valid_only']).nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importView>;

export const importList = z.object({ items: z.array(importView.omit({ problems: true })) });

export const importCommitBody = z.object({
  /** all_or_nothing: refuse while any row has a problem. valid_only: write the valid rows, skip the rest. */
  mode: z.enum(['all_or_nothing', 'valid_only']),
});

export const importParams = z.object({ id: idSchema });

export const templateParams = z.object({ kind: z.enum(IMPORT_KINDS) });
export const templateQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
