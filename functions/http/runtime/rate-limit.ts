import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import type { Route } from '../routes'
import type { User } from '../../core/identity/user'
import { env } from '../../shared/env'
import { enforceRateLimit } from '../../flows/rate-limit/enforce-rate-limit'
import { clientIpOf } from './edge-origin'

/** Public routes marked `rateLimit: 'public'`: per client IP and route. */
export const limitPublicRoute = (route: Route, event: APIGatewayProxyEventV2): Promise<void> =>
  route.rateLimit === 'public'
    ? enforceRateLimit(`${route.method}${route.path}`, clientIpOf(event), env.rateLimitPerMinute())
    : Promise.resolve()

/** Every staff action: per user, one budget across staff routes. */
export const limitStaff = (user: User): Promise<void> =>
  enforceRateLimit('staff', user.id, env.staffRateLimitPerMinute())
