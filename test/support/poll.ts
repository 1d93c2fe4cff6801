/**
 * Waiting for the local platform to get somewhere (a mail sent, a status reached): ask
 * often at first, then less often. Each ask costs the platform a request (an outbox read
 * also drains the mail stream), and on a loaded machine, where waits last seconds, a fixed
 * 100 ms poll spent more CPU than the work it waited for.
 */

/** First pause between two asks; each next one is half as long again, up to the last. */
const FIRST_PAUSE_MS = 50
const LAST_PAUSE_MS = 500

/**
 * Asks `probe` until it finds something (anything but `undefined`) and returns it; past
 * `timeoutMs` throws the Error `failure` describes (probes may keep what they last saw for it).
 */
export const pollFor = async <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  failure: () => string,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let pauseMs = FIRST_PAUSE_MS
  for (;;) {
    const found = await probe()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(failure())
    await new Promise((resolve) => setTimeout(resolve, pauseMs))
    pauseMs = Math.min(pauseMs * 1.5, LAST_PAUSE_MS)
  }
}
