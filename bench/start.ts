/**
 * `npm start` to healthy for `npm run bench` (issue 20 point 4): the real command (the
 * launcher `infra/local/start.mjs`), from spawn until `GET /api/health` answers 200, on a
 * fresh DATA_DIR and then five times on the same one (a warm install: tables exist, the
 * seed is there, the platform bundle and DynamoDB Local's class archive were left by the
 * first start; ADR 0041), with the CPU node and Java spent until then; the baseline is a
 * bare node HTTP server process from spawn to its first answer.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../infra/local/dynamodb/dynamodb-local'
import { platformBundleIsCurrent } from '../infra/local/platform-bundle.mjs'

const CLOCK_TICKS_PER_SECOND = 100

/** user + system CPU of a process so far, in ms (Linux `/proc`); 0 once it is gone. */
const cpuMsOf = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/** A process's first child (Linux `/proc`): npm's node, the launcher's JVM. */
const childOf = (pid: number | undefined): number | undefined => {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)
    return children[0] ? Number(children[0]) : undefined
  } catch {
    return undefined
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const answers = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(url)).status === 200
  } catch {
    return false
  }
}

interface Healthy {
  ms: number
  /** CPU of the node process and of its JVM until healthy. */
  nodeCpuMs: number
  javaCpuMs: number
}

/**
 * Milliseconds from spawning the command until `url` answers 200, then the process group is
 * stopped (after `beforeStop`, e.g. waiting for what the start leaves for the next one).
 */
const toHealthy = async (
  command: string,
  args: string[],
  url: string,
  env: NodeJS.ProcessEnv,
  beforeStop: () => Promise<void> = async () => undefined,
): Promise<Healthy> => {
  const started = performance.now()
  // Its own process group: npm, node and its JVM are stopped together, by this group's id only.
  const child: ChildProcess = spawn(command, args, { env, stdio: 'ignore', detached: true })
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`)
      if (await answers(url)) {
        const ms = performance.now() - started
        // npm's child is the platform's node (`exec node infra/local/start.mjs`), whose child is the JVM.
        const node = command === 'npm' ? childOf(child.pid) : child.pid
        const healthy = { ms, nodeCpuMs: cpuMsOf(node), javaCpuMs: cpuMsOf(childOf(node)) }
        await beforeStop()
        return healthy
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, 'SIGINT')
      await exited
    }
  }
}

export interface StartBench {
  bareMs: number
  freshMs: number
  /** Median of the warm starts. */
  warmMs: number
  /** Medians of the same three starts. */
  warmNodeCpuMs: number
  warmJavaCpuMs: number
  /** The 1-minute load average as each warm start began: wall times on a shared machine need it. */
  warmLoads: number[]
}

/** Five, not three: one start slowed by a neighbour's burst no longer moves the median much. */
const WARM_STARTS = 5

/** The first start builds the platform bundle once healthy: the warm starts should find it. */
const bundleBuilt = async () => {
  for (let waited = 0; !platformBundleIsCurrent() && waited < 120_000; waited += 250)
    await new Promise((resolve) => setTimeout(resolve, 250))
}

export const benchStart = async (): Promise<StartBench> => {
  const barePort = await freePort()
  const { ms: bareMs } = await toHealthy(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${barePort})`],
    `http://127.0.0.1:${barePort}/`,
    process.env,
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-start-'))
  try {
    const once = async (beforeStop?: () => Promise<void>) => {
      const port = await freePort()
      return toHealthy(
        'npm',
        ['start', '--silent'],
        `http://127.0.0.1:${port}/api/health`,
        { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'WARN' },
        beforeStop,
      )
    }
    const fresh = await once(bundleBuilt)
    const warm: Healthy[] = []
    const warmLoads: number[] = []
    for (let run = 0; run < WARM_STARTS; run += 1) {
      warmLoads.push(Number((loadavg()[0] ?? 0).toFixed(1)))
      warm.push(await once())
    }
    return {
      bareMs,
      freshMs: fresh.ms,
      warmMs: median(warm.map((start) => start.ms)),
      warmNodeCpuMs: median(warm.map((start) => start.nodeCpuMs)),
      warmJavaCpuMs: median(warm.map((start) => start.javaCpuMs)),
      warmLoads,
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
