/**
 * One platform per DATA_DIR. Two `npm start`s on one directory both ran: two JVMs on one
 * SQLite file, two Step Functions services resuming the same executions (each step and its
 * mail twice), two mailers and anchor jobs. The launcher takes `<DATA_DIR>/platform.lock`
 * before it spawns Java and removes it when its process exits; a lock whose process is gone
 * (a killed start) is taken over. Plain JavaScript: `start.mjs` runs before TypeScript loads.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'

const LOCK_FILE = 'platform.lock'

/** @param {number} pid */
const isRunning = (pid) => {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it runs, as another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM'
  }
  // A dead start's pid taken by another program since (where Linux says what runs there).
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  } catch {
    return true
  }
}

/** @param {string} path @returns {{ pid?: number, port?: string } | undefined} */
const readHolder = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    // Gone meanwhile, or cut off by a process killed while writing it: no live holder.
    return undefined
  }
}

/**
 * Takes the lock of `dataDir` for this process, or throws naming the process that holds it.
 * @param {string} dataDir
 */
export const lockDataDir = (dataDir) => {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  const content = `${JSON.stringify({ pid: process.pid, port: process.env.PORT || '3000', at: new Date().toISOString() })}\n`
  // Two tries: the second after removing a dead process's lock (two starts taking it over at
  // once: one creates it, the other finds it held by a live process).
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx' })
      process.once('exit', () => {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path)
      })
      return
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error
    }
    const holder = readHolder(path)
    if (holder?.pid === process.pid) return
    if (holder?.pid !== undefined && isRunning(holder.pid))
      throw new Error(
        `${resolve(dataDir)} is in use by another tksk-flow (pid ${holder.pid}, port ${holder.port}). ` +
          'Stop it first, or start this one with another DATA_DIR (and PORT).',
      )
    try {
      unlinkSync(path)
    } catch {
      // Removed by another start taking it over: the next try decides.
    }
  }
  throw new Error(`could not take ${path}: another start is taking it over`)
}
