/**
 * One platform per DATA_DIR (ADR 0055). Two `npm start`s on one directory both ran: two JVMs
 * on one SQLite file, two Step Functions services resuming the same executions (each step and
 * its mail twice), two mailers and anchor jobs. The launcher takes `<DATA_DIR>/platform.lock`
 * before it spawns Java, records Java in it, and removes it when its process exits. A lock
 * whose process is gone (a start killed with SIGKILL, which took no Java with it) is taken
 * over, and the Java it left running on the directory is stopped first. Plain JavaScript:
 * `start.mjs` runs before TypeScript loads.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'

const LOCK_FILE = 'platform.lock'
/** A takeover not finished in this long was cut off (its process died): the next one goes. */
const TAKEOVER_STALE_MS = 15_000
/** A lock that does not parse is one being written, unless it is older than this. */
const TORN_LOCK_MS = 2_000

/**
 * Which process a pid is: its start time since boot and the boot (Linux `/proc`), so that a
 * pid given to another process since does not count. Undefined where `/proc` cannot say.
 * @param {number} pid
 */
export const processIdentity = (pid) => {
  try {
    const started = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19]
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    return started ? `${boot}/${started}` : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether the process recorded as `pid` (and `identity`, where known) still runs.
 * @param {number} pid @param {string | undefined} identity
 */
const stillRuns = (pid, identity) => {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it runs, as another user.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM') return false
  }
  // No identity recorded: no `/proc` where it was written, so the pid is all there is to go by.
  if (identity === undefined) return true
  // A recorded identity is compared as it is now (gone: undefined); a zombie (exited, not yet
  // reaped) keeps its identity but has no command line: it no longer runs.
  return processIdentity(pid) === identity && commandLineOf(pid) !== ''
}

/** @param {number} pid */
const commandLineOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return ''
  }
}

/**
 * @typedef {{ pid?: number, identity?: string, port?: string, jvmPid?: number, jvmIdentity?: string }} Holder
 * @param {string} path @returns {Holder | undefined | 'torn'}
 */
const readHolder = (path) => {
  let text
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
  try {
    return JSON.parse(text)
  } catch {
    return 'torn'
  }
}

/** @param {string} path */
const ageMs = (path) => {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return 0
  }
}

/** Stops the DynamoDB Local a killed start left on the directory, and waits until it is gone. */
const stopLeftJvm = async (/** @type {Holder} */ holder) => {
  const { jvmPid, jvmIdentity } = holder
  // Only a JVM whose identity was recorded: without it the pid may be anyone's by now.
  if (jvmPid === undefined || jvmIdentity === undefined || !stillRuns(jvmPid, jvmIdentity)) return
  process.stderr.write(`Stopping DynamoDB Local left running by a killed start (pid ${jvmPid})\n`)
  process.kill(jvmPid, 'SIGKILL')
  for (let waited = 0; waited < 5_000 && stillRuns(jvmPid, jvmIdentity); waited += 20) await sleep(20)
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
  const takeover = `${path}.takeover`
  /** @type {Holder} */
  const holding = {
    pid: process.pid,
    identity: processIdentity(process.pid),
    port: process.env.PORT || '3000',
  }
  /** @type {DataDirLock} */
  const lock = {
    recordJvm: (jvmPid) => {
      const jvm = jvmPid === undefined ? {} : { jvmPid, jvmIdentity: processIdentity(jvmPid) }
      // Ours to rewrite; through a private file so that a reader never finds half of it.
      const partial = `${path}.${process.pid}`
      writeFileSync(partial, `${JSON.stringify({ ...holding, ...jvm })}\n`)
      renameSync(partial, path)
    },
  }
  const refusal = (/** @type {Holder} */ holder) =>
    new Error(
      `${resolve(dataDir)} is in use by another tksk-flow (pid ${holder.pid}, port ${holder.port}). ` +
        `Stop it first, or start this one with another DATA_DIR (and PORT). (Lock: ${path})`,
    )

  /** Creates the lock if no lock file exists (`wx`): the one way to hold it. */
  const create = () => {
    try {
      writeFileSync(path, `${JSON.stringify(holding)}\n`, { flag: 'wx' })
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') return false
      throw error
    }
    process.once('exit', () => {
      try {
        const holder = readHolder(path)
        if (typeof holder === 'object' && holder.pid === process.pid) unlinkSync(path)
      } catch {
        // Never in the way of the other exit hooks (the one that kills Java).
      }
    })
    return true
  }
  /** 'held' by a running process (refused), 'busy' (being written: wait), or 'dead' (take over). */
  const judge = () => {
    const holder = readHolder(path)
    if (holder === undefined) return { state: 'dead' }
    if (holder === 'torn') return { state: ageMs(path) < TORN_LOCK_MS ? 'busy' : 'dead' }
    if (holder.pid === process.pid) return { state: 'ours' }
    if (holder.pid !== undefined && stillRuns(holder.pid, holder.identity)) throw refusal(holder)
    return { state: 'dead', holder }
  }

  for (const deadline = Date.now() + TAKEOVER_STALE_MS + 5_000; Date.now() < deadline;) {
    if (create()) return lock
    const outside = judge()
    if (outside.state === 'ours') return lock
    if (outside.state === 'busy') {
      await sleep(50)
      continue
    }
    // A dead holder's lock is removed and replaced by one start at a time: two starts after
    // a crash could otherwise both remove it and both create their own, or one remove the
    // other's new lock. Only takers remove a lock, so the one judged dead inside stays until
    // this taker removes it.
    try {
      writeFileSync(takeover, `${process.pid}\n`, { flag: 'wx' })
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error
      if (ageMs(takeover) > TAKEOVER_STALE_MS) unlinkSync(takeover)
      else await sleep(50)
      continue
    }
    try {
      const inside = judge()
      if (inside.state === 'ours') return lock
      if (inside.state === 'dead') {
        if (inside.holder) await stopLeftJvm(inside.holder)
        try {
          unlinkSync(path)
        } catch {
          // There was none to remove.
        }
        if (create()) return lock
      }
    } finally {
      unlinkSync(takeover)
    }
  }
  throw new Error(`could not take ${path}: another start kept taking it over`)
}
