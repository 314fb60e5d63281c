// The risk assessment result list (koseizu threats), the engine's merging, and the rule catalogue
// command (koseizu rules): goldens for the examples, filters, formats, escaping and exit codes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../models/rule.js';
import { threatsCsv } from '../renderers/csv/threats.js';
import { threatsJson } from '../renderers/json/threats.js';
import { threatsMarkdown } from '../renderers/markdown/threats.js';
import { main } from '../src/cli/main.js';
import { assessModel, loadModel, threatList } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { riskMatrix } from '../src/analysis/score.js';
import { adjust, finding, start } from '../threat-rules/predicates.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { sayer, type Messages } from '../models/message.js';
import type { Model } from '../models/model.js';
import type { Lang } from '../models/vocabulary.js';
import { wording, type Wording } from '../src/words/wording.js';
import { expectGolden } from './helpers/golden.js';
import { baseWorld, el, loadWorld } from './helpers/rule-table.js';
import { analyse } from '../src/analysis/analyse.js';

/** The wording of a model's risks in `lang`, with the built-in rules and `extra`. */
const words = (model: Model, lang: Lang, extra: readonly Rule[] = []): Wording => wording(model, [...BUILTIN_RULES, ...extra], lang);

/** A test rule's messages. */
const TEST_MESSAGES = {
  segment: { ja: '{key}', en: '{key}' },
  test: { ja: '試験', en: 'test' },
  storage: { ja: '保存', en: 'storage' },
  processing: { ja: '処理', en: 'processing' },
  x: { ja: 'x', en: 'x' },
  first: { ja: '最初', en: 'first' },
  more: { ja: 'さらに', en: 'more' },
} as const satisfies Messages;
const say = sayer(TEST_MESSAGES);

const load = (path: string) => {
  const result = loadModel(path, diskHost);
  if (!result.model) throw new Error(`${path} does not load`);
  return result.model;
};

const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, {});
  return { code, out, err };
};

describe('golden risk lists', () => {
  const examples = [
    ['cloud-ehr', 'ja'], ['minimal', 'en'], ['onprem-hospital', 'ja'], ['regional-network', 'ja'], ['medical-hosting', 'ja'],
  ] as const;
  for (const [name, lang] of examples) {
    const path = `examples/${name}/model.yaml`;
    const model = load(path);
    const { risks, matrix } = assessModel(model);
    const list = threatList(model, risks, matrix, words(model, lang));
    it(`${name}: Markdown`, () => expectGolden(`test/golden/threats/${name}.md`, threatsMarkdown(list)));
    it(`${name}: CSV`, () => expectGolden(`test/golden/threats/${name}.csv`, threatsCsv(list)));
    it(`${name}: JSON`, () => expectGolden(`test/golden/threats/${name}.json`, threatsJson(list)));
    it(`${name}: the example loads with no diagnostic at all`, () => {
      expect(loadModel(path, diskHost).diagnostics).toEqual([]);
    });
  }

  it('is byte-identical on every run', () => {
    const a = load('examples/cloud-ehr/model.yaml');
    const b = load('examples/cloud-ehr/model.yaml');
    const one = threatsMarkdown(threatList(a, assessModel(a).risks, assessModel(a).matrix, words(a, 'ja')));
    expect(threatsMarkdown(threatList(b, assessModel(b).risks, assessModel(b).matrix, words(b, 'ja')))).toBe(one);
  });
});

describe('the engine', () => {
  /** A rule that fires on every storage segment, about the store's site: one risk per site. */
  const perSite: Rule = {
    id: 'test-site', threat: 'disaster', title: { ja: '試験', en: 'test' }, risk: { ja: '試験', en: 'test' }, cia: ['A'],
    segments: ['storage', 'processing'], phases: ['development', 'operation'],
    countermeasures: { human: [], physical: [], technical: [] }, references: [], messages: TEST_MESSAGES, origin: 'builtin',
    check: (segment) => {
      const d = segment.devices.at(-1);
      if (!d) return [];
      const likelihood = segment.kind === 'storage' ? start(4, say('storage')) : start(2, say('processing'));
      return [finding(say('segment', { key: segment.key }), start(3, say('test')), likelihood, d.site.id)];
    },
  };

  it('merges findings about one element into one risk listing every phase, flow and segment, keeping the worst', () => {
    const model = loadWorld(baseWorld());
    const risks = analyse(model, [perSite]).risks;
    expect(risks.map((r) => r.id)).toEqual(['test-site@dc']);
    const [r] = risks;
    expect(r?.phases).toEqual(['development', 'operation']);
    expect(r?.flows).toEqual(['dev', 'print', 'view']);
    expect(r?.likelihood.value).toBe(4);
    expect(r?.segment).toBe('storage');
    expect(r?.segments).toEqual([...(r?.segments ?? [])].sort());
    expect(r?.elements).toContain('dc');
  });

  it('runs a rule only on its segment kinds and phases', () => {
    const model = loadWorld(baseWorld());
    const onlyProcessingInDevelopment: Rule = { ...perSite, id: 'test-narrow', segments: ['processing'], phases: ['development'] };
    const [r] = analyse(model, [onlyProcessingInDevelopment]).risks;
    expect(r?.phases).toEqual(['development']);
    expect(r?.flows).toEqual(['dev']);
  });
});

describe('reasons', () => {
  it('say when a step was held at the limit of the scale, and a finding may move its risk to another phase', () => {
    const capped: Rule = {
      id: 'test-capped', threat: 'theft-leak', title: { ja: '試験', en: 'test' }, risk: { ja: '試験', en: 'test' }, cia: ['C'],
      segments: ['storage'], phases: ['operation'], countermeasures: { human: [], physical: [], technical: [] }, references: [], messages: TEST_MESSAGES, origin: 'builtin',
      check: (segment) => [finding(say('x'), start(3, say('test')),
        adjust(start(5, say('first')), +1, say('more')), segment.devices.at(-1)?.device.id, 'termination')],
    };
    const model = loadWorld(baseWorld());
    const risks = analyse(model, [capped]).risks;
    expect(risks.every((r) => r.phases.join() === 'termination')).toBe(true);
    const row = threatList(model, risks, riskMatrix(null), words(model, 'en', [capped])).rows[0];
    expect(row?.reasons.likelihood).toEqual(['5 very high: first', '+1 → 5 very high (held at the limit): more']);
    expect(threatList(model, risks, riskMatrix(null), words(model, 'ja', [capped])).rows[0]?.reasons.likelihood[1]).toContain('（上限・下限のため据え置き）');
  });
});

describe('filters', () => {
  const model = load('examples/cloud-ehr/model.yaml');
  const { risks, matrix } = assessModel(model);

  it('--min-rank keeps that rank and above; --phase and --segment keep what they name', () => {
    const a = threatList(model, risks, matrix, words(model, 'en'), { minRank: 'A' });
    expect(a.rows.length).toBeGreaterThan(0);
    expect(a.rows.every((r) => r.rank === 'S' || r.rank === 'A')).toBe(true);
    expect(a.total).toBe(risks.length);
    const termination = threatList(model, risks, matrix, words(model, 'en'), { phase: 'termination' });
    expect(termination.rows.length).toBeGreaterThan(0);
    expect(termination.rows.every((r) => r.phases.includes('termination'))).toBe(true);
    const transfer = threatList(model, risks, matrix, words(model, 'en'), { segment: 'transfer' });
    expect(transfer.rows.every((r) => r.segment === 'transfer')).toBe(true);
    expect(threatsMarkdown(a)).toContain('rank A and above');
  });

  it('orders rows by rank, S first, then by id', () => {
    const rows = threatList(model, risks, matrix, words(model, 'ja')).rows;
    const order = 'SABCD';
    for (let i = 1; i < rows.length; i++) {
      const [p, c] = [rows[i - 1], rows[i]];
      if (!p || !c) continue;
      expect(order.indexOf(p.rank) < order.indexOf(c.rank) || (p.rank === c.rank && p.id < c.id)).toBe(true);
    }
  });
});

describe('formats', () => {
  it('CSV is UTF-8 with a BOM and CRLF, and a label that looks like a formula stays text', async () => {
    const w = baseWorld();
    el(w, 'devices', 'terminal')['label'] = '=HYPERLINK("http://x")';
    const model = loadWorld(w);
    const { risks, matrix } = assessModel(model);
    const csv = threatsCsv(threatList(model, risks, matrix, words(model, 'en')));
    expect(csv.startsWith('\uFEFFRisk id,Rank,')).toBe(true);
    expect(csv).toContain('\r\n');
    // Read it back the way a spreadsheet does, cell by cell: no cell may begin with a formula sign,
    // and the label is still there as text (quoted with an apostrophe where it begins a cell).
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([csv.slice(1)]));
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells.some((c) => c.startsWith(`'=HYPERLINK`))).toBe(true);
  });

  it('Markdown escapes labels that would break the table or inject markup', () => {
    const w = baseWorld();
    el(w, 'devices', 'terminal')['label'] = 'a|b <script>';
    const model = loadWorld(w);
    const { risks, matrix } = assessModel(model);
    const md = threatsMarkdown(threatList(model, risks, matrix, words(model, 'en')));
    expect(md).not.toContain('<script>');
    expect(md).toContain('a\\|b &lt;script&gt;');
  });

  it('JSON carries the keys beside the words', () => {
    const model = load('examples/minimal/model.yaml');
    const { risks, matrix } = assessModel(model);
    const json = JSON.parse(threatsJson(threatList(model, risks, matrix, words(model, 'en')))) as { rows: { id: string; rank: string; impact: number; cells: { rank: string } }[] };
    expect(json.rows.length).toBe(risks.length);
    for (const r of json.rows) expect(r.cells.rank).toBe(r.rank);
  });
});

describe('koseizu threats', () => {
  it('prints the list in the model\'s language, filtered; -o writes a file and never over the model', async () => {
    const ja = await run(['threats', 'examples/cloud-ehr/model.yaml', '--min-rank', 'A']);
    expect(ja.code).toBe(0);
    expect(ja.out).toContain('# リスクアセスメント結果一覧');
    const en = await run(['--lang', 'en', 'threats', 'examples/cloud-ehr/model.yaml', '--phase', 'termination', '--format', 'json']);
    expect(JSON.parse(en.out).lang).toBe('en');
    const dir = mkdtempSync(join(tmpdir(), 'koseizu-threats-'));
    try {
      const out = join(dir, 'risks.csv');
      expect((await run(['threats', 'examples/cloud-ehr/model.yaml', '--format', 'csv', '-o', out])).code).toBe(0);
      expect(readFileSync(out, 'utf8').startsWith('\uFEFFリスクID,')).toBe(true);
      const model = readFileSync('examples/minimal/model.yaml', 'utf8');
      expect((await run(['threats', 'examples/minimal/model.yaml', '-o', 'examples/minimal/model.yaml'])).code).toBe(2);
      expect(readFileSync('examples/minimal/model.yaml', 'utf8')).toBe(model);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on an invalid model or a bad filter, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koseizu-threats-'));
    try {
      const out = join(dir, 'x.md');
      const bad = await run(['threats', 'test/fixtures/broken/media-same-location.yaml', '-o', out]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('KZ209');
      expect(existsSync(out)).toBe(false);
      expect((await run(['threats', 'examples/cloud-ehr/model.yaml', '--min-rank', 'E'])).code).toBe(2);
      expect((await run(['threats', 'examples/cloud-ehr/model.yaml', '--segment', 'inputs'])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('user rules on the command line and in the model', () => {
  it('--rules adds a rule file\'s rules to the list, and to the catalogue', async () => {
    const { code, out } = await run(['threats', 'examples/cloud-ehr/model.yaml', '--rules', 'test/fixtures/rules/wlan-shared-key.yaml', '--format', 'json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(out) as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids).toContain('org-wlan-shared-key@clinic-wlan');
    const listed = await run(['rules', '--rules', 'test/fixtures/rules/wlan-shared-key.yaml']);
    expect(listed.out).toContain('`org-wlan-shared-key`');
  });

  it('a broken rule file stops the list with its position, exit 2', async () => {
    const { code, err } = await run(['--lang', 'en', 'threats', 'test/fixtures/broken/rules-unknown-fact/model.yaml']);
    expect(code).toBe(2);
    expect(err).toMatch(/rules-unknown-fact\/[^:]+\.yaml:\d+:\d+: error KZ406/);
    expect((await run(['rules', '--rules', 'test/fixtures/broken/rules-unknown-fact'])).code).toBe(2);
  });

  it('a rules: entry that leaves the model\'s folder is refused where it is written', () => {
    const w = baseWorld();
    w['rules'] = ['../elsewhere/rules.yaml'];
    expect(() => loadWorld(w)).toThrow(/KZ412/);
  });
});

describe('koseizu rules', () => {
  it('lists every rule, and which rules instantiate each representative threat', async () => {
    const { code, out } = await run(['rules']);
    expect(code).toBe(0);
    expect(out).toContain('# 脅威ルールの一覧');
    expect(out).toContain('`input-spoofing`');
    expect(out).toContain('## 代表的な脅威ごとのルール');
  });

  it('explains one rule with its countermeasures in the three categories', async () => {
    const { code, out } = await run(['--lang', 'en', 'rules', 'input-spoofing']);
    expect(code).toBe(0);
    for (const heading of ['## Countermeasures asked for', '### human / organisational', '### physical', '### technical', '## Guideline references']) expect(out).toContain(heading);
    const json = JSON.parse((await run(['rules', 'log-leak', '--format', 'json'])).out) as { id: string }[];
    expect(json.map((r) => r.id)).toEqual(['log-leak']);
  });

  it('an unknown rule exits 2 with a did-you-mean', async () => {
    const { code, err } = await run(['--lang', 'en', 'rules', 'input-spofing']);
    expect(code).toBe(2);
    expect(err).toContain('did you mean "input-spoofing"');
  });
});
