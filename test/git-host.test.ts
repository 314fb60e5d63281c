// The git host (src/io/disk.ts): a model and its includes read as they were at a git ref, from the repository's
// top and from sub-folders; each reason it cannot read them at all; and the limits diskHost keeps (size,
// UTF-8 text, nothing outside the model's folder, symbolic links included) kept at the ref too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadModel, type LoadResult } from '../src/index.js';
import { gitErrorText } from '../src/cli/words.js';
import { diskHost, gitHost, gitRefExists, type GitError, type GitHost } from '../src/io/index.js';
import { MAX_FILE_BYTES } from '../src/load/parse.js';
import { git } from './helpers/git.js';

const MINIMAL = readFileSync(join(import.meta.dirname, '..', 'examples', 'minimal', 'model.yaml'), 'utf8');
const NETWORKS = 'networks:\n  - {id: office-lan, label: Office LAN, kind: lan}\n';


/** Adds a symbolic link blob to the index without making one on disk (so it works where links cannot). */
function stageSymlink(repo: string, path: string, target: string): void {
  const oid = git(repo, ['hash-object', '-w', '--stdin'], target);
  git(repo, ['update-index', '--add', '--cacheinfo', `120000,${oid},${path}`]);
}

function write(path: string, text: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

let dir: string;
let repo: string;
const OLD_MODEL = MINIMAL.replace(/\nnetworks:\n[^\n]*\n/, '\n').replace('koseizu: 1\n', 'koseizu: 1\ninclude: [net.yaml]\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'koseizu-git-'));
  repo = join(dir, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q']);
  // The old version: a model under models/clinic/ with its networks in an include.
  write(join(repo, 'models', 'clinic', 'model.yaml'), OLD_MODEL);
  write(join(repo, 'models', 'clinic', 'net.yaml'), `koseizu: 1\n${NETWORKS}`);
  write(join(repo, 'outside.yaml'), `koseizu: 1\n${NETWORKS}`);
  // Files that must be refused: too large, not UTF-8, including outside the model's folder.
  write(join(repo, 'bad', 'huge.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
  write(join(repo, 'bad', 'binary.yaml'), Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  write(join(repo, 'bad', 'escape.yaml'), OLD_MODEL.replace('include: [net.yaml]', 'include: [../outside.yaml]'));
  write(join(repo, 'bad', 'huge-include.yaml'), OLD_MODEL.replace('include: [net.yaml]', 'include: [huge.yaml]'));
  write(join(repo, 'links', 'model.yaml'), OLD_MODEL.replace('include: [net.yaml]', 'include: [inside-link.yaml]'));
  write(join(repo, 'links', 'net.yaml'), `koseizu: 1\n${NETWORKS}`);
  write(join(repo, 'links', 'escaping.yaml'), OLD_MODEL.replace('include: [net.yaml]', 'include: [out-link.yaml]'));
  git(repo, ['add', '-A']);
  // Links at the ref: one to a file beside it (followed), one out of the folder (refused).
  stageSymlink(repo, 'links/inside-link.yaml', 'net.yaml');
  stageSymlink(repo, 'links/out-link.yaml', '../outside.yaml');
  stageSymlink(repo, 'links/root-link.yaml', '../../elsewhere.yaml');
  git(repo, ['commit', '-q', '-m', 'old']);
  git(repo, ['tag', 'v1']);
  // The change, in the working tree: a new title and a renamed network.
  write(join(repo, 'models', 'clinic', 'model.yaml'), OLD_MODEL.replace('Tiny clinic appointment book', 'Tiny clinic, new title'));
  write(join(repo, 'models', 'clinic', 'net.yaml'), `koseizu: 1\n${NETWORKS.replace('Office LAN', 'Office LAN v2')}`);
  write(join(repo, 'models', 'clinic', 'added.yaml'), OLD_MODEL);
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function open(ref: string, cwd: string, model?: string): GitHost {
  const opened = gitHost(ref, { cwd, ...(model === undefined ? {} : { model }) });
  if ('error' in opened) throw new Error(`gitHost: ${opened.error.code}`);
  return opened.host;
}
function errorOf(ref: string, options: Parameters<typeof gitHost>[1]): GitError | undefined {
  const opened = gitHost(ref, options);
  return 'error' in opened ? opened.error : undefined;
}
const codes = (r: LoadResult): string[] => r.diagnostics.map((d) => d.code);

/** Paths in loadModel are relative to the process's working directory, so the test moves there. */
function loadAt(cwd: string, path: string, host: GitHost | typeof diskHost): LoadResult {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return loadModel(path, host);
  } finally {
    process.chdir(before);
  }
}

describe('reading the old version', () => {
  it('reads the model and its include as committed, not as in the working tree', () => {
    const now = loadAt(repo, 'models/clinic/model.yaml', diskHost);
    expect(now.model?.system.title).toBe('Tiny clinic, new title');
    const old = loadAt(repo, 'models/clinic/model.yaml', open('HEAD', repo));
    expect(codes(old)).toEqual([]);
    expect(old.model?.system.title).toBe('Tiny clinic appointment book');
    expect(old.model?.networks.map((n) => n.label)).toEqual(['Office LAN']);
    expect(old.model?.files).toEqual(['models/clinic/model.yaml', 'models/clinic/net.yaml']);
  });

  it('works from a sub-folder, from the model\'s folder and with an absolute path', () => {
    const models = join(repo, 'models');
    const clinic = join(models, 'clinic');
    expect(loadAt(models, 'clinic/model.yaml', open('HEAD', models)).model?.networks[0]?.label).toBe('Office LAN');
    expect(loadAt(clinic, 'model.yaml', open('v1', clinic)).model?.networks[0]?.label).toBe('Office LAN');
    expect(loadAt(clinic, './net.yaml/../model.yaml', open('main', clinic)).model?.system.title).toBe('Tiny clinic appointment book');
    const absolute = join(clinic, 'model.yaml').replace(/\\/g, '/');
    expect(loadAt(models, absolute, open('HEAD', models)).model?.system.title).toBe('Tiny clinic appointment book');
  });

  it('resolves the ref once: a later commit does not change what the host reads', () => {
    const clone = join(dir, 'later');
    git(dir, ['clone', '-q', repo, clone]);
    const host = open('HEAD', clone);
    write(join(clone, 'models', 'clinic', 'model.yaml'), OLD_MODEL.replace('Tiny clinic appointment book', 'Committed later'));
    git(clone, ['commit', '-q', '-am', 'later']);
    expect(loadAt(clone, 'models/clinic/model.yaml', host).model?.system.title).toBe('Tiny clinic appointment book');
    expect(loadAt(clone, 'models/clinic/model.yaml', open('HEAD~1', clone)).model?.system.title).toBe('Tiny clinic appointment book');
    expect(loadAt(clone, 'models/clinic/model.yaml', open('HEAD', clone)).model?.system.title).toBe('Committed later');
    expect(gitRefExists('HEAD~1', clone)).toBe(true);
    expect(gitRefExists('HEAD~2', clone)).toBe(false);
    expect(gitRefExists('--all', clone)).toBe(false);
  });

  it('lists a folder at the ref (for rule folders), with links that stay inside', () => {
    const host = open('HEAD', repo);
    expect(host.list('models/clinic', null)).toEqual({ ok: true, files: ['model.yaml', 'net.yaml'] });
    expect(host.list('links', 'links')).toEqual({ ok: true, files: ['escaping.yaml', 'inside-link.yaml', 'model.yaml', 'net.yaml'] });
    expect(host.list('models/clinic/model.yaml', null)).toEqual({ ok: false, reason: 'not-a-folder' });
    expect(host.list('nowhere', null)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(host.list('bad', 'models/clinic')).toEqual({ ok: false, reason: 'outside' });
  });
});

describe('refusals at the ref, as on disk', () => {
  it('refuses a blob over the size limit (KZ003), as the model and as an include', () => {
    const host = open('HEAD', repo);
    expect(host.read('bad/huge.yaml', null)).toEqual({ ok: false, reason: 'too-large', size: MAX_FILE_BYTES + 1 });
    const result = loadAt(repo, 'bad/huge-include.yaml', host);
    // The networks were in the refused include: the link's network is unknown (KZ104) after it.
    expect(codes(result)).toEqual(['KZ003', 'KZ104']);
    expect(result.diagnostics[0]?.args).toMatchObject({ size: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES });
  });

  it('refuses a file that is not UTF-8 text (KZ004)', () => {
    expect(codes(loadAt(repo, 'bad/binary.yaml', open('HEAD', repo)))).toEqual(['KZ004']);
  });

  it('refuses an include outside the model\'s folder (KZ010)', () => {
    const result = loadAt(repo, 'bad/escape.yaml', open('HEAD', repo));
    expect(codes(result)).toEqual(['KZ010', 'KZ104']);
    expect(result.model).toBeUndefined();
    expect(open('HEAD', repo).read('outside.yaml', 'bad')).toEqual({ ok: false, reason: 'outside' });
  });

  it('follows a symbolic link that stays in the folder and refuses one that leaves it', () => {
    const inside = loadAt(repo, 'links/model.yaml', open('HEAD', repo));
    expect(codes(inside)).toEqual([]);
    expect(inside.model?.networks[0]?.label).toBe('Office LAN');
    expect(codes(loadAt(repo, 'links/escaping.yaml', open('HEAD', repo)))).toEqual(['KZ010', 'KZ104']);
    expect(open('HEAD', repo).read('links/out-link.yaml', 'links')).toEqual({ ok: false, reason: 'outside' });
    // Even the root model may not lead out of the repository.
    expect(open('HEAD', repo).read('links/root-link.yaml', null)).toEqual({ ok: false, reason: 'outside' });
  });

  it('reports a folder and a missing include as unreadable, like diskHost', () => {
    const host = open('HEAD', repo);
    expect(host.read('models', null)).toEqual({ ok: false, reason: 'unreadable', detail: 'directory' });
    expect(host.read('models/clinic/nothing.yaml', 'models/clinic')).toMatchObject({ ok: false, reason: 'not-found' });
  });
});

describe('errors before any read', () => {
  it('not a git repository', () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    vi.stubEnv('GIT_CEILING_DIRECTORIES', dir);
    try {
      expect(errorOf('HEAD', { cwd: plain })).toEqual({ code: 'not-a-repository', dir: plain });
      expect(errorOf('HEAD', { cwd: join(dir, 'no-such-folder') })).toMatchObject({ code: 'not-a-repository' });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('git not installed', () => {
    vi.stubEnv('PATH', join(dir, 'no-bin'));
    try {
      expect(errorOf('HEAD', { cwd: repo })).toEqual({ code: 'git-missing' });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('the ref does not exist, in a full clone and in a shallow one', () => {
    expect(errorOf('no-such-branch', { cwd: repo })).toEqual({ code: 'unknown-ref', ref: 'no-such-branch', shallow: false });
    expect(errorOf('--output=x', { cwd: repo })).toEqual({ code: 'unknown-ref', ref: '--output=x', shallow: false });
    expect(errorOf('', { cwd: repo })).toMatchObject({ code: 'unknown-ref' });
    const full = join(dir, 'two-commits');
    git(dir, ['clone', '-q', repo, full]);
    write(join(full, 'x.txt'), 'x\n');
    git(full, ['add', 'x.txt']);
    git(full, ['commit', '-q', '-m', 'second']);
    const shallow = join(dir, 'shallow');
    git(dir, ['clone', '-q', '--depth=1', `file://${full.replace(/\\/g, '/')}`, shallow]);
    expect(errorOf('HEAD~1', { cwd: shallow })).toEqual({ code: 'unknown-ref', ref: 'HEAD~1', shallow: true });
    expect(errorOf('HEAD', { cwd: shallow })).toBeUndefined();
  });

  it('the model does not exist at the ref (added in this change)', () => {
    const clinic = join(repo, 'models', 'clinic');
    expect(errorOf('HEAD', { cwd: clinic, model: 'added.yaml' })).toEqual({ code: 'missing-file', ref: 'HEAD', path: 'added.yaml' });
    expect(errorOf('HEAD', { cwd: clinic, model: '../../../outside-the-repo.yaml' })).toMatchObject({ code: 'missing-file' });
    expect(errorOf('HEAD', { cwd: clinic, model: 'model.yaml' })).toBeUndefined();
    // Without `model`, the same file is a KZ006 diagnostic when it is read.
    expect(codes(loadAt(clinic, 'added.yaml', open('HEAD', clinic)))).toEqual(['KZ006']);
  });
});

describe('the words for each error', () => {
  const errors: GitError[] = [
    { code: 'git-missing' },
    { code: 'not-a-repository', dir: '/tmp/x' },
    { code: 'unknown-ref', ref: 'origin/main', shallow: true },
    { code: 'missing-file', ref: 'origin/main', path: 'model.yaml' },
    { code: 'git-failed', detail: 'fatal: detected dubious ownership' },
  ];
  it.each(['ja', 'en'] as const)('%s: a message line and a hint line for every error', (lang) => {
    for (const error of errors) {
      const lines = gitErrorText(error, lang).split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(lang === 'ja' ? /^ヒント: / : /^hint: /);
      expect(lines[2]).toBe('');
    }
  });
  it('tells how to fetch a missing base branch', () => {
    expect(gitErrorText({ code: 'unknown-ref', ref: 'origin/main', shallow: true }, 'en')).toContain('git fetch --depth=1 origin main');
    expect(gitErrorText({ code: 'unknown-ref', ref: 'origin/main', shallow: true }, 'en')).toContain('fetch-depth: 0');
    expect(gitErrorText({ code: 'unknown-ref', ref: 'v2', shallow: false }, 'ja')).toContain('git fetch origin v2');
  });
});
