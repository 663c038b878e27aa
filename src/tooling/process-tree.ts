import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Runs a command and measures it from outside: wall seconds, and the peak resident memory of
 * every process in its tree (read from /proc while it runs, so Pagefind's own binary counts too).
 * Linux only, like the machines the benchmark runs on.
 */
export async function measureCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const peaks = new Map<number, { name: string; peakKb: number }>();
  const sample = () => {
    for (const pid of descendants(child.pid!)) {
      const status = readStatus(pid);
      if (!status) continue;
      const previous = peaks.get(pid);
      if (!previous || status.peakKb > previous.peakKb) peaks.set(pid, status);
    }
  };
  const timer = setInterval(sample, 100);
  const code: number = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const byName = new Map<string, number>();
  for (const { name, peakKb } of peaks.values()) byName.set(name, Math.max(byName.get(name) ?? 0, peakKb));
  return { code, seconds, output, peakRssMb: Object.fromEntries([...byName].map(([name, kb]) => [name, Math.round(kb / 1024)])) };
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = safeRead(`/proc/${entry}/stat`);
    const parent = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function readStatus(pid: number): { name: string; peakKb: number } | undefined {
  const status = safeRead(`/proc/${pid}/status`);
  const peak = status && /VmHWM:\s+(\d+) kB/.exec(status);
  const name = status && /Name:\s+(\S+)/.exec(status);
  return peak && name ? { name: name[1], peakKb: Number(peak[1]) } : undefined;
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
