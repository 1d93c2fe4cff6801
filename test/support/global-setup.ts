/**
 * Starts one in-memory DynamoDB Local per vitest project for the whole run; each test
 * file creates its own uniquely named tables on it (test/support/platform.ts). One JVM
 * for the integration and e2e projects together was tried (ADR 0022): its one in-memory
 * store serialised both projects' files, and the run doubled (803 s) with timeouts.
 */
import { readFileSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local'
import { dynamodbJvmFlags } from './dynamodb-jvm-flags'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string
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

export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal({
    maxHeap: '512m',
    jvmFlags: dynamodbJvmFlags(project.name, process.env.TKSK_TEST_JVM_FLAGS),
    // A shared 2-core machine at load 40 gives a JVM a few percent of a core: its boot's
    // 2.8 s of CPU then takes a minute, and a 30 s wait failed whole projects.
    readyTimeoutMs: 120_000,
  })
  project.provide('dynamodbEndpoint', dynamodb.endpoint)
  return async () => {
    // `TKSK_TEST_JVM_CPU=1` prints what the project's JVM spent, to compare its options.
    const cpu = process.env.TKSK_TEST_JVM_CPU === '1' ? cpuSecondsOf(dynamodb.process.pid) : undefined
    await dynamodb.stop()
    if (cpu !== undefined) console.log(`[jvm-cpu] ${project.name} ${cpu.toFixed(2)} s`)
  }
}
