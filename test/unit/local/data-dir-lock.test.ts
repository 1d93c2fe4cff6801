import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockDataDir, processIdentity } from '../../../infra/local/data-dir-lock.mjs'

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

interface Holder {
  pid: number
  identity?: string
  jvmPid?: number
  jvmIdentity?: string
}
const lockFile = () => join(dataDir, 'platform.lock')
const holder = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as Holder
const heldBy = (lock: Holder) => writeFileSync(lockFile(), `${JSON.stringify({ port: '3000', ...lock })}\n`)

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
/**
 * A start in a process of its own: its answer (`took` or `refused`) once it has one; one that
 * took the lock keeps it until the test kills it, however late the others start.
 */
const startProcess = (dir: string) =>
  new Promise<string>((resolve) => {
    const script =
      `import { lockDataDir } from '${LOCK_MODULE}'\n` +
      `try { await lockDataDir(${JSON.stringify(dir)}); console.log('took'); setInterval(() => {}, 1000) }\n` +
      `catch (error) { console.log(/in use/.test(error.message) ? 'refused' : error.message) }`
    let output = ''
    const child = spawn(process.execPath, ['--input-type=module', '-e', script])
    children.push(child)
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('\n')) resolve(output.trim())
    })
    child.once('close', () => resolve(output.trim()))
  })

describe('one platform per DATA_DIR', () => {
  it('refuses a directory another running start holds, naming it', async () => {
    const other = otherNode()
    heldBy({ pid: other.pid ?? 0, identity: processIdentity(other.pid ?? 0) })
    await expect(lockDataDir(dataDir)).rejects.toThrow(
      /is in use by another tksk-flow \(pid \d+, port 3000\)/,
    )
  })

  it('takes over the lock of a start that is gone, and records its own JVM in it', async () => {
    heldBy({ pid: deadPid() })
    const lock = await lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
    const jvm = otherNode()
    lock.recordJvm(jvm.pid)
    expect(holder()).toMatchObject({
      pid: process.pid,
      jvmPid: jvm.pid,
      jvmIdentity: processIdentity(jvm.pid ?? 0),
    })
  })

  it('takes over a lock whose pid now belongs to another process', async () => {
    const other = otherNode()
    heldBy({ pid: other.pid ?? 0, identity: 'another-boot/12345' })
    await lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
  })

  it('stops the DynamoDB Local a killed start left running on the directory, and nothing else', async () => {
    const leftJvm = otherNode()
    heldBy({ pid: deadPid(), jvmPid: leftJvm.pid ?? 0, jvmIdentity: processIdentity(leftJvm.pid ?? 0) })
    await lockDataDir(dataDir)
    expect(await exitsWithin(leftJvm, 5_000)).toBe(true)
    expect(leftJvm.signalCode).toBe('SIGKILL')

    // A recorded JVM pid given to another process since, or recorded without its identity, is left alone.
    const unrelated = otherNode()
    heldBy({ pid: deadPid(), jvmPid: unrelated.pid ?? 0, jvmIdentity: 'another-boot/12345' })
    await lockDataDir(dataDir)
    heldBy({ pid: deadPid(), jvmPid: unrelated.pid ?? 0 })
    await lockDataDir(dataDir)
    expect(await exitsWithin(unrelated, 300)).toBe(false)
  })

  it('takes over a lock cut off while it was written, once it is not being written any more', async () => {
    writeFileSync(lockFile(), '{"pid":')
    const old = new Date(Date.now() - 10_000)
    utimesSync(lockFile(), old, old)
    await lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
  })

  it('lets one of several starts taking over a dead start’s lock at once have it', async () => {
    for (let round = 0; round < 3; round++) {
      heldBy({ pid: deadPid() })
      const answers = await Promise.all([0, 1, 2, 3].map(() => startProcess(dataDir)))
      expect(answers.sort()).toEqual(['refused', 'refused', 'refused', 'took'])
      for (const child of children.splice(0)) child.kill('SIGKILL')
    }
  })

  it('creates the directory, holds the lock while its process runs and removes it as it exits', () => {
    const fresh = join(dataDir, 'new')
    const lock = join(fresh, 'platform.lock')
    const script = `import { existsSync } from 'node:fs'; import { lockDataDir } from '${LOCK_MODULE}'; await lockDataDir(${JSON.stringify(fresh)}); console.log(existsSync(${JSON.stringify(lock)}))`
    expect(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(),
    ).toBe('true')
    expect(existsSync(lock)).toBe(false)
  })
})
