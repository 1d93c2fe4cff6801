/**
 * The HTTP routes of the system, as data. The CDK HttpApi (infra/stacks/app-stack.ts)
 * and the local gateway (infra/local/gateway/) are both built from this table, and each
 * resource Lambda dispatches an event's `routeKey` to the action named here.
 */
import { adminRoutes } from './admin/routes'
import { auditExportBodySchema, auditListQuerySchema, auditVerifyQuerySchema } from './audit/schemas'
import { bansosRoutes } from './bansos/routes'
import { caseRoutes } from './case-routes'
import { clockAdvanceSchema, devLoginSchema, outboxQuerySchema } from './dev/schemas'
import { pageRoutes } from './pages/page-routes'
import { areasQuerySchema } from './reference/schemas'
import { registerRoutes } from './registers/routes'
import { type Resource, type Route, routeKey } from './runtime/route'
import { vervalRoutes } from './verval/routes'
import { desaPartRoutes } from './verval/desa-routes'
import { beritaAcaraRoutes } from './verval/berita-acara-routes'

export {
  DEFAULT_MAX_BODY_BYTES,
  type HttpMethod,
  type Resource,
  resources,
  type Route,
  routeKey,
} from './runtime/route'

export const routes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/health',
    resource: 'reference',
    action: 'health',
    doc: { summary: 'Liveness: ok once the tables answer' },
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    resource: 'reference',
    action: 'openapi',
    doc: { summary: 'This API as OpenAPI 3.1' },
  },
  {
    method: 'GET',
    path: '/api/reference/areas',
    resource: 'reference',
    action: 'areas',
    doc: { summary: 'Kemendagri areas below a parent code (provinces when absent)', query: areasQuerySchema },
  },
  {
    method: 'GET',
    path: '/api/reference/categories',
    resource: 'reference',
    action: 'categories',
    doc: { summary: 'PPKS categories and services with their Indonesian labels' },
  },
  {
    method: 'POST',
    path: '/api/dev/login',
    resource: 'dev',
    action: 'login',
    stage: 'local',
    doc: { summary: 'Local only: a token (and session cookie) for a seeded user', body: devLoginSchema },
  },
  {
    method: 'GET',
    path: '/api/dev/outbox',
    resource: 'dev',
    action: 'outbox',
    stage: 'local',
    doc: { summary: 'Local only: mails sent, newest first', query: outboxQuerySchema },
  },
  {
    method: 'POST',
    path: '/api/dev/clock/advance',
    resource: 'dev',
    action: 'advanceClock',
    stage: 'local',
    doc: {
      summary: 'Local only: moves the project clock and fires what became due',
      body: clockAdvanceSchema,
    },
  },
  // Audit (DESIGN §4, §5): review, verify and export; auditor and admin, in their scope.
  {
    method: 'GET',
    path: '/api/audit',
    resource: 'audit',
    action: 'list',
    doc: {
      summary: "Audit entries in the caller's scope, by entity, actor or area and time",
      query: auditListQuerySchema,
    },
  },
  {
    method: 'GET',
    path: '/api/audit/verify',
    resource: 'audit',
    action: 'verify',
    doc: {
      summary: "Recomputes an entity's audit chain and checks it against its anchor",
      query: auditVerifyQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/audit/export',
    resource: 'audit',
    action: 'export',
    doc: {
      summary: 'Audit entries as CSV (UTF-8 with BOM); the export is itself audited (AUDIT_EXPORT)',
      body: auditExportBodySchema,
    },
  },
  {
    method: 'GET',
    path: '/api/audit/export',
    resource: 'audit',
    action: 'exportByGet',
    doc: { summary: 'Retired: answers 400 telling to use POST; exports nothing (ADR 0011)' },
  },
  ...caseRoutes,
  ...vervalRoutes,
  ...pageRoutes,
  ...adminRoutes,
  ...registerRoutes,
  ...bansosRoutes,
  ...desaPartRoutes,
  ...beritaAcaraRoutes,
]

/**
 * The resource whose Lambda answers `$default` (unknown paths): the pages, so a person
 * who mistypes an address gets an HTML 404 with a link home, while `/api/…` keeps the
 * contract's JSON 404 (see `renderPageError`).
 */
export const defaultRouteResource: Resource = 'pages'

export const deployedRoutes = (): Route[] => routes.filter((route) => route.stage !== 'local')

export const findRouteByKey = (key: string): Route | undefined =>
  routes.find((route) => routeKey(route) === key)
