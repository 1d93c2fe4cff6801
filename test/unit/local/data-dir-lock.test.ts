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
const holderPid = () => JSON.parse(readFileSync(lockFile(), 'utf8')).pid as number
const heldBy = (pid: number) => writeFileSync(lockFile(), `${JSON.stringify({ pid, port: '3000' })}\n`)

/** A node process that lives until killed (the other start). */
const otherNode = () => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  children.push(child)
  return child.pid ?? 0
}

describe('one platform per DATA_DIR', () => {
  it('refuses a directory another running start holds, naming it', () => {
    heldBy(otherNode())
    expect(() => lockDataDir(dataDir)).toThrow(/is in use by another tksk-flow \(pid \d+, port 3000\)/)
  })

  it('takes over the lock of a start that is gone (killed, so it could not remove it)', () => {
    const gone = Number(
      execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }),
    )
    heldBy(gone)
    lockDataDir(dataDir)
    expect(holderPid()).toBe(process.pid)
  })

  it('takes over a lock cut off while it was written', () => {
    writeFileSync(lockFile(), '{"pid":')
    lockDataDir(dataDir)
    expect(holderPid()).toBe(process.pid)
  })

  it('creates the directory and removes the lock as its process exits', () => {
    const fresh = join(dataDir, 'new')
    const script = `import { lockDataDir } from '${LOCK_MODULE}'; lockDataDir(${JSON.stringify(fresh)}); console.log(process.pid)`
    const pid = Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    )
    expect(pid).toBeGreaterThan(0)
    expect(existsSync(join(fresh, 'platform.lock'))).toBe(false)
    expect(existsSync(fresh)).toBe(true)
  })
})
