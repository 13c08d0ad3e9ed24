/**
 * Runs the real `npm run simulate` command (tsx on src/cli/simulate.ts) in a
 * child process and collects its exit code and output, for the CLI's tests.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): Promise<Spawned> {
  return new Promise((done, reject) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/cli/simulate.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
