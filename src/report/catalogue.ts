// The rule catalogue as `koseizu rules` shows it: every rule's metadata in the output language, and
// which of the guideline's eleven representative threats each instantiates. Pure.
import type { RuleCatalogue, RuleEntry } from '../../models/catalogue.js';
import type { Rule } from '../../models/rule.js';
import { CIA, FORMS, MEASURE_CATEGORIES, PHASES, SEGMENT_KINDS, THREATS, type CiaProperty, type Form, type Lang, type Threat } from '../../models/vocabulary.js';

const HEADINGS = {
  ja: {
    title: '脅威ルールの一覧', id: 'ルールID', threat: '代表的な脅威', rule: 'ルール', risk: '想定されるリスク', cia: 'CIA', segments: '断面',
    phases: 'フェーズ', forms: '提供形態', countermeasures: '求められる対策', references: 'ガイドライン参照', origin: '定義元', byThreat: '代表的な脅威ごとのルール',
    none: '（なし）', human: MEASURE_CATEGORIES.human.ja, physical: MEASURE_CATEGORIES.physical.ja, technical: MEASURE_CATEGORIES.technical.ja,
  },
  en: {
    title: 'Threat rules', id: 'Rule id', threat: 'Representative threat', rule: 'Rule', risk: 'Assumed risk', cia: 'CIA', segments: 'Segments',
    phases: 'Phases', forms: 'Forms', countermeasures: 'Countermeasures asked for', references: 'Guideline references', origin: 'Defined in', byThreat: 'Rules per representative threat',
    none: '(none)', human: MEASURE_CATEGORIES.human.en, physical: MEASURE_CATEGORIES.physical.en, technical: MEASURE_CATEGORIES.technical.en,
  },
} as const;

/** How the catalogue lists short words: the separator, and a property at stake (機密性 in Japanese, C in English). */
const LIST = {
  ja: { sep: '・', cia: (c: CiaProperty) => CIA[c].ja },
  en: { sep: ', ', cia: (c: CiaProperty) => c },
} as const satisfies Readonly<Record<Lang, { sep: string; cia: (c: CiaProperty) => string }>>;

export function ruleCatalogue(rules: readonly Rule[], lang: Lang): RuleCatalogue {
  const { sep, cia } = LIST[lang];
  const entries = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r): RuleEntry => ({
    id: r.id,
    threat: r.threat,
    cia: r.cia,
    segments: r.segments,
    phases: r.phases,
    forms: r.forms ?? (Object.keys(FORMS) as Form[]),
    origin: r.origin === 'builtin' ? 'builtin' : `${r.origin.file}:${r.origin.range.start.line}:${r.origin.range.start.col}`,
    words: {
      threat: THREATS[r.threat][lang],
      title: r.title[lang],
      risk: r.risk[lang],
      cia: r.cia.map(cia).join(sep),
      segments: r.segments.map((s) => SEGMENT_KINDS[s][lang]).join(sep),
      phases: r.phases.map((p) => PHASES[p][lang]).join(sep),
      forms: (r.forms ?? (Object.keys(FORMS) as Form[])).map((f) => FORMS[f][lang]).join(sep),
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
