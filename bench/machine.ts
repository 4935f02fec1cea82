/** The machine a bench ran on, recorded beside every figure. */
import os from 'node:os';

/** Cores, memory, CPU model, kernel and Node version. */
export interface Machine { cores: number; cpuModel: string; memoryGB: number; node: string; platform: string; loadAverage: number[] }

/** Describe this machine now. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}
