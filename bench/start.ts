/**
 * `npm start` to healthy for `npm run bench` (issue 20 point 4): the real command, from
 * spawn until `GET /api/health` answers 200, on a fresh DATA_DIR and again on the same
 * one (a warm install: tables exist, the seed is there, tsx's cache is filled); the
 * baseline is a bare node HTTP server process from spawn to its first answer.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../infra/local/dynamodb/dynamodb-local'

const answers = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(url)).status === 200
  } catch {
    return false
  }
}

/** Milliseconds from spawning the command until `url` answers 200, then the process group is stopped. */
const toHealthy = async (command: string, args: string[], url: string, env: NodeJS.ProcessEnv) => {
  const started = performance.now()
  // Its own process group: npm, the shell and node are stopped together, by this group's id only.
  const child: ChildProcess = spawn(command, args, { env, stdio: 'ignore', detached: true })
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`)
      if (await answers(url)) return performance.now() - started
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
  warmMs: number
}

export const benchStart = async (): Promise<StartBench> => {
  const barePort = await freePort()
  const bareMs = await toHealthy(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${barePort})`],
    `http://127.0.0.1:${barePort}/`,
    process.env,
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-start-'))
  try {
    const once = async () => {
      const port = await freePort()
      return toHealthy('npm', ['start', '--silent'], `http://127.0.0.1:${port}/api/health`, {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'WARN',
      })
    }
    const freshMs = await once()
    const warmMs = await once()
    return { bareMs, freshMs, warmMs }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
