import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CampaignStats } from '../../../contracts/campaigns.js';
import { distributionBands } from '../../../domain/anonymity/distribution-bands.js';
import { createI18n, translatorFor } from '../../../i18n/translator.js';
import { renderReport, WITHHELD, type ReportInput } from './campaign-report-file.js';

/** The text of each page of a PDF that pdfkit wrote: its content streams, inflated, TJ strings decoded. */
function pageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams = new Map<string, string>();
  const object = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = object.exec(raw); m; m = object.exec(raw)) {
    const length = Number(/\/Length (\d+)/.exec(m[2] as string)?.[1]);
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + length);
    streams.set(
      m[1] as string,
      /FlateDecode/.test(m[2] as string) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1'),
    );
  }
  const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(raw)?.[1] ?? '';
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map((k) => k[1] as string);
  const decode = (hex: string) =>
    Buffer.from(hex, 'hex').toString('latin1').replace(/\x97/g, '—').replace(/\x95/g, '•');
  return pages.map((id) => {
    const page = new RegExp(`\\n${id} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(raw)?.[1] ?? '';
    const contents = /\/Contents (\d+) 0 R/.exec(page)?.[1] ?? '';
    const ops = streams.get(contents) ?? '';
    // One shown string per TJ: pieces of one string are split only for kerning.
    return [...ops.matchAll(/\[([^\]]*)\] TJ/g)]
      .map((tj) => [...(tj[1] as string).matchAll(/<([0-9a-f]*)>/g)].map((h) => decode(h[1] as string)).join(''))
      .join('\n');
  });
}

const INSTRUMENTS = ['phq9', 'gad7'] as const;

/** The pages of the unit table: from its title on (the summary may take more than one page). */
const tablePages = (pages: string[]) => pages.slice(pages.findIndex((p) => p.startsWith('Angka per unit')));

/** An agency of 301 units four levels deep, some names very long, some cells withheld. */
function bigStats(): CampaignStats {
  const units: CampaignStats['units'] = [];
  const add = (id: string, name: string, parentId: string | null, depth: number, n: number) => {
    const invited = n === 0 ? 10_002 : 3 + ((n * 13) % 60);
    // Under k invited, or withheld to protect a neighbour (complementary): every cell of the row.
    const hidden = n > 0 && (invited < 8 || n % 11 === 0);
    const participated = hidden ? null : n === 0 ? 4_210 : Math.max(5, Math.floor(invited * 0.6));
    const weights = [0.45, 0.3, 0.15, 0.07, 0.03];
    units.push({
      unitId: id,
      unitName: name,
      parentId,
      depth,
      invited,
      participated,
      participationRate: participated === null ? null : Math.round((participated / invited) * 1000) / 10,
      instruments: INSTRUMENTS.map((instrumentId, i) => ({
        instrumentId,
        respondents: participated === null ? null : participated - i,
        bands: distributionBands(instrumentId).map((band, b) => {
          const count =
            participated === null ? 0 : Math.floor((participated - i) * (weights[b] ?? 0.03) + ((n + b) % 3));
          return { band, count: participated === null || count < 5 ? null : count };
        }),
      })),
      suppression: hidden ? 'below_threshold' : 'none',
    });
  };
  let n = 0;
  add('root', 'Pemerintah Kabupaten Sleman', null, 0, n++);
  for (let a = 0; a < 6; a++) {
    const l1 = `l1-${a}`;
    add(
      l1,
      `Dinas ${['Kesehatan', 'Pendidikan', 'Pekerjaan Umum', 'Sosial', 'Perhubungan', 'Pariwisata'][a]}`,
      'root',
      1,
      n++,
    );
    for (let b = 0; b < 7; b++) {
      const l2 = `${l1}-${b}`;
      add(
        l2,
        b === 2
          ? `Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat Kecamatan Cangkringan dan Wilayah Lereng Merapi ${a}`
          : `Bidang ${b + 1} Dinas ${a + 1}`,
        l1,
        2,
        n++,
      );
      for (let c = 0; c < 6; c++) add(`${l2}-${c}`, `Seksi ${c + 1} Bidang ${b + 1} Dinas ${a + 1}`, l2, 3, n++);
    }
  }
  return {
    campaignId: 'c1',
    threshold: 5,
    publishedAt: '2026-12-02T03:15:00.000Z',
    responses: 4210,
    status: 'closed',
    units,
    previous: null,
  };
}

function input(stats: CampaignStats, locale: 'id' | 'en' = 'id'): ReportInput {
  return {
    stats,
    agency: 'Pemerintah Kabupaten Sleman',
    campaign: {
      title: 'Cek Kesehatan Jiwa Akhir Tahun',
      opensOn: '2026-11-23',
      closesOn: '2026-12-04',
      instrumentIds: [...INSTRUMENTS],
    },
    locale,
    timeZone: 'Asia/Jakarta',
    now: '2026-12-03T01:00:00.000Z',
    t: translatorFor(createI18n(), locale),
  };
}

describe('the campaign report as a printed PDF', () => {
  const stats = bigStats();

  it('prints the agency, the publication stamp, the summary and page numbers on every page', async () => {
    const file = await renderReport(input(stats), 'pdf');
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, file.body);
    const pages = pageTexts(file.body);
    expect(pages.length).toBeGreaterThan(3);
    const first = pages[0] as string;
    expect(first).toContain('PEMERINTAH KABUPATEN SLEMAN');
    expect(first).toContain('Laporan kampanye: Cek Kesehatan Jiwa Akhir Tahun');
    expect(first).toContain('Angka diterbitkan 2 Desember 2026');
    expect(first).toContain('ambang anonimitas 5');
    expect(first).toContain('Ringkasan');
    expect(first).toContain('Unit yang perlu perhatian');
    pages.forEach((text, i) => expect(text).toContain(`Halaman ${i + 1} dari ${pages.length}`));
  });

  it('repeats the header row on every page of the unit table, with the legend of the withheld mark', async () => {
    const pages = pageTexts((await renderReport(input(stats), 'pdf')).body);
    const table = tablePages(pages);
    expect(table.length).toBeGreaterThan(2);
    for (const text of table) {
      expect(text).toContain('Unit\n');
      expect(text).toContain('PHQ-9');
      expect(text).toContain('GAD-7');
      expect(text).toContain('Pengisi');
    }
    expect(table[0]).toContain('"—" berarti angka disembunyikan');
    expect(table[1]).toContain('(lanjutan)');
  });

  it('withholds exactly the cells the screen withholds, every unit once, long names whole', async () => {
    const pages = pageTexts((await renderReport(input(stats), 'pdf')).body);
    const body = tablePages(pages).join('\n');
    // Every unit's row: its name (wrapped names are whole once their lines are joined) and, cell
    // by cell, the screen's value or the withheld mark.
    const lines = body.split('\n');
    const joined = lines.join(' ').replace(/\s+/g, ' ');
    for (const unit of stats.units) expect(joined).toContain(unit.unitName);
    const shown = stats.units.flatMap((u) => [
      u.participated,
      ...u.instruments.flatMap((i) => [i.respondents, ...i.bands.map((b) => b.count)]),
    ]);
    const withheldCells = shown.filter((v) => v === null).length;
    // The mark appears once per withheld cell (rates are withheld with participation) plus the legend.
    const rates = stats.units.filter((u) => u.participationRate === null).length;
    expect(lines.filter((l) => l === WITHHELD).length).toBe(withheldCells + rates);
  });

  it('prints the previous campaign as a table of its own, without an invited column, withholding what the screen does', async () => {
    const withPrevious: CampaignStats = {
      ...stats,
      previous: {
        campaignId: 'c0',
        title: 'Cek Kesehatan Jiwa 2025',
        publishedAt: '2025-12-05T17:00:00.000Z',
        closedAt: '2025-12-05T17:00:00.000Z',
        responses: 3_900,
        units: stats.units.slice(0, 40).map((u) => ({
          unitId: u.unitId,
          participated: u.participated,
          participationRate: u.participationRate,
          instruments: u.instruments,
        })),
      },
    };
    const file = await renderReport(input(withPrevious), 'pdf');
    if (process.env.REPORT_PDF_OUT) writeFileSync(`${process.env.REPORT_PDF_OUT}.previous.pdf`, file.body);
    const pages = pageTexts(file.body);
    const from = pages.findIndex((p) => p.startsWith('Dibandingkan dengan kampanye sebelumnya'));
    expect(from).toBeGreaterThan(0);
    const previous = pages.slice(from).join('\n');
    expect(previous).toContain('"Cek Kesehatan Jiwa 2025"');
    expect(previous).not.toContain('Diundang');
    const units = withPrevious.previous?.units ?? [];
    const withheld = units.flatMap((u) => [
      u.participated,
      u.participationRate,
      ...u.instruments.flatMap((i) => [i.respondents, ...i.bands.map((b) => b.count)]),
    ]);
    expect(previous.split('\n').filter((l) => l === WITHHELD).length).toBe(withheld.filter((v) => v === null).length);
  });

  it('prints in the reader’s language', async () => {
    const pages = pageTexts((await renderReport(input(stats, 'en'), 'pdf')).body);
    expect(pages[0]).toContain('Figures published');
    expect(pages[pages.length - 1]).toContain(`Page ${pages.length} of ${pages.length}`);
  });
});
