/**
 * The local stand-in for the API Gateway HTTP API: matches the request against the
 * route table (stage-local routes included), builds the payload-2.0 event and invokes
 * the resource's Lambda handler in process. Unmatched requests go to the `$default`
 * resource (the pages), which answers 404: JSON in the contract's shape under `/api`,
 * an HTML page elsewhere, as on AWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { defaultRouteResource, routes } from '../../../functions/http/routes'
import { runAsFunction } from '../iam/function-context'
import { lambdaContext } from './lambda-context'
import { createRouteMatcher } from './match-route'
import { resourceHandlers } from './resource-handlers'
import { toApiGatewayEvent } from './to-event'
import { writeResult } from './write-result'

export const createGateway = () => {
  const match = createRouteMatcher(routes)
  return async (request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const matched = match((request.method ?? 'GET').toUpperCase(), url.pathname)
    const resource = matched?.route.resource ?? defaultRouteResource
    const event = toApiGatewayEvent({
      request,
      body,
      routeKey: matched?.routeKey ?? '$default',
      ...(matched ? { pathParameters: matched.pathParameters } : {}),
    })
    const { handler } = await resourceHandlers[resource]()
    // API Gateway's 29 s; the local-only dev routes (clock advance settles whole workflows) get 15 min.
    const timeoutMs = matched?.route.stage === 'local' ? 15 * 60_000 : 29_000
    const invoke = () => handler(event, lambdaContext(`tksk-${resource}`, timeoutMs))
    // Local-only routes are the platform's own tools, not a deployed function with a role.
    const local = matched?.route.stage === 'local'
    writeResult(response, await (local ? invoke() : runAsFunction(resource, invoke)))
  }
}
