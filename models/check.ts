// The CI gate (koseizu check) as data and as renderers see it: which risks are left without a response at
// or above a rank, where in the model each one is written, and which responses answer nothing. Built by
// src/analysis/gate.ts (the data) and src/report/check.ts (the words); formatted by renderers.
import type { Response } from './model.js';
import type { Risk } from './risk.js';
import type { SourceRange } from './source.js';
import type { Lang, Rank } from './vocabulary.js';

export interface LocatedRisk {
  readonly risk: Risk;
  /** Where the risk is about: the element after "@" in its id, or the flow (or medium) its segment cuts. */
  readonly primary: SourceRange;
  /** The other elements the risk involves, in id order. */
  readonly related: readonly { readonly id: string; readonly range: SourceRange }[];
}

export interface CheckResult {
  /** Unanswered risks at or above the threshold (or, without one, those whose rank needs a response), rank then id. */
  readonly failing: readonly LocatedRisk[];
  /** Every unanswered risk that needs a response or sits at or above the threshold: what SARIF reports. */
  readonly unanswered: readonly LocatedRisk[];
  readonly orphaned: readonly Response[];
  /** The threshold: a rank, or null for "whatever the rank criteria say needs a response". */
  readonly failOn: Rank | null;
  /** Orphaned responses fail the check too (--strict). */
  readonly strict: boolean;
  /** Whether the check fails: a failing risk, or with `strict` an orphaned response. */
  readonly failed: boolean;
}

/** An unanswered risk, located, in words. */
export interface CheckedRisk extends LocatedRisk {
  /** It fails the check (it is at or above the threshold), rather than only needing a response. */
  readonly fails: boolean;
  readonly title: string;
  readonly message: string;
}

/** A rule named by a result, in words, for SARIF's rule metadata. */
export interface CheckedRule {
  readonly id: string;
  readonly title: string;
  readonly risk: string;
  /** Its countermeasures, one line per category. */
  readonly help: string;
  readonly threat: string;
}

export interface CheckView {
  readonly lang: Lang;
  readonly strict: boolean;
  readonly failing: readonly CheckedRisk[];
  readonly unanswered: readonly CheckedRisk[];
  readonly orphaned: readonly {
    readonly pattern: string;
    readonly source: SourceRange;
    /** The line `koseizu check` prints, and the SARIF result's message. */
    readonly line: string;
    readonly message: string;
  }[];
  /** The rules the unanswered risks name, sorted by id. */
  readonly rules: readonly CheckedRule[];
  /** "未対応のリスク（ランク A 以上）3 件、孤立した対応 0 件". */
  readonly summary: string;
  /** SARIF's rule for orphaned responses. */
  readonly orphanedRule: { readonly title: string; readonly description: string; readonly help: string };
}
