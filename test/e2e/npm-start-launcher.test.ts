/**
 * `npm start`'s launcher (`infra/local/start.mjs`): the JVM spawned before TypeScript
 * loads is the platform's DynamoDB Local, and Java never outlives the launcher, whether it
 * is stopped while starting or once healthy.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../../infra/local/dynamodb/dynamodb-local'

const dataDir = mkdtempSync(join(tmpdir(), 'tksk-launcher-'))
const running: ChildProcess[] = []

const launch = (port: number) => {
  const child = spawn(process.execPath, ['infra/local/start.mjs'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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

afterAll(() => {
  for (const child of running.filter((c) => c.exitCode === null)) child.kill('SIGKILL')
  for (const line of javaProcessesOn(dataDir)) {
    const pid = Number(line.trim().split(/\s+/)[0])
    if (pid) process.kill(pid, 'SIGKILL')
  }
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start launcher', () => {
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

  it('is healthy on the JVM it spawned first and stops cleanly on Ctrl-C', async () => {
    const port = await freePort()
    const { child, output } = launch(port)
    await until(
      () => /ready at/.test(output.text),
      () => output.text,
    )
    const health = await fetch(`http://localhost:${port}/api/health`)
    expect(health.status).toBe(200)
    // One JVM: the launcher's, handed over to the platform (not a second one spawned by main.ts).
    expect(javaProcessesOn(dataDir)).toHaveLength(1)
    child.kill('SIGINT')
    expect(await exitOf(child)).toBe(0)
    expect(javaProcessesOn(dataDir)).toEqual([])
  })
})
