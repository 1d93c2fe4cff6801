/**
 * What a client gets from the local gateway when a Lambda behind it hits an AWS limit:
 * API Gateway's own answers, with the limits the CDK app deploys.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import { functionTimeoutSeconds } from '../../../../infra/stacks/function-timeouts'
import { awsLimits, withinTimeout } from '../../../../infra/local/limits/aws-limits'
import { invokeHttpLambda } from '../../../../infra/local/limits/invoke-http-lambda'

const MiB = 1024 * 1024

const eventWithBody = (bytes: number, binary: boolean): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /api/verval',
    rawPath: '/api/verval',
    rawQueryString: '',
    headers: {},
    requestContext: {} as APIGatewayProxyEventV2['requestContext'],
    body: binary ? Buffer.alloc(bytes, 7).toString('base64') : 'x'.repeat(bytes),
    isBase64Encoded: binary,
  }) as APIGatewayProxyEventV2

const never = () => new Promise<APIGatewayProxyResultV2>(() => undefined)
const ok = async (): Promise<APIGatewayProxyResultV2> => ({ statusCode: 200, body: 'ok' })

const call = (overrides: Partial<Parameters<typeof invokeHttpLambda>[0]> = {}) =>
  invokeHttpLambda({
    event: eventWithBody(10, false),
    invoke: ok,
    functionTimeoutMs: awsLimits.functionTimeoutMs.http,
    integrationTimeoutMs: awsLimits.apiIntegrationTimeoutMs,
    limits: awsLimits,
    ...overrides,
  })

describe('the local gateway in front of a Lambda', () => {
  it('enforces AWS’s own limits and each function kind’s timeout as the CDK deploys it', () => {
    expect(awsLimits.apiIntegrationTimeoutMs).toBe(29_000)
    expect(awsLimits.apiMaxRequestBytes).toBe(10 * MiB)
    expect(awsLimits.lambdaMaxSyncPayloadBytes).toBe(6 * MiB)
    expect(awsLimits.stateMaxPayloadBytes).toBe(256 * 1024)
    expect(awsLimits.executionMaxHistoryEvents).toBe(25_000)
    for (const [kind, seconds] of Object.entries(functionTimeoutSeconds)) {
      expect(awsLimits.functionTimeoutMs[kind as keyof typeof functionTimeoutSeconds]).toBe(seconds * 1000)
    }
  })

  it('passes an answer within the limits through unchanged', async () => {
    expect(await call()).toEqual({ statusCode: 200, body: 'ok' })
  })

  it('refuses a 5 MiB binary body with 413: base64-encoded in the event it is over Lambda’s 6 MB', async () => {
    let invoked = false
    const answer = await call({
      event: eventWithBody(5 * MiB, true),
      invoke: async () => {
        invoked = true
        return { statusCode: 200 }
      },
    })
    expect(answer).toMatchObject({ statusCode: 413, body: '{"message":"Request Entity Too Large"}' })
    expect(invoked).toBe(false)
  })

  it('lets the same 5 MiB through as text, which is not encoded', async () => {
    expect(await call({ event: eventWithBody(5 * MiB, false) })).toMatchObject({ statusCode: 200 })
  })

  it('answers 503 Service Unavailable when the integration times out, as API Gateway does', async () => {
    const answer = await call({ invoke: never, integrationTimeoutMs: 5, functionTimeoutMs: 60_000 })
    expect(answer).toMatchObject({ statusCode: 503, body: '{"message":"Service Unavailable"}' })
  })

  it('answers 500 when the function runs past its own, shorter timeout', async () => {
    const answer = await call({ invoke: never, integrationTimeoutMs: 60_000, functionTimeoutMs: 5 })
    expect(answer).toMatchObject({ statusCode: 500, body: '{"message":"Internal Server Error"}' })
  })

  it('answers 500 when the function’s response is over Lambda’s 6 MB', async () => {
    const answer = await call({ invoke: async () => ({ statusCode: 200, body: 'x'.repeat(6 * MiB) }) })
    expect(answer).toMatchObject({ statusCode: 500, body: '{"message":"Internal Server Error"}' })
  })

  it('answers 500 when the function throws, without the error’s text', async () => {
    const answer = await call({
      invoke: async () => {
        throw new Error('secret detail')
      },
    })
    expect(answer).toMatchObject({ statusCode: 500, body: '{"message":"Internal Server Error"}' })
  })
})

describe('a function’s configured timeout', () => {
  it('fails the invocation as the Lambda runtime names it', async () => {
    await expect(withinTimeout(never(), 5)).rejects.toMatchObject({
      name: 'Sandbox.Timedout',
      message: 'Task timed out after 0.01 seconds',
    })
  })
})
