// The golden diagnostics corpus: small broken models under test/fixtures/broken/, each breaking one
// thing (sometimes two, to show that every problem is reported at once). For each one the test states
// which codes it must produce (the intent, independent of the wording), whether a model still comes
// out (only when there are warnings alone), and compares the formatted output in English and Japanese
// with golden files beside the fixture (<name>.en.txt, <name>.ja.txt; KOSEIZU_ACCEPT=1 rewrites them).
//
// A case marked with `bug` shows a known defect of src/: its golden is not accepted (and not compared)
// in the languages the bug affects until the bug is fixed. When `codesWrong` is set, the code check is
// expected to fail today (it.fails), so fixing the bug turns it red and reminds whoever fixed it to
// remove the marker and accept the goldens.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../models/diagnostic.js';
import { MODEL_LIMITS } from '../src/load/resolve.js';
import type { Lang } from '../models/vocabulary.js';
import { formatDiagnostics, loadModel, type LoadResult } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { MAX_FILE_BYTES } from '../src/load/parse.js';
import { expectGolden } from './helpers/golden.js';

const DIR = 'test/fixtures/broken';
const LANGS: readonly Lang[] = ['en', 'ja'];

interface Bug {
  /** What is wrong, precisely enough to fix it. */
  readonly text: string;
  /** The languages whose output is wrong (both when not given). */
  readonly langs?: readonly Lang[];
  /** The bug changes which codes come out: the code check fails until it is fixed. */
  readonly codesWrong?: boolean;
}

interface Case {
  /** The root model file, relative to DIR; a folder case names its model.yaml. */
  readonly file: string;
  /** Every code the model must produce, in output order, repeats included. */
  readonly codes: readonly DiagnosticCode[];
  readonly bug?: Bug;
}

/** Fixture name (the file without .yaml, or the folder) -> what it must produce. */
const CASES: Readonly<Record<string, Case>> = {
  // Reading and YAML (KZ0xx)
  'yaml-syntax-error': { file: 'yaml-syntax-error.yaml', codes: ['KZ001'] },
  'yaml-unclosed-flow-mapping': { file: 'yaml-unclosed-flow-mapping.yaml', codes: ['KZ001'] },
  'tab-indentation': { file: 'tab-indentation.yaml', codes: ['KZ001'] },
  'duplicate-key': { file: 'duplicate-key.yaml', codes: ['KZ002', 'KZ002'] },
  'not-utf8-shift-jis': { file: 'not-utf8-shift-jis.yaml', codes: ['KZ004'] },
  'alias-bomb': { file: 'alias-bomb.yaml', codes: ['KZ005'] },
  'include-missing-file': { file: 'include-missing-file/model.yaml', codes: ['KZ006'] },
  'empty-file': { file: 'empty-file.yaml', codes: ['KZ007'] },
  'not-a-mapping-list': { file: 'not-a-mapping-list.yaml', codes: ['KZ007'] },
  'not-a-mapping-scalar': { file: 'not-a-mapping-scalar.yaml', codes: ['KZ007'] },
  'multiple-documents': { file: 'multiple-documents.yaml', codes: ['KZ008'] },
  'include-absolute-path': { file: 'include-absolute-path/model.yaml', codes: ['KZ010'] },
  'include-outside-folder': { file: 'include-outside-folder/model/model.yaml', codes: ['KZ010', 'KZ104'] },
  'include-cycle': { file: 'include-cycle/model.yaml', codes: ['KZ011'] },
  'include-too-deep': { file: 'include-too-deep/model.yaml', codes: ['KZ012'] },
  'tag-binary': { file: 'tag-binary.yaml', codes: ['KZ013'] },
  'tag-custom': { file: 'tag-custom.yaml', codes: ['KZ013'] },
  // Structure (KZ1xx)
  'missing-version': { file: 'missing-version.yaml', codes: ['KZ100'] },
  'version-2': { file: 'version-2.yaml', codes: ['KZ100'] },
  'version-quoted': { file: 'version-quoted.yaml', codes: ['KZ100'] },
  'unknown-key-top-level': { file: 'unknown-key-top-level.yaml', codes: ['KZ101'] },
  'unknown-key-in-device': { file: 'unknown-key-in-device.yaml', codes: ['KZ101'] },
  'unknown-key-in-measure': { file: 'unknown-key-in-measure.yaml', codes: ['KZ101', 'KZ105'] },
  'wrong-types': { file: 'wrong-types.yaml', codes: ['KZ102', 'KZ102'] },
  'devices-as-mapping': { file: 'devices-as-mapping.yaml', codes: ['KZ102'] },
  'bad-enum-near-miss': { file: 'bad-enum-near-miss.yaml', codes: ['KZ103', 'KZ103', 'KZ103'] },
  'missing-required-key': { file: 'missing-required-key.yaml', codes: ['KZ301', 'KZ105', 'KZ105'] },
  'duplicate-id-same-kind': { file: 'duplicate-id-same-kind.yaml', codes: ['KZ106'] },
  'duplicate-id-across-kinds': { file: 'duplicate-id-across-kinds.yaml', codes: ['KZ106'] },
  'duplicate-id-site-and-location': { file: 'duplicate-id-site-and-location.yaml', codes: ['KZ106'] },
  'duplicate-link-without-id': { file: 'duplicate-link-without-id.yaml', codes: ['KZ106'] },
  'id-not-kebab-case': { file: 'id-not-kebab-case.yaml', codes: ['KZ107', 'KZ107', 'KZ107', 'KZ107'] },
  'bad-retention': { file: 'bad-retention.yaml', codes: ['KZ108'] },
  'count-zero': { file: 'count-zero.yaml', codes: ['KZ108'] },
  'response-bad-values': { file: 'response-bad-values.yaml', codes: ['KZ108', 'KZ108', 'KZ108'] },
  'duplicate-list-item': { file: 'duplicate-list-item.yaml', codes: ['KZ109', 'KZ109'] },
  'missing-system': { file: 'missing-system.yaml', codes: ['KZ110'] },
  'include-with-system': { file: 'include-with-system/model.yaml', codes: ['KZ110'] },
  'empty-what': { file: 'empty-what.yaml', codes: ['KZ301', 'KZ111'] },
  'empty-label': { file: 'empty-label.yaml', codes: ['KZ111'] },
  'control-character': { file: 'control-character.yaml', codes: ['KZ112', 'KZ112'] },
  // References (KZ104, KZ208)
  'unknown-device-in-path': { file: 'unknown-device-in-path.yaml', codes: ['KZ104'] },
  'unknown-device-in-link': { file: 'unknown-device-in-link.yaml', codes: ['KZ302', 'KZ104'] },
  'unknown-device-in-link-from': { file: 'unknown-device-in-link-from.yaml', codes: ['KZ104'] },
  'unknown-device-which': { file: 'unknown-device-which.yaml', codes: ['KZ104'] },
  'unknown-location-at': { file: 'unknown-location-at.yaml', codes: ['KZ104'] },
  'unknown-site': { file: 'unknown-site.yaml', codes: ['KZ104'] },
  'unknown-actor-who': { file: 'unknown-actor-who.yaml', codes: ['KZ104'] },
  'unknown-carrier': { file: 'unknown-carrier.yaml', codes: ['KZ104'] },
  'unknown-data': { file: 'unknown-data.yaml', codes: ['KZ104', 'KZ104'] },
  'unknown-network': { file: 'unknown-network.yaml', codes: ['KZ104'] },
  'unknown-media-locations': { file: 'unknown-media-locations.yaml', codes: ['KZ104', 'KZ104'] },
  'wrong-kind-reference': { file: 'wrong-kind-reference.yaml', codes: ['KZ208', 'KZ208'] },
  // Meaning (KZ2xx)
  'path-hop-without-link': { file: 'path-hop-without-link.yaml', codes: ['KZ201'] },
  'flow-where-not-device-location': { file: 'flow-where-not-device-location.yaml', codes: ['KZ202'] },
  'phase-not-declared': { file: 'phase-not-declared.yaml', codes: ['KZ203', 'KZ203'] },
  'form-not-declared': { file: 'form-not-declared.yaml', codes: ['KZ204'] },
  'missing-form-two-forms': { file: 'missing-form-two-forms.yaml', codes: ['KZ205'] },
  'which-not-on-path': { file: 'which-not-on-path.yaml', codes: ['KZ206'] },
  'link-to-itself': { file: 'link-to-itself.yaml', codes: ['KZ302', 'KZ207'] },
  'media-same-location': { file: 'media-same-location.yaml', codes: ['KZ301', 'KZ209'] },
  'unknown-key-comma-in-flow-mapping': { file: 'unknown-key-comma-in-flow-mapping.yaml', codes: ['KZ101'] },
  'risk-matrix-falling': { file: 'risk-matrix-falling.yaml', codes: ['KZ210'] },
  // Warnings only (KZ3xx): a model still comes out
  'unused-elements': { file: 'unused-elements.yaml', codes: ['KZ301', 'KZ301', 'KZ301', 'KZ301', 'KZ301'] },
  'device-without-link': { file: 'device-without-link.yaml', codes: ['KZ302'] },
  'network-fact-not-applicable': { file: 'network-fact-not-applicable.yaml', codes: ['KZ303', 'KZ303'] },
  'path-same-device-twice': { file: 'path-same-device-twice.yaml', codes: ['KZ304'] },
  'reduce-without-measures': { file: 'reduce-without-measures.yaml', codes: ['KZ305'] },
  'operator-person-site': { file: 'operator-person-site.yaml', codes: ['KZ211'] },
  'store-unsaid-tablet': { file: 'store-unsaid-tablet.yaml', codes: ['KZ310'] },
  'exposure-contradicts-links': { file: 'exposure-contradicts-links.yaml', codes: ['KZ311'] },
  'medical-in-infrastructure': { file: 'medical-in-infrastructure.yaml', codes: ['KZ312'] },
  'boundary-missing': { file: 'boundary-missing.yaml', codes: ['KZ313'] },
  'carrier-no-agreement': { file: 'carrier-no-agreement.yaml', codes: ['KZ314', 'KZ314'] },
  // User rule files named by the model's rules: (KZ4xx)
  'rules-not-a-rule-file': { file: 'rules-not-a-rule-file/model.yaml', codes: ['KZ400', 'KZ400'] },
  'rules-unknown-key': { file: 'rules-unknown-key/model.yaml', codes: ['KZ401', 'KZ401'] },
  'rules-wrong-type': { file: 'rules-wrong-type/model.yaml', codes: ['KZ402', 'KZ402'] },
  'rules-bad-value': { file: 'rules-bad-value/model.yaml', codes: ['KZ403', 'KZ403'] },
  'rules-missing-key': { file: 'rules-missing-key/model.yaml', codes: ['KZ404', 'KZ404'] },
  'rules-bad-format': { file: 'rules-bad-format/model.yaml', codes: ['KZ405', 'KZ405'] },
  'rules-unknown-fact': { file: 'rules-unknown-fact/model.yaml', codes: ['KZ406'] },
  'rules-bad-operator': { file: 'rules-bad-operator/model.yaml', codes: ['KZ407'] },
  'rules-bad-fact-value': { file: 'rules-bad-fact-value/model.yaml', codes: ['KZ408', 'KZ408'] },
  'rules-unknown-placeholder': { file: 'rules-unknown-placeholder/model.yaml', codes: ['KZ409'] },
  'rules-builtin-id': { file: 'rules-builtin-id/model.yaml', codes: ['KZ410'] },
  'rules-duplicate-id': { file: 'rules-duplicate-id/model.yaml', codes: ['KZ411'] },
  'rules-outside-folder': { file: 'rules-outside-folder/model/model.yaml', codes: ['KZ412'] },
  'rules-folder-empty': { file: 'rules-folder-empty/model.yaml', codes: ['KZ413'] },
};

/**
 * Cases that cannot live as a file in the repository: the input is made at test time in a temporary
 * folder (a file past the size limit), or is the absence of a file. Their goldens print the temporary
 * folder as <tmp>.
 */
interface GeneratedCase {
  readonly codes: readonly DiagnosticCode[];
  readonly bug?: Bug;
  /** Writes the input under `dir` and returns the root model's path. */
  readonly make: (dir: string) => string;
}

const SMALL_ROOT = 'koseizu: 1\ninclude: [network.yaml]\n\nsystem:\n  id: clinic-ehr\n  title: 診療所向け電子カルテ\n  forms: [application]\n  phases: [operation]\n';

/** A file one byte past the limit: sparse, so it costs no disk and no time. */
function oversized(path: string): void {
  writeFileSync(path, 'koseizu: 1\n');
  truncateSync(path, MAX_FILE_BYTES + 1);
}

const GENERATED: Readonly<Record<string, GeneratedCase>> = {
  'file-too-large': {
    codes: ['KZ003'],
    make: (dir) => { oversized(join(dir, 'model.yaml')); return join(dir, 'model.yaml'); },
  },
  'include-too-large': {
    codes: ['KZ003'],
    make: (dir) => {
      writeFileSync(join(dir, 'model.yaml'), SMALL_ROOT);
      oversized(join(dir, 'network.yaml'));
      return join(dir, 'model.yaml');
    },
  },
  'root-file-missing': {
    codes: ['KZ006'],
    make: (dir) => join(dir, 'model.yaml'),
  },
  // One device past the largest model koseizu reads: refused at the first device beyond the limit.
  'too-many-devices': {
    codes: ['KZ014'],
    make: (dir) => {
      const devices = Array.from({ length: MODEL_LIMITS.devices + 1 }, (_, i) => `  - {id: d${i}, label: D${i}, kind: terminal, at: room}`).join('\n');
      writeFileSync(join(dir, 'model.yaml'), `${SMALL_ROOT.replace('include: [network.yaml]\n', '')}sites:\n  - {id: site, label: Site, owner: institution}\nlocations:\n  - {id: room, label: Room, site: site}\ndevices:\n${devices}\n`);
      return join(dir, 'model.yaml');
    },
  },
  // Flows whose paths together pass the limit on path steps: refused at the path of the flow that passes it.
  'too-many-path-steps': {
    codes: ['KZ014'],
    make: (dir) => {
      const hops = 30;
      const flows = Math.ceil(MODEL_LIMITS.steps / hops) + 1;
      const devices = Array.from({ length: hops }, (_, i) => `  - {id: d${i}, label: D${i}, kind: server, at: room}`).join('\n');
      const links = Array.from({ length: hops - 1 }, (_, i) => `  - {from: d${i}, to: d${i + 1}, network: lan}`).join('\n');
      const path = Array.from({ length: hops }, (_, i) => `d${i}`).join(', ');
      const flowList = Array.from({ length: flows }, (_, i) => `  - {id: f${i}, label: F${i}, phase: operation, which: d0, what: [x], how: [transfer], path: [${path}]}`).join('\n');
      writeFileSync(join(dir, 'model.yaml'), `${SMALL_ROOT.replace('include: [network.yaml]\n', '')}sites:\n  - {id: site, label: Site, owner: institution}\nlocations:\n  - {id: room, label: Room, site: site}\n`
        + `data:\n  - {id: x, label: X, class: medical, kind: record}\ndevices:\n${devices}\nnetworks:\n  - {id: lan, label: LAN, kind: lan}\nlinks:\n${links}\nflows:\n${flowList}\n`);
      return join(dir, 'model.yaml');
    },
  },
};

/** Codes no model on disk can produce through loadModel, each with the reason. */
const UNREACHABLE: Readonly<Partial<Record<DiagnosticCode, string>>> = {
  KZ306: 'made after the threat walk, when responses are matched to risks (test/responses.test.ts)',
  KZ307: 'made after the threat walk, when responses are matched to risks (test/responses.test.ts)',
  KZ308: 'made after the threat walk, when responses are matched to risks (test/responses.test.ts)',
  KZ309: 'made after the threat walk, when responses are matched to risks (test/responses.test.ts)',
};

const ALL_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
const isError = (code: DiagnosticCode): boolean => DIAGNOSTIC_CODES[code] === 'error';
const codesOf = (result: LoadResult): DiagnosticCode[] => result.diagnostics.map((d) => d.code);
const toSlashes = (path: string): string => path.replace(/\\/g, '/');
/** Whether a known bug makes the output in `lang` wrong, so that its golden is not kept. */
const isBroken = (c: { readonly bug?: Bug }, lang: Lang): boolean => c.bug !== undefined && (c.bug.langs ?? LANGS).includes(lang);

describe('broken models: golden diagnostics', () => {
  for (const [name, c] of Object.entries(CASES)) {
    describe(name, () => {
      let result: LoadResult | undefined;
      const load = (): LoadResult => (result ??= loadModel(`${DIR}/${c.file}`, diskHost));

      (c.bug?.codesWrong ? it.fails : it)(`produces ${c.codes.join(', ')}`, () => {
        expect(codesOf(load())).toEqual(c.codes);
      });

      const errors = c.codes.some(isError);
      it(errors ? 'yields no model (it has errors)' : 'still yields a model (warnings only)', () => {
        if (errors) expect(load().model).toBeUndefined();
        else expect(load().model).toBeDefined();
      });

      for (const lang of LANGS) {
        const broken = isBroken(c, lang);
        (broken ? it.skip : it)(`matches ${name}.${lang}.txt${broken ? ` (known bug: ${c.bug?.text})` : ''}`, () => {
          expectGolden(`${DIR}/${name}.${lang}.txt`, formatDiagnostics(load().diagnostics, lang));
        });
      }
    });
  }
});

describe('broken inputs made at test time', () => {
  const root = mkdtempSync(join(tmpdir(), 'koseizu-broken-'));
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  for (const [name, c] of Object.entries(GENERATED)) {
    describe(name, () => {
      let result: LoadResult | undefined;
      const load = (): LoadResult => {
        if (!result) {
          const dir = join(root, name);
          mkdirSync(dir, { recursive: true });
          result = loadModel(toSlashes(c.make(dir)), diskHost);
        }
        return result;
      };

      it(`produces ${c.codes.join(', ')} and no model`, () => {
        expect(codesOf(load())).toEqual(c.codes);
        expect(load().model).toBeUndefined();
      });

      for (const lang of LANGS) {
        const broken = isBroken(c, lang);
        (broken ? it.skip : it)(`matches ${name}.${lang}.txt${broken ? ` (known bug: ${c.bug?.text})` : ''}`, () => {
          const text = formatDiagnostics(load().diagnostics, lang).split(toSlashes(root)).join('<tmp>');
          expectGolden(`${DIR}/${name}.${lang}.txt`, text);
        });
      }
    });
  }
});

describe('the corpus', () => {
  it('covers every diagnostic code, except those documented as unreachable', () => {
    const covered = new Set<DiagnosticCode>([...Object.values(CASES), ...Object.values(GENERATED)].flatMap((c) => c.codes));
    const missing = ALL_CODES.filter((code) => !covered.has(code) && !(code in UNREACHABLE));
    expect(missing).toEqual([]);
    // A code documented as unreachable must really be missing from the corpus.
    expect(Object.keys(UNREACHABLE).filter((code) => covered.has(code as DiagnosticCode))).toEqual([]);
  });

  it('lists every fixture on disk, and every listed fixture exists', () => {
    const onDisk = readdirSync(DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.name.endsWith('.yaml'))
      .map((e) => e.name.replace(/\.yaml$/, ''))
      .sort();
    expect(onDisk).toEqual(Object.keys(CASES).sort());
    for (const c of Object.values(CASES)) expect(existsSync(`${DIR}/${c.file}`), c.file).toBe(true);
  });

  it('keeps a golden file for exactly the cases whose output is right', () => {
    const expected = Object.entries({ ...CASES, ...GENERATED })
      .flatMap(([name, c]) => LANGS.filter((lang) => !isBroken(c, lang)).map((lang) => `${name}.${lang}.txt`))
      .sort();
    const goldens = readdirSync(DIR).filter((f) => f.endsWith('.txt') && !f.includes('.got.')).sort();
    expect(goldens).toEqual(expected);
  });

  it('has at least 30 fixtures', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(30);
  });
});
