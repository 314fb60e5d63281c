// The workshop page's view (koseizu serve), a pure stage: one valid model, its assessment and its drawn
// diagram in, the WorkshopView of models/workshop.ts out, in one language; and the state a page asks for,
// with the problems of the latest save in words. The server (src/io/serve.ts) only caches and sends them.
import type { Diagnostic } from '../../models/diagnostic.js';
import type { DiagramDrawing } from '../../models/diagram.js';
import type { Model } from '../../models/model.js';
import type { RuleMeta } from '../../models/rule.js';
import type { WorkshopProblem, WorkshopSegment, WorkshopState, WorkshopView } from '../../models/workshop.js';
import { FORMS, PHASES, RANKS, SEGMENT_KINDS, THREATS, type Lang, type Rank } from '../../models/vocabulary.js';
import type { Assessment } from '../analysis/analyse.js';
import { threatList } from '../report/threats.js';
import { hint, message } from '../words/diagnostics.js';
import { wording } from '../words/wording.js';

const WORDS = {
  ja: { internal: (detail: string) => `内部エラー: ${detail}` },
  en: { internal: (detail: string) => `internal error: ${detail}` },
} as const satisfies Record<Lang, unknown>;

/** The page's view of one valid model in one language; `catalogue` is every rule that ran (for the words). */
export function workshopView(model: Model, assessment: Assessment, catalogue: readonly RuleMeta[], lang: Lang, diagram: DiagramDrawing): WorkshopView {
  const list = threatList(model, assessment.risks, assessment.matrix, wording(model, catalogue, lang));
  const segments = assessment.segments.map((s): WorkshopSegment => ({
    key: s.key, kind: s.kind, phase: s.phase, form: s.form, flow: s.flow?.id ?? null, media: s.media?.id ?? null,
    devices: s.devices.map((d) => d.device.id), elements: s.elements,
  }));
  const words = <K extends string>(terms: Readonly<Record<K, { readonly ja: string; readonly en: string }>>): Record<K, string> =>
    Object.fromEntries(Object.entries<{ ja: string; en: string }>(terms).map(([k, t]) => [k, t[lang]])) as Record<K, string>;
  return {
    title: model.system.title,
    lang,
    diagram,
    risks: list.rows,
    segments,
    counts: {
      sites: model.sites.length, locations: model.locations.length, devices: model.devices.length, links: model.links.length,
      media: model.media.length, flows: model.flows.length, segments: segments.length, risks: list.rows.length, ranks: list.counts,
    },
    words: {
      phases: words(PHASES), forms: words(FORMS), segments: words(SEGMENT_KINDS),
      ranks: Object.fromEntries(RANKS.map((r) => [r, list.matrix.criteria[r]])) as Record<Rank, string>,
      threats: words(THREATS),
    },
  };
}

export interface WorkshopStateInput {
  readonly version: number;
  /** The root model file, where an internal error is reported. */
  readonly file: string;
  /** The latest save's diagnostics (its load and its responses). */
  readonly diagnostics: readonly Diagnostic[];
  /** Whether the latest save gave a valid model. */
  readonly valid: boolean;
  /** The last valid version's view (null when there never was one). */
  readonly view: WorkshopView | null;
  /** Set when computing threw (a bug in koseizu): shown as the one error. */
  readonly crash: string | null;
}

/** What /view.json gives: the version, whether it is valid, its problems in words and the last good view. */
export function workshopState(input: WorkshopStateInput, lang: Lang): WorkshopState {
  const errors: WorkshopProblem[] = input.diagnostics.map((d) => ({
    file: d.range.file, line: d.range.start.line, col: d.range.start.col, severity: d.severity, code: d.code,
    message: message(d, lang), hint: hint(d, lang) ?? null,
  }));
  if (input.crash !== null) errors.push({ file: input.file, line: 0, col: 0, severity: 'error', code: 'internal', message: WORDS[lang].internal(input.crash), hint: null });
  return { version: input.version, ok: input.crash === null && input.valid, errors, view: input.view };
}
