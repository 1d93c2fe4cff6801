/**
 * Every staff endpoint of DESIGN §4 is authorized by `can` (issue 5): this walks the
 * route table, so a new API route cannot ship without saying who may call it. For each
 * staff route it names the policy actions and the file that asks `can`/`roleMay` for
 * them, checks those actions are in the policy (whose every role × action × scope cell
 * the can table test covers), checks the file really asks, and checks the deployed
 * handler refuses the route without a token (401 before any data is read).
 */
import { readFileSync } from 'node:fs'
import type { Context } from 'aws-lambda'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACTIONS, type Action } from '../../../functions/core/authorization/can'
import { routeKey, routes } from '../../../functions/http/routes'
import { apiEvent } from '../../support/events'

interface StaffEndpoint {
  can: readonly Action[]
  /** Where the check is made (the action itself, or the helper it calls first). */
  where: string
}

/** Staff API endpoints: the policy actions each one asks for, and where. */
const STAFF: Readonly<Record<string, StaffEndpoint>> = {
  'POST /api/cases/field': { can: ['case:create'], where: 'functions/http/cases/intake.ts' },
  'GET /api/cases': { can: ['case:list'], where: 'functions/http/cases/list.ts' },
  'GET /api/cases/{caseId}': {
    can: ['case:read', 'case:accessCode'],
    where: 'functions/http/cases/detail.ts',
  },
  'POST /api/cases/{caseId}/reveal': {
    can: ['case:read', 'case:reveal', 'case:accessCode'],
    where: 'functions/http/cases/detail.ts',
  },
  'POST /api/cases/{caseId}/withdraw': { can: ['case:withdraw'], where: 'functions/http/cases/withdraw.ts' },
  'POST /api/cases/{caseId}/pendampingan': {
    can: ['case:followUp'],
    where: 'functions/http/cases/pendampingan.ts',
  },
  'POST /api/cases/{caseId}/sms-opt-out': {
    can: ['case:sms-opt-out'],
    where: 'functions/http/cases/sms-opt-out.ts',
  },
  // Workflows halted on a failed step (issue 17, ADR 0025) and their retry.
  'GET /api/attention': { can: ['workflow:attention'], where: 'functions/flows/attention/list-attention.ts' },
  'POST /api/cases/{caseId}/retry': {
    can: ['workflow:retry'],
    where: 'functions/flows/attention/retry-workflow.ts',
  },
  'POST /api/verval/{batchId}/retry': {
    can: ['workflow:retry'],
    where: 'functions/flows/attention/retry-workflow.ts',
  },
  'POST /api/laporan/{kecamatan}/{month}/retry': {
    can: ['workflow:retry'],
    where: 'functions/flows/attention/retry-workflow.ts',
  },
  // Also bound to the caller: the query reads the caller's own assignee partition.
  'GET /api/tasks': { can: ['task:list'], where: 'functions/http/tasks/list.ts' },
  // Also bound to the task's assignees.
  'POST /api/tasks/{taskId}/complete': { can: ['task:complete'], where: 'functions/http/tasks/complete.ts' },
  'GET /api/audit': { can: ['audit:read'], where: 'functions/http/audit/list.ts' },
  'GET /api/audit/verify': { can: ['audit:read'], where: 'functions/http/audit/verify.ts' },
  'POST /api/audit/export': { can: ['audit:export'], where: 'functions/http/audit/export.ts' },
  // Retired GET (ADR 0011): a signed-in caller is told to POST; it reads and writes nothing.
  'GET /api/audit/export': { can: [], where: 'functions/http/audit/export.ts' },
  // Both ask through the uploader rule (the caller's own kecamatan, ADR 0018).
  'POST /api/verval': { can: ['verval:upload'], where: 'functions/http/verval/uploader.ts' },
  'POST /api/verval/uploads': { can: ['verval:upload'], where: 'functions/http/verval/uploader.ts' },
  'GET /api/verval/{batchId}': { can: ['verval:read'], where: 'functions/http/verval/detail.ts' },
  'GET /api/verval/{batchId}/errors': { can: ['verval:read'], where: 'functions/http/verval/errors.ts' },
  'POST /api/verval/{batchId}/decision': { can: ['verval:decide'], where: 'functions/http/verval/decide.ts' },
  'POST /api/verval/export': { can: ['verval:export'], where: 'functions/http/verval/national-export.ts' },
  'POST /api/verval/{batchId}/reveal': {
    can: ['verval:read', 'verval:reveal'],
    where: 'functions/http/verval/reveal-row.ts',
  },
  // The desa's part (issue 21, ADR 0033): the kecamatan is the TKSK's own or, for Dinsos, one in scope.
  'POST /api/verval-desa/links': {
    can: ['verval:request-desa'],
    where: 'functions/http/verval/desa-scope.ts',
  },
  'GET /api/verval-desa/parts': { can: ['verval:read'], where: 'functions/http/verval/desa-scope.ts' },
  'POST /api/verval-desa/compose': { can: ['verval:upload'], where: 'functions/http/verval/uploader.ts' },
  'GET /api/kpm': { can: ['kpm:read'], where: 'functions/http/kpm/list.ts' },
  // Staff administration (issue 13): the role first, then the staff's area in the use case.
  'GET /api/admin/staff': { can: ['staff:read'], where: 'functions/http/admin/staff-api.ts' },
  'GET /api/admin/staff/{staffId}': { can: ['staff:read'], where: 'functions/http/admin/staff-api.ts' },
  'POST /api/admin/staff': { can: ['staff:manage'], where: 'functions/http/admin/staff-api.ts' },
  'PATCH /api/admin/staff/{staffId}': { can: ['staff:manage'], where: 'functions/http/admin/staff-api.ts' },
  'POST /api/admin/staff/import': { can: ['staff:manage'], where: 'functions/http/admin/staff-api.ts' },
  'GET /api/admin/calendar/{year}': { can: ['calendar:read'], where: 'functions/http/admin/calendar-api.ts' },
  'PUT /api/admin/calendar/{year}': {
    can: ['calendar:manage'],
    where: 'functions/http/admin/calendar-api.ts',
  },
  // The provider directory (issue 13): the flows check the provider's kabupaten with the same action.
  'GET /api/admin/providers': { can: ['provider:read'], where: 'functions/http/admin/providers.ts' },
  'GET /api/admin/providers/{providerId}': {
    can: ['provider:read'],
    where: 'functions/http/admin/providers.ts',
  },
  'POST /api/admin/providers': { can: ['provider:write'], where: 'functions/http/admin/providers.ts' },
  'PATCH /api/admin/providers/{providerId}': {
    can: ['provider:write'],
    where: 'functions/http/admin/providers.ts',
  },
  // Through `requireRole` and `actorOf` of providers.ts.
  'POST /api/admin/providers/import': { can: ['provider:write'], where: 'functions/http/admin/providers.ts' },
  // The TKSK's registers (issue 16, ADR 0031): the role first, then the entry's area in the use case.
  'GET /api/psks': { can: ['psks:read'], where: 'functions/http/registers/psks.ts' },
  'GET /api/psks/{psksId}': { can: ['psks:read'], where: 'functions/http/registers/psks.ts' },
  'POST /api/psks': { can: ['psks:write', 'psks:vetReferrals'], where: 'functions/http/registers/psks.ts' },
  'PATCH /api/psks/{psksId}': {
    can: ['psks:write', 'psks:vetReferrals'],
    where: 'functions/http/registers/psks.ts',
  },
  'GET /api/kegiatan': { can: ['activity:read'], where: 'functions/http/registers/activities.ts' },
  'POST /api/kegiatan': { can: ['activity:write'], where: 'functions/http/registers/activities.ts' },
  'GET /api/ppks': { can: ['ppks:read'], where: 'functions/http/registers/ppks.ts' },
  'GET /api/ppks/{ppksId}': { can: ['ppks:read'], where: 'functions/http/registers/ppks.ts' },
  'POST /api/ppks': { can: ['ppks:write'], where: 'functions/http/registers/ppks.ts' },
  'PATCH /api/ppks/{ppksId}': { can: ['ppks:write'], where: 'functions/http/registers/ppks.ts' },
  'POST /api/ppks/{ppksId}/kasus': {
    can: ['case:create', 'ppks:read'],
    where: 'functions/http/registers/ppks.ts',
  },
  'GET /api/peta-sosial': { can: ['ppks:read'], where: 'functions/http/registers/ppks.ts' },
  // The laporan bulanan that travels (issue 16 item 5, ADR 0039): read by the report's readers;
  // the TKSK opens, writes and sends (report:submit), Dinsos takes or returns (report:review).
  'GET /api/laporan': { can: ['report:monthly'], where: 'functions/http/registers/laporan.ts' },
  'GET /api/laporan/{kecamatan}/{month}': {
    can: ['report:monthly'],
    where: 'functions/http/registers/laporan.ts',
  },
  'POST /api/laporan/{kecamatan}/{month}': {
    can: ['report:monthly', 'report:submit'],
    where: 'functions/http/registers/laporan.ts',
  },
  'POST /api/laporan/{kecamatan}/{month}/narasi': {
    can: ['report:monthly', 'report:submit'],
    where: 'functions/http/registers/laporan.ts',
  },
  'POST /api/laporan/{kecamatan}/{month}/kirim': {
    can: ['report:monthly', 'report:submit'],
    where: 'functions/http/registers/laporan.ts',
  },
  'POST /api/laporan/{kecamatan}/{month}/terima': {
    can: ['report:monthly', 'report:review'],
    where: 'functions/http/registers/laporan.ts',
  },
  'POST /api/laporan/{kecamatan}/{month}/kembalikan': {
    can: ['report:monthly', 'report:review'],
    where: 'functions/http/registers/laporan.ts',
  },
  'GET /api/provinsi/rekap': { can: ['report:province'], where: 'functions/http/registers/laporan.ts' },
  // Draft verval rows of bansos cases (ADR 0036): the kecamatan's, in the caller's scope.
  'GET /api/verval/drafts': { can: ['verval:read'], where: 'functions/http/bansos/drafts.ts' },
  // The Berita Acara and the pengesahan deadline (issue 21 items 3 and 5, ADR 0035).
  'GET /api/berita-acara': { can: ['verval:read'], where: 'functions/http/verval/berita-acara.ts' },
  'POST /api/berita-acara': { can: ['verval:decide'], where: 'functions/http/verval/berita-acara.ts' },
  'POST /api/berita-acara/tanda-tangan': {
    can: ['verval:decide'],
    where: 'functions/http/verval/berita-acara.ts',
  },
  'GET /api/pengesahan': { can: ['report:dashboard'], where: 'functions/http/verval/pengesahan.ts' },
  'GET /api/admin/pengesahan/{kabupaten}': {
    can: ['pengesahan:manage'],
    where: 'functions/http/admin/pengesahan-api.ts',
  },
  'PUT /api/admin/pengesahan/{kabupaten}': {
    can: ['pengesahan:manage'],
    where: 'functions/http/admin/pengesahan-api.ts',
  },
}

/**
 * Staff pages that read data of their own instead of calling an API action above (the
 * reports of ADR 0007): the policy actions each asks for, and where.
 */
const STAFF_PAGES: Readonly<Record<string, StaffEndpoint>> = {
  'GET /staff/persetujuan': { can: ['report:approvals'], where: 'functions/http/pages/approvals.ts' },
  'GET /staff/dashboard': { can: ['report:dashboard'], where: 'functions/http/pages/dashboard.ts' },
  'GET /staff/dashboard.csv': { can: ['report:dashboard'], where: 'functions/http/pages/dashboard.ts' },
  'GET /staff/laporan': { can: ['report:monthly'], where: 'functions/http/pages/report.ts' },
  'GET /staff/laporan.csv': { can: ['report:monthly'], where: 'functions/http/pages/report.ts' },
  // Refused and bounced mail of the kabupaten, and its resend (ADR 0018).
  'GET /staff/surel': { can: ['mail:read'], where: 'functions/http/pages/mail-problems.ts' },
  'GET /staff/perlu-perhatian': {
    can: ['workflow:attention'],
    where: 'functions/flows/attention/list-attention.ts',
  },
  'POST /staff/perlu-perhatian/kasus/{caseId}/coba-lagi': {
    can: ['workflow:retry'],
    where: 'functions/flows/attention/retry-workflow.ts',
  },
  'POST /staff/perlu-perhatian/verval/{batchId}/coba-lagi': {
    can: ['workflow:retry'],
    where: 'functions/flows/attention/retry-workflow.ts',
  },
  'POST /staff/perlu-perhatian/laporan/{kecamatan}/{month}/coba-lagi': {
    can: ['workflow:retry'],
    where: 'functions/flows/attention/retry-workflow.ts',
  },
  'POST /staff/surel/{mailId}/kirim-ulang': {
    can: ['mail:resend'],
    where: 'functions/flows/mail/resend-mail.ts',
  },
}

/** Routes anyone may call, and why that is safe. */
const PUBLIC: Readonly<Record<string, string>> = {
  'GET /api/health': 'liveness, no data',
  'GET /api/openapi.json': 'the contract itself',
  'GET /api/reference/areas': 'public Kemendagri codes',
  'GET /api/reference/categories': 'public catalogue',
  'POST /api/cases': 'resident intake, rate-limited per IP',
  'POST /api/cases/status':
    'resident status by reference + access code, no PII, 5 misses lock the reference, rate-limited',
  'GET /api/cases/status': 'retired lookup by birth date: answers 400 telling to POST, reads nothing',
  'POST /api/kpm/check':
    'KPM check by KK + pengurus birth date, programs and status only, 5 misses lock the KK, rate-limited',
  'POST /api/bansos':
    'bansos complaint, proposal or objection (ADR 0036), rate-limited per IP; the filer gets only reference and access code',
  'GET /t/{linkId}': 'link secret (+ recipient session with LINK_REQUIRES_LOGIN)',
  'POST /t/{linkId}': 'link secret (+ recipient session with LINK_REQUIRES_LOGIN), rate-limited',
  'POST /t/{linkId}/musdes': 'a desa’s link secret, once until it expires, rate-limited (ADR 0033)',
  'GET /verval/keputusan/{linkId}': 'link secret (+ recipient session with LINK_REQUIRES_LOGIN)',
  'POST /verval/keputusan/{linkId}': 'link secret (+ recipient session with LINK_REQUIRES_LOGIN)',
}

const isStaffPage = (route: (typeof routes)[number]) => route.path.startsWith('/staff/')
const apiRoutes = routes.filter((r) => r.stage !== 'local' && r.resource !== 'pages' && !isStaffPage(r))
/**
 * The HTML staff pages call the API actions above (functions/http/runtime/call-api.ts); they
 * are known by their path, since some run in the function of their resource (the admin
 * pages in the admin function, the audit pages in the audit function, ADR 0013).
 */
const staffPages = routes.filter(isStaffPage)

const handlers = async () => ({
  cases: (await import('../../../functions/http/cases/handler')).handler,
  tasks: (await import('../../../functions/http/tasks/handler')).handler,
  audit: (await import('../../../functions/http/audit/handler')).handler,
  verval: (await import('../../../functions/http/verval/handler')).handler,
  kpm: (await import('../../../functions/http/kpm/handler')).handler,
  pages: (await import('../../../functions/http/pages/handler')).handler,
  admin: (await import('../../../functions/http/admin/handler')).handler,
  registers: (await import('../../../functions/http/registers/handler')).handler,
})
let handlerOf: Awaited<ReturnType<typeof handlers>>

const withoutToken = async (route: (typeof routes)[number]) => {
  const handler = handlerOf[route.resource as keyof typeof handlerOf]
  const event = apiEvent({
    routeKey: routeKey(route),
    pathParameters: { caseId: 'x', taskId: 'x', batchId: 'x', staffId: 'x', year: '2026', providerId: 'x' },
    ...(route.method !== 'GET' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
  })
  return (await handler(event, {} as Context)) as { statusCode: number; headers?: Record<string, string> }
}

describe('staff endpoints and the policy', () => {
  beforeAll(async () => {
    process.env.STAGE = 'aws'
    handlerOf = await handlers()
    // Importing every handler (CDK-free, but the whole app) takes seconds on a busy 2-core machine.
  }, 60_000)

  it('every deployed API route is either a staff endpoint with its policy actions or documented public', () => {
    for (const route of apiRoutes) {
      const key = routeKey(route)
      expect(key in STAFF !== key in PUBLIC, `${key}: staff or public, exactly one`).toBe(true)
    }
    const known = new Set(apiRoutes.map(routeKey))
    expect([...Object.keys(STAFF), ...Object.keys(PUBLIC)].filter((key) => !known.has(key))).toEqual([])
    const pageKeys = new Set(staffPages.map(routeKey))
    expect(Object.keys(STAFF_PAGES).filter((key) => !pageKeys.has(key))).toEqual([])
  })

  it.each(Object.entries({ ...STAFF, ...STAFF_PAGES }))(
    '%s asks the policy for its actions',
    (_key, endpoint) => {
      const source = readFileSync(endpoint.where, 'utf8')
      for (const action of endpoint.can) {
        expect(ACTIONS).toContain(action)
        expect(source, `${endpoint.where} names ${action}`).toContain(`'${action}'`)
      }
      expect(source).toMatch(
        /\b(can|roleMay|assertRoleMay|resolveAuditQuery|loadVisibleBatch|resolveReportScope|registerActor)\(/,
      )
    },
  )

  it('every policy action is used by some staff endpoint (no dead rules)', () => {
    const used = new Set(Object.values({ ...STAFF, ...STAFF_PAGES }).flatMap((endpoint) => endpoint.can))
    expect(ACTIONS.filter((action) => !used.has(action))).toEqual([])
  })

  it.each(Object.keys(STAFF))('%s answers 401 without a token', async (key) => {
    const route = apiRoutes.find((r) => routeKey(r) === key)
    if (!route) throw new Error(`${key} is not in the route table`)
    expect((await withoutToken(route)).statusCode).toBe(401)
  })

  it('the staff HTML pages need a session too (GET sends to the login, POST is 401)', async () => {
    expect(staffPages.length).toBeGreaterThan(0)
    for (const route of staffPages) {
      const result = await withoutToken(route)
      if (route.method === 'GET') {
        expect(result.statusCode, routeKey(route)).toBe(303)
        expect(result.headers?.location).toMatch(/^\/login\?next=/)
      } else expect(result.statusCode, routeKey(route)).toBe(401)
    }
  })
})
