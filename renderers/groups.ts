// The risk assessment list in groups, for the documents a person reads (HTML, Markdown): the rows of one rule
// and one rank follow each other in the list (rank, then id, and an id starts with its rule), and they share
// the rule's title, threat, countermeasures and references, and often the reasons for their grades. A group
// states those once; each row keeps what is its own. Reads the view only; tools read the JSON, which keeps
// every row whole.
import type { ThreatRow } from '../models/threats.js';

export type ReasonKind = 'impact' | 'likelihood' | 'who';

export interface ThreatGroup {
  /** The first row: the group's rank, rule, title, threat, CIA, countermeasures and references are its. */
  readonly first: ThreatRow;
  readonly rows: readonly ThreatRow[];
  /**
   * The reasons most rows of the group share (at least two of them), stated once for the group; null when
   * no two rows share them. A row whose reasons are these says so instead of repeating them.
   */
  readonly common: Readonly<Record<ReasonKind, readonly string[] | null>>;
}

const KINDS: readonly ReasonKind[] = ['impact', 'likelihood', 'who'];

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The reasons of `kind` shared by the most rows (at least two; the first such in list order on a tie). */
function mostShared(rows: readonly ThreatRow[], kind: ReasonKind): readonly string[] | null {
  const counts = new Map<string, { lines: readonly string[]; n: number }>();
  let best: { lines: readonly string[]; n: number } | null = null;
  for (const r of rows) {
    const lines = r.reasons[kind];
    if (lines.length === 0) continue;
    const key = lines.join('\u0000');
    const entry = counts.get(key) ?? { lines, n: 0 };
    entry.n++;
    counts.set(key, entry);
    if (entry.n >= 2 && (best === null || entry.n > best.n)) best = entry;
  }
  return best?.lines ?? null;
}

/** The list's rows in runs of one rank and one rule, in list order. */
export function threatGroups(rows: readonly ThreatRow[]): ThreatGroup[] {
  const groups: ThreatGroup[] = [];
  let run: ThreatRow[] = [];
  const close = (): void => {
    const first = run[0];
    if (first === undefined) return;
    const common = Object.fromEntries(KINDS.map((k) => [k, mostShared(run, k)])) as Record<ReasonKind, readonly string[] | null>;
    groups.push({ first, rows: run, common });
    run = [];
  };
  for (const r of rows) {
    const first = run[0];
    if (first !== undefined && (first.rule !== r.rule || first.rank !== r.rank)) close();
    run.push(r);
  }
  close();
  return groups;
}

/** Whether the row's reasons of `kind` are the group's common ones (and so are not repeated for it). */
export function asCommon(group: ThreatGroup, row: ThreatRow, kind: ReasonKind): boolean {
  const common = group.common[kind];
  return common !== null && same(common, row.reasons[kind]);
}
