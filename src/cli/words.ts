// Every word the command line prints of its own, in one table per language: help, usage errors, what a
// command wrote, notes about a diagram, git's problems. The compiler checks both languages against
// CliWords, so a missing word is a type error. (Diagnostics, risks and outputs are worded by the library.)
import type { Lang } from '../../models/vocabulary.js';
import type { DiagramNote } from '../index.js';
import type { GitError } from '../io/git.js';
import type { NotAFile } from '../io/output.js';

type Say<A extends unknown[] = []> = (...args: A) => string;

const NOT_A_FILE: Readonly<Record<Lang, Readonly<Record<NotAFile, string>>>> = {
  ja: { directory: 'フォルダ', symlink: 'シンボリックリンク', fifo: '名前付きパイプ', device: 'デバイス', socket: 'ソケット', other: '通常のファイルではない' },
  en: { directory: 'a folder', symlink: 'a symbolic link', fifo: 'a named pipe', device: 'a device', socket: 'a socket', other: 'not a regular file' },
};

/** The first few names, and how many more. */
function listed(names: readonly string[], join: string): string {
  const shown = names.slice(0, 5).join(join);
  return names.length > 5 ? `${shown}${join}+${names.length - 5}` : shown;
}

export interface CliWords {
  readonly description: string;
  readonly commands: {
    readonly validate: string;
    readonly diagram: string;
    readonly flows: string;
    readonly threats: string;
    readonly report: string;
    readonly check: string;
    readonly diff: string;
    readonly serve: string;
    readonly rules: string;
    readonly schema: string;
    readonly init: string;
  };
  readonly internal: Say<[detail: string]>;
  readonly validate: {
    readonly ok: Say<[file: string, counts: string]>;
    readonly counts: Say<[counts: { sites: number; locations: number; devices: number; links: number; media: number; flows: number }]>;
  };
  readonly rules: { readonly unknown: Say<[id: string, suggestion: string]> };
  readonly init: {
    readonly exists: Say<[file: string]>;
    readonly cannotWrite: Say<[file: string, code: string]>;
    readonly wrote: Say<[file: string]>;
  };
  readonly output: {
    /** The output is a file this run reads (the model, an include, a rule file), by whatever path. */
    readonly sameAsInput: Say<[file: string, input: string]>;
    readonly notAFile: Say<[file: string, what: NotAFile]>;
    /** A report folder holding files koseizu did not write there. */
    readonly foreign: Say<[dir: string, names: readonly string[]]>;
    readonly wrote: Say<[file: string]>;
    readonly cannotWrite: Say<[file: string, code: string]>;
  };
  readonly diagram: {
    readonly format: Say<[file: string]>;
    readonly pngNeedsFile: string;
    readonly scale: Say<[value: string]>;
    readonly notes: { readonly [C in DiagramNote['code']]: Say<[note: Extract<DiagramNote, { code: C }>]> };
  };
  readonly report: {
    readonly wrote: Say<[dir: string, files: readonly string[]]>;
    readonly open: Say<[count: number]>;
  };
  readonly diff: {
    readonly args: string;
    readonly old: string;
    readonly oldProblems: Say<[label: string]>;
    readonly failing: Say<[rank: string, id: string]>;
    readonly diagramFormat: Say<[file: string]>;
  };
  readonly serve: {
    readonly port: Say<[value: string]>;
    readonly cannotListen: Say<[address: string, code: string]>;
  };
  readonly git: { readonly [C in GitError['code']]: Say<[error: Extract<GitError, { code: C }>]> };
}

/** `git fetch` for a ref: `origin/main` -> `git fetch --depth=1 origin main`. */
function fetchHint(ref: string): string {
  const remote = /^(?:refs\/remotes\/)?([\w.-]+)\/(.+)$/.exec(ref);
  return remote && remote[1] === 'origin' ? `git fetch --depth=1 origin ${remote[2] as string}` : `git fetch origin ${ref}`;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export const CLI_WORDS = {
  ja: {
    description: 'koseizu（構成図）: 医療情報システムの全体構成図と情報流を YAML で書き、ガイドラインに沿ったリスク分析を行う',
    commands: {
      validate: 'モデルを検証し、すべての問題を位置付きで表示する',
      diagram: '全体構成図を描く（SVG / PNG / Mermaid / Markdown）',
      flows: '情報流（Who / Where / Which / What / How）を提供形態とフェーズごとに表にする',
      threats: 'すべての情報流を断面ごとに調べ、リスクアセスメント結果一覧を出力する',
      report: '医療機関等に渡す報告書（HTML・Markdown・Excel・構成図）をフォルダに書き出す',
      check: '未対応のリスクがあれば失敗する（CI 用。--format sarif でコードスキャン用の SARIF）',
      diff: 'モデルの 2 つの版の違い（要素・リスク・対応・構成図）を示す（プルリクエスト用）',
      serve: 'ワークショップ用のページをローカルに表示し、モデルを保存するたびに更新する',
      rules: '脅威ルールの一覧を表示する（ID を指定するとそのルールを説明する）',
      schema: 'モデル DSL の JSON Schema を表示する',
      init: 'コメント付きの雛形モデルを作成する（既存のファイルは上書きしない）',
    },
    internal: (detail) => `内部エラー: ${detail}\nヒント: KOSEIZU_DEBUG=1 を付けて実行すると詳細が表示されます。再現するモデルを添えて報告してください\n`,
    validate: {
      ok: (file, counts) => `OK ${file}: ${counts}\n`,
      counts: (c) => `拠点 ${c.sites}、設置場所 ${c.locations}、機器 ${c.devices}、接続 ${c.links}、搬送 ${c.media}、情報流 ${c.flows}`,
    },
    rules: {
      unknown: (id, suggestion) => `ルール "${id}" はありません${suggestion ? `（もしかして "${suggestion}"?）` : ''}\nヒント: npx koseizu rules で一覧を表示できます\n`,
    },
    init: {
      exists: (file) => `${file}: すでに存在するため書き込みませんでした\nヒント: 別のファイル名を指定するか、既存のファイルを移動してください\n`,
      cannotWrite: (file, code) => `${file}: 書き込めません（${code === 'ENOENT' ? 'フォルダがありません' : code}）\nヒント: フォルダを作成するか、書き込める場所を指定してください\n`,
      wrote: (file) => `${file} を作成しました。次のコマンドで検証できます: npx koseizu validate ${file}\n`,
    },
    output: {
      sameAsInput: (file, input) => `${file}: 読み込んだファイル（${input}）には書き込みません\nヒント: モデル・include・ルールファイルとは別の出力先を指定してください\n`,
      notAFile: (file, what) => `${file}: ${NOT_A_FILE.ja[what]}のため書き込みません（通常のファイルか、まだないパスにだけ書き出します）\nヒント: 標準出力に出すには -o - を指定してください\n`,
      foreign: (dir, names) => `${dir}: koseizu が書き出していないファイルがあるため書き込みません（${listed(names, '、')}）\nヒント: 空のフォルダか新しいフォルダを指定するか、--force を付けてください（それらのファイルは残し、レポートのファイルだけを置き換えます）\n`,
      wrote: (file) => `${file} を書き出しました\n`,
      cannotWrite: (file, code) => `${file}: 書き込めません（${code === 'EISDIR' ? 'フォルダです' : code === 'EACCES' || code === 'EPERM' ? '権限がありません' : code}）\nヒント: 書き込めるファイル名を指定してください\n`,
    },
    diagram: {
      format: (file) => `${file}: 出力形式が分かりません\nヒント: 拡張子を .svg / .png / .mmd / .md にするか、--format を指定してください\n`,
      pngNeedsFile: 'PNG は端末に出力できません\nヒント: -o diagram.png のように出力先を指定してください\n',
      scale: (value) => `--scale ${value}: 0.1 から 10 までの数値を指定してください\n`,
      notes: {
        'fast-layout': (n) => `注意: 機器が ${n.devices} 台あるため、高速なレイアウト設定を使いました${n.omittedLabels > 0 ? `（入りきらない接続のラベル ${n.omittedLabels} 件は省略。SVG では各接続のツールチップに残っています）` : ''}\n`,
        'png-scaled': (n) => `注意: PNG が大きすぎるため ${Math.round(n.scale * 100)}% に縮小しました（上限 ${Math.round(n.maxPixels / 1e6)} メガピクセル）。細部は SVG で確認してください\n`,
        mermaid: (n) => `${n.text}\n`,
      },
    },
    report: {
      wrote: (dir, files) => `${dir} に ${files.join('、')} を書き出しました\n`,
      open: (n) => `注意: 対応が必要で未対応のリスクが ${n} 件あります（npx koseizu check で一覧）\n`,
    },
    diff: {
      args: 'diff には「旧 新」の 2 つのモデルか、--base <ref> と 1 つのモデルを指定してください\nヒント: npx koseizu diff old.yaml new.yaml / npx koseizu diff --base origin/main model.yaml\n',
      old: '（旧版）',
      oldProblems: (label) => `旧版 ${label} の問題（行番号は旧版のもの）:\n`,
      failing: (rank, id) => `この変更で未対応のランク ${rank} のリスクが加わります: ${id}\n`,
      diagramFormat: (file) => `${file}: 差分の構成図は .svg か .png で書き出します\n`,
    },
    serve: {
      port: (value) => `--port ${value}: 0 から 65535 までの数を指定してください\n`,
      cannotListen: (address, code) => `${address} で待ち受けられません（${code}）\nヒント: ${code === 'EADDRINUSE' ? '別のポートを --port で指定するか、--port 0 で空きポートを使ってください' : '--host と --port を確かめてください'}\n`,
    },
    git: {
      'git-missing': () => 'git が見つかりません（--base で旧版を読むには git が必要です）\nヒント: git をインストールし、PATH に含めてください\n',
      'not-a-repository': (e) => `${e.dir}: git リポジトリの中ではありません\nヒント: --base はモデルを管理している git リポジトリの中で実行してください\n`,
      'unknown-ref': (e) => `${e.ref}: そのようなコミット・ブランチ・タグはありません${e.shallow ? '（浅いクローンのため履歴がありません）' : ''}\n`
        + `ヒント: ${fetchHint(e.ref)} で取得してください。GitHub Actions では actions/checkout に fetch-depth: 0 を指定してください\n`,
      'missing-file': (e) => `${e.path}: ${e.ref} の時点ではこのファイルはありません\n`
        + 'ヒント: この変更で追加したモデルなら比べる旧版がありません（空のモデルとの差分は出せません）。移動・改名したなら、旧版のパスを指定してください\n',
      'git-failed': (e) => `git が失敗しました: ${e.detail}\nヒント: 同じフォルダで git status を実行して確かめてください（CI のコンテナでは git config --global --add safe.directory "$PWD" が必要なことがあります）\n`,
    },
  },
  en: {
    description: 'koseizu (構成図): describe a medical information system\'s configuration diagram and information flows in YAML, and assess its risks the way the Japanese guidelines ask',
    commands: {
      validate: 'check models and report every problem with its position',
      diagram: 'draw the configuration diagram (SVG, PNG, Mermaid, Markdown)',
      flows: 'list the information flows (Who / Where / Which / What / How) per provision form and phase',
      threats: 'walk every flow segment and print the risk assessment result list',
      report: 'write the report for the medical institution (HTML, Markdown, Excel, diagram) into a folder',
      check: 'fail when risks are left unanswered (for CI; --format sarif for code scanning)',
      diff: 'show what changed between two versions of a model: elements, risks, responses and the diagram (for pull requests)',
      serve: 'show a local page for a workshop that updates each time the model is saved',
      rules: 'list the threat rules (explain one when its id is given)',
      schema: 'print the JSON Schema of the model DSL',
      init: 'write a commented starter model (never overwrites a file)',
    },
    internal: (detail) => `internal error: ${detail}\nhint: run with KOSEIZU_DEBUG=1 for details, and report it with a model that reproduces it\n`,
    validate: {
      ok: (file, counts) => `ok ${file}: ${counts}\n`,
      counts: (c) => [plural(c.sites, 'site', 'sites'), plural(c.locations, 'location', 'locations'), plural(c.devices, 'device', 'devices'),
        plural(c.links, 'link', 'links'), plural(c.media, 'media transport', 'media transports'), plural(c.flows, 'flow', 'flows')].join(', '),
    },
    rules: {
      unknown: (id, suggestion) => `no rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}\nhint: npx koseizu rules lists them\n`,
    },
    init: {
      exists: (file) => `${file}: already exists, nothing written\nhint: give another file name, or move the existing file away\n`,
      cannotWrite: (file, code) => `${file}: cannot write (${code === 'ENOENT' ? 'no such folder' : code})\nhint: create the folder, or choose a place you can write to\n`,
      wrote: (file) => `wrote ${file}; check it with: npx koseizu validate ${file}\n`,
    },
    output: {
      sameAsInput: (file, input) => `${file}: refusing to write over a file this run reads (${input})\nhint: choose an output apart from the model, its includes and its rule files\n`,
      notAFile: (file, what) => `${file}: refusing to write: it is ${NOT_A_FILE.en[what]} (koseizu writes only regular files, or paths that do not exist yet)\nhint: use -o - for standard output\n`,
      foreign: (dir, names) => `${dir}: refusing to write: it holds files koseizu did not write (${listed(names, ', ')})\nhint: give a new or empty folder, or add --force (those files are kept; only the report's own are replaced)\n`,
      wrote: (file) => `wrote ${file}\n`,
      cannotWrite: (file, code) => `${file}: cannot write (${code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})\nhint: give a file name you can write to\n`,
    },
    diagram: {
      format: (file) => `${file}: unknown output format\nhint: use a .svg, .png, .mmd or .md file name, or give --format\n`,
      pngNeedsFile: 'PNG cannot be written to a terminal\nhint: give an output file, e.g. -o diagram.png\n',
      scale: (value) => `--scale ${value}: give a number from 0.1 to 10\n`,
      notes: {
        'fast-layout': (n) => `note: ${n.devices} devices, so the faster layout settings were used${n.omittedLabels > 0 ? ` (${n.omittedLabels} link labels found no room and were left out; each link's tooltip in the SVG keeps its label)` : ''}\n`,
        'png-scaled': (n) => `note: the PNG would be too large, so it was drawn at ${Math.round(n.scale * 100)}% (limit ${Math.round(n.maxPixels / 1e6)} megapixels); see the SVG for detail\n`,
        mermaid: (n) => `${n.text}\n`,
      },
    },
    report: {
      wrote: (dir, files) => `wrote ${files.join(', ')} to ${dir}\n`,
      open: (n) => `note: ${n} risk${n === 1 ? '' : 's'} that need a response have none (npx koseizu check lists them)\n`,
    },
    diff: {
      args: 'diff takes two models (old and new), or --base <ref> and one model\nhint: npx koseizu diff old.yaml new.yaml / npx koseizu diff --base origin/main model.yaml\n',
      old: ' (old version)',
      oldProblems: (label) => `problems in the old version ${label} (line numbers are the old version's):\n`,
      failing: (rank, id) => `the change brings an unanswered rank ${rank} risk: ${id}\n`,
      diagramFormat: (file) => `${file}: the diagram of the change is written as .svg or .png\n`,
    },
    serve: {
      port: (value) => `--port ${value}: give a number from 0 to 65535\n`,
      cannotListen: (address, code) => `cannot listen on ${address} (${code})\nhint: ${code === 'EADDRINUSE' ? 'give another --port, or --port 0 for a free one' : 'check --host and --port'}\n`,
    },
    git: {
      'git-missing': () => 'git was not found (--base needs it to read the old version)\nhint: install git and make sure it is on PATH\n',
      'not-a-repository': (e) => `${e.dir}: not inside a git repository\nhint: run --base inside the git repository that holds the model\n`,
      'unknown-ref': (e) => `${e.ref}: no such commit, branch or tag${e.shallow ? ' (this is a shallow clone, without history)' : ''}\n`
        + `hint: fetch it with ${fetchHint(e.ref)}; on GitHub Actions give actions/checkout fetch-depth: 0\n`,
      'missing-file': (e) => `${e.path}: this file does not exist at ${e.ref}\n`
        + 'hint: if the model was added in this change, there is no old version to compare with (a diff against an empty model is not possible); if it was moved or renamed, give its old path\n',
      'git-failed': (e) => `git failed: ${e.detail}\nhint: run git status in the same folder to see why (in a CI container, git config --global --add safe.directory "$PWD" may be needed)\n`,
    },
  },
} as const satisfies Record<Lang, CliWords>;

/** A GitError in words: the problem, then a hint line; ends with a newline. */
export function gitErrorText(error: GitError, lang: Lang): string {
  // Each entry takes its own kind of error; indexed by the error's code, it is given that kind.
  const say = CLI_WORDS[lang].git[error.code] as (e: GitError) => string;
  return say(error);
}
