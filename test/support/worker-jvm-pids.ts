/**
 * The JVMs workers start themselves (worker-jvm.ts), listed as files in the run's
 * directory, each with its port. A worker stops its JVMs and kills them when vitest stops
 * it; a worker that died otherwise does neither, so the run's end (global-setup.ts) kills
 * what the list still holds.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SUFFIX = '.worker-jvm-pid'

const fileOf = (runDir: string, pid: number) => join(runDir, `${pid}${SUFFIX}`)

export const recordWorkerJvm = (runDir: string, pid: number | undefined, port: number): void => {
  if (pid !== undefined) writeFileSync(fileOf(runDir, pid), String(port))
}

export const forgetWorkerJvm = (runDir: string, pid: number | undefined): void => {
  if (pid !== undefined) rmSync(fileOf(runDir, pid), { force: true })
}

/** Only a DynamoDB Local still serving the recorded port: a pid may have been reused since (another run's JVM). */
export const killWorkerJvms = (runDir: string): void => {
  for (const name of readdirSync(runDir).filter((file) => file.endsWith(SUFFIX))) {
    const pid = Number(name.slice(0, -SUFFIX.length))
    try {
      const port = readFileSync(join(runDir, name), 'utf8')
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (command.includes('DynamoDBLocal') && command.includes(`\0-port\0${port}\0`))
        process.kill(pid, 'SIGKILL')
    } catch {
      // Gone already, or not Linux: nothing to kill.
    }
  }
}
