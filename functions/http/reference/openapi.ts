import { env } from '../../shared/env'
import { publicAction } from '../../shared/http/action'
import { json } from '../../shared/http/responses'
import { buildOpenApiDocument } from '../openapi-document'

let cached: unknown

export const openapi = publicAction(async () => {
  cached ??= buildOpenApiDocument({ includeLocalRoutes: env.stage() === 'local' })
  return json(200, cached, { 'cache-control': 'public, max-age=300' })
})
