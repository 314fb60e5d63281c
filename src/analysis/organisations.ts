// Who an operator is: a word of the vocabulary (institution, provider, third-party, patient, staff) is
// itself, a party is of its kind. The facts stage and the responsibility of each risk read it.
import type { Model, Operator } from '../../models/model.js';
import type { OperatorKind } from '../../models/vocabulary.js';

export function organisationKind(operator: Operator, model: Pick<Model, 'parties'>): OperatorKind {
  const party = model.parties.find((p) => p.id === operator);
  if (party) return party.kind;
  return operator === 'institution' || operator === 'provider' || operator === 'patient' || operator === 'staff' ? operator : 'third-party';
}
