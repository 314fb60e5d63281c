// The rule catalogue as `koseizu rules` shows it (and docs/catalogue.md): every rule's metadata in the output
// language, and which of the guideline's eleven representative threats each instantiates. Built by
// src/report/catalogue.ts; formatted by renderers.
import type { RuleMeta } from './rule.js';
import type { Form, Lang, MeasureCategory, Threat } from './vocabulary.js';

export interface RuleEntry {
  readonly id: string;
  readonly threat: Threat;
  readonly cia: RuleMeta['cia'];
  readonly segments: RuleMeta['segments'];
  readonly phases: RuleMeta['phases'];
  /** The provision forms it applies to (all three unless the rule says otherwise). */
  readonly forms: readonly Form[];
  /** "builtin", or the rule file and line of a user rule. */
  readonly origin: string;
  readonly words: {
    readonly threat: string;
    readonly title: string;
    readonly risk: string;
    readonly cia: string;
    readonly segments: string;
    readonly phases: string;
    readonly forms: string;
  };
  readonly countermeasures: Readonly<Record<MeasureCategory, readonly string[]>>;
  readonly references: readonly string[];
}

export interface RuleCatalogue {
  readonly lang: Lang;
  readonly rules: readonly RuleEntry[];
  /** For each representative threat, in the guideline's order, the rules that instantiate it. */
  readonly threats: readonly { readonly threat: Threat; readonly name: string; readonly rules: readonly string[] }[];
  readonly headings: Readonly<Record<'title' | 'id' | 'threat' | 'rule' | 'risk' | 'cia' | 'segments' | 'phases' | 'forms' | 'countermeasures' | 'references' | 'origin' | 'byThreat' | 'none' | MeasureCategory, string>>;
}

