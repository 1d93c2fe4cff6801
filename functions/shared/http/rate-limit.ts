import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { consumeRateLimit } from '../../data/rate-limit-repository'
import type { Route } from '../../http/routes'
import type { User } from '../auth/user'
import { nowMs } from '../clock'
import { env } from '../env'
import { RateLimitedError } from '../errors'

const enforce = async (bucket: string, client: string, limit: number): Promise<void> => {
  if (!(limit > 0)) return
  const decision = await consumeRateLimit(bucket, client, limit, nowMs())
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds)
}

/** Public routes marked `rateLimit: 'public'`: per client IP and route. */
export const limitPublicRoute = (route: Route, event: APIGatewayProxyEventV2): Promise<void> =>
  route.rateLimit === 'public'
    ? enforce(`${route.method}${route.path}`, event.requestContext.http.sourceIp, env.rateLimitPerMinute())
    : Promise.resolve()

/** Every staff action: per user, one budget across staff routes. */
export const limitStaff = (user: User): Promise<void> =>
  enforce('staff', user.id, env.staffRateLimitPerMinute())
