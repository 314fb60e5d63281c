// Scoring: the sample matrix, ranks, response needs, and a model's own matrix.
import { describe, expect, it } from 'vitest';
import type { Grade } from '../models/risk.js';
import { levelOf, rankOf, ranksAtOrAbove, riskMatrix, SAMPLE_MATRIX } from '../src/analysis/score.js';
import { baseWorld, loadWorld } from './helpers/rule-table.js';

const grades: Grade[] = [1, 2, 3, 4, 5];

describe('the sample risk matrix', () => {
  it('rises (or stays) with impact and with likelihood, and is symmetric', () => {
    for (const i of grades) {
      for (const l of grades) {
        const level = levelOf(SAMPLE_MATRIX, i, l);
        if (i > 1) expect(level).toBeGreaterThanOrEqual(levelOf(SAMPLE_MATRIX, (i - 1) as Grade, l));
        if (l > 1) expect(level).toBeGreaterThanOrEqual(levelOf(SAMPLE_MATRIX, i, (l - 1) as Grade));
        expect(level).toBe(levelOf(SAMPLE_MATRIX, l, i));
      }
    }
  });

  it('ranks the corners as the guideline would: 5x5 S, 1x1 D, a very unlikely disaster C', () => {
    expect(rankOf(levelOf(SAMPLE_MATRIX, 5, 5))).toBe('S');
    expect(rankOf(levelOf(SAMPLE_MATRIX, 5, 4))).toBe('S');
    expect(rankOf(levelOf(SAMPLE_MATRIX, 4, 4))).toBe('A');
    expect(rankOf(levelOf(SAMPLE_MATRIX, 3, 3))).toBe('B');
    expect(rankOf(levelOf(SAMPLE_MATRIX, 5, 1))).toBe('C');
    expect(rankOf(levelOf(SAMPLE_MATRIX, 1, 1))).toBe('D');
  });

  it('gives the sample criteria: S several measures, A one, B-C case by case, D none', () => {
    expect(Object.fromEntries(Object.entries(SAMPLE_MATRIX.ranks).map(([r, v]) => [r, v.need]))).toEqual({
      S: 'several', A: 'required', B: 'consider', C: 'consider', D: 'none',
    });
    expect(SAMPLE_MATRIX.ranks.S.criteria.ja).toBe('複数の対策による対応が必須');
  });

  it('lists ranks at or above one, for --min-rank and --fail-on', () => {
    expect(ranksAtOrAbove('S')).toEqual(['S']);
    expect(ranksAtOrAbove('B')).toEqual(['S', 'A', 'B']);
    expect(ranksAtOrAbove('D')).toEqual(['S', 'A', 'B', 'C', 'D']);
  });
});

describe('a model\'s own risk matrix', () => {
  it('replaces the levels and the criteria it gives, and keeps the sample elsewhere', () => {
    const w = baseWorld();
    w['risk-matrix'] = {
      levels: { 'impact-1': [1, 1, 2, 2, 3], 'impact-2': [1, 2, 2, 3, 3], 'impact-3': [2, 2, 3, 4, 4], 'impact-4': [2, 3, 4, 5, 5], 'impact-5': [3, 4, 5, 5, 5] },
      ranks: { B: { response: 'required', criteria: '当院ではBも対応を必須とする' } },
    };
    const model = loadWorld(w);
    const matrix = riskMatrix(model.riskMatrix);
    expect(levelOf(matrix, 4, 4)).toBe(5);
    expect(matrix.ranks.B).toEqual({ need: 'required', criteria: { ja: '当院ではBも対応を必須とする', en: '当院ではBも対応を必須とする' } });
    expect(matrix.ranks.S).toEqual(SAMPLE_MATRIX.ranks.S);
    expect(matrix.source?.start.line).toBeGreaterThan(0);
  });

  it('keeps the sample levels when only criteria are given', () => {
    const w = baseWorld();
    w['risk-matrix'] = { ranks: { D: { criteria: '記録のみ' } } };
    const matrix = riskMatrix(loadWorld(w).riskMatrix);
    expect(matrix.levels).toEqual(SAMPLE_MATRIX.levels);
    expect(matrix.ranks.D).toEqual({ need: 'none', criteria: { ja: '記録のみ', en: '記録のみ' } });
  });
});
