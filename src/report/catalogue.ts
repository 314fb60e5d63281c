// The rule catalogue as `koseizu rules` shows it: every rule's metadata in the output language, and
// which of the guideline's eleven representative threats each instantiates. Pure.
import type { Rule } from '../../models/rule.js';
import { CIA, MEASURE_CATEGORIES, PHASES, SEGMENT_KINDS, THREATS, type Lang, type MeasureCategory, type Threat } from '../../models/vocabulary.js';

export interface RuleEntry {
  readonly id: string;
  readonly threat: Threat;
  readonly cia: Rule['cia'];
  readonly segments: Rule['segments'];
  readonly phases: Rule['phases'];
  /** "builtin", or the rule file and line of a user rule. */
  readonly origin: string;
  readonly words: {
    readonly threat: string;
    readonly title: string;
    readonly risk: string;
    readonly cia: string;
    readonly segments: string;
    readonly phases: string;
  };
  readonly countermeasures: Readonly<Record<MeasureCategory, readonly string[]>>;
  readonly references: readonly string[];
}

export interface RuleCatalogue {
  readonly lang: Lang;
  readonly rules: readonly RuleEntry[];
  /** For each representative threat, in the guideline's order, the rules that instantiate it. */
  readonly threats: readonly { readonly threat: Threat; readonly name: string; readonly rules: readonly string[] }[];
  readonly headings: Readonly<Record<'title' | 'id' | 'threat' | 'rule' | 'risk' | 'cia' | 'segments' | 'phases' | 'countermeasures' | 'references' | 'origin' | 'byThreat' | 'none' | MeasureCategory, string>>;
}

const HEADINGS = {
  ja: {
    title: '脅威ルールの一覧', id: 'ルールID', threat: '代表的な脅威', rule: 'ルール', risk: '想定されるリスク', cia: 'CIA', segments: '断面',
    phases: 'フェーズ', countermeasures: '求められる対策', references: 'ガイドライン参照', origin: '定義元', byThreat: '代表的な脅威ごとのルール',
    none: '（なし）', human: MEASURE_CATEGORIES.human.ja, physical: MEASURE_CATEGORIES.physical.ja, technical: MEASURE_CATEGORIES.technical.ja,
  },
  en: {
    title: 'Threat rules', id: 'Rule id', threat: 'Representative threat', rule: 'Rule', risk: 'Assumed risk', cia: 'CIA', segments: 'Segments',
    phases: 'Phases', countermeasures: 'Countermeasures asked for', references: 'Guideline references', origin: 'Defined in', byThreat: 'Rules per representative threat',
    none: '(none)', human: MEASURE_CATEGORIES.human.en, physical: MEASURE_CATEGORIES.physical.en, technical: MEASURE_CATEGORIES.technical.en,
  },
} as const;

export function ruleCatalogue(rules: readonly Rule[], lang: Lang): RuleCatalogue {
  const sep = lang === 'ja' ? '・' : ', ';
  const entries = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r): RuleEntry => ({
    id: r.id,
    threat: r.threat,
    cia: r.cia,
    segments: r.segments,
    phases: r.phases,
    origin: r.origin === 'builtin' ? 'builtin' : `${r.origin.file}:${r.origin.range.start.line}:${r.origin.range.start.col}`,
    words: {
      threat: THREATS[r.threat][lang],
      title: r.title[lang],
      risk: r.risk[lang],
      cia: r.cia.map((c) => (lang === 'ja' ? CIA[c].ja : c)).join(sep),
      segments: r.segments.map((s) => SEGMENT_KINDS[s][lang]).join(sep),
      phases: r.phases.map((p) => PHASES[p][lang]).join(sep),
    },
    countermeasures: {
      human: r.countermeasures.human.map((t) => t[lang]),
      physical: r.countermeasures.physical.map((t) => t[lang]),
      technical: r.countermeasures.technical.map((t) => t[lang]),
    },
    references: r.references.map((t) => t[lang]),
  }));
  return {
    lang,
    rules: entries,
    threats: (Object.keys(THREATS) as Threat[]).map((threat) => ({
      threat, name: THREATS[threat][lang], rules: entries.filter((e) => e.threat === threat).map((e) => e.id),
    })),
    headings: HEADINGS[lang],
  };
}
