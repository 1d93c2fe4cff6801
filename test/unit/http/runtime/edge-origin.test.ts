import type { Context } from 'aws-lambda'
import { afterEach, describe, expect, it } from 'vitest'
import { ForbiddenError } from '../../../../functions/shared/errors'
import { publicAction } from '../../../../functions/http/runtime/action'
import {
  assertThroughEdge,
  clientIpOf,
  EDGE_SECRET_HEADER,
} from '../../../../functions/http/runtime/edge-origin'
import { createResourceHandler } from '../../../../functions/http/runtime/resource-handler'
import { json } from '../../../../functions/http/runtime/responses'
import { apiEvent } from '../../../support/events'

const SECRET = 'k3QvX9bT2mW8pL4nR7sY1cF6hJ0dG5aZ'
const fromCloudFront = (headers: Record<string, string>) =>
  apiEvent({
    routeKey: 'POST /api/cases',
    headers,
    requestContext: {
      ...apiEvent({ routeKey: 'POST /api/cases' }).requestContext,
      http: {
        method: 'POST',
        path: '/api/cases',
        protocol: 'HTTP/1.1',
        sourceIp: '130.176.0.1',
        userAgent: 'x',
      },
    },
  })

afterEach(() => {
  delete process.env.EDGE_ORIGIN_SECRET
})

describe('requests on AWS come through CloudFront and its WAF', () => {
  it('a request to the execute-api URL directly, around the WAF, is refused', () => {
    process.env.EDGE_ORIGIN_SECRET = SECRET
    expect(() => assertThroughEdge(fromCloudFront({}))).toThrow(ForbiddenError)
    expect(() => assertThroughEdge(fromCloudFront({ [EDGE_SECRET_HEADER]: `${SECRET}x` }))).toThrow(
      ForbiddenError,
    )
    expect(() => assertThroughEdge(fromCloudFront({ [EDGE_SECRET_HEADER]: SECRET }))).not.toThrow()
  })

  it('the rate limits count the resident behind CloudFront, not CloudFront’s own address', () => {
    process.env.EDGE_ORIGIN_SECRET = SECRET
    const ipv4 = fromCloudFront({
      [EDGE_SECRET_HEADER]: SECRET,
      'cloudfront-viewer-address': '203.0.113.7:51234',
    })
    expect(clientIpOf(ipv4)).toBe('203.0.113.7')
    const ipv6 = fromCloudFront({
      [EDGE_SECRET_HEADER]: SECRET,
      'cloudfront-viewer-address': '2001:db8::7:443',
    })
    expect(clientIpOf(ipv6)).toBe('2001:db8::7')
  })

  it('without an edge (locally) a forged viewer address is ignored: the connection’s address counts', () => {
    const forged = fromCloudFront({ 'cloudfront-viewer-address': '198.51.100.1:1' })
    expect(() => assertThroughEdge(forged)).not.toThrow()
    expect(clientIpOf(forged)).toBe('130.176.0.1')
  })

  it('the handler answers a bypassing request 403 in the contract’s shape before routing it', async () => {
    process.env.EDGE_ORIGIN_SECRET = SECRET
    let ran = false
    const handler = createResourceHandler('reference', {
      health: publicAction(async () => {
        ran = true
        return json(200, { status: 'ok' })
      }),
    })
    const result = (await handler(apiEvent({ routeKey: 'GET /api/health' }), {} as Context)) as {
      statusCode: number
      body: string
    }
    expect(result.statusCode).toBe(403)
    expect(JSON.parse(result.body).error.code).toBe('FORBIDDEN')
    expect(ran).toBe(false)
  })
})
