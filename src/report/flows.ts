// The information-flow table (情報流の特定): Who / Where / Which / What / How, per provision form and
// phase, as the guideline writes it (5.2.1), and the media carried by hand in each phase. Pure: Model in,
// the view model of models/flows.ts (every word in the output language) out; renderers/flows formats it.
import type { FlowRow, FlowSection, FlowTable, MediaRow } from '../../models/flows.js';
import type { Model } from '../../models/model.js';
import { FORMS, MEDIA_KINDS, OPERATIONS, PHASES, type Form, type Lang, type Operation, type Phase } from '../../models/vocabulary.js';

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

const WORDS = { ja: { yes: 'あり', no: 'なし', none: '—' }, en: { yes: 'yes', no: 'no', none: '—' } } as const;

/** How, as the guideline says it: "閲覧・操作する" when someone acts, "作成や保存される" when it happens on a device. */
function howPhrase(how: readonly Operation[], active: boolean, lang: Lang): string {
  if (lang === 'en') return how.map((o) => OPERATIONS[o].en).join(', ');
  const words = how.map((o) => OPERATIONS[o].ja);
  return active ? `${words.join('・')}する` : `${words.join('や')}される`;
}

/**
 * A list of things as the guideline writes one: "オーダ/検査結果/診療録/診療諸記録等". A trailing 等
 * ("and the like") belongs to the whole list, so it is taken off each item and put once at the end.
 */
export function listJa(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  const stripped = items.map((i) => (i.endsWith('等') ? i.slice(0, -1) : i));
  return `${stripped.join('/')}${items.some((i) => i.endsWith('等')) ? '等' : ''}`;
}

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
          const active = f.who !== null;
          const what = lang === 'ja' ? listJa(f.what.map(name)) : f.what.map(name).join(' / ');
          return {
            id: f.id,
            who: f.who,
            where: f.where,
            which: f.which,
            what: f.what,
            how: f.how,
            cells: lang === 'ja'
              ? { who: f.who ? `${name(f.who)}が` : WORDS.ja.none, where: `${name(f.where)}の`, which: `${name(f.which)}で`, what: `${what}${active ? 'を' : 'が'}`, how: howPhrase(f.how, active, 'ja') }
              : { who: f.who ? name(f.who) : WORDS.en.none, where: name(f.where), which: name(f.which), what, how: howPhrase(f.how, active, 'en') },
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
            cells: lang === 'ja'
              ? { medium: `${m.label}（${kind}）`, what: listJa(what) }
              : { medium: `${m.label} (${kind})`, what: what.join(' / ') },
          };
        });
      if (rows.length === 0 && media.length === 0) continue;
      const title = lang === 'ja'
        ? `${FORMS[form].ja} — ${PHASES[phase].ja}フェーズ`
        : `${FORMS[form].en.charAt(0).toUpperCase()}${FORMS[form].en.slice(1)} — ${PHASES[phase].en} phase`;
      sections.push({ form, phase, title, rows, media });
    }
  }
  return { lang, title: model.system.title, sections, headings: HEADINGS[lang], words: WORDS[lang] };
}
