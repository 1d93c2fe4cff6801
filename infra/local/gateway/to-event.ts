/**
 * A Node HTTP request as the API Gateway HTTP API (payload 2.0) hands it to Lambda:
 * lower-case headers joined with commas, cookies split out, repeated query values joined
 * with commas, binary bodies base64-encoded.
 */
import type { IncomingMessage } from 'node:http'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { ulid } from 'ulid'
import { nowMs } from '../../../functions/shared/clock'

const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|[a-z.+-]+\+json))/i

export const isTextBody = (contentType: string | undefined): boolean =>
  !contentType || TEXT_TYPES.test(contentType)

export interface EventInput {
  request: IncomingMessage
  body: Buffer
  routeKey: string
  pathParameters?: Record<string, string>
}

const joinedHeaders = (request: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value
  }
  return headers
}

const cookiesOf = (request: IncomingMessage): string[] | undefined => {
  const header = request.headers.cookie
  if (!header) return undefined
  return header
    .split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean)
}

const queryOf = (search: URLSearchParams): Record<string, string> | undefined => {
  const query: Record<string, string> = {}
  for (const key of new Set(search.keys())) query[key] = search.getAll(key).join(',')
  return Object.keys(query).length > 0 ? query : undefined
}

export const toApiGatewayEvent = ({
  request,
  body,
  routeKey,
  pathParameters,
}: EventInput): APIGatewayProxyEventV2 => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const headers = joinedHeaders(request)
  const method = (request.method ?? 'GET').toUpperCase()
  const textBody = isTextBody(headers['content-type'])
  const timeEpoch = nowMs()
  const cookies = cookiesOf(request)
  const queryStringParameters = queryOf(url.searchParams)
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies ? { cookies } : {}),
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(pathParameters && Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: ulid(),
      routeKey,
      stage: '$default',
      time: new Date(timeEpoch).toISOString(),
      timeEpoch,
    },
    ...(body.byteLength > 0
      ? { body: textBody ? body.toString('utf8') : body.toString('base64'), isBase64Encoded: !textBody }
      : { isBase64Encoded: false }),
  }
}
