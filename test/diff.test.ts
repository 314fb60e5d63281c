// koseizu diff: pairs of versions of the cloud-EHR example, each changing one thing, with golden outputs;
// a label-only change must move no risk; --fail-on; the comment limit.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiffView, ModelDiffTerms } from '../models/diff.js';
import type { Lang } from '../models/vocabulary.js';
import { diffMarkdown } from '../renderers/markdown/diff.js';
import { modelDiff } from '../src/diff/diff.js';
import { diffView } from '../src/diff/view.js';
import { applyResponses, assessModel, BUILTIN_RULES, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { wording } from '../src/words/wording.js';
import { main } from '../src/cli/main.js';
import { expectGolden } from './helpers/golden.js';

const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, {});
  return { code, out, err };
};

const root = mkdtempSync(join(tmpdir(), 'koseizu-diff-'));
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

const MODEL = readFileSync('examples/cloud-ehr/model.yaml', 'utf8');
const NETWORK = readFileSync('examples/cloud-ehr/network.yaml', 'utf8');

/** A copy of the example in its own folder, with its model and network texts edited. */
function variant(name: string, edit: { model?: (t: string) => string; network?: (t: string) => string } = {}): string {
  const dir = join(root, name);
  cpSync('examples/cloud-ehr', dir, { recursive: true });
  writeFileSync(join(dir, 'model.yaml'), (edit.model ?? ((t) => t))(MODEL));
  writeFileSync(join(dir, 'network.yaml'), (edit.network ?? ((t) => t))(NETWORK));
  return join(dir, 'model.yaml');
}

const must = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`the example no longer contains ${from}`);
  return text.replace(from, to);
};

const base = variant('base');

/** The diff of two model files in one language, as the pull-request comment shows it. */
function viewOf(oldFile: string, newFile: string, lang: Lang): DiffView {
  const version = (file: string) => {
    const model = loadModel(file, diskHost).model;
    if (!model) throw new Error(`${file} does not load`);
    const { risks, matrix } = assessModel(model);
    return { model, risks, responses: applyResponses(model, risks, matrix), label: file };
  };
  const [a, b] = [version(oldFile), version(newFile)];
  return diffView(modelDiff(a, b), { old: wording(a.model, BUILTIN_RULES, lang), new: wording(b.model, BUILTIN_RULES, lang) });
}

const PAIRS: Readonly<Record<string, string>> = {
  // An internet-exposed portal is added in the data centre, reached from the gateway.
  'internet-device': variant('internet-device', {
    model: (t) => must(must(t,
      "  - {id: log-server, label: ログサーバ, kind: log-server, at: server-room,",
      "  - {id: patient-portal, label: 患者向けポータル, kind: server, at: server-room, exposure: internet, auth: password, env: production}\n  - {id: log-server, label: ログサーバ, kind: log-server, at: server-room,"),
      "  - {from: ehr-server, to: log-server, network: dc-internal, protocol: syslog}",
      "  - {from: ehr-server, to: log-server, network: dc-internal, protocol: syslog}\n  - {from: patient-portal, to: ehr-server, network: dc-internal, protocol: https, tls: \"1.2\"}")
      .replace("flows:\n", "flows:\n  - {id: portal-view, label: 患者がポータルで検査結果を閲覧する, phase: operation, who: patient, where: server-room, which: patient-portal,\n     what: [test-results], how: [view], path: [patient-portal, ehr-server], volume: medium}\n"),
  }),
  // The IPsec VPN between the clinic and the data centre is replaced by the open internet.
  'vpn-to-internet': variant('vpn-to-internet', {
    network: (t) => must(t, "{id: dc-line, label: 医療機関-DC間 IPsec-VPN, kind: ipsec-vpn, ike: true, auth: certificate,", "{id: dc-line, label: 医療機関-DC間 インターネット, kind: internet,"),
  }),
  // Only a label changes: the diff shows a rename and no risk moves.
  'label-renamed': variant('label-renamed', {
    model: (t) => must(t, "{id: ehr-terminal, label: 電子カルテ端末,", "{id: ehr-terminal, label: 電子カルテ端末（診察用PC）,"),
  }),
  // The wireless LAN is fixed (802.1X), so the response written for its risk answers nothing any more.
  'response-orphaned': variant('response-orphaned', {
    network: (t) => must(t, "wlan-security: wpa2-personal, mac-filter: true,\n     ieee8021x: false}", "wlan-security: wpa2-enterprise, mac-filter: true,\n     ieee8021x: true}"),
  }),
  // Production maintenance moves from the development phase to operation (remote maintenance).
  'flow-phase': variant('flow-phase', {
    model: (t) => must(t, "  - {id: production-maintenance, label: 開発/保守要員が開発・保守端末から本番環境を保守する, phase: development,", "  - {id: production-maintenance, label: 開発/保守要員が開発・保守端末から本番環境を保守する, phase: operation,"),
  }),
};

describe('golden diffs of the cloud-EHR example', () => {
  for (const [name, path] of Object.entries(PAIRS)) {
    it(`${name}: text, Markdown and JSON`, async () => {
      const text = await run(['diff', base, path]);
      expect(text.code, text.err).toBe(0);
      const tidy = (s: string): string => s.split(root).join('<tmp>');
      expectGolden(`test/golden/diff/${name}.txt`, tidy(text.out));
      const md = await run(['diff', base, path, '--format', 'md']);
      expectGolden(`test/golden/diff/${name}.md`, tidy(md.out));
      const json = JSON.parse((await run(['diff', base, path, '--format', 'json'])).out) as ModelDiffTerms;
      // Named from the folder holding both models, never as typed: the bytes do not depend on the path's spelling.
      expect(json.new.label).toBe(`${name}/model.yaml`);
    });
  }

  it('a label-only change is a rename and moves no risk', async () => {
    const diff = JSON.parse((await run(['diff', base, PAIRS['label-renamed'] ?? '', '--format', 'json'])).out) as ModelDiffTerms;
    expect(diff.elements.map((e) => [e.id, e.state])).toEqual([['ehr-terminal', 'renamed']]);
    expect(diff.risks).toEqual([]);
    expect(diff.responses).toEqual([]);
  });

  it('the internet-exposed device adds risks, an S or A among them, and --fail-on A fails', async () => {
    const diff = JSON.parse((await run(['diff', base, PAIRS['internet-device'] ?? '', '--format', 'json'])).out) as ModelDiffTerms;
    expect(diff.elements.filter((e) => e.state === 'added').map((e) => e.id).sort()).toEqual(['patient-portal', 'patient-portal--ehr-server', 'portal-view']);
    expect(diff.risks.some((r) => r.id === 'internet-exposure@patient-portal' && r.state === 'added')).toBe(true);
    expect(diff.summary.risksAddedByRank.S + diff.summary.risksAddedByRank.A).toBeGreaterThan(0);
    expect((await run(['diff', base, PAIRS['internet-device'] ?? '', '--fail-on', 'A'])).code).toBe(1);
    expect((await run(['diff', base, PAIRS['label-renamed'] ?? '', '--fail-on', 'D'])).code).toBe(0);
  });

  it('the VPN replaced by the internet re-ranks risks and says which facts moved them', async () => {
    const diff = JSON.parse((await run(['--lang', 'en', 'diff', base, PAIRS['vpn-to-internet'] ?? '', '--format', 'json'])).out) as ModelDiffTerms;
    const moved = diff.risks.filter((r) => r.state === 'reranked' || r.state === 'rescored');
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.some((r) => r.why.some((w) => w.en.includes('reachable from the internet')))).toBe(true);
    expect(diff.risks.some((r) => r.state === 'added' && r.rule === 'transfer-eavesdropping')).toBe(true);
  });

  it('an orphaned response is reported with where it is written', async () => {
    const diff = JSON.parse((await run(['diff', base, PAIRS['response-orphaned'] ?? '', '--format', 'json'])).out) as ModelDiffTerms;
    expect(diff.responses.map((r) => [r.pattern, r.state])).toEqual([['wlan-access-control@clinic-wlan', 'orphaned']]);
    expect(diff.responses[0]?.source).toMatch(/model\.yaml:\d+:\d+$/);
    expect(diff.summary.responsesOrphaned).toBe(1);
  });

  it('a flow moved to another phase is a changed flow, and its risks follow', async () => {
    const diff = JSON.parse((await run(['diff', base, PAIRS['flow-phase'] ?? '', '--format', 'json'])).out) as ModelDiffTerms;
    const flow = diff.elements.find((e) => e.id === 'production-maintenance');
    expect(flow?.state).toBe('changed');
    expect(flow?.properties.map((p) => p.key)).toContain('phase');
    expect(diff.risks.some((r) => r.id.includes('@production-maintenance/'))).toBe(true);
  });
});

describe('the pull-request comment', () => {
  it('carries a Mermaid block that GitHub\'s Mermaid parses, for every pair', async () => {
    const { JSDOM } = await import('jsdom');
    const dom = new JSDOM('');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false });
    for (const path of Object.values(PAIRS)) {
      const md = (await run(['diff', base, path, '--format', 'md'])).out;
      const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1];
      expect(block, path).toBeDefined();
      await mermaid.parse(block ?? '');
      expect(md.length).toBeLessThan(65_536);
    }
  }, 60_000);

  it('stays under GitHub\'s limit and says what it cut', async () => {
    const full = diffMarkdown(viewOf(base, PAIRS['vpn-to-internet'] ?? '', 'ja'), { mermaid: 'flowchart TB\n' + '  a --> b\n'.repeat(2000) });
    expect(full.length).toBeGreaterThan(10_000);
    const en = viewOf(base, PAIRS['vpn-to-internet'] ?? '', 'en');
    const cut = diffMarkdown(en, { mermaid: 'flowchart TB\n' + '  a --> b\n'.repeat(2000), limit: 6_000 });
    expect(cut.length).toBeLessThanOrEqual(6_000);
    expect(cut).toContain('Cut to fit');
    expect(cut).toContain(en.summary);
  });

  it('--diagram draws the change as SVG or PNG; another extension is refused', async () => {
    const svg = join(root, 'change.svg');
    const png = join(root, 'change.png');
    expect((await run(['diff', base, PAIRS['internet-device'] ?? '', '--diagram', svg, '-o', join(root, 'd.txt')])).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('患者向けポータル');
    expect((await run(['diff', base, PAIRS['internet-device'] ?? '', '--diagram', png, '-o', join(root, 'd2.txt')])).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect((await run(['diff', base, PAIRS['internet-device'] ?? '', '--diagram', join(root, 'x.gif')])).code).toBe(2);
  }, 60_000);

  it('needs two models or --base and one', async () => {
    expect((await run(['diff', base])).code).toBe(2);
    expect((await run(['diff', base, base, '--base', 'HEAD'])).code).toBe(2);
  });
});
