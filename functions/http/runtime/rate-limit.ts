import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import type { Route } from './route'
import type { User } from '../../core/identity/user'
import { env } from '../../shared/env'
import { enforceRateLimit } from '../../flows/rate-limit/enforce-rate-limit'
import { clientIpOf } from './edge-origin'

/**
 * The counter a public route draws from: its shared budget's, else its own. HEAD draws
 * from GET's: it is the same answer without the body, not a second budget to spend.
 */
export const rateBucketOf = (route: Pick<Route, 'method' | 'path' | 'rateBudget'>): string =>
  route.rateBudget
    ? `budget:${route.rateBudget}`
    : `${route.method === 'HEAD' ? 'GET' : route.method}${route.path}`

/** Public routes marked `rateLimit: 'public'`: per client IP and route, or per shared budget. */
export const limitPublicRoute = (route: Route, event: APIGatewayProxyEventV2): Promise<void> =>
  route.rateLimit === 'public'
    ? enforceRateLimit(rateBucketOf(route), clientIpOf(event), env.rateLimitPerMinute())
    : Promise.resolve()

/** Every staff action: per user, one budget across staff routes. */
export const limitStaff = (user: User): Promise<void> =>
  enforceRateLimit('staff', user.id, env.staffRateLimitPerMinute())
