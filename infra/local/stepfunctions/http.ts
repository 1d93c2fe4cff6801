/**
 * The Step Functions endpoint over HTTP, as `@aws-sdk/client-sfn` speaks to it (AWS JSON
 * 1.0: POST with `X-Amz-Target: AWSStepFunctions.<Operation>`). The dev server routes
 * `POST /__aws/` requests with such a target here.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalStepFunctions } from './service'

const CONTENT_TYPE = 'application/x-amz-json-1.0'

const answer = (res: ServerResponse, status: number, body: unknown): void => {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
  })
  res.end(payload)
}

export const sfnHttpHandler =
  (service: LocalStepFunctions) =>
  async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const target = req.headers['x-amz-target']
    let parsed: unknown
    try {
      parsed = body.trim() === '' ? {} : JSON.parse(body)
    } catch {
      answer(res, 400, { __type: 'SerializationException', message: 'request body is not JSON' })
      return
    }
    const { status, body: responseBody } = await service.handle(
      typeof target === 'string' ? target : '',
      parsed,
    )
    answer(res, status, responseBody)
  }
