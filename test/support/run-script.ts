import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './locations.ts';

/**
 * Runs one of `scripts/` as `npm run <name>` does (Node, the script, the environment), without
 * blocking this process, so a server the test started keeps answering.
 */
export function runScript(script: string, args: string[], env: Record<string, string>, cwd = projectRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(projectRoot, 'scripts', script), ...args], { cwd, env: { PATH: process.env.PATH!, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
