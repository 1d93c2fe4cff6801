/**
 * Knows when the service is busy, for `idle()`. The library moves between states with
 * promise continuations only, so once every tracked piece of work (Lambda invocations,
 * DynamoDB writes, starting and finishing runs) has settled and a macrotask turn has
 * passed without new work, every execution is finished or parked: on a task token, on a
 * project-clock timer, or in a Retry back-off (the library sleeps those in real time).
 */
export interface Activity {
  /** Tracks a piece of work until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>
  idle(): Promise<void>
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export const createActivity = (): Activity => {
  const inFlight = new Set<Promise<unknown>>()
  let generation = 0

  return {
    track(work) {
      generation++
      inFlight.add(work)
      const forget = () => inFlight.delete(work)
      work.then(forget, forget)
      return work
    },
    async idle() {
      for (;;) {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight])
        const seen = generation
        await nextMacrotask()
        if (inFlight.size === 0 && seen === generation) return
      }
    },
  }
}
