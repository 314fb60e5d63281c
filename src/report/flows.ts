// The information-flow table (情報流の特定): Who / Where / Which / What / How, per provision form and
// phase, as the guideline writes it (5.2.1), and the media carried by hand in each phase. Pure: Model in,
// the view model of models/flows.ts (every word in the output language) out; the renderers format it.
import type { FlowRow, FlowSection, FlowTable, MediaRow } from '../../models/flows.js';
import type { Model } from '../../models/model.js';
import { FORMS, MEDIA_KINDS, OPERATIONS, PHASES, type Form, type Lang, type Phase, type Term } from '../../models/vocabulary.js';

const HEADINGS = {
  ja: {
    who: 'Who（誰が）', where: 'Where（どこの）', which: 'Which（どの機器で）', what: 'What（何を）', how: 'How（どうするか）', id: '情報流ID',
    media: '記憶媒体の搬送', medium: '媒体', carrier: '運搬者', from: '搬送元', to: '搬送先', encrypted: '暗号化',
  },
  en: {
    who: 'Who', where: 'Where', which: 'Which', what: 'What', how: 'How', id: 'Flow id',
    media: 'Media transport', medium: 'Medium', carrier: 'Carrier', from: 'From', to: 'To', encrypted: 'Encrypted',
  },
} as const;

/**
 * A list of things as the guideline writes one: "オーダ/検査結果/診療録/診療諸記録等". A trailing 等
 * ("and the like") belongs to the whole list, so it is taken off each item and put once at the end.
 */
export function listJa(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  const stripped = items.map((i) => (i.endsWith('等') ? i.slice(0, -1) : i));
  return `${stripped.join('/')}${items.some((i) => i.endsWith('等')) ? '等' : ''}`;
}

interface TableWords {
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  /** A What: "オーダ/検査結果等" / "Orders / Test results". */
  readonly what: (items: readonly string[]) => string;
  /** A row as the guideline phrases it: "患者が", "待合室の", ... "閲覧・操作する" when someone acts, "作成や保存される" when it happens on a device. */
  readonly row: (r: { who: string | null; where: string; which: string; what: string; how: readonly string[]; active: boolean }) => FlowRow['cells'];
  readonly medium: (label: string, kind: string) => string;
  readonly section: (form: string, phase: string) => string;
}

const WORDS = {
  ja: {
    yes: 'あり', no: 'なし', none: '—',
    what: listJa,
    row: (r) => ({
      who: r.who === null ? '—' : `${r.who}が`, where: `${r.where}の`, which: `${r.which}で`, what: `${r.what}${r.active ? 'を' : 'が'}`,
      how: r.active ? `${r.how.join('・')}する` : `${r.how.join('や')}される`,
    }),
    medium: (label, kind) => `${label}（${kind}）`,
    section: (form, phase) => `${form} — ${phase}フェーズ`,
  },
  en: {
    yes: 'yes', no: 'no', none: '—',
    what: (items) => items.join(' / '),
    row: (r) => ({ who: r.who ?? '—', where: r.where, which: r.which, what: r.what, how: r.how.join(', ') }),
    medium: (label, kind) => `${label} (${kind})`,
    section: (form, phase) => `${form.charAt(0).toUpperCase()}${form.slice(1)} — ${phase} phase`,
  },
} as const satisfies Readonly<Record<Lang, TableWords>>;

export function flowTable(model: Model, lang: Lang): FlowTable {
  const label = new Map<string, string>();
  for (const list of [model.sites, model.locations, model.actors, model.data, model.devices]) for (const e of list) label.set(e.id, e.label);
  const name = (id: string): string => label.get(id) ?? id;
  const phases = Object.keys(PHASES).filter((p) => model.system.phases.includes(p as Phase)) as Phase[];
  const forms = Object.keys(FORMS).filter((f) => model.system.forms.includes(f as Form)) as Form[];
  const sections: FlowSection[] = [];
  for (const form of forms) {
    for (const phase of phases) {
      const rows: FlowRow[] = model.flows
        .filter((f) => f.form === form && f.phase === phase)
        .map((f) => {
          const w: TableWords = WORDS[lang];
          return {
            id: f.id,
            who: f.who,
            where: f.where,
            which: f.which,
            what: f.what,
            how: f.how,
            cells: w.row({
              who: f.who === null ? null : name(f.who), where: name(f.where), which: name(f.which), what: w.what(f.what.map(name)),
              how: f.how.map((o) => OPERATIONS[o][lang]), active: f.who !== null,
            }),
          };
        });
      // Media transport belongs to every form's picture of the phase: it is how information moves by hand.
      const media: MediaRow[] = model.media
        .filter((m) => m.phases.includes(phase))
        .map((m) => {
          const kind = MEDIA_KINDS[m.kind][lang];
          const what = m.data.map(name);
          return {
            id: m.id,
            label: m.label,
            kind,
            carrier: name(m.carrier),
            from: name(m.from),
            to: name(m.to),
            what,
            encrypted: m.encrypted,
            cells: { medium: WORDS[lang].medium(m.label, kind), what: WORDS[lang].what(what) },
          };
        });
      if (rows.length === 0 && media.length === 0) continue;
      const title = WORDS[lang].section(FORMS[form][lang], PHASES[phase][lang]);
      sections.push({ form, phase, title, rows, media });
    }
  }
  const { yes, no, none } = WORDS[lang];
  const byKey = <K extends string>(table: Readonly<Record<K, Term>>): Record<K, string> =>
    Object.fromEntries(Object.entries<Term>(table).map(([k, t]) => [k, t[lang]])) as Record<K, string>;
  return { lang, title: model.system.title, sections, headings: HEADINGS[lang], words: { yes, no, none, forms: byKey(FORMS), phases: byKey(PHASES) } };
}
