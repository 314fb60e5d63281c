// The workshop page: one self-contained HTML page (inline CSS and JS, fonts from the server's /fonts/),
// shown on a wall while clinicians, vendors and security staff walk the configuration diagram and the
// risk list together. It reads /view.json?lang=… and listens to /events (SSE `update`), so an edit to the
// model shows within a moment (bench/serve.mjs times save to redraw), keeping scroll, filters and the selected element; while the model is
// invalid the last good view stays and a banner lists the errors as `file:line:col code message`.
//
// The diagram's SVG is trusted server output (renderers/svg escapes its own text) and is inlined as is;
// every other text built from the view is escaped in the browser, by the same escaper the report uses. Works under the CSP
// `default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline';
// font-src 'self'; connect-src 'self'`: no eval, nothing fetched from elsewhere.
//
// Keys: p projector (one risk at a time with its countermeasures, beside the diagram zoomed to where it is;
// ←/→ and PageUp/PageDown page, Escape leaves), l language,
// Escape clears the selection. Everything is reachable by Tab, with a visible focus ring.
import { escapeHtml } from '../escape.js';

export type WorkshopLang = 'ja' | 'en';

/** The page's own words; the model's words (phases, forms, segment kinds, ranks, threats) come with the view. */
const WORD_KEYS = [
  'workshop', 'diagram', 'risks', 'filters', 'phase', 'form', 'kind', 'rank', 'threat', 'all', 'rankAtLeast',
  'projector', 'language', 'otherLanguage', 'close', 'segments', 'elementRisks', 'none', 'risk', 'cia',
  'impactLikelihood', 'level', 'need', 'who', 'count', 'errorsTitle', 'noView', 'hint', 'keys', 'loading',
  'updated', 'projectorHelp', 'fit', 'zoomIn', 'zoomOut', 'zoom', 'previous', 'next', 'flow', 'media', 'clickHint', 'selected', 'noRisks', 'live', 'offline',
  'countermeasures', 'human', 'physical', 'technical', 'where',
] as const;
type WordKey = (typeof WORD_KEYS)[number];

const WORDS = {
  ja: {
    workshop: 'ワークショップ', diagram: '構成図', risks: 'リスク一覧', filters: '絞り込み', phase: 'フェーズ',
    form: '提供形態', kind: '断面', rank: 'ランク', threat: '関連する脅威', all: 'すべて', rankAtLeast: '{r} 以上',
    projector: 'プロジェクター表示', language: '言語', otherLanguage: 'English', close: '閉じる',
    segments: 'この要素を通る断面', elementRisks: 'この要素のリスク', none: '該当なし', risk: '想定されるリスク',
    cia: 'CIA', impactLikelihood: '影響度 × 顕在化率', level: 'リスクレベル', need: '対応要否', who: '対応主体',
    count: '{n} / {total} 件', errorsTitle: 'モデルにエラーがあります。最後に有効だった内容を表示しています。',
    noView: '有効なモデルがまだありません。', hint: 'ヒント', keys: 'キー: p プロジェクター ／ l 言語 ／ + − 0 拡大・縮小・全体 ／ Esc 解除',
    fit: '全体', zoomIn: '拡大', zoomOut: '縮小', zoom: '表示倍率',
    loading: '読み込み中…', updated: '更新しました（版 {v}）', projectorHelp: '← → で移動 ／ Esc で戻る',
    previous: '前へ', next: '次へ', flow: '情報流', media: '記憶媒体の搬送', clickHint: '図の機器・回線・媒体を選ぶと、関係する断面とリスクを表示します。',
    selected: '選択中', noRisks: '条件に合うリスクはありません。', live: '自動更新中', offline: '接続が切れました（再接続中）',
    countermeasures: '対策', human: '人的・組織的', physical: '物理的', technical: '技術的', where: 'このリスクのある箇所（構成図）',
  },
  en: {
    workshop: 'Workshop', diagram: 'Configuration diagram', risks: 'Risk list', filters: 'Filters', phase: 'Phase',
    form: 'Provision form', kind: 'Segment kind', rank: 'Rank', threat: 'Threat', all: 'All', rankAtLeast: '{r} or higher',
    projector: 'Projector mode', language: 'Language', otherLanguage: '日本語', close: 'Close',
    segments: 'Segments through this element', elementRisks: 'Risks of this element', none: 'None', risk: 'Assumed risk',
    cia: 'CIA', impactLikelihood: 'Impact × likelihood', level: 'Risk level', need: 'Response need', who: 'Who acts',
    count: '{n} of {total} risks', errorsTitle: 'The model has errors. Showing the last valid view.',
    noView: 'No valid model yet.', hint: 'Hint', keys: 'Keys: p projector / l language / + − 0 zoom / Esc clear',
    fit: 'Fit', zoomIn: 'Zoom in', zoomOut: 'Zoom out', zoom: 'Zoom',
    loading: 'Loading…', updated: 'Updated (version {v})', projectorHelp: '← → to page / Esc to leave',
    previous: 'Previous', next: 'Next', flow: 'Flow', media: 'Media', clickHint: 'Select a device, link or media in the diagram to see its segments and risks.',
    selected: 'Selected', noRisks: 'No risks match the filters.', live: 'Live', offline: 'Disconnected (reconnecting)',
    countermeasures: 'Countermeasures', human: 'Human / organisational', physical: 'Physical', technical: 'Technical', where: 'Where this risk is (configuration diagram)',
  },
} as const satisfies Record<WorkshopLang, Record<WordKey, string>>;

const CSS = String.raw`
@font-face { font-family: "Koseizu Sans"; src: url("/fonts/regular.ttf") format("truetype"); font-weight: 400; font-display: swap; }
@font-face { font-family: "Koseizu Sans"; src: url("/fonts/bold.ttf") format("truetype"); font-weight: 700; font-display: swap; }
:root { color-scheme: light; --ink: #0f172a; --muted: #334155; --line: #94a3b8; --accent: #1e3a8a; --focus: #f59e0b; --hl: #ea580c; }
* { box-sizing: border-box; }
/* Text grows with the screen: 17 px on a 1366x768 laptop, 22 px on a 1920x1080 projector, 32 px at most. */
html { font-size: clamp(16px, calc(6px + 0.5vw + 0.6vh), 32px); }
body {
  margin: 0; color: var(--ink); background: #ffffff; line-height: 1.5; height: 100vh; overflow: hidden;
  font-family: "Koseizu Sans", "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif;
  display: grid; grid-template-rows: auto auto auto minmax(0, 1fr);
}
button, select { font: inherit; color: inherit; }
:focus-visible { outline: 4px solid var(--focus); outline-offset: 2px; }
svg [tabindex]:focus-visible { outline: 4px solid var(--focus); filter: drop-shadow(0 0 6px #f59e0b); }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .5rem 1rem; background: var(--accent); color: #ffffff; }
header.top h1 { font-size: 1.4rem; line-height: 1.25; margin: 0; flex: 1 1 auto; }
header.top .status { font-size: .8rem; opacity: .95; }
header.top button { background: #ffffff; color: var(--accent); border: 2px solid #ffffff; border-radius: .4rem; padding: .2rem .8rem; font-weight: 700; cursor: pointer; }
header.top button:hover { background: #dbeafe; }
header.top :focus-visible { outline-color: #fde047; }
#banner { background: #fef2f2; color: #7f1d1d; border-bottom: 4px solid #b91c1c; padding: .5rem 1rem; max-height: 30vh; overflow: auto; }
#banner[hidden] { display: none; }
#banner h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
#banner ul { margin: 0; padding-left: 1.25rem; }
#banner li { margin: .15rem 0; }
#banner .pos { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-weight: 700; }
#banner .hint { display: block; color: #450a0a; }
form.filters { display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; align-items: center; padding: .4rem 1rem; border-bottom: 2px solid #cbd5e1; background: #f1f5f9; }
form.filters label { display: inline-flex; align-items: center; gap: .4rem; font-weight: 700; font-size: .9rem; }
form.filters select { font-weight: 400; padding: .1rem .3rem; border: 2px solid var(--muted); border-radius: .3rem; background: #ffffff; max-width: 16rem; }
form.filters .count { margin-left: auto; font-weight: 700; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(24rem, 2fr); min-height: 0; }
section { min-height: 0; display: flex; flex-direction: column; }
section > h2 { font-size: 1.1rem; margin: 0; padding: .3rem 1rem; border-bottom: 2px solid var(--accent); background: #ffffff; }
section > h2.bar { display: flex; align-items: center; gap: 1rem; padding-top: .15rem; padding-bottom: .15rem; }
h2.bar .zoom { margin-left: auto; display: inline-flex; gap: .3rem; font-size: .9rem; }
h2.bar .zoom button { min-width: 2.2em; border: 2px solid var(--ink); background: #ffffff; border-radius: .3rem; font-weight: 700; cursor: pointer; padding: 0 .4rem; }
#diagram { flex: 1; overflow: auto; padding: .5rem; border-right: 2px solid #cbd5e1; }
#diagram svg { display: block; width: 100%; height: auto; max-width: none; }
#diagram .hint { margin: 0 0 .25rem; color: var(--muted); font-size: .8rem; }
#diagram [id^="dev-"], #diagram [id^="link-"], #diagram [id^="media-"], #diagram [id^="label-link-"], #diagram [id^="label-media-"] { cursor: pointer; }
#diagram #media-list, #diagram #media-list * { cursor: auto; }
#diagram svg.focusing #devices > g:not(.hl), #diagram svg.focusing #links > path:not(.hl) { opacity: .3; }
#diagram g.hl { filter: drop-shadow(0 0 5px #ea580c) drop-shadow(0 0 2px #ea580c); }
#diagram path.hl { stroke: var(--hl); stroke-width: 6px; }
#diagram .sel { filter: drop-shadow(0 0 7px #1d4ed8) drop-shadow(0 0 3px #1d4ed8); }
#diagram path.sel { stroke: #1d4ed8; stroke-width: 7px; }
#list { flex: 1; overflow: auto; padding: .5rem 1rem 2rem; }
ol.risks { list-style: none; margin: 0; padding: 0; }
li.risk { border: 2px solid #cbd5e1; border-left-width: 10px; border-radius: .4rem; padding: .4rem .7rem; margin: 0 0 .6rem; }
li.risk.rank-S { border-left-color: #b91c1c; } li.risk.rank-A { border-left-color: #c2410c; } li.risk.rank-B { border-left-color: #ca8a04; }
li.risk.rank-C { border-left-color: #15803d; } li.risk.rank-D { border-left-color: #6b7280; }
.risk .head { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .6rem; }
.risk .title { font-weight: 700; font-size: 1.05rem; line-height: 1.35; margin: .15rem 0; }
.risk .text { margin: .1rem 0 .3rem; }
.risk dl { display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; margin: 0; font-size: .9rem; }
.risk dl div { display: flex; gap: .4rem; }
.risk dt { font-weight: 700; color: var(--muted); }
.risk dd { margin: 0; }
.id { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
.badge { display: inline-block; min-width: 2em; padding: 0 .45em; border-radius: .3em; font-weight: 700; text-align: center; border: 2px solid rgba(0,0,0,.25); }
.rank-S .badge, .badge.rank-S { background: #b91c1c; color: #ffffff; }
.rank-A .badge, .badge.rank-A { background: #c2410c; color: #ffffff; }
.rank-B .badge, .badge.rank-B { background: #facc15; color: #111827; }
.rank-C .badge, .badge.rank-C { background: #dcfce7; color: #14532d; }
.rank-D .badge, .badge.rank-D { background: #e5e7eb; color: #1f2937; }
.need { font-weight: 700; }
.empty { color: var(--muted); font-style: italic; }
#panel { position: fixed; right: 0; top: 0; bottom: 0; width: min(40rem, 48vw); background: #ffffff; border-left: 6px solid #1d4ed8; box-shadow: -8px 0 24px rgba(15,23,42,.35); overflow: auto; padding: .75rem 1rem 2rem; z-index: 10; }
#panel[hidden] { display: none; }
#panel h2 { font-size: 1.3rem; margin: 0 3.5rem .25rem 0; line-height: 1.3; }
#panel h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; border-bottom: 2px solid var(--accent); }
#panel .close { position: absolute; right: .75rem; top: .6rem; border: 2px solid var(--ink); background: #ffffff; border-radius: .4rem; padding: .1rem .6rem; font-weight: 700; cursor: pointer; }
#panel ul.segs { margin: 0; padding-left: 1.2rem; }
#panel ul.segs li { margin: 0 0 .4rem; }
/* Projector: the risk on the right, in words a room reads (34 px on 1920x1080, growing with the screen), and the
   diagram on the left, zoomed to where the risk is, its elements outlined. */
#projector { position: fixed; inset: 0; z-index: 20; background: #ffffff; color: #000000; font-size: clamp(18px, calc(0.9vw + 1.55vh), 64px); padding: .5em 1em; display: flex; flex-direction: column; overflow: hidden; }
#projector[hidden] { display: none; }
#projector .bar { display: flex; align-items: center; gap: .8em; font-size: .8em; border-bottom: .12em solid #000000; padding-bottom: .3em; flex: none; }
#projector .bar .pos { font-weight: 700; margin-right: auto; }
#projector .bar button { font-size: 1em; font-weight: 700; border: .1em solid #000000; background: #ffffff; border-radius: .3em; padding: .05em .6em; cursor: pointer; }
#projector .body { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 9fr) minmax(0, 11fr); gap: 1em; padding-top: .5em; }
#projector figure { margin: 0; min-height: 0; display: flex; flex-direction: column; border: .08em solid #94a3b8; border-radius: .3em; }
#projector figcaption { font-size: .6em; font-weight: 700; padding: .2em .5em; border-bottom: .08em solid #94a3b8; background: #f1f5f9; }
#projector figure .view { flex: 1; min-height: 0; }
#projector figure svg { display: block; width: 100%; height: 100%; }
#projector svg.focusing g.device:not(.hl), #projector svg.focusing path.link:not(.hl), #projector svg.focusing path.media:not(.hl) { opacity: .22; }
#projector svg g.hl { filter: drop-shadow(0 0 4px #ea580c) drop-shadow(0 0 2px #ea580c); }
#projector svg path.hl { stroke: #ea580c; stroke-width: 6px; }
#projector .card { min-height: 0; overflow: auto; padding-right: .3em; }
#projector .head { display: flex; align-items: center; gap: .6em; flex-wrap: wrap; }
#projector .badge { font-size: 1.3em; min-width: 1.6em; line-height: 1.2; border-width: .08em; }
#projector .id { font-size: .6em; color: #1f2937; }
#projector .title { font-size: 1.2em; font-weight: 700; line-height: 1.25; margin: .25em 0 .3em; }
#projector .text { font-size: .9em; line-height: 1.4; margin: 0 0 .4em; }
#projector dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8em; margin: 0 0 .3em; font-size: .75em; }
#projector dt { font-weight: 700; }
#projector dd { margin: 0; }
#projector h3 { font-size: .85em; margin: .3em 0 .15em; border-bottom: .08em solid var(--accent); }
#projector .measures { font-size: .72em; line-height: 1.3; }
#projector .measures h4 { font-size: 1em; margin: .25em 0 0; color: #1e3a8a; }
#projector .measures ul { margin: 0; padding-left: 1.2em; }
#projector .help { font-size: .6em; color: #1f2937; margin: .3em 0 0; flex: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

// Client script: plain ES2020, no template literals (this file's own template holds it), no eval.
const SCRIPT = String.raw`
(function () {
  'use strict';
  var INIT = JSON.parse(document.getElementById('koseizu-init').textContent);
  var WORDS = INIT.words;
  var RANKS = ['S', 'A', 'B', 'C', 'D'];
  var state = {
    lang: INIT.lang, view: null, version: -1, ok: true, errors: [],
    filters: { phase: '', form: '', kind: '', rank: '', threat: '' },
    selected: null, projector: false, projIndex: 0, projId: null,
    svg: null, fetching: false, again: false, seq: 0, zoom: 1.5, live: ''
  };
  var $ = function (id) { return document.getElementById(id); };
  // The one HTML escaper (renderers/escape.ts), as it is.
  var escapeHtml = ${escapeHtml.toString()};
  function esc(s) { return escapeHtml(String(s == null ? '' : s)); }
  function w(key) { return WORDS[state.lang][key]; }
  function fill(s, map) { return s.replace(/\{(\w+)\}/g, function (m, k) { return k in map ? String(map[k]) : m; }); }
  function word(group, key) {
    var v = state.view, g = v && v.words && v.words[group];
    return g && Object.prototype.hasOwnProperty.call(g, key) ? g[key] : key;
  }

  // ---- Fetching: one request at a time, the newest wins ----
  function refresh() {
    if (state.fetching) { state.again = true; return; }
    state.fetching = true; state.again = false;
    var seq = ++state.seq, lang = state.lang;
    fetch('/view.json?lang=' + encodeURIComponent(lang), { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (seq === state.seq && lang === state.lang) apply(data);
      })
      .catch(function (err) { status(String(err && err.message || err)); })
      .then(function () { state.fetching = false; if (state.again) refresh(); });
  }

  function apply(data) {
    state.version = data.version; state.ok = !!data.ok; state.errors = data.errors || [];
    if (data.view) state.view = data.view;
    render();
    // Milliseconds from the SSE event to the page drawn, for tests and benchmarks.
    if (state.eventAt) { document.body.setAttribute('data-update-ms', String(Math.round(performance.now() - state.eventAt))); state.eventAt = 0; }
    status(fill(w('updated'), { v: data.version }));
    document.body.setAttribute('data-version', String(data.version));
  }

  function status(text) { $('status').textContent = text; }

  // ---- Rendering ----
  function render() {
    var v = state.view;
    document.documentElement.lang = state.lang;
    renderWords();
    renderBanner();
    if (!v) {
      $('diagram-body').innerHTML = '<p class="empty">' + esc(w(state.ok ? 'loading' : 'noView')) + '</p>';
      $('risk-list').innerHTML = '';
      return;
    }
    $('title').textContent = v.title + ' — ' + w('workshop');
    document.title = v.title + ' — ' + w('workshop');
    if (v.svg !== state.svg) {
      var box = $('diagram'), top = box.scrollTop, left = box.scrollLeft;
      $('diagram-body').innerHTML = v.svg;
      state.svg = v.svg;
      prepareSvg();
      box.scrollTop = top; box.scrollLeft = left;
    }
    renderFilters();
    renderList();
    if (state.selected) select(state.selected, false);
    if (state.projector) renderProjector();
  }

  function renderWords() {
    var nodes = document.querySelectorAll('[data-w]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = w(nodes[i].getAttribute('data-w'));
    $('lang-button').setAttribute('aria-label', w('language') + ': ' + w('otherLanguage'));
    $('live').textContent = state.live ? w(state.live) : '';
    $('zoom-in').setAttribute('aria-label', w('zoomIn'));
    $('zoom-out').setAttribute('aria-label', w('zoomOut'));
    applyZoom();
  }

  function renderBanner() {
    var b = $('banner');
    if (state.ok) { b.hidden = true; b.innerHTML = ''; return; }
    var items = state.errors.map(function (e) {
      var short = String(e.file).split(/[\\/]/).pop();
      return '<li><span class="pos" title="' + esc(e.file) + '">' + esc(short + ':' + e.line + ':' + e.col) + '</span> <code>' + esc(e.code) + '</code> ' + esc(e.message)
        + (e.hint ? '<span class="hint">' + esc(w('hint')) + ': ' + esc(e.hint) + '</span>' : '') + '</li>';
    }).join('');
    b.innerHTML = '<h2>' + esc(w(state.view ? 'errorsTitle' : 'noView')) + '</h2><ul>' + items + '</ul>';
    b.hidden = false;
  }

  function prepareSvg() {
    var svg = $('diagram-body').querySelector('svg');
    if (!svg) return;
    state.svgWidth = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0;
    svg.removeAttribute('width'); svg.removeAttribute('height');
    applyZoom();
    var targets = svg.querySelectorAll('[id^="dev-"], [id^="link-"], [id^="media-"]');
    for (var i = 0; i < targets.length; i++) {
      var t = targets[i];
      if (!modelId(t.id)) continue;
      t.setAttribute('tabindex', '0');
      t.setAttribute('role', 'button');
      var title = t.querySelector('title');
      var label = title ? title.textContent : (t.textContent || '').replace(/\s+/g, ' ').trim();
      t.setAttribute('aria-label', label || modelId(t.id).id);
    }
  }

  // Zoom starts at 1.5× the diagram's own size, so its labels read across a room; zoom 0 fits the diagram to the column; otherwise a factor of the diagram's own size.
  function applyZoom() {
    var svg = $('diagram-body').querySelector('svg');
    if (!svg) return;
    svg.style.width = state.zoom && state.svgWidth ? Math.round(state.svgWidth * state.zoom) + 'px' : '';
    $('zoom-level').textContent = state.zoom ? Math.round(state.zoom * 100) + '%' : w('fit');
  }
  function zoom(step) {
    var svg = $('diagram-body').querySelector('svg');
    var current = state.zoom || (svg && state.svgWidth ? svg.getBoundingClientRect().width / state.svgWidth : 1);
    state.zoom = step === 0 ? 0 : Math.max(0.5, Math.min(4, Math.round((current * (step > 0 ? 1.25 : 0.8)) * 100) / 100));
    applyZoom();
  }

  /** "dev-x" → {kind: 'dev', id: 'x'}; labels of links and media count as their edge; the media list does not. */
  function modelId(domId) {
    if (!domId || domId === 'media-list') return null;
    var m = /^(?:label-)?(dev|link|media)-(.+)$/.exec(domId);
    if (!m) return null;
    if (domId.indexOf('label-') === 0 && m[1] === 'dev') return null;
    return { kind: m[1], id: m[2] };
  }

  function options(values, group, current) {
    var out = '<option value="">' + esc(w('all')) + '</option>';
    values.forEach(function (k) {
      out += '<option value="' + esc(k) + '"' + (k === current ? ' selected' : '') + '>' + esc(word(group, k)) + '</option>';
    });
    return out;
  }

  function present(pick) {
    var seen = {}, out = [];
    (state.view ? state.view.risks : []).forEach(function (r) {
      [].concat(pick(r)).forEach(function (k) { if (!seen[k]) { seen[k] = true; out.push(k); } });
    });
    return out;
  }

  function ordered(group, values) {
    var keys = Object.keys((state.view && state.view.words && state.view.words[group]) || {});
    return values.slice().sort(function (a, b) {
      var ia = keys.indexOf(a), ib = keys.indexOf(b);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || (a < b ? -1 : a > b ? 1 : 0);
    });
  }

  function renderFilters() {
    var f = state.filters;
    $('f-phase').innerHTML = options(ordered('phases', present(function (r) { return r.phases; })), 'phases', f.phase);
    $('f-form').innerHTML = options(ordered('forms', present(function (r) { return r.forms; })), 'forms', f.form);
    $('f-kind').innerHTML = options(ordered('segments', present(function (r) { return r.segment; })), 'segments', f.kind);
    $('f-threat').innerHTML = options(ordered('threats', present(function (r) { return r.threat; })), 'threats', f.threat);
    var rk = '<option value="">' + esc(w('all')) + '</option>';
    RANKS.forEach(function (r) { rk += '<option value="' + r + '"' + (r === f.rank ? ' selected' : '') + '>' + esc(fill(w('rankAtLeast'), { r: r })) + '</option>'; });
    $('f-rank').innerHTML = rk;
    ['phase', 'form', 'kind', 'rank', 'threat'].forEach(function (k) { $('f-' + k).value = f[k]; });
  }

  function filtered() {
    var f = state.filters, v = state.view;
    if (!v) return [];
    var min = f.rank ? RANKS.indexOf(f.rank) : 4;
    return v.risks.filter(function (r) {
      return (!f.phase || r.phases.indexOf(f.phase) >= 0) && (!f.form || r.forms.indexOf(f.form) >= 0)
        && (!f.kind || r.segment === f.kind) && (!f.threat || r.threat === f.threat) && RANKS.indexOf(r.rank) <= min;
    });
  }

  function riskHtml(r, tag) {
    var c = r.cells;
    return '<' + tag + ' class="risk rank-' + esc(r.rank) + '" data-id="' + esc(r.id) + '">'
      + '<div class="head"><span class="badge" title="' + esc(word('ranks', r.rank)) + '">' + esc(r.rank) + '</span>'
      + '<span class="id">' + esc(r.id) + '</span></div>'
      + '<div class="title">' + esc(c.title) + '</div>'
      + '<p class="text"><span class="sr">' + esc(w('risk')) + ': </span>' + esc(c.risk) + '</p>'
      + '<dl><div><dt>' + esc(w('cia')) + '</dt><dd>' + esc(c.cia) + '</dd></div>'
      + '<div><dt>' + esc(w('impactLikelihood')) + '</dt><dd>' + esc(c.impact) + ' × ' + esc(c.likelihood) + ' → ' + esc(c.level) + '</dd></div>'
      + '<div><dt>' + esc(w('need')) + '</dt><dd class="need">' + esc(c.need) + '</dd></div>'
      + '<div><dt>' + esc(w('who')) + '</dt><dd>' + esc(c.who) + '</dd></div></dl>'
      + '</' + tag + '>';
  }

  function renderList() {
    var list = $('list'), top = list.scrollTop;
    var rows = filtered();
    $('count').textContent = fill(w('count'), { n: rows.length, total: state.view ? state.view.risks.length : 0 });
    $('risk-list').innerHTML = rows.length ? rows.map(function (r) { return riskHtml(r, 'li'); }).join('') : '<li class="empty">' + esc(w('noRisks')) + '</li>';
    list.scrollTop = top;
  }

  // ---- Selecting an element of the diagram ----
  function clearHighlight() {
    var svg = $('diagram-body').querySelector('svg');
    if (!svg) return;
    svg.classList.remove('focusing');
    var marked = svg.querySelectorAll('.hl, .sel');
    for (var i = 0; i < marked.length; i++) { marked[i].classList.remove('hl'); marked[i].classList.remove('sel'); }
  }

  function mark(domId, cls) {
    var el = document.getElementById(domId);
    if (el && $('diagram-body').contains(el)) el.classList.add(cls);
  }

  function select(target, focusPanel) {
    var v = state.view;
    clearHighlight();
    if (!v) return;
    state.selected = target;
    var id = target.id;
    var segs = v.segments.filter(function (s) { return s.elements.indexOf(id) >= 0 || s.devices.indexOf(id) >= 0; });
    var risks = v.risks.filter(function (r) { return r.elements.indexOf(id) >= 0; });
    segs.forEach(function (s) {
      s.devices.concat(s.elements).forEach(function (e) { mark('dev-' + e, 'hl'); mark('link-' + e, 'hl'); });
    });
    mark(target.kind + '-' + id, 'sel');
    var svg = $('diagram-body').querySelector('svg');
    if (svg && segs.length) svg.classList.add('focusing');
    var el = document.getElementById(target.kind + '-' + id);
    var label = el ? (el.getAttribute('aria-label') || id) : id;
    var segHtml = segs.length ? '<ul class="segs">' + segs.map(function (s) {
      return '<li><strong>' + esc(word('segments', s.kind)) + '</strong> <span class="id">' + esc(s.key) + '</span><br>'
        + esc(word('phases', s.phase)) + ' ／ ' + esc(word('forms', s.form))
        + (s.flow ? ' ／ ' + esc(w('flow')) + ': ' + esc(s.flow) : '') + (s.media ? ' ／ ' + esc(w('media')) + ': ' + esc(s.media) : '') + '</li>';
    }).join('') + '</ul>' : '<p class="empty">' + esc(w('none')) + '</p>';
    var riskList = risks.length ? '<ol class="risks">' + risks.map(function (r) { return riskHtml(r, 'li'); }).join('') + '</ol>' : '<p class="empty">' + esc(w('none')) + '</p>';
    var p = $('panel'), top = p.hidden ? 0 : p.scrollTop;
    p.innerHTML = '<button type="button" class="close" id="panel-close">' + esc(w('close')) + '</button>'
      + '<h2 id="panel-title" tabindex="-1">' + esc(label) + '</h2><p class="id">' + esc(w('selected')) + ': ' + esc(id) + '</p>'
      + '<h3>' + esc(w('elementRisks')) + ' (' + risks.length + ')</h3>' + riskList
      + '<h3>' + esc(w('segments')) + ' (' + segs.length + ')</h3>' + segHtml;
    p.hidden = false;
    p.scrollTop = top;
    $('panel-close').addEventListener('click', function () { unselect(); });
    if (focusPanel) $('panel-title').focus();
  }

  function unselect() {
    var had = state.selected;
    state.selected = null;
    clearHighlight();
    $('panel').hidden = true;
    $('panel').innerHTML = '';
    if (had) {
      var el = document.getElementById(had.kind + '-' + had.id);
      if (el && typeof el.focus === 'function') el.focus();
    }
  }

  function targetOf(node) {
    var el = node && node.closest ? node.closest('[id^="dev-"], [id^="link-"], [id^="media-"], [id^="label-link-"], [id^="label-media-"]') : null;
    return el ? modelId(el.id) : null;
  }

  $('diagram-body').addEventListener('click', function (ev) {
    var t = targetOf(ev.target);
    if (t) select(t, false); else if (state.selected) unselect();
  });
  $('diagram-body').addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    var t = targetOf(ev.target);
    if (t) { ev.preventDefault(); select(t, true); }
  });

  // ---- Projector mode ----
  function renderProjector() {
    var rows = filtered(), box = $('projector');
    if (state.projId) {
      var at = rows.findIndex(function (r) { return r.id === state.projId; });
      if (at >= 0) state.projIndex = at;
    }
    state.projIndex = Math.max(0, Math.min(state.projIndex, rows.length - 1));
    var r = rows[state.projIndex];
    state.projId = r ? r.id : null;
    var measures = r ? ['human', 'physical', 'technical'].filter(function (k) { return (r.countermeasures[k] || []).length; }).map(function (k) {
      return '<h4>' + esc(w(k)) + '</h4><ul>' + r.countermeasures[k].map(function (m) { return '<li>' + esc(m) + '</li>'; }).join('') + '</ul>';
    }).join('') : '';
    var card = r ? '<div class="card rank-' + esc(r.rank) + '" data-id="' + esc(r.id) + '">'
      + '<div class="head"><span class="badge" title="' + esc(word('ranks', r.rank)) + '">' + esc(r.rank) + '</span><span class="id">' + esc(r.id) + '</span></div>'
      + '<div class="title">' + esc(r.cells.title) + '</div>'
      + '<p class="text">' + esc(r.cells.risk) + '</p>'
      + '<dl><dt>' + esc(w('cia')) + '</dt><dd>' + esc(r.cells.cia) + '</dd>'
      + '<dt>' + esc(w('impactLikelihood')) + '</dt><dd>' + esc(r.cells.impact) + ' × ' + esc(r.cells.likelihood) + ' → ' + esc(r.cells.level) + '</dd>'
      + '<dt>' + esc(w('need')) + '</dt><dd>' + esc(r.cells.need) + '</dd>'
      + '<dt>' + esc(w('who')) + '</dt><dd>' + esc(r.cells.who) + '</dd>'
      + '<dt>' + esc(w('phase')) + ' ／ ' + esc(w('kind')) + '</dt><dd>' + esc(r.cells.phase) + ' ／ ' + esc(r.cells.segment) + '</dd></dl>'
      + (measures ? '<h3>' + esc(w('countermeasures')) + '</h3><div class="measures">' + measures + '</div>' : '')
      + '</div>'
      : '<div class="card"><p class="empty">' + esc(w('noRisks')) + '</p></div>';
    box.innerHTML = '<div class="bar"><span class="pos" id="proj-pos">' + (rows.length ? (state.projIndex + 1) + ' / ' + rows.length : '0 / 0') + '</span>'
      + '<button type="button" id="proj-prev">← ' + esc(w('previous')) + '</button>'
      + '<button type="button" id="proj-next">' + esc(w('next')) + ' →</button>'
      + '<button type="button" id="proj-close">' + esc(w('close')) + ' (Esc)</button></div>'
      + '<div class="body"><figure id="proj-figure"><figcaption>' + esc(w('where')) + '</figcaption><div class="view" id="proj-view"></div></figure>' + card + '</div>'
      + '<p class="help">' + esc(w('projectorHelp')) + '</p>';
    projectorDiagram(r);
    $('proj-prev').addEventListener('click', function () { page(-1); });
    $('proj-next').addEventListener('click', function () { page(1); });
    $('proj-close').addEventListener('click', function () { projector(false); });
  }

  // The diagram beside the risk: a copy of the page's SVG without its ids (so the page's own stay unique;
  // its markers still resolve to the page's), the risk's devices, links and media outlined and the rest
  // dimmed, its viewBox cut to where they are (at least half the diagram's width, so the neighbours
  // show, in the shape of the space it has), or the whole diagram when the risk names none of them.
  function projectorDiagram(r) {
    var view = $('proj-view');
    if (!view || !state.svg) return;
    view.innerHTML = state.svg;
    var svg = view.querySelector('svg');
    if (!svg) return;
    svg.removeAttribute('width'); svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('aria-hidden', 'true');
    var full = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal : null;
    var wanted = {};
    (r ? r.elements : []).forEach(function (e) { wanted['dev-' + e] = wanted['link-' + e] = wanted['media-' + e] = true; });
    var hits = [];
    var named = svg.querySelectorAll('[id]');
    for (var i = 0; i < named.length; i++) {
      var el = named[i];
      if (wanted[el.id] === true && !el.closest('defs')) hits.push(el);
      if (!el.closest('defs')) el.removeAttribute('id');
    }
    if (!hits.length || !full) { svg.setAttribute('data-zoom', 'whole'); return; }
    svg.classList.add('focusing');
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    hits.forEach(function (el) {
      el.classList.add('hl');
      var b = el.getBBox();
      x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y); x1 = Math.max(x1, b.x + b.width); y1 = Math.max(y1, b.y + b.height);
    });
    var pad = 40, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    // At most 2× the diagram's own size, and at least half its width: the room sees the site around the risk.
    var bw = Math.max(x1 - x0 + 2 * pad, full.width * 0.5, view.clientWidth / 2), bh = y1 - y0 + 2 * pad;
    var aspect = view.clientHeight > 0 ? view.clientWidth / view.clientHeight : 1;
    if (bw / bh < aspect) bw = bh * aspect; else bh = bw / aspect;
    var bx = Math.max(full.x, Math.min(cx - bw / 2, full.x + full.width - bw));
    var by = Math.max(full.y, Math.min(cy - bh / 2, full.y + full.height - bh));
    svg.setAttribute('viewBox', [bx, by, Math.min(bw, full.width), Math.min(bh, full.height)].map(function (n) { return Math.round(n); }).join(' '));
    svg.setAttribute('data-zoom', 'risk');
  }

  function page(step) {
    var rows = filtered();
    if (!rows.length) return;
    state.projIndex = Math.max(0, Math.min(state.projIndex + step, rows.length - 1));
    state.projId = rows[state.projIndex].id;
    var keep = document.activeElement && document.activeElement.id;
    renderProjector();
    if (keep && $(keep)) $(keep).focus();
  }

  function projector(on) {
    state.projector = on;
    var box = $('projector');
    if (on) {
      box.hidden = false;
      renderProjector();
      $('proj-next').focus();
    } else {
      box.hidden = true;
      box.innerHTML = '';
      $('projector-button').focus();
    }
  }

  function toggleLang() {
    state.lang = state.lang === 'ja' ? 'en' : 'ja';
    state.seq++;
    state.fetching = false;
    renderWords();
    refresh();
  }

  // ---- Controls ----
  ['phase', 'form', 'kind', 'rank', 'threat'].forEach(function (k) {
    $('f-' + k).addEventListener('change', function (ev) {
      state.filters[k] = ev.target.value;
      renderList();
    });
  });
  $('projector-button').addEventListener('click', function () { projector(true); });
  $('zoom-in').addEventListener('click', function () { zoom(1); });
  $('zoom-out').addEventListener('click', function () { zoom(-1); });
  $('zoom-fit').addEventListener('click', function () { zoom(0); });
  $('lang-button').addEventListener('click', toggleLang);

  document.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var tag = ev.target && ev.target.tagName;
    var typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
    if (state.projector) {
      if (ev.key === 'Escape' || ev.key === 'p') { ev.preventDefault(); projector(false); return; }
      if (ev.key === 'ArrowRight' || ev.key === 'PageDown') { ev.preventDefault(); page(1); return; }
      if (ev.key === 'ArrowLeft' || ev.key === 'PageUp') { ev.preventDefault(); page(-1); return; }
      if (ev.key === 'l') { ev.preventDefault(); toggleLang(); }
      return;
    }
    if (ev.key === 'Escape') { if (state.selected) { ev.preventDefault(); unselect(); } return; }
    if (typing) return;
    if (ev.key === 'p') { ev.preventDefault(); projector(true); }
    else if (ev.key === 'l') { ev.preventDefault(); toggleLang(); }
    else if (ev.key === '+' || ev.key === '=') { ev.preventDefault(); zoom(1); }
    else if (ev.key === '-') { ev.preventDefault(); zoom(-1); }
    else if (ev.key === '0') { ev.preventDefault(); zoom(0); }
  });

  // ---- Live updates ----
  if (typeof EventSource === 'function') {
    var source = new EventSource('/events');
    source.addEventListener('update', function () { if (!state.eventAt) state.eventAt = performance.now(); refresh(); });
    source.addEventListener('open', function () { state.live = 'live'; $('live').textContent = w('live'); refresh(); });
    source.addEventListener('error', function () { state.live = 'offline'; $('live').textContent = w('offline'); });
  }
  refresh();
})();
`;

/** The workshop page in `lang`; the script fetches the view and can switch to the other language. */
export function workshopPage(lang: WorkshopLang): string {
  const w = WORDS[lang];
  const e = escapeHtml;
  // JSON inside <script type="application/json">: "<" written as \u003c so no "</script>" can close it.
  const init = JSON.stringify({ lang, words: WORDS }).replace(/</g, '\\u003c');
  const select = (key: 'phase' | 'form' | 'kind' | 'rank' | 'threat'): string =>
    `<label><span data-w="${key}">${e(w[key])}</span><select id="f-${key}" name="${key}"><option value="">${e(w.all)}</option></select></label>`;
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No favicon request (the server answers five paths only): an empty data: icon, which the CSP allows.
    '<link rel="icon" href="data:,">',
    `<title>koseizu — ${e(w.workshop)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="top">',
    `<h1 id="title">koseizu — ${e(w.workshop)}</h1>`,
    `<span class="status"><span id="live"></span> <span id="status" role="status" aria-live="polite">${e(w.loading)}</span></span>`,
    `<span class="status" data-w="keys">${e(w.keys)}</span>`,
    `<button type="button" id="projector-button" aria-keyshortcuts="p"><span data-w="projector">${e(w.projector)}</span> (p)</button>`,
    `<button type="button" id="lang-button" aria-keyshortcuts="l"><span data-w="otherLanguage">${e(w.otherLanguage)}</span> (l)</button>`,
    '</header>',
    '<div id="banner" role="alert" hidden></div>',
    `<form class="filters" role="search" aria-label="${e(w.filters)}">`,
    select('phase'), select('form'), select('kind'), select('rank'), select('threat'),
    '<span class="count" id="count" aria-live="polite"></span>',
    '</form>',
    '<main>',
    `<section aria-labelledby="h-diagram"><h2 class="bar" id="h-diagram-bar"><span id="h-diagram" data-w="diagram">${e(w.diagram)}</span>`,
    `<span class="zoom" role="group" aria-label="${e(w.zoom)}"><button type="button" id="zoom-out" aria-keyshortcuts="-" aria-label="${e(w.zoomOut)}">−</button>`,
    `<button type="button" id="zoom-fit" aria-keyshortcuts="0"><span id="zoom-level">${e(w.fit)}</span></button>`,
    `<button type="button" id="zoom-in" aria-keyshortcuts="+" aria-label="${e(w.zoomIn)}">+</button></span></h2>`,
    `<div id="diagram"><p class="hint" data-w="clickHint">${e(w.clickHint)}</p><div id="diagram-body"><p class="empty">${e(w.loading)}</p></div></div></section>`,
    `<section aria-labelledby="h-risks"><h2 id="h-risks" data-w="risks">${e(w.risks)}</h2>`,
    '<div id="list" tabindex="0"><ol class="risks" id="risk-list"></ol></div></section>',
    '</main>',
    '<aside id="panel" aria-labelledby="panel-title" hidden></aside>',
    '<div id="projector" role="dialog" aria-modal="true" aria-labelledby="proj-pos" hidden></div>',
    `<script type="application/json" id="koseizu-init">${init}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
