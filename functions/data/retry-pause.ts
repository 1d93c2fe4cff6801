/**
 * The pause before another attempt at DynamoDB: random ("full jitter") below a bound that
 * doubles with each attempt up to a cap, so writers racing for one item, or readers sent
 * back by throttling, stop colliding in lockstep (AWS's advice for retries).
 */
export const pauseBeforeRetry = (attempt: number, bounds: { baseMs: number; capMs: number }): Promise<void> =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(bounds.capMs, bounds.baseMs * 2 ** attempt)),
  )
