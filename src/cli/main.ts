// The command line: a thin shell that turns argv into calls of the library and results into an exit code.
// Exit codes: 0 clean (warnings allowed), 1 findings (reserved for check), 2 invalid model, bad usage or internal error.
import { Command, CommanderError, Option } from 'commander';
import { dirname, join, relative, resolve } from 'node:path';
import type { Rule } from '../../models/rule.js';
import { MEASURE_CATEGORIES, PHASES, RANKS, SEGMENT_KINDS, THREATS, type Lang, type Phase, type Rank, type SegmentKind } from '../../models/vocabulary.js';
import {
  applyResponses, assessModel, buildReport, BUILTIN_RULES, type LoadResult, type Model, diagnosticsJson, diagramGraph, formatDiagnostics, hasErrors, loadModel, renderDiagramSvg, subsetFontsFor, summary, threatList,
} from '../index.js';
import { diskHost, loadElkWithCodeCache, packageVersion, readDiagramFonts, schemaFile, withTempFiles, writeNewFile, writeOutput } from '../io/disk.js';
import { toSlashes } from '../load/files.js';
import { wording } from '../words/wording.js';
import { ranksAtOrAbove } from '../analysis/score.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;

export interface Console {
  out(text: string): void;
  err(text: string): void;
}

const processConsole: Console = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};

const TEXT = {
  ja: {
    description: 'koseizu（構成図）: 医療情報システムの全体構成図と情報流を YAML で書き、ガイドラインに沿ったリスク分析を行う',
    validate: 'モデルを検証し、すべての問題を位置付きで表示する',
    diagram: '全体構成図を描く（SVG / PNG / Mermaid / Markdown）',
    flows: '情報流（Who / Where / Which / What / How）を提供形態とフェーズごとに表にする',
    threats: 'すべての情報流を断面ごとに調べ、リスクアセスメント結果一覧を出力する',
    report: '医療機関等に渡す報告書（HTML・Markdown・Excel・構成図）をフォルダに書き出す',
    check: '未対応のリスクがあれば失敗する（CI 用。--format sarif でコードスキャン用の SARIF）',
    diff: 'モデルの 2 つの版の違い（要素・リスク・対応・構成図）を示す（プルリクエスト用）',
    serve: 'ワークショップ用のページをローカルに表示し、モデルを保存するたびに更新する',
    rules: '脅威ルールの一覧を表示する（ID を指定するとそのルールを説明する）',
    unknownRule: (id: string, hint: string) => `ルール "${id}" はありません${hint ? `（もしかして "${hint}"?）` : ''}\nヒント: npx koseizu rules で一覧を表示できます\n`,
    schema: 'モデル DSL の JSON Schema を表示する',
    init: 'コメント付きの雛形モデルを作成する（既存のファイルは上書きしない）',
    ok: (file: string, counts: string) => `OK ${file}: ${counts}\n`,
    exists: (file: string) => `${file}: すでに存在するため書き込みませんでした\nヒント: 別のファイル名を指定するか、既存のファイルを移動してください\n`,
    cannotWrite: (file: string, code: string) => `${file}: 書き込めません（${code === 'ENOENT' ? 'フォルダがありません' : code}）\nヒント: フォルダを作成するか、書き込める場所を指定してください\n`,
    wrote: (file: string) => `${file} を作成しました。次のコマンドで検証できます: npx koseizu validate ${file}\n`,
    internal: (msg: string) => `内部エラー: ${msg}\nヒント: KOSEIZU_DEBUG=1 を付けて実行すると詳細が表示されます。再現するモデルを添えて報告してください\n`,
  },
  en: {
    description: 'koseizu (構成図): describe a medical information system\'s configuration diagram and information flows in YAML, and assess its risks the way the Japanese guidelines ask',
    validate: 'check models and report every problem with its position',
    diagram: 'draw the configuration diagram (SVG, PNG, Mermaid, Markdown)',
    flows: 'list the information flows (Who / Where / Which / What / How) per provision form and phase',
    threats: 'walk every flow segment and print the risk assessment result list',
    report: 'write the report for the medical institution (HTML, Markdown, Excel, diagram) into a folder',
    check: 'fail when risks are left unanswered (for CI; --format sarif for code scanning)',
    diff: 'show what changed between two versions of a model: elements, risks, responses and the diagram (for pull requests)',
    serve: 'show a local page for a workshop that updates each time the model is saved',
    rules: 'list the threat rules (explain one when its id is given)',
    unknownRule: (id: string, hint: string) => `no rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}\nhint: npx koseizu rules lists them\n`,
    schema: 'print the JSON Schema of the model DSL',
    init: 'write a commented starter model (never overwrites a file)',
    ok: (file: string, counts: string) => `ok ${file}: ${counts}\n`,
    exists: (file: string) => `${file}: already exists, nothing written\nhint: give another file name, or move the existing file away\n`,
    cannotWrite: (file: string, code: string) => `${file}: cannot write (${code === 'ENOENT' ? 'no such folder' : code})\nhint: create the folder, or choose a place you can write to\n`,
    wrote: (file: string) => `wrote ${file}; check it with: npx koseizu validate ${file}\n`,
    internal: (msg: string) => `internal error: ${msg}\nhint: run with KOSEIZU_DEBUG=1 for details, and report it with a model that reproduces it\n`,
  },
} as const;

const EXAMPLES = `
Examples:
  $ npx koseizu validate examples/cloud-ehr/model.yaml
  $ npx koseizu diagram examples/cloud-ehr/model.yaml -o cloud-ehr.png
  $ npx koseizu flows examples/cloud-ehr/model.yaml --format csv -o flows.csv
  $ npx koseizu threats examples/cloud-ehr/model.yaml --min-rank A
  $ npx koseizu report examples/cloud-ehr/model.yaml -o out/cloud-ehr
  $ npx koseizu check examples/cloud-ehr/model.yaml --fail-on A --format sarif -o koseizu.sarif
  $ npx koseizu diff --base origin/main model.yaml --format md -o diff.md
  $ npx koseizu serve examples/cloud-ehr/model.yaml --open
  $ npx koseizu rules input-spoofing
  $ npx koseizu validate --lang en --format json model.yaml
  $ npx koseizu init my-system.yaml
  $ npx koseizu schema > koseizu.schema.json

Exit codes:
  0  the model is valid (warnings may be printed)
  1  findings at or above --fail-on (reserved for the check command)
  2  invalid model, bad usage, or an internal error

Set KOSEIZU_DEBUG=1 to see a stack trace on internal errors.`;

/** The language asked for on the command line (before commander parses, so usage errors speak it too). */
function langOf(argv: readonly string[]): Lang {
  return explicitLang(argv) ?? 'ja';
}

/** The --lang given, if any: outputs follow the model's system.lang unless the command line says otherwise. */
function explicitLang(argv: readonly string[]): Lang | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value === 'en' || value === 'ja' ? value : undefined;
}

export async function main(argv: readonly string[], io: Console = processConsole, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = langOf(argv);
  const t = TEXT[lang];
  let exitCode = EXIT_OK;
  const program = new Command('koseizu')
    .description(t.description)
    .addOption(new Option('--lang <lang>', 'language of messages (default ja) and of outputs (default: the model\'s system.lang) / メッセージと出力の言語').choices(['ja', 'en']))
    .option('-V, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', EXAMPLES);

  program.command('validate')
    .description(t.validate)
    .argument('<model...>', 'model files (.yaml)')
    .addOption(new Option('--format <format>', 'how diagnostics are printed').choices(['text', 'json']).default('text'))
    .option('--rules <path>', 'also check these rule files or folders (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu validate examples/cloud-ehr/model.yaml\n  $ npx koseizu validate --format json a.yaml b.yaml\n  $ npx koseizu validate model.yaml --rules our-rules/')
    .action((models: string[], options: { format: 'text' | 'json'; rules: string[] }) => {
      let failed = false;
      const all = [];
      for (const file of models) {
        const loaded = loadModel(toSlashes(file), diskHost, { rules: options.rules });
        // A valid model's responses are checked against its risks too (orphaned ones, S with one measure);
        // a model without responses skips the walk.
        const responseDiagnostics = loaded.model && loaded.model.responses.length > 0
          ? (() => { const { risks, matrix } = assessModel(loaded.model, loaded.rules); return applyResponses(loaded.model, risks, matrix).diagnostics; })()
          : [];
        const result = { ...loaded, diagnostics: [...loaded.diagnostics, ...responseDiagnostics] };
        all.push(...result.diagnostics);
        if (options.format === 'text') {
          io.err(formatDiagnostics(result.diagnostics, lang));
          if (result.model) {
            const m = result.model;
            const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
            const counts = lang === 'ja'
              ? `拠点 ${m.sites.length}、設置場所 ${m.locations.length}、機器 ${m.devices.length}、接続 ${m.links.length}、搬送 ${m.media.length}、情報流 ${m.flows.length}`
              : [n(m.sites.length, 'site', 'sites'), n(m.locations.length, 'location', 'locations'), n(m.devices.length, 'device', 'devices'),
                  n(m.links.length, 'link', 'links'), n(m.media.length, 'media transport', 'media transports'), n(m.flows.length, 'flow', 'flows')].join(', ');
            io.out(t.ok(m.file, counts));
          }
        }
        if (hasErrors(result.diagnostics)) failed = true;
      }
      if (options.format === 'json') io.out(diagnosticsJson(all, lang));
      else if (all.length > 0) io.err(`${summary(all, lang)}\n`);
      exitCode = failed ? EXIT_INVALID : EXIT_OK;
    });

  program.command('diagram')
    .description(t.diagram)
    .argument('<model>', 'model file (.yaml)')
    .option('-o, --output <file>', 'where to write: .svg, .png, .mmd or .md (SVG, Mermaid and Markdown go to standard output without it)')
    .addOption(new Option('--format <format>', 'output format (default: from the file extension)').choices(['svg', 'png', 'mmd', 'md']))
    .addOption(new Option('--phase <phase>', 'show only this phase\'s flows and media').choices(['development', 'operation', 'termination']))
    .addOption(new Option('--direction <direction>', 'layers top to bottom (documents, pull requests) or left to right (slides)').choices(['down', 'right']).default('down'))
    .option('--scale <factor>', 'PNG zoom, e.g. 2 or 3 for a projector', '1')
    .addHelpText('after', '\nExamples:\n  $ npx koseizu diagram examples/cloud-ehr/model.yaml -o cloud-ehr.svg\n  $ npx koseizu diagram examples/cloud-ehr/model.yaml -o cloud-ehr.png --scale 2\n  $ npx koseizu diagram examples/cloud-ehr/model.yaml --phase operation -o operation.md\n  $ npx koseizu diagram model.yaml --format mmd > diagram.mmd')
    .action(async (file: string, options: DiagramOptions) => {
      exitCode = await diagramCommand(file, options, lang, explicitLang(argv), io);
    });

  program.command('flows')
    .description(t.flows)
    .argument('<model>', 'model file (.yaml)')
    .addOption(new Option('--format <format>', 'md (default), csv (UTF-8 with BOM, for Excel) or json').choices(['md', 'csv', 'json']).default('md'))
    .option('-o, --output <file>', 'where to write (standard output without it)')
    .addHelpText('after', '\nExamples:\n  $ npx koseizu flows examples/cloud-ehr/model.yaml\n  $ npx koseizu flows examples/cloud-ehr/model.yaml --format csv -o flows.csv')
    .action(async (file: string, options: { format: 'md' | 'csv' | 'json'; output?: string }) => {
      const result = loadForCommand(file, [], lang, io);
      if (!result) {
        exitCode = EXIT_INVALID;
        return;
      }
      const { flowTable } = await import('../report/flows.js');
      const [{ flowsCsv }, { flowsJson }, { flowsMarkdown }] = await Promise.all([import('../../renderers/csv/flows.js'), import('../../renderers/json/flows.js'), import('../../renderers/markdown/flows.js')]);
      const table = flowTable(result.model, explicitLang(argv) ?? result.model.system.lang);
      const text = options.format === 'csv' ? flowsCsv(table) : options.format === 'json' ? flowsJson(table) : flowsMarkdown(table);
      exitCode = writeResult(text, options.output, result.model.files, lang, io);
    });

  program.command('threats')
    .description(t.threats)
    .argument('<model>', 'model file (.yaml)')
    .addOption(new Option('--format <format>', 'md (default), csv (UTF-8 with BOM, for Excel) or json').choices(['md', 'csv', 'json']).default('md'))
    .addOption(new Option('--phase <phase>', 'only risks in this phase').choices(Object.keys(PHASES)))
    .addOption(new Option('--segment <kind>', 'only risks of this segment kind').choices(Object.keys(SEGMENT_KINDS)))
    .addOption(new Option('--min-rank <rank>', 'only risks of this rank or higher (S > A > B > C > D)').choices([...RANKS]))
    .option('-o, --output <file>', 'where to write (standard output without it)')
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu threats examples/cloud-ehr/model.yaml\n  $ npx koseizu threats model.yaml --rules our-rules/\n  $ npx koseizu threats examples/cloud-ehr/model.yaml --min-rank A --phase operation\n  $ npx koseizu threats examples/cloud-ehr/model.yaml --format csv -o risks.csv')
    .action(async (file: string, options: ThreatsOptions) => {
      const result = loadForCommand(file, options.rules, lang, io);
      if (!result) {
        exitCode = EXIT_INVALID;
        return;
      }
      const model = result.model;
      const { risks, matrix } = assessModel(model, result.rules);
      const [{ threatsCsv }, { threatsJson }, { threatsMarkdown }] = await Promise.all([import('../../renderers/csv/threats.js'), import('../../renderers/json/threats.js'), import('../../renderers/markdown/threats.js')]);
      const words = wording(model, [...BUILTIN_RULES, ...result.rules], explicitLang(argv) ?? model.system.lang);
      const list = threatList(model, risks, matrix, words, { phase: options.phase, segment: options.segment, minRank: options.minRank });
      const text = options.format === 'csv' ? threatsCsv(list) : options.format === 'json' ? threatsJson(list) : threatsMarkdown(list);
      exitCode = writeResult(text, options.output, model.files, lang, io);
    });

  program.command('report')
    .description(t.report)
    .argument('<model>', 'model file (.yaml)')
    .requiredOption('-o, --output <dir>', 'the folder to write index.html, report.md, risks.xlsx, diagram.svg and diagram.png into')
    .addOption(new Option('--direction <direction>', 'the diagram\'s layers top to bottom or left to right').choices(['down', 'right']).default('down'))
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu report examples/cloud-ehr/model.yaml -o out/cloud-ehr\n  $ npx koseizu --lang en report model.yaml -o report/')
    .action(async (file: string, options: { output: string; direction: 'down' | 'right'; rules: string[] }) => {
      exitCode = await reportCommand(file, options, lang, explicitLang(argv), io);
    });

  program.command('check')
    .description(t.check)
    .argument('<model>', 'model file (.yaml)')
    .addOption(new Option('--fail-on <rank>', 'fail when an unanswered risk of this rank or higher exists (default: the ranks the criteria say need a response)').choices([...RANKS]))
    .option('--strict', 'also fail when a response answers no risk (orphaned)')
    .addOption(new Option('--format <format>', 'text (default: one line per failing risk) or sarif (SARIF 2.1.0)').choices(['text', 'sarif']).default('text'))
    .option('-o, --output <file>', 'where to write the SARIF (standard output without it)')
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu check examples/cloud-ehr/model.yaml --fail-on A\n  $ npx koseizu check model.yaml --strict --format sarif -o koseizu.sarif\n\nExit codes: 0 nothing fails; 1 an unanswered risk at or above the threshold (or, with --strict, an orphaned response); 2 invalid model or usage.')
    .action(async (file: string, options: CheckOptions) => {
      const result = loadForCommand(file, options.rules, lang, io);
      if (!result) {
        exitCode = EXIT_INVALID;
        return;
      }
      const model = result.model;
      const outputLang = explicitLang(argv) ?? model.system.lang;
      const { risks, matrix } = assessModel(model, result.rules);
      const responses = applyResponses(model, risks, matrix);
      // Orphaned responses are the gate's own lines below: their KZ306 would say it twice.
      io.err(formatDiagnostics(responses.diagnostics.filter((d) => d.code !== 'KZ306'), lang));
      const { checkRisks } = await import('../analysis/gate.js');
      const { checkView } = await import('../report/check.js');
      const [{ checkSarif }, { checkText }] = await Promise.all([import('../../renderers/sarif/check.js'), import('../../renderers/text/check.js')]);
      const checked = checkRisks(model, risks, responses, options.failOn ?? null, options.strict === true);
      const failed = checked.failed;
      const catalogue = [...BUILTIN_RULES, ...result.rules];
      const view = checkView(checked, wording(model, catalogue, outputLang));
      if (options.format === 'sarif') {
        const written = writeResult(checkSarif(view, { version: packageVersion() }), options.output, model.files, lang, io);
        if (written !== EXIT_OK) { exitCode = written; return; }
        io.err(checkText(checkView(checked, wording(model, catalogue, lang))).split('\n').slice(-2).join('\n'));
      } else {
        io.out(checkText(view));
      }
      exitCode = failed ? EXIT_FINDINGS : EXIT_OK;
    });

  program.command('diff')
    .description(t.diff)
    .argument('<model>', 'the old model file, or with --base the model file whose old version git holds')
    .argument('[new]', 'the new model file (not with --base)')
    .option('--base <ref>', 'compare the model with its version at this git ref (e.g. origin/main)')
    .addOption(new Option('--format <format>', 'text (default), md (a pull-request comment) or json').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --output <file>', 'where to write (standard output without it)')
    .option('--diagram <file>', 'also draw the diagram of the change (.svg or .png)')
    .addOption(new Option('--fail-on <rank>', 'exit 1 when the change adds an unanswered risk of this rank or higher').choices([...RANKS]))
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu diff old.yaml new.yaml\n  $ npx koseizu diff --base origin/main model.yaml --format md -o diff.md\n  $ npx koseizu diff --base HEAD~1 model.yaml --diagram diff.png --fail-on A')
    .action(async (first: string, second: string | undefined, options: DiffOptions) => {
      exitCode = await diffCommand(first, second, options, lang, explicitLang(argv), io);
    });

  program.command('rules')
    .description(t.rules)
    .argument('[id]', 'a rule id, to explain that rule')
    .addOption(new Option('--format <format>', 'md (default) or json').choices(['md', 'json']).default('md'))
    .option('--rules <path>', 'list these rule files or folders with the built-in ones (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu rules\n  $ npx koseizu rules input-spoofing\n  $ npx koseizu rules --rules our-rules/\n  $ npx koseizu rules --format json > rules.json')
    .action(async (id: string | undefined, options: { format: 'md' | 'json'; rules: string[] }) => {
      const [{ rulesMarkdown, ruleMarkdown }, { rulesJson }] = await Promise.all([import('../../renderers/markdown/catalogue.js'), import('../../renderers/json/catalogue.js')]);
      const { ruleCatalogue } = await import('../report/catalogue.js');
      let user: readonly Rule[] = [];
      if (options.rules.length > 0) {
        const { loadUserRules } = await import('../load/user-rules.js');
        const loaded = loadUserRules(options.rules.map((p) => ({ path: toSlashes(p), source: null })), diskHost, BUILTIN_RULES.map((r) => r.id));
        io.err(formatDiagnostics(loaded.diagnostics, lang));
        if (hasErrors(loaded.diagnostics)) {
          io.err(`${summary(loaded.diagnostics, lang)}\n`);
          exitCode = EXIT_INVALID;
          return;
        }
        user = loaded.rules;
      }
      const catalogue = ruleCatalogue([...BUILTIN_RULES, ...user], explicitLang(argv) ?? 'ja');
      if (id === undefined) {
        io.out(options.format === 'json' ? rulesJson(catalogue.rules) : rulesMarkdown(catalogue));
        return;
      }
      const entry = catalogue.rules.find((r) => r.id === id);
      if (!entry) {
        const { suggest } = await import('../load/suggest.js');
        io.err(t.unknownRule(id, suggest(id, catalogue.rules.map((r) => r.id))[0] ?? ''));
        exitCode = EXIT_INVALID;
        return;
      }
      io.out(options.format === 'json' ? rulesJson([entry]) : ruleMarkdown(entry, { catalogue }));
    });

  program.command('schema')
    .description(t.schema)
    .addHelpText('after', '\nExamples:\n  $ npx koseizu schema > koseizu.schema.json')
    .action(async () => {
      const { schema } = await import('../../models/schema.js');
      io.out(`${JSON.stringify(schema, null, 2)}\n`);
    });

  program.command('serve')
    .description(t.serve)
    .argument('<model>', 'model file (.yaml)')
    .option('--port <port>', 'the port to listen on (0 picks a free one)', '4173')
    .option('--host <host>', 'the address to listen on (default 127.0.0.1; others on the network can then read the model)')
    .option('--open', 'open the page in the browser')
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu serve examples/cloud-ehr/model.yaml\n  $ npx koseizu serve model.yaml --port 0 --open')
    .action(async (file: string, options: { port: string; host?: string; open?: boolean; rules: string[] }) => {
      exitCode = await serveCommand(file, options, lang, io);
    });

  program.command('init')
    .description(t.init)
    .argument('[file]', 'where to write the starter model', 'model.yaml')
    .addHelpText('after', '\nExamples:\n  $ npx koseizu init\n  $ npx koseizu init --lang en models/my-system.yaml')
    .action(async (file: string) => {
      const { starterModel } = await import('./starter.js');
      const schemaRef = toSlashes(relative(dirname(resolve(file)), schemaFile()));
      const written = writeNewFile(file, starterModel(lang, schemaRef));
      if (written === 'written') {
        io.out(t.wrote(file));
        return;
      }
      io.err(written === 'exists' ? t.exists(file) : t.cannotWrite(file, written.error));
      exitCode = EXIT_INVALID;
    });

  // The version is read from package.json only when asked for, to keep start-up lean.
  program.on('option:version', () => {
    io.out(`${packageVersion()}\n`);
    throw new CommanderError(0, 'commander.version', '');
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Asked-for help and the version are not failures; every usage error (a missing command included) is 2.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.err(t.internal(err.message));
    if (env['KOSEIZU_DEBUG']) io.err(`${err.stack ?? ''}\n`);
    return EXIT_INVALID;
  }
}

interface CheckOptions {
  readonly failOn?: Rank;
  readonly strict?: boolean;
  readonly format: 'text' | 'sarif';
  readonly output?: string;
  readonly rules: readonly string[];
}

const REPORT_TEXT = {
  ja: {
    wrote: (dir: string, files: readonly string[]) => `${dir} に ${files.join('、')} を書き出しました\n`,
    open: (n: number) => `注意: 対応が必要で未対応のリスクが ${n} 件あります（npx koseizu check で一覧）\n`,
  },
  en: {
    wrote: (dir: string, files: readonly string[]) => `wrote ${files.join(', ')} to ${dir}\n`,
    open: (n: number) => `note: ${n} risk${n === 1 ? '' : 's'} that need a response have none (npx koseizu check lists them)\n`,
  },
} as const;

/** koseizu report: the report view rendered five ways into one folder. */
async function reportCommand(file: string, options: { output: string; direction: 'down' | 'right'; rules: readonly string[] }, lang: Lang, outputLang: Lang | undefined, io: Console): Promise<number> {
  const result = loadForCommand(file, options.rules, lang, io);
  if (!result) return EXIT_INVALID;
  const model = result.model;
  const request = { lang: outputLang ?? model.system.lang, direction: options.direction };
  const names = ['index.html', 'report.md', 'risks.xlsx', 'diagram.svg', 'diagram.png'] as const;
  const paths = names.map((n) => join(options.output, n));
  const clash = paths.find((p) => isModelFile(p, model.files));
  if (clash) {
    io.err(DIAGRAM_TEXT[lang].sameAsModel(clash));
    return EXIT_INVALID;
  }
  const subsetting = subsetFontsFor(model, request, readDiagramFonts());
  subsetting.catch(() => undefined); // awaited below
  const built = await buildReport(model, { lang: request.lang, rules: result.rules, direction: options.direction, loadElk: loadElkWithCodeCache });
  io.err(formatDiagnostics(built.responses.diagnostics, lang));
  const [{ reportHtml }, { reportMarkdown }, { reportXlsx }, { renderPng, fitScale }] = await Promise.all([
    import('../../renderers/html/report.js'), import('../../renderers/markdown/report.js'), import('../../renderers/xlsx/report.js'), import('../../renderers/png/index.js'),
  ]);
  const subset = await subsetting;
  const zoom = fitScale(built.diagram.layout.width, built.diagram.layout.height, 1);
  const png = await withTempFiles({ 'regular.ttf': subset.regular, 'bold.ttf': subset.bold }, (p) =>
    renderPng(built.diagram.svg, [p['regular.ttf'] ?? '', p['bold.ttf'] ?? ''], zoom));
  const contents: readonly (string | Uint8Array)[] = [reportHtml(built.view), reportMarkdown(built.view), await reportXlsx(built.view), built.diagram.svg, png];
  try {
    paths.forEach((p, i) => writeOutput(p, contents[i] as string | Uint8Array));
  } catch (error) {
    io.err(DIAGRAM_TEXT[lang].cannotWrite(options.output, (error as NodeJS.ErrnoException).code ?? String(error)));
    return EXIT_INVALID;
  }
  io.err(REPORT_TEXT[lang].wrote(options.output, names));
  if (built.responses.open.length > 0) io.err(REPORT_TEXT[lang].open(built.responses.open.length));
  return EXIT_OK;
}

/** koseizu serve: runs until Ctrl-C (SIGINT or SIGTERM), then closes everything and returns 0. */
async function serveCommand(file: string, options: { port: string; host?: string; open?: boolean; rules: readonly string[] }, lang: Lang, io: Console): Promise<number> {
  const port = /^\d{1,5}$/.test(options.port) ? Number(options.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    io.err(lang === 'ja' ? `--port ${options.port}: 0 から 65535 までの数を指定してください\n` : `--port ${options.port}: give a number from 0 to 65535\n`);
    return EXIT_INVALID;
  }
  const { startServer, openBrowser } = await import('../io/serve.js');
  let server;
  try {
    server = await startServer({ model: file, port, rules: options.rules, lang, log: io.err, ...(options.host === undefined ? {} : { host: options.host }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.err(lang === 'ja'
      ? `${options.host ?? '127.0.0.1'}:${port} で待ち受けられません（${code}）\nヒント: ${code === 'EADDRINUSE' ? '別のポートを --port で指定するか、--port 0 で空きポートを使ってください' : '--host と --port を確かめてください'}\n`
      : `cannot listen on ${options.host ?? '127.0.0.1'}:${port} (${code})\nhint: ${code === 'EADDRINUSE' ? 'give another --port, or --port 0 for a free one' : 'check --host and --port'}\n`);
    return EXIT_INVALID;
  }
  if (options.open) await openBrowser(server.url);
  const running = server;
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT_OK;
}

interface DiffOptions {
  readonly base?: string;
  readonly format: 'text' | 'md' | 'json';
  readonly output?: string;
  readonly diagram?: string;
  readonly failOn?: Rank;
  readonly rules: readonly string[];
}

const DIFF_TEXT = {
  ja: {
    args: 'diff には「旧 新」の 2 つのモデルか、--base <ref> と 1 つのモデルを指定してください\nヒント: npx koseizu diff old.yaml new.yaml / npx koseizu diff --base origin/main model.yaml\n',
    old: '（旧版）',
    oldProblems: (label: string) => `旧版 ${label} の問題（行番号は旧版のもの）:\n`,
    failing: (rank: string, id: string) => `この変更で未対応のランク ${rank} のリスクが加わります: ${id}\n`,
  },
  en: {
    args: 'diff takes two models (old and new), or --base <ref> and one model\nhint: npx koseizu diff old.yaml new.yaml / npx koseizu diff --base origin/main model.yaml\n',
    old: ' (old version)',
    oldProblems: (label: string) => `problems in the old version ${label} (line numbers are the old version's):\n`,
    failing: (rank: string, id: string) => `the change brings an unanswered rank ${rank} risk: ${id}\n`,
  },
} as const;

/** koseizu diff: both versions loaded and assessed, their difference in words, tables and a picture. */
async function diffCommand(first: string, second: string | undefined, options: DiffOptions, lang: Lang, outputLang: Lang | undefined, io: Console): Promise<number> {
  const t = DIFF_TEXT[lang];
  if ((options.base === undefined) === (second === undefined)) {
    io.err(t.args);
    return EXIT_INVALID;
  }
  let oldLoaded: LoadResult;
  let oldLabel: string;
  const newFile = toSlashes(second ?? first);
  if (options.base !== undefined) {
    const { gitHost, gitErrorText } = await import('../io/disk.js');
    const git = gitHost(options.base, { model: newFile });
    if ('error' in git) {
      io.err(gitErrorText(git.error, lang));
      return EXIT_INVALID;
    }
    oldLoaded = loadModel(newFile, git.host, { rules: options.rules });
    oldLabel = `${options.base}:${newFile}`;
  } else {
    oldLoaded = loadModel(toSlashes(first), diskHost, { rules: options.rules });
    oldLabel = toSlashes(first);
  }
  if (oldLoaded.diagnostics.length > 0) io.err(`${t.oldProblems(oldLabel)}${formatDiagnostics(oldLoaded.diagnostics, lang)}`);
  const next = loadForCommand(newFile, options.rules, lang, io);
  if (!oldLoaded.model || !next) {
    if (!oldLoaded.model) io.err(`${summary(oldLoaded.diagnostics, lang)}${t.old}\n`);
    return EXIT_INVALID;
  }
  const assess = (model: Model, rules: readonly Rule[], label: string) => {
    const { risks, matrix } = assessModel(model, rules);
    return { model, risks, responses: applyResponses(model, risks, matrix), label };
  };
  const { modelDiff } = await import('../diff/diff.js');
  const diff = modelDiff(assess(oldLoaded.model, oldLoaded.rules, oldLabel), assess(next.model, next.rules, newFile));
  const words = outputLang ?? next.model.system.lang;
  const [{ diffJson }, { diffMarkdown }, { diffText }] = await Promise.all([import('../../renderers/json/diff.js'), import('../../renderers/markdown/diff.js'), import('../../renderers/text/diff.js')]);
  let mermaid: string | null = null;
  if (options.format === 'md' || options.diagram) {
    const { diffGraph } = await import('../diff/graph.js');
    const request = { lang: words, direction: 'down' as const, labels: { old: oldLabel, new: newFile } };
    const graph = diffGraph(oldLoaded.model, next.model, request);
    if (options.format === 'md') {
      const { renderMermaid } = await import('../../renderers/mermaid/diagram.js');
      mermaid = renderMermaid(graph, { direction: 'TB' }).text;
    }
    if (options.diagram) {
      const written = await writeDiffDiagram(oldLoaded.model, next.model, request, options.diagram, [...oldLoaded.model.files, ...next.model.files], lang, io);
      if (written !== EXIT_OK) return written;
    }
  }
  const { diffTerms, diffView, diffSummaryLine } = await import('../diff/view.js');
  const sides = (l: Lang) => ({
    old: wording(oldLoaded.model as Model, [...BUILTIN_RULES, ...oldLoaded.rules], l),
    new: wording(next.model, [...BUILTIN_RULES, ...next.rules], l),
  });
  const text = options.format === 'json' ? diffJson(diffTerms(diff, sides('ja'), sides('en')), { summary: diffSummaryLine(diff, words) })
    : options.format === 'md' ? diffMarkdown(diffView(diff, sides(words)), { mermaid }) : diffText(diffView(diff, sides(words)));
  const written = writeResult(text, options.output, [...oldLoaded.model.files, ...next.model.files], lang, io);
  if (written !== EXIT_OK) return written;
  if (options.failOn) {
    const ranks = new Set(ranksAtOrAbove(options.failOn));
    const added = diff.risks.filter((r) => (r.state === 'added' || r.state === 'reranked') && r.new && !r.new.answered && ranks.has(r.new.rank)
      && !(r.old && ranks.has(r.old.rank)));
    if (added.length > 0) {
      for (const r of added) io.err(t.failing(r.new?.rank ?? '', r.id));
      return EXIT_FINDINGS;
    }
  }
  return EXIT_OK;
}

/** The diff diagram as SVG or PNG (by the file's extension). */
async function writeDiffDiagram(old: Model, next: Model, request: { lang: Lang; direction: 'down'; labels: { old: string; new: string } }, file: string, modelFiles: readonly string[], lang: Lang, io: Console): Promise<number> {
  const ext = file.toLowerCase().match(/\.(svg|png)$/)?.[1];
  if (!ext) {
    io.err(lang === 'ja' ? `${file}: 差分の構成図は .svg か .png で書き出します\n` : `${file}: the diagram of the change is written as .svg or .png\n`);
    return EXIT_INVALID;
  }
  const { renderDiffDiagram } = await import('../diff/graph.js');
  const rendered = await renderDiffDiagram(old, next, request, loadElkWithCodeCache);
  if (ext === 'svg') return writeResult(rendered.svg, file, modelFiles, lang, io);
  const { charactersOf, subsetFonts } = await import('../../renderers/font/index.js');
  const subset = await subsetFonts(readDiagramFonts(), charactersOf(rendered.graph));
  const { renderPng, fitScale } = await import('../../renderers/png/index.js');
  const zoom = fitScale(rendered.layout.width, rendered.layout.height, 1);
  const png = await withTempFiles({ 'regular.ttf': subset.regular, 'bold.ttf': subset.bold }, (p) => renderPng(rendered.svg, [p['regular.ttf'] ?? '', p['bold.ttf'] ?? ''], zoom));
  return writeResult(png, file, modelFiles, lang, io);
}

/** Loads a model (and its user rules) for a command, printing its diagnostics; undefined after the summary when it has errors. */
function loadForCommand(file: string, rules: readonly string[], lang: Lang, io: Console): (LoadResult & { readonly model: Model }) | undefined {
  const result = loadModel(toSlashes(file), diskHost, { rules });
  io.err(formatDiagnostics(result.diagnostics, lang));
  if (result.model) return { ...result, model: result.model };
  io.err(`${summary(result.diagnostics, lang)}\n`);
  return undefined;
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

interface ThreatsOptions {
  readonly format: 'md' | 'csv' | 'json';
  readonly rules: readonly string[];
  readonly phase?: Phase;
  readonly segment?: SegmentKind;
  readonly minRank?: Rank;
  readonly output?: string;
}

type DiagramFormat = 'svg' | 'png' | 'mmd' | 'md';

interface DiagramOptions {
  readonly output?: string;
  readonly format?: DiagramFormat;
  readonly phase?: Phase;
  readonly direction: 'down' | 'right';
  readonly scale: string;
}

const DIAGRAM_TEXT = {
  ja: {
    format: (out: string) => `${out}: 出力形式が分かりません\nヒント: 拡張子を .svg / .png / .mmd / .md にするか、--format を指定してください\n`,
    pngNeedsFile: 'PNG は端末に出力できません\nヒント: -o diagram.png のように出力先を指定してください\n',
    scale: (v: string) => `--scale ${v}: 0.1 から 10 までの数値を指定してください\n`,
    sameAsModel: (out: string) => `${out}: モデルファイルには書き込みません\nヒント: 別の出力先を指定してください\n`,
    large: (n: number, omitted: number) => `注意: 機器が ${n} 台あるため、高速なレイアウト設定を使いました${omitted > 0 ? `（入りきらない接続のラベル ${omitted} 件は省略。SVG では各接続のツールチップに残っています）` : ''}\n`,
    scaled: (scale: number, pixels: number) => `注意: PNG が大きすぎるため ${Math.round(scale * 100)}% に縮小しました（上限 ${Math.round(pixels / 1e6)} メガピクセル）。細部は SVG で確認してください\n`,
    wrote: (out: string) => `${out} を書き出しました\n`,
    cannotWrite: (out: string, code: string) => `${out}: 書き込めません（${code === 'EISDIR' ? 'フォルダです' : code === 'EACCES' || code === 'EPERM' ? '権限がありません' : code}）\nヒント: 書き込めるファイル名を指定してください\n`,
  },
  en: {
    format: (out: string) => `${out}: unknown output format\nhint: use a .svg, .png, .mmd or .md file name, or give --format\n`,
    pngNeedsFile: 'PNG cannot be written to a terminal\nhint: give an output file, e.g. -o diagram.png\n',
    scale: (v: string) => `--scale ${v}: give a number from 0.1 to 10\n`,
    sameAsModel: (out: string) => `${out}: refusing to write over a model file\nhint: choose another output file\n`,
    large: (n: number, omitted: number) => `note: ${n} devices, so the faster layout settings were used${omitted > 0 ? ` (${omitted} link labels found no room and were left out; each link's tooltip in the SVG keeps its label)` : ''}\n`,
    scaled: (scale: number, pixels: number) => `note: the PNG would be too large, so it was drawn at ${Math.round(scale * 100)}% (limit ${Math.round(pixels / 1e6)} megapixels); see the SVG for detail\n`,
    wrote: (out: string) => `wrote ${out}\n`,
    cannotWrite: (out: string, code: string) => `${out}: cannot write (${code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})\nhint: give a file name you can write to\n`,
  },
} as const;

async function diagramCommand(file: string, options: DiagramOptions, lang: Lang, outputLang: Lang | undefined, io: Console): Promise<number> {
  const t = DIAGRAM_TEXT[lang];
  const extension = options.output?.toLowerCase().match(/\.(svg|png|mmd|md)$/)?.[1] as DiagramFormat | undefined;
  const format = options.format ?? extension ?? (options.output ? undefined : 'svg');
  if (!format) {
    io.err(t.format(options.output ?? ''));
    return EXIT_INVALID;
  }
  if (format === 'png' && !options.output) {
    io.err(t.pngNeedsFile);
    return EXIT_INVALID;
  }
  const scale = Number(options.scale);
  if (!Number.isFinite(scale) || scale < 0.1 || scale > 10) {
    io.err(t.scale(options.scale));
    return EXIT_INVALID;
  }
  const result = loadForCommand(file, [], lang, io);
  if (!result) return EXIT_INVALID;
  const model = result.model;
  if (options.output && isModelFile(options.output, model.files)) {
    io.err(t.sameAsModel(options.output));
    return EXIT_INVALID;
  }
  const request = { lang: outputLang ?? model.system.lang, phase: options.phase, direction: options.direction };
  let data: string | Uint8Array;
  if (format === 'mmd' || format === 'md') {
    const [{ renderMermaid }, { renderMermaidMarkdown }] = await Promise.all([import('../../renderers/mermaid/diagram.js'), import('../../renderers/markdown/diagram.js')]);
    const graph = diagramGraph(model, request);
    const mermaidOptions = { direction: options.direction === 'right' ? 'LR' : 'TB' } as const;
    const mermaid = format === 'md' ? renderMermaidMarkdown(graph, mermaidOptions) : renderMermaid(graph, mermaidOptions);
    for (const warning of mermaid.warnings) io.err(`${warning}\n`);
    data = mermaid.text;
  } else {
    // For a PNG, the font subset starts first: its WebAssembly compiles in the background during the layout.
    const subsetting = format === 'png' ? subsetFontsFor(model, request, readDiagramFonts()) : null;
    subsetting?.catch(() => undefined); // awaited below; this only keeps a failed layout from leaving it unhandled
    const rendered = await renderDiagramSvg(model, request, loadElkWithCodeCache);
    if (rendered.layout.fast) io.err(t.large(rendered.graph.sites.reduce((n, s) => n + s.locations.reduce((m, l) => m + l.devices.length, 0), 0), rendered.layout.omittedLabels));
    if (subsetting === null) {
      data = rendered.svg;
    } else {
      const subset = await subsetting;
      const { renderPng, fitScale, MAX_PNG_PIXELS } = await import('../../renderers/png/index.js');
      // A PNG's memory grows with its pixels (4 bytes each): past the limit it is drawn smaller.
      const zoom = fitScale(rendered.layout.width, rendered.layout.height, scale);
      if (zoom < scale) io.err(t.scaled(zoom, MAX_PNG_PIXELS));
      data = await withTempFiles({ 'regular.ttf': subset.regular, 'bold.ttf': subset.bold }, (paths) =>
        renderPng(rendered.svg, [paths['regular.ttf'] ?? '', paths['bold.ttf'] ?? ''], zoom));
    }
  }
  return writeResult(data, options.output, model.files, lang, io);
}

function isModelFile(output: string, files: readonly string[]): boolean {
  return files.some((f) => resolve(f) === resolve(output));
}

/** Writes a command's result to its output file (never over a model file) or to standard output. */
function writeResult(data: string | Uint8Array, output: string | undefined, modelFiles: readonly string[], lang: Lang, io: Console): number {
  const t = DIAGRAM_TEXT[lang];
  if (output === undefined) {
    if (typeof data === 'string') io.out(data); // a PNG always has an output file (the diagram command checks)
    return EXIT_OK;
  }
  if (isModelFile(output, modelFiles)) {
    io.err(t.sameAsModel(output));
    return EXIT_INVALID;
  }
  try {
    writeOutput(output, data);
  } catch (error) {
    io.err(t.cannotWrite(output, (error as NodeJS.ErrnoException).code ?? String(error)));
    return EXIT_INVALID;
  }
  io.err(t.wrote(output));
  return EXIT_OK;
}
