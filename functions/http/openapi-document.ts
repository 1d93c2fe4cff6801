/**
 * `GET /api/openapi.json`, generated from the route table and the zod schemas the
 * actions parse with, so the document cannot drift from what the API accepts.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { type Route, routes } from './routes'
import type { HttpMethod } from './runtime/route'

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' })

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
})

/** Every method of the route table, checked by the compiler: HEAD is documented as `head`. */
const OPENAPI_METHODS = {
  GET: 'get',
  HEAD: 'head',
  POST: 'post',
  PUT: 'put',
  PATCH: 'patch',
  DELETE: 'delete',
} as const satisfies Record<HttpMethod, RouteConfig['method']>

const registerRoute = (registry: OpenAPIRegistry, route: Route): void => {
  registry.registerPath({
    method: OPENAPI_METHODS[route.method],
    path: route.path,
    summary: route.doc.summary,
    tags: [route.resource],
    request: {
      ...(route.doc.query ? { query: route.doc.query as z.ZodObject } : {}),
      ...(route.doc.body
        ? { body: { required: true, content: { 'application/json': { schema: route.doc.body } } } }
        : {}),
    },
    responses: {
      200: { description: 'OK' },
      400: errorResponse('Invalid input, with the path of each field'),
      500: errorResponse('Unexpected failure; nothing internal is shown'),
    },
  })
}

export const buildOpenApiDocument = (options: { includeLocalRoutes: boolean; serverUrl?: string }) => {
  const registry = new OpenAPIRegistry()
  for (const route of routes) {
    if (route.stage === 'local' && !options.includeLocalRoutes) continue
    registerRoute(registry, route)
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'tksk-flow',
      version: '1.0.0',
      description:
        'Layanan kasus dan verval Dinas Sosial. Errors follow one shape: {error:{code,message,details}}.',
    },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
  })
}
