import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockDataDir } from '../../../infra/local/data-dir-lock.mjs'

const LOCK_MODULE = new URL('../../../infra/local/data-dir-lock.mjs', import.meta.url).href

let dataDir: string
const children: ChildProcess[] = []
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tksk-lock-'))
})
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

const lockFile = () => join(dataDir, 'platform.lock')
const holder = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; jvmPid?: number }
const heldBy = (pid: number, jvmPid?: number) =>
  writeFileSync(lockFile(), `${JSON.stringify({ pid, port: '3000', jvmPid })}\n`)

/** A node process that lives until killed: the other start, or with `args` a stand-in JVM. */
const otherNode = (...args: string[]) => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...args], { stdio: 'ignore' })
  children.push(child)
  return child
}
/** The pid of a process that has exited (a start killed before it could remove its lock). */
const deadPid = () =>
  Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }))
/** Whether `child` exits within `ms`. */
const exitsWithin = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true)
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })

describe('one platform per DATA_DIR', () => {
  it('refuses a directory another running start holds, naming it', async () => {
    heldBy(otherNode().pid ?? 0)
    await expect(lockDataDir(dataDir)).rejects.toThrow(
      /is in use by another tksk-flow \(pid \d+, port 3000\)/,
    )
  })

  it('takes over the lock of a start that is gone, and records its own JVM in it', async () => {
    heldBy(deadPid())
    const lock = await lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
    lock.recordJvm(4242)
    expect(holder()).toMatchObject({ pid: process.pid, jvmPid: 4242 })
  })

  it('stops the DynamoDB Local a killed start left running on the directory, and nothing else', async () => {
    const leftJvm = otherNode('DynamoDBLocal.jar')
    heldBy(deadPid(), leftJvm.pid)
    await lockDataDir(dataDir)
    expect(await exitsWithin(leftJvm, 5_000)).toBe(true)
    expect(leftJvm.signalCode).toBe('SIGKILL')

    // A recorded pid given to another program since is left alone.
    const unrelated = otherNode()
    heldBy(deadPid(), unrelated.pid)
    await lockDataDir(dataDir)
    expect(await exitsWithin(unrelated, 300)).toBe(false)
  })

  it('takes over a lock cut off while it was written', async () => {
    writeFileSync(lockFile(), '{"pid":')
    await lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
  })

  it('creates the directory and removes the lock as its process exits', () => {
    const fresh = join(dataDir, 'new')
    const script = `import { lockDataDir } from '${LOCK_MODULE}'; await lockDataDir(${JSON.stringify(fresh)}); console.log(process.pid)`
    const pid = Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    )
    expect(pid).toBeGreaterThan(0)
    expect(existsSync(fresh)).toBe(true)
    expect(existsSync(join(fresh, 'platform.lock'))).toBe(false)
  })
})
