/**
 * The platform under test as a process of its own (`infra/local/main.ts`, as `npm start`
 * runs it), so the memory the bench reports is the server's alone: the bench's own
 * buffers (a 20,000-row CSV, the baseline items) stay in the bench process. DynamoDB
 * Local is a third process (Java), as DynamoDB is on AWS, and is not counted.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { freePort } from '../infra/local/dynamodb/dynamodb-local'
import { npmStartNodeFlags } from './npm-start-flags'

export interface ServerProcess {
  url: string
  dynamodbEndpoint: string
  /** Resident set size of the server process now, in bytes (Linux `/proc`). */
  rssBytes: () => number
  /** Sends the server a signal (the bench's heap snapshot: `--heapsnapshot-signal`). */
  signal: (signal: NodeJS.Signals) => void
  stop: () => Promise<void>
  /**
   * SIGKILL, as a crash: the server dies mid-request without its shutdown. Its DynamoDB
   * Local (the store, which on AWS never dies with a Lambda) is then stopped cleanly, so a
   * restart on the same DATA_DIR opens the data files alone.
   */
  kill: () => Promise<void>
}

/** The direct children of a process (Linux `/proc`): the server's DynamoDB Local JVM. */
const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const stopOrphan = async (pid: number): Promise<void> => {
  if (!isAlive(pid)) return
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; isAlive(pid); waited += 50) {
    if (waited > 10_000) process.kill(pid, 'SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const READY = /ready at (\S+) in \d+ ms \(data: .*, DynamoDB Local: (\S+)\)/

const rssOf = (pid: number): number => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb ?? 0) * 1024
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

export const startServerProcess = async (
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ServerProcess> => {
  const port = await freePort()
  // Run from the project root, as `npm run bench` does: `tsx` and the entry resolve from there.
  // With `npm start`'s node options (its V8 heap cap, ADR 0043): the RSS the bench reports is that server's.
  // BENCH_SERVER_NODE_ARGS: node flags for the server alone, e.g. `--cpu-prof --cpu-prof-dir=…`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(
    process.execPath,
    [...npmStartNodeFlags(), ...nodeArgs, '--import', 'tsx', 'infra/local/main.ts'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        // The bench is one client hammering public routes: the per-IP limit would measure itself.
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'WARN',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = READY.exec(output)
      if (match) resolve(match)
    })
    child.once('exit', (code) => reject(new Error(`the platform exited with ${code} before it was ready`)))
  })
  child.stdout?.resume()
  const [, url = '', dynamodbEndpoint = ''] = ready
  const pid = child.pid ?? 0
  return {
    url,
    dynamodbEndpoint,
    rssBytes: () => rssOf(pid),
    signal: (signal) => void child.kill(signal),
    stop: async () => {
      child.kill('SIGTERM')
      await exited(child)
    },
    kill: async () => {
      const orphans = childrenOf(pid)
      child.kill('SIGKILL')
      await exited(child)
      for (const orphan of orphans) await stopOrphan(orphan)
    },
  }
}
