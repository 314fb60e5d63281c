// The information-flow table (koseizu flows): the cloud-EHR example against the guideline's own table,
// goldens for every example and format, and the escaping of each format.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowsCsv } from '../renderers/csv/flows.js';
import { flowsJson } from '../renderers/json/flows.js';
import { flowsMarkdown } from '../renderers/markdown/flows.js';
import { main } from '../src/cli/main.js';
import { flowTable, listJa } from '../src/report/flows.js';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { expectGolden } from './helpers/golden.js';
import { memoryHost } from './helpers/memory-host.js';

const load = (path: string) => {
  const result = loadModel(path, diskHost);
  if (!result.model) throw new Error(`${path} does not load`);
  return result.model;
};

// The guideline's example of an application provider's flows in the operation phase (seed 000, 5.2.1),
// cell for cell: Who / Where / Which / What / How.
const GUIDELINE_OPERATION_ROWS = [
  ['患者が', '待合室の', '問診用タブレットで', '患者情報等を', '閲覧・操作する'],
  ['医療事務/看護師等が', '受付/窓口の', '医事端末で', '患者情報等を', '閲覧・操作する'],
  ['医療事務/看護師等が', '受付/窓口の', 'プリンタで', 'レセプト等を', '帳票出力する'],
  ['医師/代行入力者等が', '診察室の', '電子カルテ端末で', '患者情報/オーダ/検査結果/診療録/診療諸記録等を', '閲覧・操作する'],
  ['医師/看護師/臨床検査技師等が', '処置室/検査室の', '電子カルテシステムと連携する他社が提供するシステムで', 'オーダ/検査結果等を', '処理する'],
  ['—', '対象事業者DCの', '電子カルテサーバ（本番環境）で', 'オーダ/検査結果/診療録/診療諸記録等が', '作成や保存される'],
  ['—', '対象事業者DCの', '医事会計サーバ（本番環境）で', 'レセプト/処方箋/患者情報等が', '作成や保存される'],
  ['—', '対象事業者DCの', 'ログサーバで', 'アプリケーションのログが', '保存される'],
];

describe('the cloud-EHR example against the guideline', () => {
  const table = flowTable(load('examples/cloud-ehr/model.yaml'), 'ja');

  it('reproduces the guideline\'s operation-phase table row by row', () => {
    const operation = table.sections.find((s) => s.form === 'application' && s.phase === 'operation');
    expect(operation?.rows.map((r) => [r.cells.who, r.cells.where, r.cells.which, r.cells.what, r.cells.how])).toEqual(GUIDELINE_OPERATION_ROWS);
  });

  it('has the development and contract-termination phases too, in the lifecycle\'s order', () => {
    expect(table.sections.map((s) => s.phase)).toEqual(['development', 'operation', 'termination']);
    const development = table.sections[0];
    expect(development?.rows.map((r) => r.cells.which)).toContain('開発・保守端末で');
    expect(development?.rows.map((r) => r.cells.which)).toContain('電子カルテサーバ（開発環境）で');
    const termination = table.sections[2];
    expect(termination?.rows.flatMap((r) => r.how)).toEqual(expect.arrayContaining(['return', 'erase']));
    expect(termination?.media.map((m) => m.id)).toEqual(['return-disk', 'tape-disposal']);
  });
});

describe('goldens', () => {
  for (const [name, path] of [['cloud-ehr', 'examples/cloud-ehr/model.yaml'], ['minimal', 'examples/minimal/model.yaml']] as const) {
    for (const lang of ['ja', 'en'] as const) {
      it(`${name}.${lang}: Markdown, CSV and JSON`, () => {
        const table = flowTable(load(path), lang);
        expectGolden(`test/golden/flows/${name}.${lang}.md`, flowsMarkdown(table));
        expectGolden(`test/golden/flows/${name}.${lang}.csv`, flowsCsv(table));
        expectGolden(`test/golden/flows/${name}.${lang}.json`, flowsJson(table));
      });
    }
  }
});

describe('escaping', () => {
  const yaml = [
    'koseizu: 1',
    'system: {id: s, title: "T | <b>bold</b>", forms: [application], phases: [operation]}',
    'sites: [{id: a, label: "Site, \\"quoted\\"", owner: institution}]',
    'locations: [{id: r, label: "=HYPERLINK(\\"x\\")", site: a}]',
    'actors: [{id: p, label: "+pipe | person", org: public}]',
    'data: [{id: d, label: "-data\\nwith a line break", class: medical}]',
    'devices: [{id: t, label: "@term <script>", kind: terminal, at: r}]',
    'flows: [{id: f, label: F, phase: operation, who: p, which: t, what: [d], how: [view]}]',
  ].join('\n');
  const result = loadModel('m.yaml', memoryHost({ 'm.yaml': yaml }));
  const table = flowTable(result.model ?? (() => { throw new Error('hostile model does not load'); })(), 'en');

  it('Markdown: pipes escaped, markup made literal, line breaks flattened, one row per flow', () => {
    const md = flowsMarkdown(table);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    const row = md.split('\n').find((l) => l.includes('`f`')) ?? '';
    expect(row.split(/(?<!\\)\|/).length).toBe(8); // six cells between seven unescaped pipes
    expect(row).toContain('+pipe \\| person');
    expect(row).toContain('-data with a line break');
  });

  it('CSV: a byte order mark, RFC 4180 quoting, and no cell a spreadsheet would run as a formula', () => {
    const csv = flowsCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv).toContain("'+pipe | person");
    expect(csv).toContain("'@term <script>");
    expect(csv).toContain('"\'-data\nwith a line break"');
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(2); // the heading and one row: the line break stays inside its quoted cell
  });
});

describe('listJa', () => {
  it('puts a trailing 等 once, at the end of the whole list', () => {
    expect(listJa(['患者情報等'])).toBe('患者情報等');
    expect(listJa(['オーダ', '検査結果等'])).toBe('オーダ/検査結果等');
    expect(listJa(['レセプト等', '処方箋', '患者情報等'])).toBe('レセプト/処方箋/患者情報等');
    expect(listJa(['A', 'B'])).toBe('A/B');
    expect(listJa([])).toBe('');
  });
});

describe('koseizu flows', () => {
  const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, {});
    return { code, out, err };
  };

  it('prints the Markdown table, in the model\'s language unless --lang says otherwise', async () => {
    const ja = await run(['flows', 'examples/cloud-ehr/model.yaml']);
    expect(ja.code).toBe(0);
    expect(ja.out).toBe(flowsMarkdown(flowTable(load('examples/cloud-ehr/model.yaml'), 'ja')));
    expect((await run(['flows', 'examples/minimal/model.yaml'])).out).toContain('| Who | Where |');
    expect((await run(['--lang', 'ja', 'flows', 'examples/minimal/model.yaml'])).out).toContain('| Who（誰が） |');
  });

  it('--format csv and json, -o writes a file; an invalid model exits 2 and writes nothing', async () => {
    expect((await run(['flows', 'examples/cloud-ehr/model.yaml', '--format', 'csv'])).out.startsWith('\uFEFFform,phase')).toBe(true);
    expect(JSON.parse((await run(['flows', 'examples/cloud-ehr/model.yaml', '--format', 'json'])).out).sections).toHaveLength(3);
    const dir = mkdtempSync(join(tmpdir(), 'koseizu-flows-'));
    try {
      const out = join(dir, 'flows.csv');
      expect((await run(['flows', 'examples/cloud-ehr/model.yaml', '--format', 'csv', '-o', out])).code).toBe(0);
      expect(readFileSync(out, 'utf8').startsWith('\uFEFF')).toBe(true);
      const bad = await run(['flows', 'test/fixtures/broken/unknown-device-in-path.yaml', '-o', join(dir, 'bad.md')]);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/unknown-device-in-path\.yaml:\d+:\d+: error KZ104/);
      expect(existsSync(join(dir, 'bad.md'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
