/**
 * The Lambda handler of one HTTP resource: middy around a dispatcher that finds the
 * event's route in the route table, applies the body limit, authenticates staff
 * actions and runs the action. Unknown routes (API Gateway's `$default`) are 404 in the
 * contract's shape, with or without a token.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy, { type MiddlewareObj } from '@middy/core'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { findRouteByKey } from '../routes'
import { DEFAULT_MAX_BODY_BYTES, type Resource, type Route, SAFE_METHODS } from './route'
import { authenticateSession } from '../../flows/session/authenticate'
import { assertCsrfHeader } from '../../shared/auth/csrf'
import { env } from '../../shared/env'
import { NotFoundError } from '../../shared/errors'
import { logger } from '../../shared/logger'
import type { Action, HttpResult } from './action'
import { readBodyBytes } from './body'
import { compressResult } from './compress-response'
import { CORRELATION_HEADER, correlationIdOf } from './correlation'
import { assertThroughEdge } from './edge-origin'
import { httpErrorOf } from './data-errors'
import { errorResponse } from './error-response'
import { limitPublicRoute, limitStaff } from './rate-limit'
import { securityHeaders } from './security-headers'

/** Settles the request's correlation id once, on the event itself, so every later reader agrees. */
const correlation = (): MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error> => ({
  before: (request) => {
    const correlationId = correlationIdOf(request.event)
    request.event.headers = { ...request.event.headers, [CORRELATION_HEADER]: correlationId }
    logger.resetKeys()
    logger.appendKeys({ correlationId, routeKey: request.event.routeKey })
  },
})

/** How a resource answers an error: the contract's JSON by default; the HTML pages render their own. */
export type ErrorRenderer = (error: unknown, event: APIGatewayProxyEventV2) => HttpResult

export interface ResourceHandlerOptions {
  renderError?: ErrorRenderer
}

const contractErrors = (
  render: ErrorRenderer = errorResponse,
): MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error> => ({
  onError: (request) => {
    request.response = render(httpErrorOf(request.error), request.event)
  },
})

const responseHeaders = (): MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error> => {
  const decorate = (request: { event: APIGatewayProxyEventV2; response: HttpResult | null }) => {
    if (!request.response) return
    const correlationId = request.event.headers[CORRELATION_HEADER]
    request.response.headers = {
      ...securityHeaders(),
      ...request.response.headers,
      ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}),
    }
  }
  return { after: decorate, onError: decorate }
}

/** The route of the event and its action in this resource, when it has one here and may run on this stage. */
const routedAction = (
  resource: Resource,
  actions: Readonly<Record<string, Action>>,
  event: APIGatewayProxyEventV2,
): { route: Route; action: Action } | undefined => {
  const route = findRouteByKey(event.routeKey)
  const action = route && route.resource === resource ? actions[route.action] : undefined
  if (!route || !action || (route.stage === 'local' && env.stage() !== 'local')) return undefined
  return { route, action }
}

/**
 * Last on the way out, errors included: the bytes as they will cross the wire (ADR 0059).
 * Only a public action's answer may call itself public (the same bytes for everyone).
 */
const compression = (
  publicRoute: (event: APIGatewayProxyEventV2) => boolean,
): MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error> => {
  const compress = async (request: { event: APIGatewayProxyEventV2; response: HttpResult | null }) => {
    if (request.response)
      request.response = await compressResult(request.event, request.response, {
        publicAction: publicRoute(request.event),
      })
  }
  return { after: compress, onError: compress }
}

export const createResourceHandler = (
  resource: Resource,
  actions: Readonly<Record<string, Action>>,
  options: ResourceHandlerOptions = {},
) =>
  middy<APIGatewayProxyEventV2, HttpResult>()
    // The Lambda context on every line (cold start, request id); the correlation keys after it.
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlation())
    // Before responseHeaders: middy runs `after` and `onError` in reverse, so this runs last.
    .use(compression((event) => routedAction(resource, actions, event)?.action.auth === 'public'))
    .use(responseHeaders())
    .use(contractErrors(options.renderError))
    .handler(async (event) => {
      assertThroughEdge(event)
      const routed = routedAction(resource, actions, event)
      if (!routed) throw new NotFoundError('Alamat yang diminta tidak ada.')
      const { route, action } = routed
      // Set by the correlation middleware before the handler runs.
      const correlationId = event.headers[CORRELATION_HEADER] ?? ''
      const bodyBytes = readBodyBytes(event, route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
      const request = { event, route, correlationId, body: bodyBytes.toString('utf8'), bodyBytes }
      await limitPublicRoute(route, event)
      if (action.auth === 'public') return action.run(request)
      const { user, presented } = await authenticateSession(event)
      // The browser sends the cookie by itself; an API change made with it must prove it came from our pages.
      if (presented.via === 'cookie' && !SAFE_METHODS.has(route.method) && route.path.startsWith('/api/'))
        assertCsrfHeader(event)
      logger.appendKeys({ userId: user.id, role: user.role })
      await limitStaff(user)
      return action.run({ ...request, user })
    })
