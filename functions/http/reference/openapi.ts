import { env } from '../../shared/env'
import { publicAction } from '../runtime/action'
import { json } from '../runtime/responses'
import { buildOpenApiDocument } from '../openapi-document'

let cached: unknown

export const openapi = publicAction(async () => {
  cached ??= buildOpenApiDocument({ includeLocalRoutes: env.stage() === 'local' })
  return json(200, cached, { 'cache-control': 'public, max-age=300' })
})
