/**
 * A worker's DynamoDB Local is replaced by a fresh JVM every few test files (ADR 0054).
 * DynamoDB Local keeps the stream records of every table it ever had in one SQLite table,
 * dropped tables included, and every later request costs the JVM more the more records it
 * holds (ADR 0053). Each file creates tables with a stream and writes hundreds to thousands
 * of items, so without a new JVM a worker's last files paid for all of its first ones.
 *
 * The switch comes after a file's own hooks (the setup file's `afterAll` runs after the
 * file's, `sequence.hooks: 'stack'` in vitest.config.ts) and only between files: a file reads
 * its endpoint in its hooks (its platform, its own clients) and keeps it. Clients the
 * handlers keep per process are rebuilt after a switch. The worker's JVMs are stopped by the
 * worker, killed when vitest stops the worker (SIGTERM, which skips node's exit hooks), or by
 * the run's teardown from their pid files (worker-jvm-pids.ts).
 */
import { inject } from 'vitest'
import { resetClients } from '../../functions/shared/clients'
import { attachDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'
import { spawnDynamoDbLocal } from '../../infra/local/dynamodb/spawn-dynamodb-local.mjs'
import { createJvmRotation, type JvmRotation, type RotatingJvm } from './jvm-rotation'
import { cpuSecondsOf } from './process-cpu'
import { forgetWorkerJvm, recordWorkerJvm } from './worker-jvm-pids'

/** Files per JVM unless `TKSK_TEST_JVM_FILES` says otherwise (0: never replace). */
export const DEFAULT_FILES_PER_JVM = 5

export const filesPerJvm = (value: string | undefined = process.env.TKSK_TEST_JVM_FILES): number => {
  if (value === undefined || value.trim() === '') return DEFAULT_FILES_PER_JVM
  const files = Number(value)
  if (!Number.isInteger(files) || files < 0)
    throw new Error(`TKSK_TEST_JVM_FILES must be a whole number of files (0: never), not "${value}"`)
  return files
}

interface OwnJvm extends RotatingJvm {
  pid: number | undefined
  stop: () => Promise<void>
}

/** The worker's JVMs still running: killed at once if vitest stops the worker. */
const running = new Set<number>()

const killRunning = () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Gone already.
    }
  }
}

let signalHooked = false

/**
 * vitest stops a worker with SIGTERM, which ends node without its exit hooks (the spawn
 * module's would have killed the JVM): kill them, then end as the signal would have, unless
 * someone else listens (Playwright's handler in e2e workers closes its browser; vitest's
 * SIGKILL follows).
 */
const hookSignal = () => {
  if (signalHooked) return
  signalHooked = true
  const alone = process.listenerCount('SIGTERM') === 0
  process.once('SIGTERM', () => {
    killRunning()
    if (alone && process.listenerCount('SIGTERM') === 0) process.exit(143)
  })
}

const start = async (): Promise<OwnJvm> => {
  hookSignal()
  const spawned = await spawnDynamoDbLocal({ maxHeap: '512m', jvmFlags: inject('dynamodbJvmFlags') })
  const { pid } = spawned.child
  if (pid !== undefined) running.add(pid)
  recordWorkerJvm(inject('testRunDir'), pid, spawned.port)
  const attached = attachDynamoDbLocal(spawned, 120_000)
  attached.catch(() => undefined)
  return {
    endpoint: spawned.endpoint,
    pid,
    answered: attached,
    stop: async () => {
      const cpu = process.env.TKSK_TEST_JVM_CPU === '1' ? cpuSecondsOf(pid) : undefined
      await attached.then((live) => live.stop()).catch(() => spawned.child.kill('SIGKILL'))
      if (pid !== undefined) running.delete(pid)
      forgetWorkerJvm(inject('testRunDir'), pid)
      if (cpu !== undefined) console.log(`[jvm-cpu] worker ${process.pid} JVM ${pid} ${cpu.toFixed(2)} s`)
    },
  }
}

let rotation: JvmRotation<OwnJvm> | undefined

const rotationOfWorker = () =>
  (rotation ??= createJvmRotation<OwnJvm>({
    limit: filesPerJvm(),
    start,
    stop: (jvm) => jvm.stop(),
    warn: (message) => console.warn(message),
  }))

/** The worker's own JVM, once it has one (before that, its slot's JVM from the global setup). */
export const ownJvm = (): OwnJvm | undefined => rotation?.current()

/** After each file (dynamodb-ready.ts): counts it and moves to a fresh JVM when due. */
export const afterTestFile = async (): Promise<void> => {
  const before = ownJvm()
  await rotationOfWorker().afterFile()
  // A client a module keeps per process (functions/shared/clients.ts) would still hold the
  // retired JVM's endpoint: the next user builds it again from the env its file sets.
  if (ownJvm() !== before) resetClients()
}
