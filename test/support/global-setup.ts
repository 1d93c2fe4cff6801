/**
 * Starts in-memory DynamoDB Locals for a vitest project for the whole run, one per worker
 * that may run the project's files (dynamodb-endpoint.ts picks the worker's); each test
 * file creates its own uniquely named tables on it (test/support/platform.ts). DynamoDB
 * Local answers one request at a time: one JVM for the integration and e2e projects
 * together doubled the run (ADR 0022), and one JVM for the integration project's two
 * workers kept 1.2 of 2 cores busy (ADR 0046).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'
import { validatedDefinitions } from '../../infra/local/stepfunctions/validated-definitions'
import { validateWorkflows } from '../../infra/local/workflow-state-machines'
import { workflows } from '../../workflows/workflows'
import { dynamodbJvmFlags } from './dynamodb-jvm-flags'

declare module 'vitest' {
  export interface ProvidedContext {
    /** One endpoint per worker slot (dynamodb-endpoint.ts). */
    dynamodbEndpoints: string[]
    /** The run's record of validated ASL definitions (test/support/platform.ts). */
    validatedDefinitionsDir: string
  }
}

/** User + system CPU seconds of a live process, from /proc (Linux only; undefined elsewhere). */
const cpuSecondsOf = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined
  try {
    // Fields after the command name's closing parenthesis; utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** Projects whose few files need no JVM per worker (their files rarely run side by side). */
const ONE_JVM = new Set(['log-readers'])

export default async function setup(project: TestProject) {
  const count = ONE_JVM.has(project.name) ? 1 : Math.max(1, Number(project.vitest.config.maxWorkers) || 1)
  const jvms = await Promise.all(
    Array.from({ length: count }, () =>
      startDynamoDbLocal({
        maxHeap: '512m',
        jvmFlags: dynamodbJvmFlags(project.name, process.env.TKSK_TEST_JVM_FLAGS),
        // A shared 2-core machine at load 40 gives a JVM a few percent of a core: its boot's
        // 2.8 s of CPU then takes a minute, and a 30 s wait failed whole projects.
        readyTimeoutMs: 120_000,
      }),
    ),
  )
  // asl-validator compiles its schemas afresh for every definition (~1.2 s of CPU for the
  // four): validated here once, not again by the first platform of every worker (ADR 0022).
  const validatedDir = mkdtempSync(join(tmpdir(), 'tksk-validated-'))
  validateWorkflows(workflows, validatedDefinitions(validatedDir))
  project.provide('validatedDefinitionsDir', validatedDir)
  project.provide(
    'dynamodbEndpoints',
    jvms.map((jvm) => jvm.endpoint),
  )
  return async () => {
    // `TKSK_TEST_JVM_CPU=1` prints what the project's JVMs spent, to compare their options.
    const cpu =
      process.env.TKSK_TEST_JVM_CPU === '1'
        ? jvms.reduce((sum, jvm) => sum + (cpuSecondsOf(jvm.process.pid) ?? 0), 0)
        : undefined
    await Promise.all(jvms.map((jvm) => jvm.stop()))
    rmSync(validatedDir, { recursive: true, force: true })
    if (cpu !== undefined) console.log(`[jvm-cpu] ${project.name} ${cpu.toFixed(2)} s (${jvms.length} JVMs)`)
  }
}
