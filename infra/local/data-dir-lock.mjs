/**
 * One platform per DATA_DIR. Two `npm start`s on one directory both ran: two JVMs on one
 * SQLite file, two Step Functions services resuming the same executions (each step and its
 * mail twice), two mailers and anchor jobs. The launcher takes `<DATA_DIR>/platform.lock`
 * before it spawns Java, records Java's pid in it, and removes it when its process exits. A
 * lock whose process is gone (a start killed with SIGKILL, which took no Java with it) is
 * taken over, and the Java it left running on the directory is stopped first. Plain
 * JavaScript: `start.mjs` runs before TypeScript loads.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'

const LOCK_FILE = 'platform.lock'

/**
 * Whether `pid` runs, as a program whose command line holds `mark` where Linux says (a dead
 * process's pid may have been given to another program since).
 * @param {number} pid @param {string} mark
 */
const isRunning = (pid, mark) => {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it runs, as another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM'
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mark)
  } catch {
    return true
  }
}

/** @param {string} path @returns {{ pid?: number, port?: string, jvmPid?: number } | undefined} */
const readHolder = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    // Gone meanwhile, or cut off by a process killed while writing it: no live holder.
    return undefined
  }
}

/** Stops the DynamoDB Local a killed start left on the directory, and waits until it is gone. */
const stopLeftJvm = async (/** @type {number | undefined} */ jvmPid) => {
  if (jvmPid === undefined || !isRunning(jvmPid, 'DynamoDBLocal')) return
  process.stderr.write(`Stopping DynamoDB Local left running by a killed start (pid ${jvmPid})\n`)
  process.kill(jvmPid, 'SIGKILL')
  for (let waited = 0; waited < 5_000 && isRunning(jvmPid, 'DynamoDBLocal'); waited += 20) await sleep(20)
}

/**
 * @typedef {object} DataDirLock
 * @property {(jvmPid: number | undefined) => void} recordJvm Notes the JVM spawned on the directory.
 */

/**
 * Takes the lock of `dataDir` for this process, or throws naming the process that holds it.
 * @param {string} dataDir
 * @returns {Promise<DataDirLock>}
 */
export const lockDataDir = async (dataDir) => {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  const holding = { pid: process.pid, port: process.env.PORT || '3000', at: new Date().toISOString() }
  /** @type {DataDirLock} */
  const lock = {
    recordJvm: (jvmPid) => {
      // Ours to rewrite; through a private file so that a reader never finds half of it.
      const partial = `${path}.${process.pid}`
      writeFileSync(partial, `${JSON.stringify({ ...holding, jvmPid })}\n`)
      renameSync(partial, path)
    },
  }
  // Two tries: the second after removing a dead process's lock (two starts taking it over at
  // once: one creates it, the other finds it held by a live process).
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(holding)}\n`, { flag: 'wx' })
      process.once('exit', () => {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path)
      })
      return lock
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error
    }
    const holder = readHolder(path)
    if (holder?.pid === process.pid) return lock
    if (holder?.pid !== undefined && isRunning(holder.pid, 'node'))
      throw new Error(
        `${resolve(dataDir)} is in use by another tksk-flow (pid ${holder.pid}, port ${holder.port}). ` +
          `Stop it first, or start this one with another DATA_DIR (and PORT). (Lock: ${path})`,
      )
    await stopLeftJvm(holder?.jvmPid)
    try {
      unlinkSync(path)
    } catch {
      // Removed by another start taking it over: the next try decides.
    }
  }
  throw new Error(`could not take ${path}: another start is taking it over`)
}
