import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { ulid } from 'ulid'

export const CORRELATION_HEADER = 'x-correlation-id'
const ACCEPTED = /^[A-Za-z0-9._-]{8,64}$/

/** Keeps a caller's correlation id when it is sane, so a request can be followed across systems. */
export const correlationIdOf = (event: APIGatewayProxyEventV2): string => {
  const given = event.headers[CORRELATION_HEADER]
  return given && ACCEPTED.test(given) ? given : ulid()
}
