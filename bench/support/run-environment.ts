import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** Where and when a benchmark ran, so figures from different machines are never compared blindly. */
export interface RunEnvironment {
  date: string;
  commit: string;
  /** True when the working tree had uncommitted changes: the figures belong to code not yet committed. */
  uncommittedChanges: boolean;
  node: string;
  platform: string;
  cpuModel: string;
  cpus: number;
  memoryGigabytes: number;
  /** 1-minute load average when the run started: above the core count, other work shared the CPUs. */
  loadAverage: number;
}

function git(...parameters: string[]): string {
  try {
    return execFileSync('git', parameters, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function describeRunEnvironment(): RunEnvironment {
  const processors = cpus();
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') !== '',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpus: processors.length,
    memoryGigabytes: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
}

export function describeEnvironmentMarkdown(environment: RunEnvironment): string {
  return [
    `- Date: ${environment.date}`,
    `- Commit: ${environment.commit}${environment.uncommittedChanges ? ' (with uncommitted changes)' : ''}`,
    `- Machine: ${environment.cpus} × ${environment.cpuModel}, ${environment.memoryGigabytes} GB RAM, ${environment.platform}`,
    `- Node: ${environment.node}`,
    `- Load average at the start of the run: ${environment.loadAverage}${environment.loadAverage > environment.cpus ? ` (above ${environment.cpus} cores: other processes shared the machine, so latencies are inflated)` : ''}`,
  ].join('\n');
}

export function residentMegabytes(): number {
  return Math.round(process.memoryUsage().rss / 1024 ** 2);
}
