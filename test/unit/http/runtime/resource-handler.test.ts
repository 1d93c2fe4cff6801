import { brotliDecompressSync } from 'node:zlib'
import type { Context } from 'aws-lambda'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ConflictError, ValidationError } from '../../../../functions/shared/errors'
import { publicAction } from '../../../../functions/http/runtime/action'
import { parseJsonBody } from '../../../../functions/http/runtime/parse'
import { createResourceHandler } from '../../../../functions/http/runtime/resource-handler'
import { json } from '../../../../functions/http/runtime/responses'
import { logger } from '../../../../functions/shared/logger'
import { apiEvent } from '../../../support/events'

const context = {} as Context
type Result = { statusCode: number; body: string; headers: Record<string, string> }
const call = async (handler: ReturnType<typeof createResourceHandler>, event: ReturnType<typeof apiEvent>) =>
  (await handler(event, context)) as Result

describe('the resource handler', () => {
  // The dev routes used as fixtures here only exist locally.
  beforeEach(() => {
    process.env.STAGE = 'local'
  })

  it('turns an unexpected error into a bare 500 INTERNAL that reveals nothing', async () => {
    const errorLog = vi.spyOn(logger, 'error').mockImplementation(() => undefined)
    const handler = createResourceHandler('reference', {
      health: publicAction(async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2')
      }),
    })
    const result = await call(handler, apiEvent({ routeKey: 'GET /api/health' }))
    expect(result.statusCode).toBe(500)
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(result.body).not.toMatch(/ECONNREFUSED|hunter2|stack/)
    expect(errorLog).toHaveBeenCalled()
    errorLog.mockRestore()
  })

  it('shows a domain error with its status and code', async () => {
    const handler = createResourceHandler('reference', {
      health: publicAction(async () => {
        throw new ConflictError('Sudah diputuskan.')
      }),
    })
    const result = await call(handler, apiEvent({ routeKey: 'GET /api/health' }))
    expect(result.statusCode).toBe(409)
    expect(JSON.parse(result.body)).toEqual({ error: { code: 'CONFLICT', message: 'Sudah diputuskan.' } })
  })

  it('reports every invalid field with its dotted path', async () => {
    const schema = z.strictObject({
      applicant: z.strictObject({
        nik: z.string().regex(/^\d{16}$/, 'NIK harus 16 angka.'),
        name: z.string(),
      }),
    })
    const handler = createResourceHandler('dev', {
      login: publicAction(async (request) => json(200, parseJsonBody(request, schema))),
    })
    const result = await call(
      handler,
      apiEvent({
        routeKey: 'POST /api/dev/login',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ applicant: { nik: '123', nama: 'Siti' } }),
      }),
    )
    expect(result.statusCode).toBe(400)
    const details = JSON.parse(result.body).error.details as { path: string }[]
    expect(details.map((d) => d.path).sort()).toEqual(['applicant.nama', 'applicant.name', 'applicant.nik'])
  })

  it('answers 404 for a route of another resource or an unknown route key', async () => {
    const handler = createResourceHandler('reference', { health: publicAction(async () => json(200, {})) })
    for (const routeKey of ['$default', 'POST /api/dev/login', 'GET /api/nothing']) {
      const result = await call(handler, apiEvent({ routeKey }))
      expect(result.statusCode).toBe(404)
      expect(JSON.parse(result.body).error.code).toBe('NOT_FOUND')
    }
  })

  it('hides local-only routes when not running locally', async () => {
    process.env.STAGE = 'aws'
    const handler = createResourceHandler('dev', { outbox: publicAction(async () => json(200, {})) })
    const result = await call(handler, apiEvent({ routeKey: 'GET /api/dev/outbox' }))
    expect(result.statusCode).toBe(404)
  })

  it('decodes base64 bodies and refuses them past the limit with 413', async () => {
    const handler = createResourceHandler('dev', {
      login: publicAction(async (request) => json(200, { length: request.body.length })),
    })
    const small = await call(
      handler,
      apiEvent({
        routeKey: 'POST /api/dev/login',
        body: Buffer.from('héllo').toString('base64'),
        isBase64Encoded: true,
      }),
    )
    expect(JSON.parse(small.body)).toEqual({ length: 5 })
    const big = await call(
      handler,
      apiEvent({
        routeKey: 'POST /api/dev/login',
        body: Buffer.alloc(65 * 1024).toString('base64'),
        isBase64Encoded: true,
      }),
    )
    expect(big.statusCode).toBe(413)
  })

  it('hands binary uploads to the action byte for byte', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80])
    const handler = createResourceHandler('dev', {
      login: publicAction(async (request) => json(200, { hex: request.bodyBytes.toString('hex') })),
    })
    const result = await call(
      handler,
      apiEvent({ routeKey: 'POST /api/dev/login', body: xlsx.toString('base64'), isBase64Encoded: true }),
    )
    expect(JSON.parse(result.body)).toEqual({ hex: xlsx.toString('hex') })
  })

  it('compresses every route’s answer last, errors included, with the security headers kept', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ taskId: `01JTASK${i}`, status: 'OPEN' }))
    const handler = createResourceHandler('reference', {
      health: publicAction(async () => json(200, { items })),
    })
    const headers = { 'accept-encoding': 'gzip, br', 'sec-fetch-site': 'same-origin' }
    const answer = (await handler(apiEvent({ routeKey: 'GET /api/health', headers }), context)) as Result & {
      isBase64Encoded?: boolean
    }
    expect(answer.headers).toMatchObject({ 'content-encoding': 'br', 'x-content-type-options': 'nosniff' })
    expect(answer.isBase64Encoded).toBe(true)
    expect(JSON.parse(brotliDecompressSync(Buffer.from(answer.body, 'base64')).toString())).toEqual({ items })
    const failing = createResourceHandler('reference', {
      health: publicAction(async () => {
        throw new ValidationError(items.map((item) => ({ path: item.taskId, message: 'Tidak sah.' })))
      }),
    })
    const refused = await call(failing, apiEvent({ routeKey: 'GET /api/health', headers }))
    expect(refused.statusCode).toBe(400)
    expect(refused.headers).toMatchObject({ 'content-encoding': 'br', vary: 'accept-encoding' })
  })

  it('puts the security headers and the correlation id on errors too', async () => {
    const handler = createResourceHandler('reference', {})
    const result = await call(handler, apiEvent({ routeKey: '$default' }))
    expect(result.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-correlation-id': expect.stringMatching(/^[0-9A-Z]{26}$/),
    })
    expect(result.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })
  it('lets a resource render its own error responses (the HTML pages), with the security headers', async () => {
    const seen: string[] = []
    const handler = createResourceHandler(
      'reference',
      {
        health: publicAction(async () => {
          throw new ConflictError('Sudah diputuskan.')
        }),
      },
      {
        renderError: (error, event) => {
          seen.push(event.routeKey)
          return {
            statusCode: 409,
            headers: { 'content-type': 'text/html' },
            body: `<p>${(error as Error).message}</p>`,
          }
        },
      },
    )
    const result = await call(handler, apiEvent({ routeKey: 'GET /api/health' }))
    expect(result.statusCode).toBe(409)
    expect(result.body).toBe('<p>Sudah diputuskan.</p>')
    expect(result.headers['x-content-type-options']).toBe('nosniff')
    expect(seen).toEqual(['GET /api/health'])
  })
})
