/** The platform's stop order: what started last stops first (server.ts). */
export type StopOne = () => Promise<void> | void

export interface StopSequence {
  push: (stopOne: StopOne) => void
  stopAll: () => Promise<void>
}

/** Everything started so far, stopped in reverse order on failure or on stop(). */
export const stopSequence = (first: StopOne): StopSequence => {
  const started: StopOne[] = [first]
  return {
    push: (stopOne) => void started.push(stopOne),
    stopAll: async (): Promise<void> => {
      for (const stopOne of started.splice(0).reverse()) await stopOne()
    },
  }
}
