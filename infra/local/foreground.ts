/**
 * On AWS the API's Lambdas, the workflows' step Lambdas and the stream consumers run on
 * compute of their own; on the local platform they share one Node process and one
 * DynamoDB Local. So background work (a workflow step, a journal write, a stream poll)
 * waits while an API request is being answered, and the request is answered as fast as
 * on its own (issue 20: an intake's workflow must not slow the next intake). The wait is
 * bounded, so a stream of requests delays the background but never starves it.
 */
const MAX_WAIT_MS = 250

let answering = 0
let waiting: (() => void)[] = []

const releaseAll = () => {
  const released = waiting
  waiting = []
  for (const release of released) release()
}

/** Runs an API request's answer as foreground work. */
export const asForeground = async <T>(answer: () => Promise<T>): Promise<T> => {
  answering += 1
  try {
    return await answer()
  } finally {
    answering -= 1
    if (answering === 0) releaseAll()
  }
}

/** Resolves when no API request is being answered, or after MAX_WAIT_MS. */
export const backgroundTurn = (): Promise<void> => {
  if (answering === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      waiting = waiting.filter((other) => other !== release)
      resolve()
    }, MAX_WAIT_MS)
    waiting.push(release)
  })
}
