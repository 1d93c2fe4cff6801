/**
 * When the poller reads its stream: every pass after the last, at the busy interval while
 * there is work and at the idle one while the stream is quiet, sooner when a write nudges it.
 */
import { AsyncResource } from 'node:async_hooks'
import { logger } from '../../../functions/shared/logger'
import type { PollerState } from './poller-state'
import type { StreamPollerOptions } from './stream-poller-types'
import type { PassOutcome } from './stream-pass'

/** A quiet stream is still read this often: writers the platform cannot see get their records handled. */
const DEFAULT_IDLE_MS = 2_000
/** A nudge waits this long: a request's several writes share one pass. */
const NUDGE_DELAY_MS = 10

export interface PassSchedule {
  runPass: () => Promise<PassOutcome>
  /** The pass running now, if any. */
  running: () => Promise<PassOutcome> | undefined
  knownQuiet: () => boolean
  nudge: () => void
  stop: () => Promise<void>
}

export const passSchedule = (
  pass: () => Promise<PassOutcome>,
  state: PollerState,
  options: Pick<StreamPollerOptions, 'intervalMs' | 'idleIntervalMs'>,
): PassSchedule => {
  let current: Promise<PassOutcome> | undefined
  /** Nudges so far: a pass that began before the last one may have missed its write. */
  let writesSeen = 0
  /** When a quiet pass last ended with no write seen since it began (undefined: not yet). */
  let quietSince: number | undefined

  /** Passes never overlap: a drain and the interval share the running one. */
  const runPass = (): Promise<PassOutcome> => {
    const writesBefore = writesSeen
    current ??= pass()
      .then((outcome) => {
        // Quiet, and no write seen since the pass began: the stream is known to be read to its end.
        if (outcome === 'quiet' && writesSeen === writesBefore) quietSince = Date.now()
        return outcome
      })
      .catch((error: unknown): PassOutcome => {
        logger.error('reading the stream failed', { error: error as Error })
        return 'busy'
      })
      .finally(() => {
        current = undefined
      })
    return current
  }

  const busyMs = options.intervalMs ?? 250
  const idleMs = Math.max(busyMs, options.idleIntervalMs ?? DEFAULT_IDLE_MS)
  /**
   * Nothing was written since the stream was last read to its end, not long ago: a drain
   * has nothing to read (tests drain before every outbox read, several times a second).
   * Writers the platform does not see are read by a drain at most the idle interval late.
   */
  const knownQuiet = (): boolean =>
    quietSince !== undefined && state.backoff.size === 0 && Date.now() - quietSince < idleMs

  // One pending timer at a time: every `intervalMs` (250 ms by default) while there is work, slowly while the stream
  // is quiet (each pass is one GetRecords per shard now that iterators are kept).
  let timer: NodeJS.Timeout | undefined
  let dueAt = Infinity
  /** A write was seen since the running pass started: it may have missed it. */
  let nudged = false
  let lastTickAt = 0
  // Passes run in the poller's own async context, not in that of the request whose write
  // nudged it: a nudged timer would otherwise carry the request's context into every later
  // pass (its log keys, and foreground.ts would count the mailer's calls as the request's).
  const ownContext = new AsyncResource('StreamPoller')
  const scheduleIn = (ms: number): void => {
    if (state.stopped || Date.now() + ms >= dueAt) return
    clearTimeout(timer)
    dueAt = Date.now() + ms
    timer = setTimeout(() => ownContext.runInAsyncScope(() => void tick()), ms)
    timer.unref()
  }
  const tick = async (): Promise<void> => {
    timer = undefined
    dueAt = Infinity
    // A pass already running may have read the shard before the write that woke us.
    await current
    if (state.stopped) return
    // A pass that began after the last write (a drain's) already read the stream to its end.
    if (knownQuiet()) {
      scheduleIn(idleMs - (Date.now() - (quietSince ?? 0)))
      return
    }
    nudged = false
    lastTickAt = Date.now()
    const quiet = (await runPass()) === 'quiet'
    scheduleIn(quiet && !nudged ? idleMs : busyMs)
  }
  scheduleIn(busyMs)

  return {
    runPass,
    running: () => current,
    knownQuiet,
    nudge: () => {
      nudged = true
      writesSeen += 1
      quietSince = undefined
      // Never more often than a busy stream is read: a burst of writes costs no more passes.
      scheduleIn(Math.max(NUDGE_DELAY_MS, lastTickAt + busyMs / 2 - Date.now()))
    },
    stop: async () => {
      state.stopped = true
      clearTimeout(timer)
      await current
    },
  }
}
