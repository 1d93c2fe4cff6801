/** What the parts of one stream poller (stream-poller.ts) share. */
export interface PollerState {
  /**
   * Per shard: consecutive failures, when (project clock) it failed last and may be tried
   * again, and the number of its last retry (0 before its first): `tries` numbers every shard
   * read as it starts, so a drain knows which retries began after it did.
   */
  backoff: Map<string, { failures: number; failedAtMs: number; retryAt: number; retriedAs: number }>
  tries: number
  stopped: boolean
}

export const newPollerState = (): PollerState => ({ backoff: new Map(), tries: 0, stopped: false })
