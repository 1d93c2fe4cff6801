/**
 * The local platform on PORT (default 3000) with DATA_DIR (default .data). `npm start`
 * runs it through `start.mjs`, which spawns DynamoDB Local's JVM before this file loads and
 * hands it over; run directly (`node --import tsx infra/local/main.ts`) it spawns the JVM
 * itself. SIGINT/SIGTERM/SIGHUP stop everything it started, DynamoDB Local included; a
 * second signal exits at once (Java is still killed on exit).
 */
import { pathToFileURL } from 'node:url'
import { type SpawnedDynamoDbLocal, attachDynamoDbLocal } from './dynamodb/dynamodb-local'
import { spawnOnDataDir } from './dynamodb/spawn-dynamodb-local.mjs'

/** An empty variable counts as unset, so `DATA_DIR=` never means the current directory. */
const setting = (name: string): string | undefined => process.env[name] || undefined

/** The signals that stop the platform (a terminal's Ctrl-C, a supervisor, a closed terminal). */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * A second signal this soon after the first is the same one delivered twice, not a second
 * Ctrl-C: the terminal sends SIGINT to `npm start`'s whole process group and npm forwards it
 * to this process as well. Taken as "exit now", one Ctrl-C skipped the orderly stop (an
 * anchor record was cut off mid-write that way).
 */
const REPEATED_SIGNAL_MS = 1000

/**
 * Runs the platform until a signal stops it. `handedOver`: a JVM already spawned by the
 * launcher on `dynamodbDataPath(DATA_DIR)`; `startedAt`: when the launcher began.
 */
export const runLocalPlatform = async (handedOver?: SpawnedDynamoDbLocal, started = Date.now()) => {
  // The platform turns Lambda's concurrent mode on itself once its store exists
  // (invocation-scope.ts). A value inherited from a parent process that ran a platform (a
  // test worker spawning `npm start`) would announce the mode before the store is there,
  // and Powertools throws "InvokeStore is not available" while the modules load.
  delete process.env.AWS_LAMBDA_MAX_CONCURRENCY
  const dataDir = setting('DATA_DIR') ?? '.data'
  const publicBaseUrl = setting('PUBLIC_BASE_URL')
  const smtpUrl = setting('SMTP_URL')
  const host = setting('HOST')
  // Until the platform runs there is nothing to stop politely: a signal exits at once and
  // the exit hook of spawn-dynamodb-local.mjs kills Java (before, a SIGTERM while loading
  // left Java running).
  let shutdown: (signal: string) => void = (signal) => {
    console.log(`${signal} while starting: exiting now`)
    process.exit(130)
  }
  for (const signal of STOP_SIGNALS) process.on(signal, () => shutdown(signal))
  // The two longest parts of a start side by side (ADR 0019): DynamoDB Local's JVM boots
  // while the platform's module graph loads, instead of after it.
  const [dynamodbLocal, { startLocalPlatform }] = await Promise.all([
    attachDynamoDbLocal(handedOver ?? (await spawnOnDataDir(dataDir))),
    import('./server'),
  ])
  const platform = await startLocalPlatform({
    port: Number(setting('PORT') ?? '3000'),
    dataDir,
    dynamodbEndpoint: dynamodbLocal.endpoint,
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
    ...(host ? { host } : {}),
  })
  console.log(
    `tksk-flow ready at ${platform.url} in ${Date.now() - started} ms ` +
      `(data: ${dataDir}, DynamoDB Local: ${platform.dynamodbEndpoint})`,
  )
  let stoppingSince: number | undefined
  shutdown = (signal: string) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return
      console.log(`${signal} again: exiting now`)
      process.exit(130)
    }
    stoppingSince = Date.now()
    console.log(`${signal}: stopping tksk-flow… (again after a second: exit at once)`)
    platform
      .stop()
      .then(() => dynamodbLocal.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
  }
}

/** One line for the person at the terminal, then out (Java goes with the process). */
export const exitOnStartFailure = (error: unknown): never => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (runDirectly) runLocalPlatform().catch(exitOnStartFailure)
