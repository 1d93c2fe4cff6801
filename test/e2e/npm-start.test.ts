/**
 * `npm start` as a person runs it: its launcher (`infra/local/start.mjs`), a real process
 * with DynamoDB Local persisted under DATA_DIR. The JVM spawned before TypeScript loads is
 * the platform's DynamoDB Local, Java never outlives the launcher (stopped while starting
 * or once healthy), a second start finds the data of the first (and refuses to run beside
 * it), and a terminal's Ctrl-C stops it in order. The healthy start is
 * the first of the two the data check needs: each full start boots a JVM and loads the
 * whole platform, the largest cost of this file.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, describe, expect, it } from 'vitest'
import { localSeedMarkerKey } from '../../functions/data/keys'
import { freePort } from '../../infra/local/dynamodb/dynamodb-local'

const dataDir = mkdtempSync(join(tmpdir(), 'tksk-start-'))
const running: ChildProcess[] = []

/**
 * The launcher on its own, or `npm start` in a process group of its own as a terminal runs
 * it (`throughNpm`): a terminal's Ctrl-C goes to the whole group, and npm forwards it too.
 */
const launch = (port: number, throughNpm = false) => {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'WARN' }
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe']
  const child = throughNpm
    ? spawn('npm', ['start'], { env, stdio, detached: true })
    : spawn(process.execPath, ['infra/local/start.mjs'], { env, stdio })
  running.push(child)
  const output = { text: '' }
  const collect = (chunk: Buffer) => {
    output.text += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  return { child, output }
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

const javaProcessesOn = (dir: string): string[] =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal.jar') && line.includes(dir))

const until = async (condition: () => boolean, what: () => string) => {
  const began = Date.now()
  while (!condition()) {
    if (Date.now() - began > 45_000) throw new Error(`gave up waiting: ${what()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** A launch through to "ready": its process, its health answer and its DynamoDB Local's address. */
const startHealthy = async (throughNpm = false) => {
  const began = Date.now()
  const port = await freePort()
  const { child, output } = launch(port, throughNpm)
  await until(
    () => /ready at/.test(output.text) || child.exitCode !== null,
    () => output.text,
  )
  if (child.exitCode !== null) throw new Error(`npm start exited: ${output.text}`)
  const health = await fetch(`http://localhost:${port}/api/health`)
  const dynamodbEndpoint = /DynamoDB Local: (\S+)\)/.exec(output.text)?.[1] ?? ''
  return { child, output, health, millis: Date.now() - began, dynamodbEndpoint }
}

const stopWithCtrlC = (child: ChildProcess) => {
  const exit = exitOf(child)
  child.kill('SIGINT')
  return exit
}

/**
 * A terminal's Ctrl-C: SIGINT to the whole process group (npm, the platform, Java), which
 * npm forwards to the platform as well. Two signals sent at once may merge into one, so the
 * forwarded copy is also sent 100 ms later, as it arrives on a busy machine.
 */
const stopWithTerminalCtrlC = async (npm: ChildProcess) => {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const platform = readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, 'utf8').trim().split(' ')[0]
  process.kill(-(npm.pid ?? 0), 'SIGINT')
  await new Promise((r) => setTimeout(r, 100))
  try {
    if (platform) process.kill(Number(platform), 'SIGINT')
  } catch (error) {
    // Already stopped: the orderly stop can be done within the 100 ms.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
  return exited
}

const documents = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'ap-southeast-3',
      endpoint,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    }),
  )

afterAll(async () => {
  // On a failed assertion: stop politely first so Java goes too, then make sure of it.
  for (const child of running.filter((c) => c.exitCode === null)) {
    await Promise.race([stopWithCtrlC(child), new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  for (const line of javaProcessesOn(dataDir)) {
    const pid = Number(line.trim().split(/\s+/)[0])
    if (pid) process.kill(pid, 'SIGKILL')
  }
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('a SIGTERM while the platform loads exits at once and takes the already spawned Java with it', async () => {
    const { child, output } = launch(await freePort())
    await until(
      () => javaProcessesOn(dataDir).length > 0,
      () => output.text,
    )
    child.kill('SIGTERM')
    expect(await exitOf(child)).toBe(130)
    expect(javaProcessesOn(dataDir)).toEqual([])
  })

  it('is healthy on the JVM it spawned first, stops cleanly on Ctrl-C and keeps its data for the next start', async () => {
    const first = await startHealthy()
    expect(first.health.status).toBe(200)
    expect(await first.health.json()).toEqual({ status: 'ok' })
    console.info(`cold start to healthy: ${first.millis} ms`)
    // One JVM: the launcher's, handed over to the platform (not a second one spawned by main.ts).
    expect(javaProcessesOn(dataDir)).toHaveLength(1)
    // A second start on the same DATA_DIR refuses before it spawns a JVM.
    const other = launch(await freePort())
    // 'close', not 'exit': its output may still be on its way when it has exited.
    await new Promise((resolve) => other.child.once('close', resolve))
    expect(other.child.exitCode).toBe(1)
    expect(other.output.text).toMatch(/is in use by another tksk-flow \(pid \d+/)
    expect(javaProcessesOn(dataDir)).toHaveLength(1)
    await documents(first.dynamodbEndpoint).send(
      new PutCommand({
        TableName: 'tksk-main',
        Item: { pk: 'TEST#marker', sk: 'TEST', note: 'from the first run' },
      }),
    )
    const seededBy = async (endpoint: string) =>
      (await documents(endpoint).send(new GetCommand({ TableName: 'tksk-main', Key: localSeedMarkerKey() })))
        .Item as { version: string; at: string } | undefined
    const firstSeed = await seededBy(first.dynamodbEndpoint)
    expect(firstSeed?.version).toMatch(/^[0-9a-f]{64}$/)
    expect(await stopWithCtrlC(first.child)).toBe(0)
    expect(javaProcessesOn(dataDir)).toEqual([])

    const second = await startHealthy(true)
    expect(second.health.status).toBe(200)
    const { Item } = await documents(second.dynamodbEndpoint).send(
      new GetCommand({ TableName: 'tksk-main', Key: { pk: 'TEST#marker', sk: 'TEST' } }),
    )
    expect(Item?.note).toBe('from the first run')
    // The warm start found the seed it carries already there (its stamp read beside the table
    // checks): it did not seed again, which would have stamped the tables anew.
    expect(await seededBy(second.dynamodbEndpoint)).toEqual(firstSeed)
    // One Ctrl-C reaches the platform twice (from the terminal, forwarded by npm) and Java
    // once: still one orderly stop, Java stopped by the platform after its last store call.
    expect(await stopWithTerminalCtrlC(second.child)).toEqual({ code: 0, signal: null })
    expect(second.output.text).toContain('SIGINT: stopping tksk-flow')
    expect(second.output.text).not.toMatch(/exiting now|"level":"ERROR"|ECONNREFUSED/)
    expect(javaProcessesOn(dataDir)).toEqual([])
  })
})
