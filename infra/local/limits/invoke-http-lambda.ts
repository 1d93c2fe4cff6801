/**
 * How API Gateway (HTTP API, payload 2.0) invokes a Lambda and what the client gets when
 * a limit is hit: the gateway's own answers, not the application's error shape.
 * - the event (body base64-encoded when binary) over Lambda's 6 MB → 413;
 * - no answer within the integration timeout → 503 `{"message":"Service Unavailable"}`;
 * - the function past its own (shorter) timeout, failing, or answering over 6 MB → 500
 *   `{"message":"Internal Server Error"}`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda'
import { type AwsLimits, FunctionTimedOutError, jsonBytes, withinTimeout } from './aws-limits'

type GatewayAnswer = { statusCode: number; headers: Record<string, string>; body: string }

const gatewayAnswer = (statusCode: number, message: string): GatewayAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message }),
})

export const REQUEST_TOO_LARGE = gatewayAnswer(413, 'Request Entity Too Large')
export const SERVICE_UNAVAILABLE = gatewayAnswer(503, 'Service Unavailable')
export const INTERNAL_SERVER_ERROR = gatewayAnswer(500, 'Internal Server Error')

class IntegrationTimeout extends Error {}

export interface HttpInvocation {
  event: APIGatewayProxyEventV2
  invoke: () => Promise<APIGatewayProxyResultV2>
  /** The function's configured timeout. */
  functionTimeoutMs: number
  /** The integration's timeout (API Gateway's 29 s; longer for local-only tools). */
  integrationTimeoutMs: number
  limits: Pick<AwsLimits, 'lambdaMaxSyncPayloadBytes'>
  /** Told about a failure that the client sees only as the gateway's answer. */
  onFailure?: (reason: string, error?: unknown) => void
}

export const invokeHttpLambda = async (call: HttpInvocation): Promise<APIGatewayProxyResultV2> => {
  if (jsonBytes(call.event) > call.limits.lambdaMaxSyncPayloadBytes) {
    call.onFailure?.('Lambda request payload over the synchronous limit')
    return REQUEST_TOO_LARGE
  }
  let timer: NodeJS.Timeout | undefined
  const integrationExpired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new IntegrationTimeout()), call.integrationTimeoutMs)
  })
  let result: APIGatewayProxyResultV2
  try {
    result = await Promise.race([withinTimeout(call.invoke(), call.functionTimeoutMs), integrationExpired])
  } catch (error) {
    if (error instanceof IntegrationTimeout) {
      call.onFailure?.('integration timed out')
      return SERVICE_UNAVAILABLE
    }
    call.onFailure?.(error instanceof FunctionTimedOutError ? 'function timed out' : 'function failed', error)
    return INTERNAL_SERVER_ERROR
  } finally {
    clearTimeout(timer)
  }
  if (jsonBytes(result) > call.limits.lambdaMaxSyncPayloadBytes) {
    call.onFailure?.('Lambda response payload over the synchronous limit')
    return INTERNAL_SERVER_ERROR
  }
  return result
}
