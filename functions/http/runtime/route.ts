/**
 * What a route is (the shape of one entry of the route table in `http/routes.ts`). The
 * resources' route files and the runtime import it from here, not from the table that
 * imports them.
 */
import type { ZodType } from 'zod'

export const resources = [
  'reference',
  'dev',
  'audit',
  'cases',
  'tasks',
  'links',
  'verval',
  'kpm',
  'pages',
  'admin',
  'registers',
] as const
export type Resource = (typeof resources)[number]

/** HEAD only where the edge lets viewers send it to a route: the assets (ADR 0059). */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * The methods that change nothing (RFC 9110 §9.2.1): no CSRF proof is asked of them, and a
 * page asked for without a session may send the browser to the login. HEAD is GET without
 * the body: whatever holds for one holds for the other.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'HEAD'])

export interface Route {
  method: HttpMethod
  /** API Gateway path syntax: `/api/cases/{caseId}`. */
  path: string
  resource: Resource
  /** Key of the action in the resource's `actions` map. */
  action: string
  /** `local`: only served by the local platform (`STAGE=local`); never deployed. */
  stage?: 'local'
  /**
   * `public`: limited per client IP with `RATE_LIMIT_PER_MINUTE` (intake, status, link
   * POSTs). Staff actions are always limited per user with their own, higher budget.
   */
  rateLimit?: 'public'
  /**
   * Public routes naming the same budget share one counter per client IP (ADR 0011: the
   * status page and the status API are one budget); otherwise each route has its own.
   */
  rateBudget?: string
  /** Largest accepted body in bytes (decoded); 64 KiB when absent. */
  maxBodyBytes?: number
  /** What `GET /api/openapi.json` says of the route; the schemas are the ones the action parses with. */
  doc: { summary: string; query?: ZodType; body?: ZodType }
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`
