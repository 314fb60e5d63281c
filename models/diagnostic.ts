// Diagnostics are plain data: a code, a severity, a position and the arguments of the message.
// The words live in src/words/diagnostics.ts (ja and en); every code has both, which a test enforces.
import type { SourceRange } from './source.js';

export const DIAGNOSTIC_CODES = {
  // Reading and YAML (KZ0xx)
  KZ001: 'error', // YAML syntax error
  KZ002: 'error', // duplicate key in a mapping
  KZ003: 'error', // file too large
  KZ004: 'error', // binary or not UTF-8 text
  KZ005: 'error', // too many aliases (alias bomb)
  KZ006: 'error', // file cannot be read
  KZ007: 'error', // document is empty or not a mapping
  KZ008: 'error', // more than one YAML document in a file
  KZ010: 'error', // include: absolute path or outside the model's folder
  KZ011: 'error', // include: cycle
  KZ012: 'error', // include: too many files or too deep
  KZ013: 'error', // a YAML tag koseizu does not read (e.g. !!binary, custom tags)
  KZ014: 'error', // the model is larger than koseizu reads (devices, flows, links, media, responses, path steps)
  // Structure, checked against the JSON Schema (KZ1xx)
  KZ100: 'error', // missing or unsupported `koseizu:` version
  KZ101: 'error', // unknown key
  KZ102: 'error', // wrong type
  KZ103: 'error', // value not among the allowed ones
  KZ104: 'error', // reference to an element that does not exist
  KZ105: 'error', // required key missing
  KZ106: 'error', // duplicate id
  KZ107: 'error', // id or reference not in kebab-case
  KZ108: 'error', // value out of range or badly formed
  KZ109: 'error', // duplicate item in a list
  KZ110: 'error', // `system` missing in the root file, or present in an included file
  KZ111: 'error', // list is empty but needs at least one item
  KZ112: 'error', // a control character (or a non-character) in a text
  // Meaning (KZ2xx)
  KZ201: 'error', // flow path hop with no link between the two devices
  KZ202: 'error', // flow `where` is not the location (or site) of its `which` device
  KZ203: 'error', // phase not declared by the system
  KZ204: 'error', // provision form not declared by the system
  KZ205: 'error', // flow needs a `form` because the system declares several
  KZ206: 'error', // flow `which` device is not on its path
  KZ207: 'error', // link joins a device to itself
  KZ208: 'error', // reference to an element of the wrong kind
  KZ209: 'error', // media transport from a location to itself
  KZ210: 'warning', // risk matrix level falls as impact or likelihood rises
  KZ211: 'error', // operator patient or staff for a site or a network (only devices are a person's own)
  // Warnings (KZ3xx)
  KZ301: 'warning', // element declared but never used
  KZ302: 'warning', // device with no link
  KZ303: 'warning', // a fact that does not apply to this kind of network
  KZ304: 'warning', // the same path step twice in a row
  KZ305: 'warning', // a response that reduces a risk lists no measures
  KZ306: 'warning', // a response answers no risk (orphaned)
  KZ307: 'warning', // an S risk reduced by a single measure (S needs several)
  KZ308: 'warning', // a risk accepted without a rationale
  KZ309: 'warning', // an S risk accepted (S needs several measures)
  KZ310: 'warning', // an end-user device with the store role does not say what it keeps (taken as a cache)
  KZ311: 'warning', // a device's stated exposure contradicts its links over the internet
  KZ312: 'warning', // data classed medical handled only by platform or infrastructure flows
  KZ313: 'warning', // a link between two organisations with no responsibility boundary stated
  KZ314: 'warning', // a carrier's network with no operator named, or no agreement with it
  // User rule files (KZ4xx; docs/rules.md)
  KZ400: 'error', // not a rule file: no (or an unsupported) `koseizu-rules:` version
  KZ401: 'error', // unknown key in a rule file
  KZ402: 'error', // wrong type in a rule file
  KZ403: 'error', // value not among the allowed ones (threat, cia, segments, phases, at, controls)
  KZ404: 'error', // required key missing in a rule file
  KZ405: 'error', // value out of range or badly formed (id, grade, empty list or text, repeated item)
  KZ406: 'error', // unknown fact in a condition
  KZ407: 'error', // operator missing, repeated, unknown, or not for this fact
  KZ408: 'error', // a condition's value does not fit its fact
  KZ409: 'error', // unknown placeholder in a rule's message
  KZ410: 'error', // rule id taken by a built-in rule
  KZ411: 'error', // rule id declared twice
  KZ412: 'error', // rule file outside the model's folder
  KZ413: 'warning', // a rules folder with no rule file in it
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning';

/** Message arguments: strings are quoted where the message says so; lists are joined by the formatter. */
export type DiagnosticArgs = Readonly<Record<string, string | number | readonly string[]>>;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly range: SourceRange;
  readonly args: DiagnosticArgs;
  /** Close matches for a misspelt name, best first ("did you mean ..."). */
  readonly suggestions?: readonly string[];
}

export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code];
}

/** A diagnostic in words, as `koseizu validate` prints it and `--format json` gives it. */
export interface DiagnosticView {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string | null;
  readonly args: DiagnosticArgs;
  readonly suggestions: readonly string[];
}

/** Diagnostics in one language: each, the label of their hint lines, and a count of them. */
export interface DiagnosticList {
  readonly items: readonly DiagnosticView[];
  /** "ヒント" / "hint". */
  readonly hintLabel: string;
  /** "エラー 2 件、警告 0 件" / "2 errors, 0 warnings". */
  readonly summary: string;
}
