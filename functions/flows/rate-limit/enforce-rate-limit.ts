import { consumeRateLimit } from '../../data/rate-limit-repository'
import { nowMs } from '../../shared/clock'
import { RateLimitedError } from '../../shared/errors'
import { countMetric } from '../../observability/metrics'

/**
 * Spends one request of `client`'s budget in `bucket`; a limit of 0 (or one that is not a
 * number) means no limit. The HTTP runtime decides which bucket and limit apply; the count
 * itself is a use case over the data layer, so the runtime does not reach into `data/`.
 */
export const enforceRateLimit = async (bucket: string, client: string, limit: number): Promise<void> => {
  if (!(limit > 0)) return
  const decision = await consumeRateLimit(bucket, client, limit, nowMs())
  if (decision.allowed) return
  countMetric('RateLimited')
  throw new RateLimitedError(decision.retryAfterSeconds)
}
