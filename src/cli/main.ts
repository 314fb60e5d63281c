// The command line: a thin shell over the library. argv -> one library call -> writes; the exit code is
// the result's (exitCode), or 2 when an output cannot be written or the usage is wrong.
// Exit codes: 0 clean (warnings allowed), 1 findings (check, diff --fail-on), 2 invalid model, bad usage or internal error.
import { Command, CommanderError, Option } from 'commander';
import { dirname, relative, resolve } from 'node:path';
import { PHASES, RANKS, SEGMENT_KINDS, type Lang, type Phase, type Rank, type SegmentKind } from '../../models/vocabulary.js';
import {
  check, CHECK_FORMATS, checkSummary, CATALOGUE_FORMATS, diagram, DIAGNOSTIC_FORMATS, DIAGRAM_FORMATS, diff, DIFF_DIAGRAM_FORMATS, DIFF_FORMATS,
  diagnosticsJson, exitCode, FLOW_FORMATS, flows, formatDiagnostics, formatNames, report, rules, summary, terminalText, THREAT_FORMATS, threats, validate,
  type CatalogueFormat, type CheckFormat, type DiagramFormat, type DiagramNote, type Diagnostic, type DiagnosticFormat, type DiffDiagramFormat, type DiffFormat,
  type DiffSide, type FlowFormat, type Invalid, type ModelInput, type ThreatFormat,
} from '../index.js';
import { commonFolder, diskHost, nodeResources, openModel, outputRoot, packageVersion, schemaFile, writeNewFile, writeOutputFile, writeReportFolder, type FolderProblem, type OpenedModel } from '../io/index.js';
import { toSlashes } from '../load/files.js';
import { CLI_WORDS, gitErrorText, type CliWords } from './words.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;

export interface Console {
  out(text: string): void;
  err(text: string): void;
  /** Bytes to standard output (a PNG with `-o -`); a console without it cannot take them. */
  outBytes?(data: Uint8Array): void;
}

const processConsole: Console = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
  outBytes: (data) => { process.stdout.write(data); },
};

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

/** What every command's action gets: the console, the language of messages and the one asked for outputs. */
interface Run {
  readonly io: Console;
  /** The language of koseizu's own messages and of diagnostics (--lang, else ja). */
  readonly lang: Lang;
  /** --lang when given: outputs follow the model's system.lang otherwise. */
  readonly outputLang: Lang | undefined;
  readonly t: CliWords;
}

export async function main(argv: readonly string[], io: Console = processConsole, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = langOf(argv);
  const t: CliWords = CLI_WORDS[lang];
  const run: Run = { io, lang, outputLang: explicitLang(argv), t };
  /** The action's exit code, set once by the command that ran. */
  let code: number = EXIT_OK;
  const program = new Command('koseizu')
    .description(t.description)
    .addOption(new Option('--lang <lang>', 'language of messages (default ja) and of outputs (default: the model\'s system.lang) / メッセージと出力の言語').choices(['ja', 'en']))
    .option('-V, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride()
    // commander echoes what was typed (an unknown option, a bad choice): shown escaped, line by line.
    .configureOutput({ writeOut: (text) => io.out(shownText(text)), writeErr: (text) => io.err(shownText(text)) })
    .addHelpText('after', EXAMPLES);

  program.command('validate')
    .description(t.commands.validate)
    .argument('<model...>', 'model files (.yaml)')
    .addOption(new Option('--format <format>', 'how diagnostics are printed').choices(formatNames(DIAGNOSTIC_FORMATS)).default('text'))
    .option('--rules <path>', 'also check these rule files or folders (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu validate examples/cloud-ehr/model.yaml\n  $ npx koseizu validate --format json a.yaml b.yaml\n  $ npx koseizu validate model.yaml --rules our-rules/')
    .action((models: string[], options: { format: DiagnosticFormat; rules: string[] }) => {
      code = validateCommand(models, options, run);
    });

  program.command('diagram')
    .description(t.commands.diagram)
    .argument('<model>', 'model file (.yaml)')
    .option('-o, --output <file>', 'where to write: .svg, .png, .mmd or .md (SVG, Mermaid and Markdown go to standard output without it)')
    .addOption(new Option('--format <format>', 'output format (default: from the file extension)').choices(formatNames(DIAGRAM_FORMATS)))
    .addOption(new Option('--phase <phase>', 'show only this phase\'s flows and media').choices(Object.keys(PHASES)))
    .addOption(new Option('--direction <direction>', 'layers top to bottom (documents, pull requests) or left to right (slides)').choices(['down', 'right']).default('down'))
    .option('--scale <factor>', 'PNG zoom, e.g. 2 or 3 for a projector', '1')
    .addHelpText('after', '\nExamples:\n  $ npx koseizu diagram examples/cloud-ehr/model.yaml -o cloud-ehr.svg\n  $ npx koseizu diagram examples/cloud-ehr/model.yaml -o cloud-ehr.png --scale 2\n  $ npx koseizu diagram examples/cloud-ehr/model.yaml --phase operation -o operation.md\n  $ npx koseizu diagram model.yaml --format mmd > diagram.mmd')
    .action(async (file: string, options: DiagramOptions) => {
      code = await diagramCommand(file, options, run);
    });

  program.command('flows')
    .description(t.commands.flows)
    .argument('<model>', 'model file (.yaml)')
    .addOption(new Option('--format <format>', 'md (default), csv (UTF-8 with BOM, for Excel) or json').choices(formatNames(FLOW_FORMATS)).default('md'))
    .option('-o, --output <file>', 'where to write (standard output without it)')
    .addHelpText('after', '\nExamples:\n  $ npx koseizu flows examples/cloud-ehr/model.yaml\n  $ npx koseizu flows examples/cloud-ehr/model.yaml --format csv -o flows.csv')
    .action((file: string, options: { format: FlowFormat; output?: string }) => {
      const opened = input(file, []);
      const result = flows(opened, { lang: run.outputLang, format: options.format });
      code = loaded(result, run, opened) ? writeResult(result.output, options.output, [opened], run) ?? exitCode(result) : EXIT_INVALID;
    });

  program.command('threats')
    .description(t.commands.threats)
    .argument('<model>', 'model file (.yaml)')
    .addOption(new Option('--format <format>', 'md (default), csv (UTF-8 with BOM, for Excel) or json').choices(formatNames(THREAT_FORMATS)).default('md'))
    .addOption(new Option('--phase <phase>', 'only risks in this phase').choices(Object.keys(PHASES)))
    .addOption(new Option('--segment <kind>', 'only risks of this segment kind').choices(Object.keys(SEGMENT_KINDS)))
    .addOption(new Option('--min-rank <rank>', 'only risks of this rank or higher (S > A > B > C > D)').choices([...RANKS]))
    .option('-o, --output <file>', 'where to write (standard output without it)')
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu threats examples/cloud-ehr/model.yaml\n  $ npx koseizu threats model.yaml --rules our-rules/\n  $ npx koseizu threats examples/cloud-ehr/model.yaml --min-rank A --phase operation\n  $ npx koseizu threats examples/cloud-ehr/model.yaml --format csv -o risks.csv')
    .action((file: string, options: ThreatsOptions) => {
      const opened = input(file, options.rules);
      const result = threats(opened, {
        lang: run.outputLang, format: options.format, filter: { phase: options.phase, segment: options.segment, minRank: options.minRank },
      });
      code = loaded(result, run, opened) ? writeResult(result.output, options.output, [opened], run) ?? exitCode(result) : EXIT_INVALID;
    });

  program.command('report')
    .description(t.commands.report)
    .argument('<model>', 'model file (.yaml)')
    .requiredOption('-o, --output <dir>', 'the folder to write index.html, report.md, risks.xlsx, diagram.svg and diagram.png into (new, or one koseizu wrote)')
    .option('--force', 'write into a folder that holds files koseizu did not write (they are kept; the report\'s own files are replaced)')
    .addOption(new Option('--direction <direction>', 'the diagram\'s layers top to bottom or left to right').choices(['down', 'right']).default('down'))
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu report examples/cloud-ehr/model.yaml -o out/cloud-ehr\n  $ npx koseizu --lang en report model.yaml -o report/')
    .action(async (file: string, options: { output: string; direction: 'down' | 'right'; rules: string[]; force?: boolean }) => {
      code = await reportCommand(file, options, run);
    });

  program.command('check')
    .description(t.commands.check)
    .argument('<model>', 'model file (.yaml)')
    .addOption(new Option('--fail-on <rank>', 'fail when an unanswered risk of this rank or higher exists (default: the ranks the criteria say need a response)').choices([...RANKS]))
    .option('--strict', 'also fail when a response answers no risk (orphaned)')
    .addOption(new Option('--format <format>', 'text (default: one line per failing risk) or sarif (SARIF 2.1.0)').choices(formatNames(CHECK_FORMATS)).default('text'))
    .option('-o, --output <file>', 'where to write the SARIF (standard output without it)')
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu check examples/cloud-ehr/model.yaml --fail-on A\n  $ npx koseizu check model.yaml --strict --format sarif -o koseizu.sarif\n\nExit codes: 0 nothing fails; 1 an unanswered risk at or above the threshold (or, with --strict, an orphaned response); 2 invalid model or usage.')
    .action((file: string, options: CheckOptions) => {
      code = checkCommand(file, options, run);
    });

  program.command('diff')
    .description(t.commands.diff)
    .argument('<model>', 'the old model file, or with --base the model file whose old version git holds')
    .argument('[new]', 'the new model file (not with --base)')
    .option('--base <ref>', 'compare the model with its version at this git ref (e.g. origin/main)')
    .addOption(new Option('--format <format>', 'text (default), md (a pull-request comment) or json').choices(formatNames(DIFF_FORMATS)).default('text'))
    .option('-o, --output <file>', 'where to write (standard output without it)')
    .option('--diagram <file>', 'also draw the diagram of the change (.svg or .png)')
    .addOption(new Option('--fail-on <rank>', 'exit 1 when the change adds an unanswered risk of this rank or higher').choices([...RANKS]))
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu diff old.yaml new.yaml\n  $ npx koseizu diff --base origin/main model.yaml --format md -o diff.md\n  $ npx koseizu diff --base HEAD~1 model.yaml --diagram diff.png --fail-on A')
    .action(async (first: string, second: string | undefined, options: DiffOptions) => {
      code = await diffCommand(first, second, options, run);
    });

  program.command('rules')
    .description(t.commands.rules)
    .argument('[id]', 'a rule id, to explain that rule')
    .addOption(new Option('--format <format>', 'md (default) or json').choices(formatNames(CATALOGUE_FORMATS)).default('md'))
    .option('--rules <path>', 'list these rule files or folders with the built-in ones (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu rules\n  $ npx koseizu rules input-spoofing\n  $ npx koseizu rules --rules our-rules/\n  $ npx koseizu rules --format json > rules.json')
    .action((id: string | undefined, options: { format: CatalogueFormat; rules: string[] }) => {
      const result = rules({ rules: options.rules, host: diskHost, id }, { lang: run.outputLang ?? 'ja', format: options.format });
      io.err(formatDiagnostics(result.diagnostics, lang));
      if ('unknown' in result) io.err(t.rules.unknown(terminalText(result.unknown.id), result.unknown.suggestions[0] ?? ''));
      else if (result.status === 'invalid') io.err(`${summary(result.diagnostics, lang)}\n`);
      else io.out(result.output);
      code = exitCode(result);
    });

  program.command('schema')
    .description(t.commands.schema)
    .addHelpText('after', '\nExamples:\n  $ npx koseizu schema > koseizu.schema.json')
    .action(async () => {
      const { schema } = await import('../../models/schema.js');
      io.out(`${JSON.stringify(schema, null, 2)}\n`);
    });

  program.command('serve')
    .description(t.commands.serve)
    .argument('<model>', 'model file (.yaml)')
    .option('--port <port>', 'the port to listen on (0 picks a free one)', '4173')
    .option('--host <host>', 'the address to listen on (default 127.0.0.1; others on the network can then read the model)')
    .option('--open', 'open the page in the browser')
    .option('--rules <path>', 'add the rules of these files or folders to the built-in catalogue (repeatable)', collect, [])
    .addHelpText('after', '\nExamples:\n  $ npx koseizu serve examples/cloud-ehr/model.yaml\n  $ npx koseizu serve model.yaml --port 0 --open')
    .action(async (file: string, options: { port: string; host?: string; open?: boolean; rules: string[] }) => {
      code = await serveCommand(file, options, run);
    });

  program.command('init')
    .description(t.commands.init)
    .argument('[file]', 'where to write the starter model', 'model.yaml')
    .addHelpText('after', '\nExamples:\n  $ npx koseizu init\n  $ npx koseizu init --lang en models/my-system.yaml')
    .action(async (file: string) => {
      const { starterModel } = await import('./starter.js');
      const schemaRef = toSlashes(relative(dirname(resolve(file)), schemaFile()));
      const written = writeNewFile(file, starterModel(lang, schemaRef));
      if (written === 'written') {
        io.out(t.init.wrote(terminalText(file)));
        return;
      }
      io.err(written === 'exists' ? t.init.exists(terminalText(file)) : t.init.cannotWrite(terminalText(file), written.error));
      code = EXIT_INVALID;
    });

  // The version is read from package.json only when asked for, to keep start-up lean.
  program.on('option:version', () => {
    io.out(`${packageVersion()}\n`);
    throw new CommanderError(0, 'commander.version', '');
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
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

/** Text for the terminal, its line breaks kept: each line with its control characters shown escaped. */
function shownText(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}

/** A model file on disk, as the library takes it: named from its repository (or folder), its reads recorded. */
function input(file: string, rules: readonly string[]): OpenedModel & ModelInput {
  return openModel(file, rules);
}

/** Diagnostics with their files named as the terminal can open them (outputs name them from the model's root). */
function shownDiagnostics(diagnostics: readonly Diagnostic[], opened: OpenedModel): Diagnostic[] {
  // A file named in the message (one that cannot be read, one too large) is shown the same way.
  return diagnostics.map((d) => ({
    ...d,
    range: { ...d.range, file: opened.shown(d.range.file) },
    args: typeof d.args['file'] === 'string' && d.args['file'] !== '' ? { ...d.args, file: opened.shown(d.args['file']) } : d.args,
  }));
}

/** Prints diagnostics for the terminal. */
function printDiagnostics(diagnostics: readonly Diagnostic[], run: Run, opened: OpenedModel): void {
  run.io.err(formatDiagnostics(shownDiagnostics(diagnostics, opened), run.lang));
}

/** Prints the load's diagnostics; for a model that did not load, their summary too, and false. */
function loaded<R extends { readonly status: string; readonly diagnostics: readonly Diagnostic[] }>(result: R | Invalid, run: Run, opened: OpenedModel): result is Exclude<R, Invalid> {
  printDiagnostics(result.diagnostics, run, opened);
  if (result.status !== 'invalid') return true;
  run.io.err(`${summary(result.diagnostics, run.lang)}\n`);
  return false;
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

// ---- The commands with more to say than "load, render, write" ----

function validateCommand(models: readonly string[], options: { format: DiagnosticFormat; rules: readonly string[] }, run: Run): number {
  const { io, lang, t } = run;
  let failed = false;
  const all: Diagnostic[] = [];
  for (const file of models) {
    const opened = input(file, options.rules);
    const result = validate(opened);
    for (const d of result.diagnostics) all.push(d);
    if (options.format === 'text') {
      printDiagnostics(result.diagnostics, run, opened);
      if (result.model) {
        const m = result.model;
        io.out(t.validate.ok(terminalText(opened.shown(m.file)), t.validate.counts({
          sites: m.sites.length, locations: m.locations.length, devices: m.devices.length, links: m.links.length, media: m.media.length, flows: m.flows.length,
        })));
      }
    }
    if (exitCode(result) !== EXIT_OK) failed = true;
  }
  if (options.format === 'json') io.out(diagnosticsJson(all, lang));
  else if (all.length > 0) io.err(`${summary(all, lang)}\n`);
  return failed ? EXIT_INVALID : EXIT_OK;
}

interface DiagramOptions {
  readonly output?: string;
  readonly format?: DiagramFormat;
  readonly phase?: Phase;
  readonly direction: 'down' | 'right';
  readonly scale: string;
}

async function diagramCommand(file: string, options: DiagramOptions, run: Run): Promise<number> {
  const { io, t } = run;
  const extension = options.output?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const format = options.format ?? (extension !== undefined && extension in DIAGRAM_FORMATS ? extension as DiagramFormat : undefined) ?? (options.output ? undefined : 'svg');
  if (!format) {
    io.err(t.diagram.format(terminalText(options.output ?? '')));
    return EXIT_INVALID;
  }
  if (format === 'png' && (!options.output || (options.output === '-' && !io.outBytes))) {
    io.err(t.diagram.pngNeedsFile);
    return EXIT_INVALID;
  }
  // A plain decimal only: Number() would also take "0x2", "1e1" or " 2 ".
  const scale = /^\d+(\.\d+)?$|^\.\d+$/.test(options.scale) ? Number(options.scale) : NaN;
  if (!Number.isFinite(scale) || scale < 0.1 || scale > 10) {
    io.err(t.diagram.scale(terminalText(options.scale)));
    return EXIT_INVALID;
  }
  const opened = input(file, []);
  const result = await diagram(opened, { lang: run.outputLang, phase: options.phase, direction: options.direction, format, scale }, nodeResources());
  if (!loaded(result, run, opened)) return EXIT_INVALID;
  // Each note's words take that kind of note; indexed by its code, they are given it.
  for (const note of result.notes) io.err((t.diagram.notes[note.code] as (n: DiagramNote) => string)(note));
  return writeResult(result.output, options.output, [opened], run) ?? exitCode(result);
}

interface ThreatsOptions {
  readonly format: ThreatFormat;
  readonly rules: readonly string[];
  readonly phase?: Phase;
  readonly segment?: SegmentKind;
  readonly minRank?: Rank;
  readonly output?: string;
}

interface CheckOptions {
  readonly failOn?: Rank;
  readonly strict?: boolean;
  readonly format: CheckFormat;
  readonly output?: string;
  readonly rules: readonly string[];
}

function checkCommand(file: string, options: CheckOptions, run: Run): number {
  const { io, lang } = run;
  const opened = input(file, options.rules);
  const result = check(opened, {
    lang: run.outputLang, format: options.format, failOn: options.failOn, strict: options.strict === true,
    toolVersion: options.format === 'sarif' ? packageVersion() : undefined,
  });
  if (!loaded(result, run, opened)) return EXIT_INVALID;
  // Orphaned responses are the gate's own lines: their KZ306 would say it twice.
  printDiagnostics(result.responses.diagnostics.filter((d) => d.code !== 'KZ306'), run, opened);
  if (options.format === 'text') {
    io.out(result.output);
    return exitCode(result);
  }
  const written = writeResult(result.output, options.output, [opened], run);
  if (written !== undefined) return written;
  io.err(`${checkSummary(result, lang)}\n`);
  return exitCode(result);
}

/**
 * koseizu report: the report's files written into one folder as one set, never over an input, never into
 * a folder of the user's own files unless --force.
 */
async function reportCommand(file: string, options: { output: string; direction: 'down' | 'right'; rules: readonly string[]; force?: boolean }, run: Run): Promise<number> {
  const { io, t } = run;
  const opened = input(file, options.rules);
  const result = await report(opened, { lang: run.outputLang, direction: options.direction }, nodeResources());
  if (!loaded(result, run, opened)) return EXIT_INVALID;
  printDiagnostics(result.responses.diagnostics, run, opened);
  let problem: FolderProblem | null;
  try {
    problem = writeReportFolder(options.output, result.files, opened.inputs(), { force: options.force === true });
  } catch (error) {
    io.err(t.output.cannotWrite(options.output, (error as NodeJS.ErrnoException).code ?? String(error)));
    return EXIT_INVALID;
  }
  if (problem) {
    io.err(refusal(problem, opened, run));
    return EXIT_INVALID;
  }
  io.err(t.report.wrote(options.output, result.files.map((f) => f.name)));
  if (result.responses.open.length > 0) io.err(t.report.open(result.responses.open.length));
  return exitCode(result);
}

interface DiffOptions {
  readonly base?: string;
  readonly format: DiffFormat;
  readonly output?: string;
  readonly diagram?: string;
  readonly failOn?: Rank;
  readonly rules: readonly string[];
}

/** koseizu diff: the old version from a file or from git (--base), the new one from a file. */
async function diffCommand(first: string, second: string | undefined, options: DiffOptions, run: Run): Promise<number> {
  const { io, lang, t } = run;
  if ((options.base === undefined) === (second === undefined)) {
    io.err(t.diff.args);
    return EXIT_INVALID;
  }
  // Two files: both named from the folder that holds them both, so that two models of the same name in
  // folders of their own stay apart in what the diff says.
  const root = second === undefined ? undefined : commonFolder([outputRoot(resolve(first)), outputRoot(resolve(second))]);
  const opened = root === undefined ? input(second ?? first, options.rules) : openModel(second ?? first, options.rules, process.cwd(), root);
  // The old side from a file is protected too: it is an input of this run.
  const sides: OpenedModel[] = [opened];
  let old: DiffSide;
  if (options.base !== undefined) {
    const { gitHost } = await import('../io/git.js');
    const git = gitHost(options.base, { model: opened.path, cwd: opened.root });
    if ('error' in git) {
      io.err(gitErrorText(git.error, lang));
      return EXIT_INVALID;
    }
    old = { path: opened.path, host: git.host, rules: opened.rules, label: `${options.base}:${opened.path}` };
  } else {
    const older = openModel(first, options.rules, process.cwd(), root);
    sides.push(older);
    old = { ...older, label: older.path };
  }
  const ext = options.diagram?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const picture = ext !== undefined && ext in DIFF_DIAGRAM_FORMATS ? ext as DiffDiagramFormat : undefined;
  const result = await diff(old, { ...opened, label: opened.path }, {
    lang: run.outputLang, format: options.format, failOn: options.failOn, ...(options.diagram && picture ? { diagram: picture } : {}),
  }, nodeResources());
  const oldShown = sides[1] ?? opened;
  if (result.old.diagnostics.length > 0) io.err(`${t.diff.oldProblems(terminalText(old.label))}${formatDiagnostics(shownDiagnostics(result.old.diagnostics, oldShown), lang)}`);
  printDiagnostics(result.new.diagnostics, run, opened);
  if (result.status === 'invalid') {
    if (!result.new.model) io.err(`${summary(result.new.diagnostics, lang)}\n`);
    if (!result.old.model) io.err(`${summary(result.old.diagnostics, lang)}${t.diff.old}\n`);
    return EXIT_INVALID;
  }
  if (options.diagram) {
    if (!picture || result.diagram === null) {
      io.err(t.diff.diagramFormat(terminalText(options.diagram)));
      return EXIT_INVALID;
    }
    const written = writeResult(result.diagram, options.diagram, sides, run);
    if (written !== undefined) return written;
  }
  const written = writeResult(result.output, options.output, sides, run);
  if (written !== undefined) return written;
  for (const r of result.failing) io.err(t.diff.failing(r.new?.rank ?? '', terminalText(r.id)));
  return exitCode(result);
}

/** koseizu serve: runs until Ctrl-C (SIGINT or SIGTERM), then closes everything and returns 0. */
async function serveCommand(file: string, options: { port: string; host?: string; open?: boolean; rules: readonly string[] }, run: Run): Promise<number> {
  const { io, lang, t } = run;
  const port = /^\d{1,5}$/.test(options.port) ? Number(options.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    io.err(t.serve.port(terminalText(options.port)));
    return EXIT_INVALID;
  }
  const { startServer, openBrowser } = await import('../io/serve.js');
  let server;
  try {
    server = await startServer({ model: file, port, rules: options.rules, lang, log: io.err, ...(options.host === undefined ? {} : { host: options.host }) });
  } catch (error) {
    io.err(t.serve.cannotListen(terminalText(`${options.host ?? '127.0.0.1'}:${port}`), (error as NodeJS.ErrnoException).code ?? String(error)));
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

/** Why an output was refused, in words: an input, not a regular file, a folder of the user's own files. */
function refusal(problem: FolderProblem, opened: OpenedModel, run: Run): string {
  const { t } = run;
  const path = terminalText(problem.path);
  switch (problem.kind) {
    case 'input': return t.output.sameAsInput(path, terminalText(opened.shown(problem.input)));
    case 'not-a-file': return t.output.notAFile(path, problem.what);
    case 'foreign': return t.output.foreign(path, problem.names.map(terminalText));
    default: return t.output.cannotWrite(path, problem.code);
  }
}

/**
 * Writes a command's output to its file (never over an input of the run, never over anything but a
 * regular file) or, without -o or with "-o -", to standard output. Undefined when it was written; 2 when
 * it could not be (the message said why).
 */
function writeResult(data: string | Uint8Array, output: string | undefined, opened: readonly OpenedModel[], run: Run): number | undefined {
  const { io, t } = run;
  if (output === undefined || output === '-') {
    if (typeof data === 'string') io.out(data);
    else if (io.outBytes) io.outBytes(data); // a PNG reaches here only with "-o -" (the diagram command checks)
    return undefined;
  }
  const inputs = opened.flatMap((o) => o.inputs());
  let problem;
  try {
    problem = writeOutputFile(output, data, inputs);
  } catch (error) {
    io.err(t.output.cannotWrite(terminalText(output), (error as NodeJS.ErrnoException).code ?? String(error)));
    return EXIT_INVALID;
  }
  if (problem) {
    io.err(refusal(problem, opened[0] as OpenedModel, run));
    return EXIT_INVALID;
  }
  io.err(t.output.wrote(terminalText(output)));
  return undefined;
}
