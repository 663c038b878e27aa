import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A line the command printed (stdout or stderr), and when it came: milliseconds since the start. */
export interface TimedLine {
  ms: number;
  text: string;
}

export interface MeasuredCommand {
  code: number;
  seconds: number;
  output: string;
  lines: TimedLine[];
  /** Each process's own peak resident memory (VmHWM), the largest per process name: `{ node: 812, pagefind_extend: 1024 }`. */
  peakRssMb: Record<string, number>;
  /** The most the whole tree held at once (the sum of its processes' resident memory, sampled every 100 ms). */
  peakTreeRssMb: number;
}

/**
 * Runs a command and measures it from outside: wall seconds, when each line of its output came,
 * and the peak resident memory of every process in its tree (read from /proc while it runs, so
 * Pagefind's own binary counts too), per process and for the tree at once.
 * Linux only, like the machines the benchmark runs on.
 */
export async function measureCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MeasuredCommand> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const lines: TimedLine[] = [];
  const partial = { stdout: '', stderr: '' };
  const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    const ms = performance.now() - started;
    const parts = (partial[stream] + text).split('\n');
    partial[stream] = parts.pop()!;
    for (const line of parts) lines.push({ ms, text: line });
  };
  child.stdout.on('data', take('stdout'));
  child.stderr.on('data', take('stderr'));
  const peaks = new Map<number, { name: string; peakKb: number }>();
  let peakTreeKb = 0;
  const sample = () => {
    let treeKb = 0;
    for (const pid of descendants(child.pid!)) {
      const status = readStatus(pid);
      if (!status) continue;
      treeKb += status.rssKb;
      const previous = peaks.get(pid);
      if (!previous || status.peakKb > previous.peakKb) peaks.set(pid, status);
    }
    peakTreeKb = Math.max(peakTreeKb, treeKb);
  };
  const timer = setInterval(sample, 100);
  const code: number = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  for (const stream of ['stdout', 'stderr'] as const) if (partial[stream]) lines.push({ ms: seconds * 1000, text: partial[stream] });
  const byName = new Map<string, number>();
  for (const { name, peakKb } of peaks.values()) byName.set(name, Math.max(byName.get(name) ?? 0, peakKb));
  const mb = (kb: number) => Math.round(kb / 1024);
  return { code, seconds, output, lines, peakRssMb: Object.fromEntries([...byName].map(([name, kb]) => [name, mb(kb)])), peakTreeRssMb: mb(peakTreeKb) };
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

function readStatus(pid: number): { name: string; peakKb: number; rssKb: number } | undefined {
  const status = safeRead(`/proc/${pid}/status`);
  const peak = status && /VmHWM:\s+(\d+) kB/.exec(status);
  const rss = status && /VmRSS:\s+(\d+) kB/.exec(status);
  const name = status && /Name:\s+(\S+)/.exec(status);
  return peak && rss && name ? { name: name[1], peakKb: Number(peak[1]), rssKb: Number(rss[1]) } : undefined;
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
