/**
 * The platform's one port: a request's body is read within API Gateway's payload limit, a
 * request is answered 503 while the platform starts, then sent to the local AWS endpoints
 * under `/__aws` or to the HTTP routes.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { AppError, errorBody, internalErrorBody, isAppError } from '../../functions/shared/errors'
import { logger } from '../../functions/shared/logger'
import { AWS_PREFIX } from './aws-endpoint'
import { writeResult } from './gateway/write-result'
import type { AwsLimits } from './limits/aws-limits'
import { REQUEST_TOO_LARGE } from './limits/invoke-http-lambda'

/** Past API Gateway's own payload limit (routes apply their smaller ones): it answers, not a Lambda. */
class OverGatewayLimit extends Error {}

const readRequestBody = async (request: IncomingMessage, maxBytes: number): Promise<Buffer> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > maxBytes) throw new OverGatewayLimit()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

export const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      resolveListen(typeof address === 'object' && address ? address.port : port)
    })
  })

export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolveClose) => {
    server.close(() => resolveClose())
    server.closeAllConnections()
  })

export type RequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
) => Promise<void>

const sendError = (response: ServerResponse, error: unknown): void => {
  if (error instanceof OverGatewayLimit) {
    // The rest of the body is not read: the connection cannot be reused.
    writeResult(response, {
      ...REQUEST_TOO_LARGE,
      headers: { ...REQUEST_TOO_LARGE.headers, connection: 'close' },
    })
    return
  }
  const known = isAppError(error)
  if (!known) logger.error('local platform failed a request', { error: error as Error })
  if (response.headersSent) {
    response.destroy()
    return
  }
  response.writeHead(known ? error.status : 500, {
    'content-type': 'application/json',
    ...(known ? error.headers : {}),
  })
  response.end(JSON.stringify(known ? errorBody(error) : internalErrorBody()))
}

/**
 * Requests that arrive while the platform is still starting get a 503 in the contract's
 * shape (so a script polling `/api/health` gets an answer instead of hanging).
 */
export const serve = (server: Server, current: () => RequestHandler | undefined, limits: AwsLimits): void => {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const handle = async () => {
      const body = await readRequestBody(request, limits.apiMaxRequestBytes)
      const handler = current()
      if (!handler) throw new AppError(503, 'INTERNAL', 'Layanan sedang dimulai.', [], { 'retry-after': '1' })
      await handler(request, response, body)
    }
    handle().catch((error: unknown) => sendError(response, error))
  })
}

/** `/__aws` and below go to the local AWS endpoints, every other path to the HTTP routes. */
export const dispatchRequest =
  (aws: RequestHandler, gateway: RequestHandler): RequestHandler =>
  async (request, response, body) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    if (path === AWS_PREFIX || path.startsWith(`${AWS_PREFIX}/`)) await aws(request, response, body)
    else await gateway(request, response, body)
  }
