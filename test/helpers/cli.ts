// Runs the built `galley` command (dist/bin/galley.js) as users do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const galleyBin = fileURLToPath(new URL('../../dist/bin/galley.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function galley(args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): CliResult {
  const result = spawnSync(process.execPath, [galleyBin, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
