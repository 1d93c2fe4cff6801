/**
 * Requests on AWS arrive through CloudFront and its WAF (ADR 0012). CloudFront adds a
 * secret header to each; a request without it came to the API's execute-api URL
 * directly, around the WAF, and is refused. Behind CloudFront the connection's address
 * is CloudFront's, so the client is read from `CloudFront-Viewer-Address`, which is
 * trusted only on a request that carried the secret (a client could set it otherwise).
 * Locally there is no edge: no secret is configured and the socket's address counts.
 */
import { timingSafeEqual } from 'node:crypto'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { env } from '../../shared/env'
import { ForbiddenError } from '../../shared/errors'

export const EDGE_SECRET_HEADER = 'x-tksk-edge'
const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address'

const sameSecret = (given: string | undefined, expected: string): boolean => {
  const a = Buffer.from(given ?? '', 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Refuses (403) a request that did not come through the edge, when an edge is configured. */
export const assertThroughEdge = (event: APIGatewayProxyEventV2): void => {
  const secret = env.edgeOriginSecret()
  if (secret && !sameSecret(event.headers[EDGE_SECRET_HEADER], secret))
    throw new ForbiddenError('Akses hanya melalui alamat resmi layanan.')
}

/** `203.0.113.7:51234` or `2001:db8::7:51234` → the address without its port. */
const withoutPort = (address: string): string => address.slice(0, Math.max(address.lastIndexOf(':'), 0))

/** The client's IP address: the viewer's behind the edge, the connection's otherwise. */
export const clientIpOf = (event: APIGatewayProxyEventV2): string => {
  const viewer = event.headers[VIEWER_ADDRESS_HEADER]
  if (env.edgeOriginSecret() && viewer && withoutPort(viewer) !== '') return withoutPort(viewer)
  return event.requestContext.http.sourceIp
}
