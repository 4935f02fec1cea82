/**
 * A sync server under test, running in its own forked process so that its CPU time and peak RSS
 * can be read from /proc. The child entry (`bench/servers/*.ts`) posts `{ type: 'ready', port }`
 * once listening and exits cleanly on `{ type: 'stop' }` (needed for `--cpu-prof` to be written).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU and memory of a process as /proc reports them. */
export interface ProcessUsage { cpuSeconds: number; rssMB: number; peakRssMB: number }

const children = new Set<ChildProcess>();
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/** Remember a forked child so that it is killed if the bench exits without stopping it. */
export function trackChild(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

/** Read utime + stime (all threads) and VmRSS / VmHWM of a live process. */
export function processUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { cpuSeconds, rssMB: Math.round(kb('VmRSS') / 1024), peakRssMB: Math.round(kb('VmHWM') / 1024) };
}

/** How to start one server process. */
export interface ServerLaunch {
  entry: string;
  env: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeFlags?: string[];
  /** Arguments posted to the child as `{ type: 'start', ...args }`. */
  args: Record<string, unknown>;
}

/** A running server process. */
export class ServerProcess {
  private constructor(readonly child: ChildProcess, readonly port: number) {}

  /** Fork the entry and resolve when it reports its port. */
  static async start(launch: ServerLaunch, timeoutMs = 30_000): Promise<ServerProcess> {
    const child = trackChild(fork(launch.entry, [], {
      execArgv: ['--import', 'tsx', ...(launch.nodeFlags ?? [])],
      env: { ...process.env, ...launch.env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    }));
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      const timer = setTimeout(() => reject(new Error(`server ${launch.entry} not ready after ${timeoutMs} ms`)), timeoutMs);
      child.on('message', (message: { type: string; port?: number; error?: string }) => {
        if (message.type === 'ready') { clearTimeout(timer); resolve(message.port!); }
        if (message.type === 'failed') { clearTimeout(timer); reject(new Error(`server ${launch.entry} failed: ${message.error}`)); }
      });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server ${launch.entry} exited (${code}) before ready`)); });
      child.send({ type: 'start', ...launch.args });
    });
    return new ServerProcess(child, port);
  }

  get pid(): number { return this.child.pid!; }

  /** CPU seconds so far and memory of the server process. */
  usage(): ProcessUsage { return processUsage(this.pid); }

  /** Ask the child to close its server and exit; SIGKILL it if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL the server, as a crash would; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}
