import { cellKey, type CountTable, type WithheldReason } from './count-table.js';
import { indexOf, type IndexedTable } from './indexed-table.js';

/**
 * What a careful reader can work out exactly from the shown cells (docs/privacy.md A4/A5 applied to a
 * two-way table). The remainder rules look at one relation at a time; a reader combines them: a
 * band count withheld to protect its row may be the only unknown left in its column, once the
 * shown respondent counts prove that the parent unit has no direct members. This audit follows
 * those chains the way an attacker would:
 *
 *   every node, per column:  count(node) = own(node) + Σ count(child)
 *   every distribution row:  total = Σ parts (+ results without a band: none on complete forms)
 *   every unit's own group:  own total = Σ own parts
 *
 * with 0 ≤ every term ≤ its public bound (the invited count), and narrows every term's range
 * through every equation until nothing moves (bounds propagation): one unknown left, a remainder
 * of 0, units where everyone took part, "a withheld parent holds at least its shown child".
 *
 * It is propagation, not a full linear-programming audit; the exhaustive property test in
 * disclosure-audit.test.ts checks the whole pipeline against every possible table on small trees.
 */

export interface Disclosure {
  /** The cell (node, column) or own group ('own:' prefix) whose small count can be worked out. */
  term: string;
  value: number;
  /**
   * 'small': the term is a count of 1..k−1 known exactly (A1/A4/A5). 'homogeneous': the term is
   * a band known to hold all of its group, or all but fewer than k of it (A13); value is then
   * the least the band is known to hold.
   */
  kind?: 'small' | 'homogeneous';
  /** A shown cell whose withholding breaks the chain (null when public facts alone reveal it). */
  breakWith: string | null;
}

/** A disclosure found by findIndexed(): also the index of its breaking cell (indexed-table.ts). */
export interface IndexedDisclosure extends Disclosure {
  kind: 'small' | 'homogeneous';
  breakAt: number | null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The attacker's equations of one table, built once and reused while suppression grows. Terms
 * are numbered and equations kept in flat arrays, so tables of a few thousand units stay fast;
 * a term's name is only spelt out for a disclosure.
 */
export class DisclosureAudit {
  /** Per term: what it is (a shown-able cell, a unit's own group, or results without a band). */
  private readonly kind: Array<'cell' | 'own' | 'unbanded'> = [];
  private readonly nodeOf: number[] = [];
  private readonly columnOf: number[] = [];
  /** The table's cell index of a 'cell' term (indexed-table.ts), −1 for the others. */
  private readonly cellOf: number[] = [];
  /** Cell keys, spelt out on first use (only disclosures and ties between them need one). */
  private readonly cellKeys: Array<string | undefined> = [];
  private readonly truth: number[] = [];
  /** Public upper bound of each term (the invited count), NaN when none. */
  private readonly upper: number[] = [];
  /** Equation e: total eqTotal[e], terms eqTerms[eqStart[e] .. eqStart[e+1]). */
  private readonly eqTotal: number[] = [];
  private readonly eqStart: number[] = [0];
  private readonly eqTerms: number[] = [];
  /** The distribution equations (a group's total and its bands), for the homogeneity check (A13). */
  private readonly distributionEqs: Array<{ total: number; parts: number[]; unbanded: number }> = [];
  private readonly nodeIds: readonly string[];
  private readonly columns: readonly string[];
  /** The equations in flat arrays for deduce(), built on its first run. */
  private csr: ReturnType<DisclosureAudit['flatten']> | undefined;
  /** The last question asked of find and its answer: the same shown cells give the same answer. */
  private last: { k: number; shown: Uint8Array; found: IndexedDisclosure[] } | null = null;

  /** Per column: whether its cells are broken only when a chain has no other shown cell. */
  private readonly keepColumn: Uint8Array;

  /**
   * `options.keep` names the columns a reader needs most (a survey's unfiltered figures, which
   * every breakdown refines): a chain is broken at one of their cells only when it has no other
   * shown cell, so an equation with a withheld breakdown costs the breakdown, not the total.
   * The table may come indexed already (a survey's parts are cut straight from flat arrays).
   */
  constructor(table: CountTable | IndexedTable, options: { keep?: (column: string) => boolean } = {}) {
    const t = 'nodeIds' in table ? table : indexOf(table);
    const width = t.width;
    const ruleColumns = t.ruleColumns;
    this.keepColumn = Uint8Array.from(t.columns, (c) => (options.keep?.(c) ? 1 : 0));
    this.nodeIds = t.nodeIds;
    this.columns = t.columns;
    const nodes = t.nodeIds.length;
    /** The term of (node, column) as a cell, and as that unit's own group. */
    const cellTerm = new Int32Array(nodes * width).fill(-1);
    const ownTermOf = new Int32Array(nodes * width).fill(-1);
    for (let n = 0; n < nodes; n++)
      for (let c = 0; c < ruleColumns; c++) {
        const i = n * width + c;
        const count = t.counts[i] as number;
        if (count === count)
          cellTerm[i] = this.term('cell', n, c, count, t.bounds ? (t.bounds[i] as number) : Number.NaN, i);
      }
    for (let c = 0; c < ruleColumns; c++) {
      for (let n = 0; n < nodes; n++) {
        const total = cellTerm[n * width + c] as number;
        if (total < 0) continue;
        const children: number[] = [];
        for (let j = t.childStart[n] as number; j < (t.childStart[n + 1] as number); j++) {
          const id = cellTerm[(t.childList[j] as number) * width + c] as number;
          if (id >= 0) children.push(id);
        }
        let ownValue = this.truth[total] as number;
        let ownBound = this.upper[total] as number;
        for (const id of children) {
          ownValue -= this.truth[id] as number;
          ownBound -= this.upper[id] as number;
        }
        const own = this.term('own', n, c, ownValue, ownBound, -1);
        ownTermOf[n * width + c] = own;
        this.equation(total, [own, ...children]);
      }
    }
    for (const d of t.distributions) {
      // Only distributions over the table's own columns take part, as in a table's columns.
      if (d.total >= ruleColumns) continue;
      const partColumns = [...d.parts].filter((c) => c < ruleColumns);
      for (let n = 0; n < nodes; n++) {
        for (const termOf of [cellTerm, ownTermOf]) {
          const total = termOf[n * width + d.total] as number;
          if (total < 0) continue;
          const parts = partColumns.map((c) => termOf[n * width + c] as number).filter((id) => id >= 0);
          const unbanded =
            (this.truth[total] as number) - parts.reduce((sum, id) => sum + (this.truth[id] as number), 0);
          const unbandedTerm = this.term('unbanded', n, d.total, unbanded, Number.NaN, -1);
          this.equation(total, [...parts, unbandedTerm]);
          if (!d.breakdown) this.distributionEqs.push({ total, parts, unbanded: unbandedTerm });
        }
      }
    }
  }

  private term(
    kind: 'cell' | 'own' | 'unbanded',
    node: number,
    column: number,
    value: number,
    bound: number,
    cell: number,
  ): number {
    const id = this.kind.length;
    this.kind.push(kind);
    this.nodeOf.push(node);
    this.columnOf.push(column);
    this.cellOf.push(cell);
    this.cellKeys.push(undefined);
    this.truth.push(value);
    this.upper.push(bound);
    return id;
  }

  /** The cell key of a term's (node, column). */
  private keyOf(t: number): string {
    let key = this.cellKeys[t];
    if (key === undefined) {
      key = cellKey(
        this.nodeIds[this.nodeOf[t] as number] as string,
        this.columns[this.columnOf[t] as number] as string,
      );
      this.cellKeys[t] = key;
    }
    return key;
  }

  /** The cell key, or 'own:'/'unbanded:' + the cell key, of a term. */
  private nameOf(t: number): string {
    const key = this.keyOf(t);
    return this.kind[t] === 'cell' ? key : `${this.kind[t]}:${key}`;
  }

  private equation(total: number, terms: number[]): void {
    this.eqTotal.push(total);
    for (const t of terms) this.eqTerms.push(t);
    this.eqStart.push(this.eqTerms.length);
  }

  /**
   * Runs the attacker's deductions over the shown cells and returns every count between 1 and
   * k−1 that they reveal although it is not shown, each with a shown cell that breaks its chain.
   *
   * Deduction is bounds propagation: every term lives in [lo, hi] (a shown cell in [n, n], any
   * other in [0, invited]); each equation total = Σ terms tightens the total to [Σ lo, Σ hi] and
   * each term to [lo(total) − Σ hi(others), hi(total) − Σ lo(others)], until nothing moves. A
   * term whose lo meets its hi is known. This covers "one unknown left", "the rest is 0", "full
   * units" and chains through inequalities (a withheld parent is at least its shown child).
   */
  find(k: number, withheld: ReadonlyMap<string, WithheldReason>): Disclosure[] {
    const shown = new Uint8Array(this.kind.length);
    for (let t = 0; t < shown.length; t++) if (this.kind[t] === 'cell' && !withheld.has(this.keyOf(t))) shown[t] = 1;
    return this.deduce(k, shown).map(({ term, value, kind, breakWith }) => ({ term, value, kind, breakWith }));
  }

  /**
   * find() for the indexed rules (suppression-rules.ts): `reasons` per cell of the indexed table,
   * 0 while shown; each disclosure also names its breaking cell by index. Asked again with the
   * same shown cells (the fail-closed check after the last round), it answers from memory.
   */
  findIndexed(k: number, reasons: Uint8Array): IndexedDisclosure[] {
    const shown = new Uint8Array(this.kind.length);
    for (let t = 0; t < shown.length; t++) {
      const i = this.cellOf[t] as number;
      if (i >= 0 && reasons[i] === 0) shown[t] = 1;
    }
    const last = this.last;
    if (last !== null && last.k === k && sameBytes(last.shown, shown)) return last.found;
    const found = this.deduce(k, shown);
    this.last = { k, shown, found };
    return found;
  }

  /** The equations and each term's equations as flat arrays, once the table's are all built. */
  private flatten() {
    // The equations each term appears in, in the order the equations were made.
    const eqTotal = Int32Array.from(this.eqTotal);
    const eqStart = Int32Array.from(this.eqStart);
    const eqTerms = Int32Array.from(this.eqTerms);
    const inStart = new Int32Array(this.kind.length + 1);
    const bump = (t: number) => (inStart[t + 1] = (inStart[t + 1] as number) + 1);
    eqTotal.forEach(bump);
    eqTerms.forEach(bump);
    for (let t = 0; t < this.kind.length; t++) inStart[t + 1] = (inStart[t + 1] as number) + (inStart[t] as number);
    const filled = inStart.slice(0, this.kind.length);
    const inList = new Int32Array(inStart[this.kind.length] as number);
    const place = (t: number, e: number) => {
      const at = filled[t] as number;
      inList[at] = e;
      filled[t] = at + 1;
    };
    for (let e = 0; e < eqTotal.length; e++) {
      place(eqTotal[e] as number, e);
      for (let i = eqStart[e] as number; i < (eqStart[e + 1] as number); i++) place(eqTerms[i] as number, e);
    }
    // Where every deduction starts a term that is not shown: [0, its public bound]. Campaign forms
    // are complete, so "no band" is publicly zero: [0, 0]; a result stored without a band (if any)
    // is an unknown the reader cannot see. A shown cell starts at its true value instead.
    const startHi = Float64Array.from(this.upper, (bound, t) =>
      this.kind[t] === 'unbanded' && this.truth[t] === 0 ? 0 : Number.isNaN(bound) ? Number.POSITIVE_INFINITY : bound,
    );
    return { eqTotal, eqStart, eqTerms, inStart, inList, truth: Float64Array.from(this.truth), startHi };
  }

  /** The equations term `t` appears in. */
  private equationsOf(t: number): number[] {
    const { inStart, inList } = (this.csr ??= this.flatten());
    return Array.from(inList.subarray(inStart[t], inStart[t + 1]));
  }

  private deduce(k: number, shown: Uint8Array): IndexedDisclosure[] {
    const count = this.kind.length;
    const { eqTotal, eqStart, eqTerms, inStart, inList, truth, startHi } = (this.csr ??= this.flatten());
    const lo = new Float64Array(count);
    const hi = startHi.slice();
    /** The last equation that tightened each term, or −1: the way back to a shown cell. */
    const tightenedBy = new Int32Array(count).fill(-1);
    for (let t = 0; t < count; t++) if (shown[t] === 1) lo[t] = hi[t] = truth[t] as number;

    const equations = this.eqTotal.length;
    const queued = new Uint8Array(equations).fill(1);
    const queue: number[] = [];
    for (let e = equations - 1; e >= 0; e--) queue.push(e);
    const tighten = (t: number, newLo: number, newHi: number, e: number) => {
      let moved = false;
      if (newLo > (lo[t] as number)) {
        lo[t] = newLo;
        moved = true;
      }
      if (newHi < (hi[t] as number)) {
        hi[t] = newHi;
        moved = true;
      }
      if (!moved) return;
      tightenedBy[t] = e;
      for (let j = inStart[t] as number; j < (inStart[t + 1] as number); j++) {
        const other = inList[j] as number;
        if (other !== e && !queued[other]) {
          queued[other] = 1;
          queue.push(other);
        }
      }
    };
    while (queue.length > 0) {
      const e = queue.pop() as number;
      queued[e] = 0;
      const first = eqStart[e] as number;
      const last = eqStart[e + 1] as number;
      const total = eqTotal[e] as number;
      let sumLo = 0;
      // Upper bounds summed apart from the unbounded terms: one term's own unboundedness says
      // nothing about the others (a single unknown with no public bound is still pinned).
      let finiteHi = 0;
      let unbounded = 0;
      for (let i = first; i < last; i++) {
        const t = eqTerms[i] as number;
        sumLo += lo[t] as number;
        if (Number.isFinite(hi[t] as number)) finiteHi += hi[t] as number;
        else unbounded += 1;
      }
      tighten(total, sumLo, unbounded > 0 ? Number.POSITIVE_INFINITY : finiteHi, e);
      for (let i = first; i < last; i++) {
        const t = eqTerms[i] as number;
        const own = hi[t] as number;
        const othersUnbounded = unbounded - (Number.isFinite(own) ? 0 : 1);
        const othersHi = othersUnbounded > 0 ? Number.POSITIVE_INFINITY : finiteHi - (Number.isFinite(own) ? own : 0);
        const othersLo = sumLo - (lo[t] as number);
        const newLo = Number.isFinite(othersHi) ? (lo[total] as number) - othersHi : 0;
        const newHi = Number.isFinite(hi[total] as number)
          ? (hi[total] as number) - othersLo
          : Number.POSITIVE_INFINITY;
        tighten(t, newLo, newHi, e);
      }
    }

    const disclosures: IndexedDisclosure[] = [];
    const disclosed = (term: number, value: number, kind: 'small' | 'homogeneous', breaker: number | null) =>
      disclosures.push({
        term: this.nameOf(term),
        value,
        kind,
        breakWith: breaker === null ? null : this.keyOf(breaker),
        breakAt: breaker === null ? null : (this.cellOf[breaker] as number),
      });
    for (let t = 0; t < count; t++) {
      if (shown[t] || lo[t] !== hi[t] || this.kind[t] === 'unbanded') continue;
      const n = lo[t] as number;
      if (n <= 0 || n >= k) continue;
      // The way back through the last tightening can run only through withheld terms in a
      // table of many relations (a survey's); any shown cell connected to the term is then a
      // candidate, and the next round tries another if that one did not break the chain.
      disclosed(t, n, 'small', this.chainBreaker(t, tightenedBy, shown) ?? this.nearestShown(t, shown));
    }
    // A13 — homogeneity: a group (a unit, or a unit's own members) one of whose bands holds at
    // least lo(band) ≥ 1 people tells every member's band to anyone who knows they took part,
    // when fewer than k of the group can be anywhere else: at most hi(total) − lo(band), and at
    // most the sum of what every other band (and "no band") can hold.
    for (const { total, parts, unbanded } of this.distributionEqs) {
      for (const p of parts) {
        const least = lo[p] as number;
        if (least < 1) continue;
        let elsewhere = (hi[total] as number) - least;
        let othersHi = hi[unbanded] as number;
        for (const q of parts) if (q !== p) othersHi += hi[q] as number;
        elsewhere = Math.min(elsewhere, othersHi);
        if (!(elsewhere < k)) continue;
        const breaker = shown[p] ? p : (this.chainBreaker(p, tightenedBy, shown) ?? this.nearestShown(p, shown));
        disclosed(p, least, 'homogeneous', breaker);
      }
    }
    return disclosures;
  }

  /** Any shown cell connected to term `t` through the equations (breadth first), or null. */
  private nearestShown(t: number, shown: Uint8Array): number | null {
    const seen = new Set<number>([t]);
    const queue = [t];
    while (queue.length > 0) {
      const term = queue.shift() as number;
      for (const e of this.equationsOf(term)) {
        for (const x of [this.eqTotal[e] as number, ...this.eqTerms.slice(this.eqStart[e], this.eqStart[e + 1])]) {
          if (seen.has(x)) continue;
          if (shown[x]) return x;
          seen.add(x);
          queue.push(x);
        }
      }
    }
    return null;
  }

  /**
   * A shown cell in the chain that pinned term `t`: the smallest shown cell of the nearest
   * equation on the way back, else of any equation the term is in — a cell of a kept column
   * (constructor) only when the whole way back offers no other.
   */
  private chainBreaker(t: number, tightenedBy: Int32Array, shown: Uint8Array): number | null {
    const termsOf = (e: number) => [
      this.eqTotal[e] as number,
      ...this.eqTerms.slice(this.eqStart[e], this.eqStart[e + 1]),
    ];
    const kept = (x: number) => this.kind[x] === 'cell' && this.keepColumn[this.columnOf[x] as number] === 1;
    const smallestShown = (terms: number[]) =>
      terms
        .filter((x) => shown[x])
        .sort(
          (a, b) =>
            Number(kept(a)) - Number(kept(b)) ||
            (this.truth[a] as number) - (this.truth[b] as number) ||
            (this.keyOf(a) < this.keyOf(b) ? -1 : 1),
        )[0];
    let fallback: number | undefined;
    const visited = new Set<number>();
    const stack = [t];
    while (stack.length > 0) {
      const term = stack.pop() as number;
      if (visited.has(term)) continue;
      visited.add(term);
      const e = tightenedBy[term] as number;
      if (e < 0) continue;
      const others = termsOf(e).filter((x) => x !== term);
      const best = smallestShown(others);
      if (best !== undefined && !kept(best)) return best;
      fallback ??= best;
      for (const x of others.reverse()) stack.push(x);
    }
    const best = smallestShown(this.equationsOf(t).flatMap(termsOf));
    const chosen = best !== undefined && !kept(best) ? best : (fallback ?? best);
    return chosen ?? null;
  }
}

/** One-off audit of a table (see DisclosureAudit). */
export function findDisclosures(
  table: CountTable,
  k: number,
  withheld: ReadonlyMap<string, WithheldReason>,
): Disclosure[] {
  return new DisclosureAudit(table).find(k, withheld);
}
