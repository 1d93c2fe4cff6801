/**
 * The local stand-in for the API Gateway HTTP API: matches the request against the
 * route table (stage-local routes included), builds the payload-2.0 event and invokes
 * the resource's Lambda handler in process. Unmatched requests go to the `$default`
 * resource (the pages), which answers 404: JSON in the contract's shape under `/api`,
 * an HTML page elsewhere, as on AWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { defaultRouteResource, routes } from '../../../functions/http/routes'
import { logger } from '../../../functions/shared/logger'
import { asForeground } from '../foreground'
import { runAsFunction } from '../iam/function-context'
import { type AwsLimits, awsLimits } from '../limits/aws-limits'
import { invokeHttpLambda } from '../limits/invoke-http-lambda'
import { lambdaContext } from './lambda-context'
import { createRouteMatcher } from './match-route'
import { resourceHandlers } from './resource-handlers'
import { toApiGatewayEvent } from './to-event'
import { writeResult } from './write-result'

/** The local-only dev routes (clock advance settles whole workflows) get a job's time, not API Gateway's. */
const LOCAL_TOOL_TIMEOUT_MS = awsLimits.functionTimeoutMs.job

export const createGateway = (limits: AwsLimits = awsLimits) => {
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
    // Local-only routes are the platform's own tools, not a deployed function with a role or limits.
    const local = matched?.route.stage === 'local'
    const functionTimeoutMs = local ? LOCAL_TOOL_TIMEOUT_MS : limits.functionTimeoutMs.http
    const invoke = () => handler(event, lambdaContext(`tksk-${resource}`, functionTimeoutMs))
    const answer = () =>
      invokeHttpLambda({
        event,
        invoke: local ? invoke : () => runAsFunction(resource, invoke),
        functionTimeoutMs,
        integrationTimeoutMs: local ? LOCAL_TOOL_TIMEOUT_MS : limits.apiIntegrationTimeoutMs,
        limits,
        onFailure: (reason, error) =>
          logger.error(`${resource}: ${reason}`, { routeKey: event.routeKey, error: error as Error }),
      })
    // API answers go before background work (ADR 0042); the local tools wait on that work themselves.
    const result = await (local ? answer() : asForeground(answer))
    writeResult(response, result)
  }
}
