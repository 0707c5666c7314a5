import { describe, expect, it } from 'vitest';
import { fingerprint, seeded } from '../../../test/support/engine-fingerprint.js';
import { resultsInput, type FakeResponse } from '../../../test/support/survey-results.js';
import { cellKey, type CountTable, type Distribution, type WithheldReason } from '../anonymity/count-table.js';
import { DisclosureAudit } from '../anonymity/disclosure-audit.js';
import { suppress } from '../anonymity/suppression.js';
import { withholdRecentChanges } from '../anonymity/time-differencing.js';
import type { SurveyDefinition } from './definition.js';
import { ANY, type Profile } from './profiles.js';
import type { SurveyUnit } from './results-table.js';
import { shownHistory, suppressSurvey } from './results.js';
import { agree, freeText, multiple, option, rating, single, t } from './templates/items.js';

/**
 * The engine's decisions, pinned (docs/benchmarks.md, survey results): seeded random agencies and
 * tables — varied trees, filters, thresholds, public bounds, links, seeds and a reopened survey's
 * history — each reduced to a hash of its withheld cells and their reasons. The fingerprints were
 * recorded from the engine before it moved to array indices and incremental passes; a faster
 * engine must withhold exactly the same cells for the same reasons.
 */

const definition: SurveyDefinition = {
  themes: [{ id: 'load', name: t('Beban', 'Load'), description: t('Beban', 'Load') }],
  sections: [
    {
      id: 's',
      title: t('Bagian', 'Section'),
      questions: [
        agree('manage', 'load', t('Terkelola', 'Manageable')),
        agree('overtime', 'load', t('Lembur', 'Overtime'), { reverse: true }),
        rating('energy', 'load', t('Energi', 'Energy'), t('Habis', 'Drained'), t('Penuh', 'Full')),
        single(
          'often',
          t('Seberapa sering', 'How often'),
          [
            option('never', t('Tidak pernah', 'Never')),
            option('some', t('Kadang', 'Sometimes')),
            option('daily', t('Harian', 'Daily')),
          ],
          false,
        ),
        multiple(
          'help',
          t('Bantuan', 'Help'),
          [option('a', t('A', 'A')), option('b', t('B', 'B')), option('c', t('C', 'C'))],
          {
            required: false,
          },
        ),
        freeText('say', t('Masukan', 'Comments')),
      ],
    },
  ],
};

/** A random agency: a tree of up to 40 units, profiles with and without attribute values, answers. */
function survey(seed: number) {
  const random = seeded(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const from = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const unitCount = int(2, 40);
  const units: SurveyUnit[] = Array.from({ length: unitCount }, (_, i) => ({
    id: `u${i}`,
    parentId: i === 0 ? null : `u${int(Math.max(0, i - 6), i - 1)}`,
    row: i > 0 || random() < 0.7,
  }));
  const profiles = new Map<string, Profile>();
  for (let i = 0; i < unitCount * 3; i++) {
    const p: Profile = {
      unitId: random() < 0.05 ? ANY : `u${int(0, unitCount - 1)}`,
      employmentType: from(['pns', 'pns', 'pppk', ANY]),
      ageBand: from(['20-39', '40+', ANY]),
      serviceBand: from(['0-9', '10+', ANY]),
    };
    profiles.set(JSON.stringify(p), p);
  }
  const members: { profile: Profile; members: number }[] = [];
  const responses: FakeResponse[] = [];
  for (const profile of profiles.values()) {
    const count = int(5, 14);
    members.push({ profile, members: count });
    // Some profiles answer in full, some not at all: full and empty cells both occur.
    const answering = random() < 0.15 ? count : random() < 0.1 ? 0 : int(0, count);
    const lean = int(1, 5);
    for (let r = 0; r < answering; r++) {
      const answers: FakeResponse['answers'] = {
        manage: random() < 0.6 ? lean : int(1, 5),
        overtime: int(1, 5),
        energy: random() < 0.5 ? 8 : int(0, 10),
      };
      if (random() < 0.9) answers.often = from(['never', 'some', 'daily']);
      if (random() < 0.7) answers.help = ['a', 'b', 'c'].filter(() => random() < 0.5);
      if (random() < 0.3) answers.say = 'Beban terlalu berat';
      if ((answers.help as string[] | undefined)?.length === 0) delete answers.help;
      responses.push({ profile, answers });
    }
  }
  return { units, members, responses, k: from([5, 5, 6, 10]) };
}

/** A random count table as the campaign reports build them: columns, bands, bounds, links, a seed. */
function table(seed: number): { table: CountTable; k: number; seed: Map<string, WithheldReason> } {
  const random = seeded(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const nodeCount = int(2, 30);
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    id: `n${String(i).padStart(2, '0')}`,
    parentId: i === 0 ? null : `n${String(int(0, i - 1)).padStart(2, '0')}`,
  }));
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const instruments = int(1, 3);
  const columns = ['participated'];
  const distributions: Distribution[] = [];
  const linked: Array<readonly [string, string]> = [];
  for (let i = 0; i < instruments; i++) {
    const bands = Array.from({ length: int(2, 5) }, (_, b) => `i${i}:b${b}`);
    columns.push(`i${i}`, ...bands);
    distributions.push({ total: `i${i}`, parts: bands });
  }
  if (instruments === 1) linked.push(['participated', 'i0']);
  // Own counts per node, then each node counts its subtree.
  const own = new Map<string, Map<string, number>>();
  const ownBound = new Map<string, number>();
  for (const n of nodes) {
    const invited = int(0, 12);
    ownBound.set(n.id, invited);
    const counts = new Map<string, number>();
    const took = random() < 0.2 ? invited : int(0, invited);
    counts.set('participated', took);
    for (let i = 0; i < instruments; i++) {
      const answered = instruments === 1 ? took : int(0, took);
      counts.set(`i${i}`, answered);
      const bands = (distributions[i] as Distribution).parts;
      const lean = int(0, bands.length - 1);
      const inBand = bands.map(() => 0);
      for (let r = 0; r < answered; r++) {
        const b = random() < 0.5 ? lean : int(0, bands.length - 1);
        inBand[b] = (inBand[b] as number) + 1;
      }
      bands.forEach((b, j) => counts.set(b, inBand[j] as number));
    }
    own.set(n.id, counts);
  }
  const counts = new Map<string, number>();
  const bounds = new Map<string, number>();
  const subtree = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(subtree)];
  const withBounds = random() < 0.7;
  for (const n of nodes) {
    const below = subtree(n.id);
    for (const c of columns) {
      // Now and then a cell is not published at all.
      if (random() < 0.03) continue;
      counts.set(
        cellKey(n.id, c),
        below.reduce((s, id) => s + (own.get(id)?.get(c) ?? 0), 0),
      );
      if (withBounds)
        bounds.set(
          cellKey(n.id, c),
          below.reduce((s, id) => s + (ownBound.get(id) ?? 0), 0),
        );
    }
  }
  const seedCells = new Map<string, WithheldReason>();
  for (const key of counts.keys()) if (random() < 0.04) seedCells.set(key, 'complementary');
  return {
    table: { nodes, columns, counts, distributions, bounds: withBounds ? bounds : undefined, linked },
    k: [5, 5, 6, 10][int(0, 3)] as number,
    seed: seedCells,
  };
}

/** Recorded from the engine as it stood before the array-index rewrite (same inputs, same seeds). */
const SURVEYS: Record<number, { closed: string; reopened: string }> = {
  1: { closed: '6163:b1840e887bd0dc30', reopened: '6019:52818274c8d54fe1' },
  2: { closed: '7040:12cd24c69f75c5c8', reopened: '7086:b9405087c3979e27' },
  3: { closed: '6927:6ad290a89ab241df', reopened: '6867:fde65798a4a3574b' },
  4: { closed: '8833:a32200f4d806ac89', reopened: '8668:24435e95092caa13' },
  5: { closed: '6274:ebc2f6dff5b11a51', reopened: '6265:600b2c3e716f5659' },
  6: { closed: '5151:689119b1ba80c767', reopened: '5139:eed6306f08c82f95' },
  7: { closed: '590:7061985e494d72bc', reopened: '535:29cafc5198c6e5f7' },
  8: { closed: '2071:025c45f2922ed6bc', reopened: '2109:5ae86bf15f64dee9' },
  9: { closed: '2200:ff1633137c31f277', reopened: '2186:849cc2de760cff12' },
  10: { closed: '4725:4596ac6018bcaced', reopened: '4711:976ec1608f9ecca2' },
  11: { closed: '4893:d6da3db7c5f6f1b7', reopened: '4854:35703ac370af600f' },
  12: { closed: '3104:fe725a9a3ba29b62', reopened: '3045:e358590577fdafe6' },
  13: { closed: '5735:dd218063e0e5a1a4', reopened: '5588:c3a1cd387e29d139' },
  14: { closed: '4527:7f3ba014b4dec077', reopened: '4511:5e9ee5b7d8acd53d' },
  15: { closed: '2793:36763e9eb33dceda', reopened: '2748:1a44db2ad4e950a0' },
  16: { closed: '6198:f157af6fb7f54a93', reopened: '6045:2da8caf1a615bb26' },
};
const TABLES: Record<number, { suppressed: string; timeDifferenced: string }> = {
  1: { suppressed: '66:b5609f15a37b6a1f', timeDifferenced: '61:f9ec1d716aff9e1d' },
  2: { suppressed: '60:31132c3961538f30', timeDifferenced: '63:7529cd49531f9cad' },
  3: { suppressed: '190:4da713e9b024268b', timeDifferenced: '191:a11baa39e21ccfd1' },
  4: { suppressed: '199:9c5ce2dd468c529c', timeDifferenced: '203:cfe78a6c87714e36' },
  5: { suppressed: '209:78a9abde0e22ec3e', timeDifferenced: '214:587cebf374a098d3' },
  6: { suppressed: '110:ba98516ed359f5d0', timeDifferenced: '116:9d7b5170b4a0b32e' },
  7: { suppressed: '29:b3dc7a934225eaed', timeDifferenced: '29:9ab2321bb3de24cb' },
  8: { suppressed: '65:b8fbfee46b7f9e80', timeDifferenced: '65:c6936ea5efa539cc' },
  9: { suppressed: '75:2f560b225ea8426e', timeDifferenced: '82:9c4adf9ed8d79064' },
  10: { suppressed: '89:1323b2885f4df3d9', timeDifferenced: '90:86f5619e8bb11dfb' },
  11: { suppressed: '61:1d9a62be037e7b6d', timeDifferenced: '76:d1d2c9b972433ab5' },
  12: { suppressed: '61:10fe1eb8f3830fb9', timeDifferenced: '63:9a763d589d282fa9' },
  13: { suppressed: '93:cf89f14cb6d209ac', timeDifferenced: '101:5e96f97f6428fe42' },
  14: { suppressed: '51:5a7613ccbbe05c23', timeDifferenced: '54:a32bea146ee186af' },
  15: { suppressed: '33:93f3ff2a7c9c644f', timeDifferenced: '33:c970f473fae5be26' },
  16: { suppressed: '275:b2695858b8cddd97', timeDifferenced: '280:b4a018c1da62b0db' },
  17: { suppressed: '166:54a0dc29e230a0ac', timeDifferenced: '177:6acf36dfdc7495e0' },
  18: { suppressed: '94:a52212210a34effc', timeDifferenced: '98:dd84c79de9dd3e83' },
  19: { suppressed: '40:eb96be431335e229', timeDifferenced: '43:6cd1b765ab8b14cf' },
  20: { suppressed: '396:76e2b36e852655ca', timeDifferenced: '399:98d05757e68696e5' },
  21: { suppressed: '78:a4dba51adc8ada9d', timeDifferenced: '78:64ec848c9a134154' },
  22: { suppressed: '243:e53ec4d1c18be81a', timeDifferenced: '248:786c529bc3b3a2c4' },
  23: { suppressed: '13:00f92eed467dce8f', timeDifferenced: '15:90809c40fdde2175' },
  24: { suppressed: '31:de8ac8c494cd55be', timeDifferenced: '35:9f971c83de47fba7' },
  25: { suppressed: '325:754f733e6300554b', timeDifferenced: '325:97f9097387e6d633' },
  26: { suppressed: '152:60fb852a7bc3cb11', timeDifferenced: '153:9761822bdd6e4c69' },
  27: { suppressed: '79:cbcdcf674e5a05eb', timeDifferenced: '84:721eb45e45b75962' },
  28: { suppressed: '76:49fcff9a2fae6582', timeDifferenced: '78:e7971765cfed492c' },
  29: { suppressed: '28:baf74b3e943151aa', timeDifferenced: '30:28018530688c666b' },
  30: { suppressed: '242:7db6171c5ddff0c7', timeDifferenced: '254:54e3543fcb9ab0a1' },
  31: { suppressed: '359:ff4a4aa1526b92c8', timeDifferenced: '367:7a4bc2136ceaeea6' },
  32: { suppressed: '155:3a4dee57e0a0ee7c', timeDifferenced: '158:df23962ba33bf275' },
  33: { suppressed: '53:16cf99a63c68774f', timeDifferenced: '56:a2e08d5b18a3d782' },
  34: { suppressed: '60:984ff8da780c2e33', timeDifferenced: '60:fd555311840c8078' },
  35: { suppressed: '30:6517e015de8afe04', timeDifferenced: '30:367f32eea8919962' },
  36: { suppressed: '88:50d686393891d0fb', timeDifferenced: '78:87c842162eb723d9' },
  37: { suppressed: '206:82c3cc9841b6848a', timeDifferenced: '204:07c344871df4326c' },
  38: { suppressed: '107:e927119c3db02141', timeDifferenced: '109:be6ada2be7d3036b' },
  39: { suppressed: '51:d1c0e5c971411e40', timeDifferenced: '49:cb7ff083ab390a2e' },
  40: { suppressed: '204:7448475c8ff80eb9', timeDifferenced: '206:eed4424806a014b2' },
};

describe('engine decisions, pinned by fingerprint', () => {
  it('decides seeded surveys, and their reopening with history, exactly as recorded', () => {
    const got: typeof SURVEYS = {};
    for (let seed = 1; seed <= 16; seed++) {
      const world = survey(seed);
      // First close: the earlier part of the responses; then reopened and closed with all of them.
      const early = world.responses.filter((_, i) => i % 3 !== 0);
      const first = suppressSurvey({
        ...resultsInput(definition, world.units, world.members, early),
        k: world.k,
      });
      const second = suppressSurvey({
        ...resultsInput(definition, world.units, world.members, world.responses),
        k: world.k,
        history: shownHistory(first),
      });
      got[seed] = { closed: fingerprint(first.withheld), reopened: fingerprint(second.withheld) };
    }
    expect(got).toEqual(SURVEYS);
    // Sixteen agencies of up to 40 units, each decided twice: seconds, not the default 5.
  }, 60_000);

  it('decides seeded count tables (bounds, links, seeds, time differencing) exactly as recorded', () => {
    const got: typeof TABLES = {};
    for (let seed = 1; seed <= 40; seed++) {
      const { table: tbl, k, seed: seedCells } = table(seed);
      const history: Record<string, number[]> = {};
      for (const [key, n] of tbl.counts) if (n % 4 === 1) history[key] = [n + 1 + (n % 3)];
      got[seed] = {
        suppressed: fingerprint(suppress(tbl, k, seedCells)),
        timeDifferenced: fingerprint(withholdRecentChanges(tbl, k, history).withheld),
      };
    }
    expect(got).toEqual(TABLES);
  });

  it('an audit asked again after cells changed answers as a fresh audit would (its deductions carry over)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { table: tbl, k, seed: seedCells } = table(seed);
      const reused = new DisclosureAudit(tbl);
      const asked: Array<{ reasons: Uint8Array; found: unknown }> = [];
      const findIndexed = reused.findIndexed.bind(reused);
      reused.findIndexed = (kk, reasons) => {
        const found = findIndexed(kk, reasons);
        asked.push({ reasons: reasons.slice(), found });
        return found;
      };
      // The rounds of one suppression (cells withheld a few at a time), then another from a
      // different seed (cells shown again): the states an audit is asked about in use.
      suppress(tbl, k, seedCells, reused);
      suppress(tbl, k, new Map(), reused);
      expect(asked.length).toBeGreaterThan(1);
      for (const { reasons, found } of asked) expect(found).toEqual(new DisclosureAudit(tbl).findIndexed(k, reasons));
    }
  });
});
