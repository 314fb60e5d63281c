// The analysis stages wired in order: walk -> facts -> rules -> scored risks. Pure: a model and the rules
// to run in, the walk, its facts and the scored risks out.
import type { Facts } from '../../models/facts.js';
import type { Model } from '../../models/model.js';
import type { Risk, RiskMatrix } from '../../models/risk.js';
import type { Rule } from '../../models/rule.js';
import type { Segment } from '../../models/segment.js';
import { assess } from './engine.js';
import { deriveFacts } from './facts.js';
import { riskMatrix } from './score.js';
import { walk } from './walk.js';

export interface Assessment {
  readonly segments: readonly Segment[];
  readonly facts: Facts;
  readonly risks: readonly Risk[];
  readonly matrix: RiskMatrix;
}

/** Walks every flow segment in every phase, derives the facts, and runs `rules` over the segments with the model's matrix. */
export function analyse(model: Model, rules: readonly Rule[]): Assessment {
  const segments = walk(model);
  const facts = deriveFacts(model, segments);
  const matrix = riskMatrix(model.riskMatrix);
  return { segments, facts, risks: assess({ model, segments, facts }, rules, matrix), matrix };
}
