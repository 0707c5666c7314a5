/**
 * The report a campaign's published figures make (docs/decisions/024-campaign-reports.md): the
 * agency-wide distribution per instrument and the units that need attention. It reads only the
 * figures a viewer is shown — a withheld cell (null) is never guessed at — so the screen, the
 * XLSX and the PDF say the same thing from the same published cells.
 */

export interface ReportBand {
  band: string;
  count: number | null;
}

export interface ReportInstrument {
  instrumentId: string;
  respondents: number | null;
  bands: readonly ReportBand[];
}

export interface ReportUnit {
  unitId: string;
  parentId: string | null;
  instruments: readonly ReportInstrument[];
}

/**
 * The bands of concern of an instrument, given its bands in published (score) order: the two most
 * severe when it has four or more, otherwise the most severe one. The WHO-5 counts well-being, so
 * its lowest scores are the most severe; every other instrument counts symptoms or strain.
 */
export function concernBands(instrumentId: string, bandsInOrder: readonly string[]): string[] {
  const bySeverity = instrumentId === 'who5' ? [...bandsInOrder] : [...bandsInOrder].reverse();
  return bySeverity.slice(0, bandsInOrder.length >= 4 ? 2 : 1);
}

/** Share (0–1) of respondents in the concern bands, or null when any needed cell is withheld. */
export function concernShare(instrument: ReportInstrument, concern: readonly string[]): number | null {
  if (instrument.respondents === null || instrument.respondents === 0) return null;
  let n = 0;
  for (const code of concern) {
    const cell = instrument.bands.find((b) => b.band === code);
    if (!cell || cell.count === null) return null;
    n += cell.count;
  }
  return n / instrument.respondents;
}

export interface AgencyDistribution {
  instrumentId: string;
  respondents: number | null;
  bands: ReportBand[];
  /** Share in the concern bands, or null when it cannot be told from shown cells. */
  concernShare: number | null;
}

/**
 * The distribution over everything the viewer sees, per instrument: the sum of the top rows'
 * cells. A band of any top row withheld leaves that band withheld (null) here too.
 */
export function agencyDistribution(
  units: readonly ReportUnit[],
  instruments: ReadonlyArray<{ instrumentId: string; bands: readonly string[] }>,
): AgencyDistribution[] {
  const ids = new Set(units.map((u) => u.unitId));
  const tops = units.filter((u) => u.parentId === null || !ids.has(u.parentId));
  return instruments.map(({ instrumentId, bands }) => {
    const cells = tops.map((u) => u.instruments.find((i) => i.instrumentId === instrumentId));
    const sum = (pick: (i: ReportInstrument) => number | null): number | null => {
      let total = 0;
      for (const c of cells) {
        const v = c ? pick(c) : 0;
        if (v === null) return null;
        total += v;
      }
      return total;
    };
    const respondents = sum((i) => i.respondents);
    const shown: ReportInstrument = {
      instrumentId,
      respondents,
      bands: bands.map((band) => ({ band, count: sum((i) => i.bands.find((b) => b.band === band)?.count ?? null) })),
    };
    return {
      instrumentId,
      respondents,
      bands: [...shown.bands],
      concernShare: concernShare(shown, concernBands(instrumentId, bands)),
    };
  });
}

export interface AttentionItem {
  unitId: string;
  instrumentId: string;
  /** The unit's share in the concern bands (0–1). */
  share: number;
  /** The same share over everything the viewer sees. */
  overall: number;
}

/**
 * Units that need attention: a unit (not a top row, which is the whole) whose share of
 * respondents in the concern bands is above the share over everything the viewer sees, judged
 * only where every cell needed is shown. Sorted by how far above, largest first.
 */
export function unitsNeedingAttention(
  units: readonly ReportUnit[],
  instruments: ReadonlyArray<{ instrumentId: string; bands: readonly string[] }>,
): AttentionItem[] {
  const overall = new Map(agencyDistribution(units, instruments).map((d) => [d.instrumentId, d.concernShare]));
  const ids = new Set(units.map((u) => u.unitId));
  const items: AttentionItem[] = [];
  for (const unit of units) {
    if (unit.parentId === null || !ids.has(unit.parentId)) continue;
    for (const { instrumentId, bands } of instruments) {
      const whole = overall.get(instrumentId);
      const cell = unit.instruments.find((i) => i.instrumentId === instrumentId);
      if (whole === null || whole === undefined || !cell) continue;
      const share = concernShare(cell, concernBands(instrumentId, bands));
      if (share !== null && share > whole) items.push({ unitId: unit.unitId, instrumentId, share, overall: whole });
    }
  }
  return items.sort((a, b) => b.share - b.overall - (a.share - a.overall) || (a.unitId < b.unitId ? -1 : 1));
}
