import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../../../../functions/http/openapi-document'
import { renderPageError } from '../../../../functions/http/runtime/error-page'
import { rateBucketOf } from '../../../../functions/http/runtime/rate-limit'
import { SAFE_METHODS } from '../../../../functions/http/runtime/route'
import { UnauthenticatedError } from '../../../../functions/shared/errors'
import { apiEvent } from '../../../support/events'

describe('HEAD is GET without the body', () => {
  it('is safe, as GET is, and nothing that changes state is', () => {
    expect([...SAFE_METHODS].sort()).toEqual(['GET', 'HEAD'])
  })

  it('sends a HEAD of a staff page without a session to the login, as a GET; a POST gets the error page', () => {
    for (const method of ['GET', 'HEAD']) {
      const result = renderPageError(
        new UnauthenticatedError(),
        apiEvent({ routeKey: `${method} /staff/tasks`, rawQueryString: 'status=OPEN' }),
      )
      expect(result).toMatchObject({
        statusCode: 303,
        headers: { location: `/login?next=${encodeURIComponent('/staff/tasks?status=OPEN')}` },
      })
    }
    const post = renderPageError(new UnauthenticatedError(), apiEvent({ routeKey: 'POST /staff/tasks' }))
    expect(post.statusCode).toBe(401)
  })

  it('draws a HEAD from the GET’s rate budget, not one of its own', () => {
    const path = '/assets/{name}'
    expect(rateBucketOf({ method: 'HEAD', path })).toBe(rateBucketOf({ method: 'GET', path }))
    expect(rateBucketOf({ method: 'POST', path })).not.toBe(rateBucketOf({ method: 'GET', path }))
    expect(rateBucketOf({ method: 'HEAD', path, rateBudget: 'status' })).toBe('budget:status')
  })

  it('documents a HEAD route as `head` in the OpenAPI document', () => {
    const document = buildOpenApiDocument({ includeLocalRoutes: false })
    expect(Object.keys(document.paths?.['/assets/{name}'] ?? {}).sort()).toEqual(['get', 'head'])
  })
})
