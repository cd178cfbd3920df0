/** The machine a result came from: absolute times mean little without it. */
import { execFileSync } from 'node:child_process'
import os from 'node:os'

export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGiB: number
  node: string
  platform: string
  chromium: string | null
  /** 1, 5 and 15 minute load averages when the scenario started: other work on a shared machine shows here. */
  loadAvgAtStart: number[]
  git: { commit: string | null; dirty: boolean | null }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

export function machineInfo(chromium: string | null): MachineInfo {
  const status = git(['status', '--porcelain'])
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    chromium,
    loadAvgAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    git: { commit: git(['rev-parse', '--short', 'HEAD']), dirty: status === null ? null : status.length > 0 },
  }
}

export function loadAvg(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100)
}
