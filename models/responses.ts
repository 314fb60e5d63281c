// Risk responses applied (リスク対応, 5.2.2-5.2.3): which response answers each risk, the residual risk
// re-scored, the responses that answer nothing (orphaned), and the risks that need an answer and have
// none (open). Built by src/analysis/responses.ts from scored risks and the model's `responses:`.
import type { Diagnostic } from './diagnostic.js';
import type { Response } from './model.js';
import type { Grade, Risk } from './risk.js';
import type { Rank } from './vocabulary.js';

/** A risk with the response that answers it. */
export interface AnsweredRisk {
  readonly risk: Risk;
  readonly response: Response;
  /** The response's position among the model's responses, for reports that cite it. */
  readonly responseIndex: number;
  /** The residual risk re-scored through the matrix, or null when the response gives no residual grades. */
  readonly residual: { readonly impact: Grade; readonly likelihood: Grade; readonly level: Grade; readonly rank: Rank } | null;
  /**
   * Whether the response meets the rank criteria: an S risk needs several measures (the sample criteria),
   * so reducing it with one, or accepting it, is an answer that does not suffice.
   */
  readonly sufficient: boolean;
}

export interface ResponseAssessment {
  /** Every risk that a response answers, in risk order (rank, then id). */
  readonly answered: readonly AnsweredRisk[];
  /** Risks whose rank needs a response (S, A under the sample criteria) that no response answers, or answers insufficiently. */
  readonly open: readonly Risk[];
  /** Responses that match no risk: kept and reported, never dropped. */
  readonly orphaned: readonly Response[];
  /** Warnings about responses (orphaned, an S risk answered by a single measure, ...), with their positions. */
  readonly diagnostics: readonly Diagnostic[];
}
