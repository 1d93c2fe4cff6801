/**
 * The run's in-memory DynamoDB Locals, one per worker slot (`maxWorkers` of them) for the
 * e2e project and as many for the integration and log-readers projects together, and the
 * ASL definitions validated once for all of them. Each test file creates its own uniquely
 * named tables on its worker's JVM (test/support/platform.ts).
 *
 * DynamoDB Local answers one request at a time, so two workers must never share a JVM
 * (ADR 0022, ADR 0046). vitest gives each running worker a slot (`VITEST_POOL_ID`, 1 to
 * `maxWorkers`) that no other running worker holds, whichever project it runs: the JVM of
 * a slot serves one worker at a time even when the log-readers files end and the
 * integration files begin on it. Six JVMs instead of seven, one validation instead of
 * three (ADR 0048 and its addenda).
 *
 * vitest runs the projects' setups one after another in its main process, each through its
 * project's own module graph: the run's state lives on `globalThis`, and the first setup
 * starts it. No setup waits for the JVMs to answer: the workers start and import their
 * files while the JVMs boot, and each file waits for its worker's JVM before its hooks run
 * (dynamodb-ready.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { attachDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'
import { spawnDynamoDbLocal } from '../../infra/local/dynamodb/spawn-dynamodb-local.mjs'
import { validatedDefinitions } from '../../infra/local/stepfunctions/validated-definitions'
import { validateWorkflows } from '../../infra/local/workflow-state-machines'
import { workflows } from '../../workflows/workflows'
import { dynamodbJvmFlags } from './dynamodb-jvm-flags'
import { recordStartFailure } from './dynamodb-start-failure'
import { cpuSecondsOf } from './process-cpu'
import { killWorkerJvms } from './worker-jvm-pids'

declare module 'vitest' {
  export interface ProvidedContext {
    /** One endpoint per worker slot (dynamodb-endpoint.ts). */
    dynamodbEndpoints: string[]
    /** The run's record of validated ASL definitions (test/support/platform.ts). */
    validatedDefinitionsDir: string
    /** The run's directory: where a worker reads why its JVM failed to start (dynamodb-start-failure.ts). */
    testRunDir: string
    /** The project's JVM options, for the JVMs a worker starts itself (worker-jvm.ts). */
    dynamodbJvmFlags: string[]
  }
}

/** JVMs started with the same options, one per worker slot, and the projects using them. */
interface Jvms {
  endpoints: string[]
  /** Each JVM once it answered (or why it did not). */
  attached: Promise<PromiseSettledResult<DynamoDbLocal>[]>
  projects: string[]
  users: number
}

interface TestRun {
  dir: string
  /** By JVM options: a project asking for other options gets JVMs of its own. */
  jvms: Map<string, Promise<Jvms>>
  validated: boolean
  users: number
}

const RUN = Symbol.for('tksk.test-run')
type RunHolder = { [RUN]?: TestRun }

const startRun = (): TestRun => ({
  dir: mkdtempSync(join(tmpdir(), 'tksk-test-run-')),
  jvms: new Map(),
  validated: false,
  users: 0,
})

/**
 * asl-validator compiles its schemas afresh for every definition (~1.2 s of CPU for the
 * four): validated once for the run, not again by the first platform of every worker
 * (ADR 0022) nor by the setup of each project (ADR 0048). An invalid definition fails the
 * run here, as at registration.
 */
const validateOnce = (run: TestRun): void => {
  if (run.validated) return
  validateWorkflows(workflows, validatedDefinitions(run.dir))
  run.validated = true
}

const startJvms = async (dir: string, count: number, jvmFlags: string[]): Promise<Jvms> => {
  const spawned = await Promise.all(
    Array.from({ length: count }, () => spawnDynamoDbLocal({ maxHeap: '512m', jvmFlags })),
  )
  const attached = Promise.allSettled(
    spawned.map((jvm) =>
      // A shared 2-core machine at load 40 gives a JVM a few percent of a core: its boot's
      // 2.8 s of CPU then takes a minute, and a 30 s wait failed whole projects.
      attachDynamoDbLocal(jvm, 120_000).catch((error: unknown) => {
        recordStartFailure(dir, jvm.endpoint, error)
        throw error
      }),
    ),
  )
  return { endpoints: spawned.map((jvm) => jvm.endpoint), attached, projects: [], users: 0 }
}

const stopJvms = async (jvms: Jvms): Promise<void> => {
  const settled = await jvms.attached
  const live = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  // `TKSK_TEST_JVM_CPU=1` prints what the JVMs spent, to compare their options.
  const cpu =
    process.env.TKSK_TEST_JVM_CPU === '1'
      ? live.reduce((sum, jvm) => sum + (cpuSecondsOf(jvm.process.pid) ?? 0), 0)
      : undefined
  await Promise.all(live.map((jvm) => jvm.stop()))
  if (cpu !== undefined)
    console.log(`[jvm-cpu] ${jvms.projects.join('+')} ${cpu.toFixed(2)} s (${live.length} JVMs)`)
}

const THIS_SETUP = resolve(fileURLToPath(import.meta.url))

/**
 * One JVM per worker slot, but no more than the run has files using them when the run has
 * no other files: a run of one integration file boots one JVM, not `maxWorkers`. With other
 * files in the run (unit, infra) any slot may be the one a JVM file gets, so every slot has
 * its JVM: two workers never share one (review). The run's files are known to vitest's
 * state before the global setups (an experimental API: if it moved, a JVM per slot).
 */
const jvmCount = (project: TestProject): number => {
  const slots = Math.max(1, Number(project.vitest.config.maxWorkers) || 1)
  try {
    const sharing = project.vitest.projects.filter((p) =>
      [p.config.globalSetup].flat().some((file) => resolve(file) === THIS_SETUP),
    )
    const paths = project.vitest.state.getPaths()
    const files = paths.filter((path) => sharing.some((p) => p.matchesTestGlob(path)))
    return files.length > 0 && files.length === paths.length ? Math.min(slots, files.length) : slots
  } catch {
    return slots
  }
}

export default async function setup(project: TestProject) {
  const holder = globalThis as RunHolder
  const run = (holder[RUN] ??= startRun())
  const count = jvmCount(project)
  const jvmFlags = dynamodbJvmFlags(project.name, process.env.TKSK_TEST_JVM_FLAGS)
  // The e2e project gets JVMs of its own: measured, the integration files ran 18 % slower on
  // JVMs that had served the e2e files first (sum of file times 338 s against 277 s, one full
  // run each, quiet machine): its tables, streams and heap stay behind (ADR 0048, addendum).
  const key = JSON.stringify([count, jvmFlags, project.name === 'e2e'])
  const started = run.jvms.get(key) ?? startJvms(run.dir, count, jvmFlags)
  run.jvms.set(key, started)
  const jvms = await started
  // After the spawn: the JVMs boot on the other core while this one validates.
  validateOnce(run)
  run.users += 1
  jvms.users += 1
  jvms.projects.push(project.name)
  project.provide('testRunDir', run.dir)
  project.provide('validatedDefinitionsDir', run.dir)
  project.provide('dynamodbEndpoints', jvms.endpoints)
  project.provide('dynamodbJvmFlags', jvmFlags)
  return async () => {
    jvms.users -= 1
    if (jvms.users === 0) await stopJvms(jvms)
    run.users -= 1
    if (run.users > 0) return
    killWorkerJvms(run.dir)
    rmSync(run.dir, { recursive: true, force: true })
    delete holder[RUN]
  }
}
