/**
 * The JVMs workers start themselves (worker-jvm.ts), listed as files in the run's
 * directory. A worker stops its JVMs, and each also dies with its worker's exit hook
 * (spawn-dynamodb-local.mjs); a worker killed by a signal has neither, so the run's end
 * (global-setup.ts) kills what the list still holds.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SUFFIX = '.worker-jvm-pid'

const fileOf = (runDir: string, pid: number) => join(runDir, `${pid}${SUFFIX}`)

export const recordWorkerJvm = (runDir: string, pid: number | undefined): void => {
  if (pid !== undefined) writeFileSync(fileOf(runDir, pid), '')
}

export const forgetWorkerJvm = (runDir: string, pid: number | undefined): void => {
  if (pid !== undefined) rmSync(fileOf(runDir, pid), { force: true })
}

/** Only a process still running DynamoDB Local: a pid may have been reused since. */
export const killWorkerJvms = (runDir: string): void => {
  for (const name of readdirSync(runDir).filter((file) => file.endsWith(SUFFIX))) {
    const pid = Number(name.slice(0, -SUFFIX.length))
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL')
    } catch {
      // Gone already, or not Linux: nothing to kill.
    }
  }
}
