/**
 * The HTTP routes of the system, as data. The CDK HttpApi (infra/stacks/app-stack.ts)
 * and the local gateway (infra/local/gateway/) are both built from this table, and each
 * resource Lambda dispatches an event's `routeKey` to the action named here.
 */
export const resources = ['reference', 'dev'] as const
export type Resource = (typeof resources)[number]

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Route {
  method: HttpMethod
  /** API Gateway path syntax: `/api/cases/{caseId}`. */
  path: string
  resource: Resource
  /** Key of the action in the resource's `actions` map. */
  action: string
  /** `local`: only served by the local platform (`STAGE=local`); never deployed. */
  stage?: 'local'
  /** Largest accepted body in bytes (decoded); 64 KiB when absent. */
  maxBodyBytes?: number
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/api/health', resource: 'reference', action: 'health' },
  { method: 'GET', path: '/api/openapi.json', resource: 'reference', action: 'openapi' },
  { method: 'GET', path: '/api/reference/areas', resource: 'reference', action: 'areas' },
  { method: 'GET', path: '/api/reference/categories', resource: 'reference', action: 'categories' },
  { method: 'POST', path: '/api/dev/login', resource: 'dev', action: 'login', stage: 'local' },
  { method: 'GET', path: '/api/dev/outbox', resource: 'dev', action: 'outbox', stage: 'local' },
  { method: 'POST', path: '/api/dev/clock/advance', resource: 'dev', action: 'advanceClock', stage: 'local' },
]

/** The resource whose Lambda answers `$default` (unknown paths) with a 404 in the contract's shape. */
export const defaultRouteResource: Resource = 'reference'

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`

export const deployedRoutes = (): Route[] => routes.filter((route) => route.stage !== 'local')

export const findRouteByKey = (key: string): Route | undefined => routes.find((route) => routeKey(route) === key)
