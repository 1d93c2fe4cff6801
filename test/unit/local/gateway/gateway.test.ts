import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { Route } from '../../../../functions/http/routes'
import { createRouteMatcher } from '../../../../infra/local/gateway/match-route'
import { toApiGatewayEvent } from '../../../../infra/local/gateway/to-event'

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  resource: 'reference',
  action: path,
  doc: { summary: path },
})

const request = (method: string, url: string, headers: Record<string, string | string[]>) => {
  const message = new IncomingMessage(new Socket())
  message.method = method
  message.url = url
  message.headers = headers as IncomingMessage['headers']
  message.httpVersion = '1.1'
  return message
}

describe('route matching', () => {
  const match = createRouteMatcher([
    route('GET', '/api/cases/{caseId}'),
    route('GET', '/api/cases/status'),
    route('POST', '/t/{linkId}'),
    route('GET', '/files/{path+}'),
  ])

  it('prefers an exact path over a parameter, as API Gateway does', () => {
    expect(match('GET', '/api/cases/status')?.routeKey).toBe('GET /api/cases/status')
    expect(match('GET', '/api/cases/01J9')).toMatchObject({
      routeKey: 'GET /api/cases/{caseId}',
      pathParameters: { caseId: '01J9' },
    })
  })

  it('matches the method, one segment per parameter, and greedy parameters', () => {
    expect(match('GET', '/t/abc')).toBeUndefined()
    expect(match('GET', '/api/cases/a/b')).toBeUndefined()
    expect(match('GET', '/files/a/b/c.csv')?.pathParameters).toEqual({ path: 'a/b/c.csv' })
  })
})

describe('the API Gateway v2 event', () => {
  it('carries lower-case headers, cookies, joined query values and path parameters', () => {
    const event = toApiGatewayEvent({
      request: request('GET', '/api/cases?status=ASSESSMENT&status=REFERRAL&area=32.01', {
        'x-custom': ['a', 'b'],
        cookie: 'session=abc; theme=dark',
        'user-agent': 'HP Android',
      }),
      body: Buffer.alloc(0),
      routeKey: 'GET /api/cases',
      pathParameters: {},
    })
    expect(event.headers['x-custom']).toBe('a,b')
    expect(event.headers.cookie).toBeUndefined()
    expect(event.cookies).toEqual(['session=abc', 'theme=dark'])
    expect(event.queryStringParameters).toEqual({ status: 'ASSESSMENT,REFERRAL', area: '32.01' })
    expect(event.rawQueryString).toBe('status=ASSESSMENT&status=REFERRAL&area=32.01')
    expect(event.requestContext.http).toMatchObject({
      method: 'GET',
      path: '/api/cases',
      userAgent: 'HP Android',
    })
  })

  it('passes text bodies as they are and binary bodies base64-encoded', () => {
    const text = toApiGatewayEvent({
      request: request('POST', '/api/cases', { 'content-type': 'application/json' }),
      body: Buffer.from('{"a":"é"}'),
      routeKey: 'POST /api/cases',
    })
    expect(text).toMatchObject({ body: '{"a":"é"}', isBase64Encoded: false })
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff])
    const binary = toApiGatewayEvent({
      request: request('POST', '/api/verval', {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      body: xlsx,
      routeKey: 'POST /api/verval',
    })
    expect(binary.isBase64Encoded).toBe(true)
    expect(Buffer.from(binary.body ?? '', 'base64')).toEqual(xlsx)
  })
})

describe('a mangled link', () => {
  it('matches no route, so it is answered by the 404 of $default instead of a 500', () => {
    const match = createRouteMatcher([route('POST', '/t/{linkId}')])
    expect(match('POST', '/t/%E0%A4%A')).toBeUndefined()
    expect(match('POST', '/t/abc%20def')?.pathParameters).toEqual({ linkId: 'abc def' })
  })
})
