// Scoring (リスク分析・評価, 5.2.1): impact x likelihood through a 5x5 matrix to a risk level 1..5, and the
// level to a rank S / A / B / C / D with the guideline's sample criteria (S: several measures required,
// A: a measure required, B-C: case by case, D: none). The guideline calls its matrix a sample, so a
// model's `risk-matrix:` may replace the levels and the criteria.
import type { RiskMatrixSpec } from '../../models/model.js';
import type { Grade, RiskMatrix } from '../../models/risk.js';
import { RANKS, RESPONSE_NEEDS, type Rank, type ResponseNeed } from '../../models/vocabulary.js';

/**
 * The sample matrix: rows impact 1..5, columns likelihood 1..5. Symmetric, rising with both; the three
 * cells at the top right (impact and likelihood 4-5, but not both 4) are S, and a risk of impact 5 that
 * is very unlikely still ranks C.
 */
export const SAMPLE_LEVELS: readonly (readonly Grade[])[] = Object.freeze([
  Object.freeze([1, 1, 1, 2, 2] as const),
  Object.freeze([1, 2, 2, 2, 3] as const),
  Object.freeze([1, 2, 3, 3, 4] as const),
  Object.freeze([2, 2, 3, 4, 5] as const),
  Object.freeze([2, 3, 4, 5, 5] as const),
]);

const SAMPLE_NEEDS: Readonly<Record<Rank, ResponseNeed>> = { S: 'several', A: 'required', B: 'consider', C: 'consider', D: 'none' };

export const SAMPLE_MATRIX: RiskMatrix = Object.freeze({
  levels: SAMPLE_LEVELS,
  ranks: Object.freeze(Object.fromEntries(RANKS.map((r) => [r, Object.freeze({ need: SAMPLE_NEEDS[r], criteria: RESPONSE_NEEDS[SAMPLE_NEEDS[r]] })])) as RiskMatrix['ranks']),
  source: null,
});

/** The model's matrix: its own levels and criteria where it gives them, the sample's elsewhere. */
export function riskMatrix(spec: RiskMatrixSpec | null): RiskMatrix {
  if (!spec) return SAMPLE_MATRIX;
  const ranks = Object.fromEntries(RANKS.map((r) => {
    const own = spec.ranks[r];
    const need = own?.need ?? SAMPLE_NEEDS[r];
    const criteria = own?.criteria ? { ja: own.criteria, en: own.criteria } : RESPONSE_NEEDS[need];
    return [r, { need, criteria }];
  })) as RiskMatrix['ranks'];
  return { levels: (spec.levels as readonly (readonly Grade[])[] | null) ?? SAMPLE_LEVELS, ranks, source: spec.source };
}

export function clampGrade(value: number): Grade {
  return Math.min(5, Math.max(1, Math.round(value))) as Grade;
}

export function levelOf(matrix: RiskMatrix, impact: Grade, likelihood: Grade): Grade {
  return matrix.levels[impact - 1]?.[likelihood - 1] ?? clampGrade((impact + likelihood) / 2);
}

/** Level 5 is S, 4 A, 3 B, 2 C, 1 D. */
export function rankOf(level: Grade): Rank {
  return RANKS[5 - level] as Rank;
}

/** Ranks from `rank` up to S, for filters such as --min-rank and --fail-on. */
export function ranksAtOrAbove(rank: Rank): readonly Rank[] {
  return RANKS.slice(0, RANKS.indexOf(rank) + 1);
}
