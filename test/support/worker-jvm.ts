/**
 * A worker's DynamoDB Local is replaced by a fresh JVM every few test files (ADR 0054).
 * DynamoDB Local keeps the stream records of every table it ever had in one SQLite table,
 * dropped tables included, and every later request costs the JVM more the more records it
 * holds (ADR 0053: four integration files took 17.6 JVM CPU-s on a fresh JVM and 48 after
 * 30 dropped tables of 300 records each). Each file creates tables with a stream and writes
 * hundreds to thousands of items, so without a new JVM a worker's last files paid for all
 * of its first ones.
 *
 * The worker spawns the next JVM while its last file on the current one runs (the boot
 * overlaps the tests), switches after that file's own hooks (the setup file's `afterAll`
 * runs after the file's, vitest's `sequence.hooks: 'stack'`) and stops the old one. Only
 * between files: a file reads its endpoint once (its platform, its clients) and keeps it.
 * The slot's first JVM is the main process's (global-setup.ts) and is left running; the
 * worker's own are stopped by the worker, or by the run's teardown from their pid files if
 * the worker was killed first.
 */
import { inject } from 'vitest'
import { attachDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'
import { spawnDynamoDbLocal } from '../../infra/local/dynamodb/spawn-dynamodb-local.mjs'
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

interface OwnJvm {
  endpoint: string
  pid: number | undefined
  /** Resolves once it answers; rejects with why it did not. */
  attached: Promise<DynamoDbLocal>
}

let current: OwnJvm | undefined
let spare: Promise<OwnJvm> | undefined
let filesOnCurrent = 0

const spawnOwn = async (): Promise<OwnJvm> => {
  const spawned = await spawnDynamoDbLocal({ maxHeap: '512m', jvmFlags: inject('dynamodbJvmFlags') })
  recordWorkerJvm(inject('testRunDir'), spawned.child.pid)
  const attached = attachDynamoDbLocal(spawned, 120_000)
  // Read by the next file's wait (dynamodb-endpoint.ts); unheard until then.
  attached.catch(() => undefined)
  return { endpoint: spawned.endpoint, pid: spawned.child.pid, attached }
}

const stopOwn = async (jvm: OwnJvm): Promise<void> => {
  const cpu = process.env.TKSK_TEST_JVM_CPU === '1' ? cpuSecondsOf(jvm.pid) : undefined
  await jvm.attached.then((live) => live.stop()).catch(() => undefined)
  forgetWorkerJvm(inject('testRunDir'), jvm.pid)
  if (cpu !== undefined) console.log(`[jvm-cpu] worker ${process.pid} JVM ${jvm.pid} ${cpu.toFixed(2)} s`)
}

/** The worker's own JVM, once it has one (before that, its slot's JVM from the global setup). */
export const ownJvm = (): OwnJvm | undefined => current

/**
 * What the worker does after its `files`-th file on the current JVM: boot the next JVM
 * during the last file on this one (the boot overlaps that file's tests), switch after it.
 */
export const stepAfterFile = (files: number, limit: number): { bootSpare: boolean; switchJvm: boolean } => ({
  bootSpare: limit > 0 && files >= limit - 1,
  switchJvm: limit > 0 && files >= limit,
})

/** After each file (dynamodb-ready.ts): counts it and moves to a fresh JVM when due. */
export const afterTestFile = async (): Promise<void> => {
  const limit = filesPerJvm()
  if (limit === 0) return
  filesOnCurrent += 1
  const step = stepAfterFile(filesOnCurrent, limit)
  if (step.bootSpare) spare ??= spawnOwn()
  if (!step.switchJvm || !spare) return
  const retiring = current
  current = await spare
  spare = undefined
  filesOnCurrent = 0
  if (retiring) await stopOwn(retiring)
}
