// git for tests: a fixed identity, none of the machine's or an outer repository's settings.
import { spawnSync } from 'node:child_process';

export function git(cwd: string, args: readonly string[], input?: string | Buffer): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'koseizu test', GIT_AUTHOR_EMAIL: 'test@koseizu.invalid',
    GIT_COMMITTER_NAME: 'koseizu test', GIT_COMMITTER_EMAIL: 'test@koseizu.invalid',
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null',
  };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd, env, input, encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}
