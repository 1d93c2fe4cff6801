/**
 * `npm start` as a person runs it: a real process with DynamoDB Local persisted under
 * DATA_DIR. Healthy, stopped by Ctrl-C without leaving Java behind, and a second start
 * finds the data of the first.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../../infra/local/dynamodb/dynamodb-local'

const dataDir = mkdtempSync(join(tmpdir(), 'tksk-start-'))
const running: ChildProcess[] = []

const start = async (port: number) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const began = Date.now()
  while (!/ready at/.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`)
    if (Date.now() - began > 45_000) throw new Error(`npm start not ready: ${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const health = await fetch(`http://localhost:${port}/api/health`)
  const dynamodbEndpoint = /DynamoDB Local: (\S+)\)/.exec(output)?.[1] ?? ''
  return { child, health, millis: Date.now() - began, dynamodbEndpoint }
}

const stopWithCtrlC = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })

const javaProcessesOn = (dir: string): string[] =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal.jar') && line.includes(dir))

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
  it('is healthy, stops cleanly on Ctrl-C and keeps its data for the next start', async () => {
    const first = await start(await freePort())
    expect(first.health.status).toBe(200)
    expect(await first.health.json()).toEqual({ status: 'ok' })
    console.info(`cold start to healthy: ${first.millis} ms`)
    await documents(first.dynamodbEndpoint).send(
      new PutCommand({
        TableName: 'tksk-main',
        Item: { pk: 'TEST#marker', sk: 'TEST', note: 'from the first run' },
      }),
    )

    expect(await stopWithCtrlC(first.child)).toBe(0)
    expect(javaProcessesOn(dataDir)).toEqual([])

    const second = await start(await freePort())
    expect(second.health.status).toBe(200)
    const { Item } = await documents(second.dynamodbEndpoint).send(
      new GetCommand({ TableName: 'tksk-main', Key: { pk: 'TEST#marker', sk: 'TEST' } }),
    )
    expect(Item?.note).toBe('from the first run')
    expect(await stopWithCtrlC(second.child)).toBe(0)
    expect(javaProcessesOn(dataDir)).toEqual([])
  })
})
