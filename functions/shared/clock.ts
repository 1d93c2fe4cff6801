/**
 * The one source of "now" for handlers, steps and the local platform.
 *
 * On AWS it is the wall clock. Locally the dev server can move it forward
 * (`POST /api/dev/clock/advance`) so that reminders, escalations and deadlines that are
 * days away can be exercised in seconds; listeners (the local Step Functions timers)
 * are told when it moves. Rules in `functions/core` never read it: they take `now`.
 */
type ClockListener = (now: Date) => void | Promise<void>

let offsetMs = 0
/**
 * Each offset the clock has had, from the wall-clock instant it began (oldest first), so
 * the offset of a past instant stamped on the wall clock (a DynamoDB Local stream record's
 * creation) is known. The offset restored at start stands for every instant before it.
 */
let offsetsSince: { wallMs: number; offsetMs: number }[] = [{ wallMs: -Infinity, offsetMs: 0 }]
const listeners = new Set<ClockListener>()
const settlers = new Set<() => Promise<unknown>>()

export const nowMs = (): number => Date.now() + offsetMs
export const now = (): Date => new Date(nowMs())
export const nowIso = (): string => now().toISOString()

/** How far the local clock runs ahead of the wall clock (persisted by the dev server). */
export const clockOffsetMs = (): number => offsetMs

export const setClockOffsetMs = (ms: number): void => {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError('clock offset must be a finite, non-negative number')
  offsetMs = ms
  offsetsSince = [{ wallMs: -Infinity, offsetMs: ms }]
}

/** How far the clock ran ahead of the wall clock at the wall-clock instant `wallMs` (epoch ms). */
export const clockOffsetAt = (wallMs: number): number =>
  offsetsSince.findLast((offset) => offset.wallMs <= wallMs)?.offsetMs ?? 0

/** Moves the clock forward and waits for every listener to handle what became due. */
export const advanceClock = async (seconds: number): Promise<Date> => {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('the clock only moves forward')
  for (const settle of [...settlers]) await settle()
  offsetMs += seconds * 1000
  offsetsSince.push({ wallMs: Date.now(), offsetMs })
  const at = now()
  for (const listener of [...listeners]) await listener(at)
  return at
}

export const onClockAdvance = (listener: ClockListener): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Work the platform settles before the clock moves: what a request already caused at the
 * old time happens at the old time (the local case starter starts a filed case's execution
 * before the move, as intake did before ADR 0050; its steps run as background work after).
 */
export const beforeClockAdvance = (settle: () => Promise<unknown>): (() => void) => {
  settlers.add(settle)
  return () => settlers.delete(settle)
}
