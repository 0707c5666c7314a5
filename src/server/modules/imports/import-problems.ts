import type { RowProblem } from './import-table.js';

/** The problems of an import, and which rows they make invalid. */
export class ProblemList {
  private readonly items: RowProblem[] = [];
  private readonly invalid = new Set<number>();

  /** @param columnOrder canonical columns in the order a report lists them within a row */
  constructor(private readonly columnOrder: readonly string[]) {}

  /** Records a problem; its row becomes invalid. */
  add(problem: RowProblem): void {
    this.items.push(
      problem.params === undefined ? { index: problem.index, column: problem.column, key: problem.key } : problem,
    );
    this.invalid.add(problem.index);
  }

  /** Whether the row has any problem. */
  isInvalid(index: number): boolean {
    return this.invalid.has(index);
  }

  /**
   * Marks every row that depends (directly or through others) on an invalid row as invalid too,
   * naming the row it depends on. `dependents` maps a row to the rows that need it.
   */
  propagate(dependents: Map<number, number[]>, column: string, rowNumberOf: (index: number) => number): void {
    const queue = [...this.invalid].filter((i) => dependents.has(i));
    while (queue.length > 0) {
      const index = queue.pop() as number;
      for (const dependent of dependents.get(index) ?? []) {
        if (this.invalid.has(dependent)) continue;
        this.add({ index: dependent, column, key: 'import.depends_on_row', params: { row: rowNumberOf(index) } });
        queue.push(dependent);
      }
    }
  }

  /** Problems by row, then by column in the order of the file's template. */
  sorted(): RowProblem[] {
    const rank = (column: string) => this.columnOrder.indexOf(column);
    return [...this.items].sort((a, b) => a.index - b.index || rank(a.column) - rank(b.column));
  }
}
