/** The HTML routes (DESIGN §4 Pages), outside `/api`; spread into the route table. */
import { MAX_VERVAL_BYTES } from '../../core/verval/columns'
import { KPM_CHECK_RATE_BUDGET, STATUS_RATE_BUDGET } from '../rate-budgets'
import type { Route } from '../runtime/route'

const page = (
  method: Route['method'],
  path: string,
  action: string,
  summary: string,
  extra: Partial<Route> = {},
): Route => ({
  method,
  path,
  resource: 'pages',
  action,
  doc: { summary },
  ...extra,
})

// Staff pages served by their resource's function (ADR 0013): it holds the grants their
// use cases need, and the pages function stays under 1 MB without the S3 client.
const AUDIT = { resource: 'audit' } as const satisfies Partial<Route>
const VERVAL = { resource: 'verval' } as const satisfies Partial<Route>
const ADMIN = { resource: 'admin' } as const satisfies Partial<Route>

export const pageRoutes: readonly Route[] = [
  page(
    'GET',
    '/',
    'showRequestForm',
    'Page: the resident request form (`?area=` opens the area steps at a code)',
  ),
  page(
    'POST',
    '/',
    'submitRequestForm',
    'Page: files the request form (the intake use case), 303 to the confirmation',
    {
      rateLimit: 'public',
    },
  ),
  page(
    'GET',
    '/confirmation',
    'showConfirmation',
    'Page: the reference of a filed request and what happens next',
  ),
  page(
    'GET',
    '/status',
    'showStatus',
    'Page: the status form (an old query with the birth date goes back to it)',
    {
      rateLimit: 'public',
      rateBudget: STATUS_RATE_BUDGET,
    },
  ),
  page('POST', '/status', 'submitStatus', 'Page: the status of a request by reference and access code', {
    rateLimit: 'public',
    rateBudget: STATUS_RATE_BUDGET,
    maxBodyBytes: 4 * 1024,
  }),
  page('GET', '/cek-kpm', 'showKpmCheck', 'Page: "Apakah keluarga saya KPM?", the form (ADR 0030)'),
  page(
    'POST',
    '/cek-kpm',
    'submitKpmCheck',
    'Page: the programs a family is an active KPM of, by KK and birth date',
    {
      rateLimit: 'public',
      rateBudget: KPM_CHECK_RATE_BUDGET,
      maxBodyBytes: 4 * 1024,
    },
  ),
  page('GET', '/login', 'showLogin', 'Page: staff sign-in (local users; the Cognito hosted UI on AWS)'),
  page('POST', '/login', 'submitLogin', 'Page: local sign-in, sets the session cookie', {
    maxBodyBytes: 4 * 1024,
  }),
  page(
    'GET',
    '/login/callback',
    'loginCallback',
    'Page: Cognito hosted UI callback (code flow with PKCE), sets the session cookie',
  ),
  page('POST', '/logout', 'logout', 'Page: clears the session cookie', { maxBodyBytes: 4 * 1024 }),
  page('GET', '/staff/tasks', 'staffTasks', 'Page: the caller’s open tasks'),
  page('GET', '/staff/tasks/{taskId}', 'showStaffTask', 'Page: a task of the caller with its form'),
  page('POST', '/staff/tasks/{taskId}', 'submitStaffTask', 'Page: decides a task of the caller', {
    maxBodyBytes: 16 * 1024,
  }),
  page('GET', '/staff/cases', 'staffCases', 'Page: cases in the caller’s scope'),
  page('GET', '/staff/cases/{caseId}', 'staffCase', 'Page: a case with its timeline, NIK/KK masked'),
  page(
    'POST',
    '/staff/cases/{caseId}/reveal',
    'staffCaseReveal',
    'Page: the case with NIK/KK unmasked for a stated purpose (a CSRF-checked form; POST /api/cases/{caseId}/reveal)',
    { maxBodyBytes: 4 * 1024 },
  ),
  page(
    'POST',
    '/staff/cases/{caseId}/tarik',
    'withdrawStaffCase',
    'Page: withdraws a case on the resident’s request (the withdraw API)',
    { maxBodyBytes: 4 * 1024 },
  ),
  page(
    'POST',
    '/staff/cases/{caseId}/pendampingan',
    'pendampinganStaffCase',
    'Page: records pendampingan after the referral’s result (the pendampingan API; issue 15)',
    { maxBodyBytes: 8 * 1024 },
  ),
  page(
    'POST',
    '/staff/cases/{caseId}/sms-berhenti',
    'stopStaffCaseSms',
    'Page: stops the SMS to the applicant at their request (the sms-opt-out API)',
    { maxBodyBytes: 1024 },
  ),
  page(
    'GET',
    '/staff/cases/{caseId}/tanda-terima',
    'staffSlip',
    'Page: the resident’s slip (reference, access code, QR code of the status page) to print after a field intake',
  ),
  page(
    'GET',
    '/staff/kasus-baru',
    'showFieldIntake',
    'Page: the TKSK’s field filing form (a desa of their kecamatan; the draft kept on the device)',
  ),
  page(
    'POST',
    '/staff/kasus-baru',
    'submitFieldIntake',
    'Page: files the field form through `POST /api/cases/field` (Idempotency-Key from the form), 303 to the slip',
  ),
  page(
    'GET',
    '/staff/cases/{caseId}/surat',
    'staffLetter',
    'Page: the printable Surat Rekomendasi of an approved case, with its verification URL',
  ),
  // The audit review pages run in the audit function: it alone may query the audit
  // indexes and read the anchor chain.
  page('GET', '/staff/audit', 'staffAudit', 'Page: audit entries by the filters of `GET /api/audit`', AUDIT),
  page(
    'GET',
    '/staff/audit/entitas',
    'staffAuditEntity',
    'Page: an entity’s audit chain with field diffs, verify (`?periksa=1`) and export',
    AUDIT,
  ),
  page(
    'POST',
    '/staff/audit/export',
    'staffAuditExport',
    'CSV: the audit export of the filters (a CSRF-checked form; POST /api/audit/export)',
    { ...AUDIT, maxBodyBytes: 4 * 1024 },
  ),
  // The verval pages run in the verval function: it alone signs and reads uploads (the
  // upload bucket) and starts and stops the verval workflow.
  page(
    'GET',
    '/staff/verval',
    'staffVerval',
    'Page: verval batches of the caller’s scope; the TKSK’s upload form',
    VERVAL,
  ),
  page(
    'POST',
    '/staff/verval',
    'submitVervalUpload',
    'Page: uploads a verval file (multipart), 303 to its batch',
    {
      ...VERVAL,
      // The file may be 5 MiB; the multipart frame and the other fields need a little more.
      maxBodyBytes: MAX_VERVAL_BYTES + 64 * 1024,
    },
  ),
  page(
    'POST',
    '/staff/verval/unggah',
    'presignVervalPageUpload',
    'JSON for the upload form’s script: a presigned URL to put the file in the upload bucket (CSRF header)',
    { ...VERVAL, maxBodyBytes: 4 * 1024 },
  ),
  page(
    'POST',
    '/staff/verval/ekspor',
    'submitNationalExport',
    'Page: Dinsos exports the period’s approved changes for SIKS-NG (form post, CSRF), answered with the file',
    { ...VERVAL, maxBodyBytes: 4 * 1024 },
  ),
  page('GET', '/staff/verval/template.csv', 'vervalTemplateCsv', 'Page: the verval template as CSV', VERVAL),
  page(
    'GET',
    '/staff/verval/template.xlsx',
    'vervalTemplateXlsx',
    'Page: the verval template as XLSX (NIK/KK as text)',
    VERVAL,
  ),
  page(
    'GET',
    '/staff/verval/{batchId}',
    'staffVervalBatch',
    'Page: a verval batch: progress, errors, diff',
    VERVAL,
  ),
  page(
    'GET',
    '/staff/persetujuan',
    'staffApprovals',
    'Page: the pending approvals of the caller’s kabupaten, oldest first, with their age',
  ),
  page(
    'GET',
    '/staff/dashboard',
    'staffDashboard',
    'Page: the Dinsos dashboard of a month (`?month=&area=`)',
  ),
  page('GET', '/staff/dashboard.csv', 'staffDashboardCsv', 'CSV: the figures of the dashboard'),
  page(
    'GET',
    '/staff/surel',
    'staffMailProblems',
    'Page: mail of the caller’s kabupaten that SES refused or that bounced, with “Kirim ulang”',
  ),
  page('POST', '/staff/surel/{mailId}/kirim-ulang', 'resendFailedMail', 'Page: queues a refused mail again', {
    maxBodyBytes: 4 * 1024,
  }),
  // Halted workflows (issue 17): in the cases function, which holds the redrive grant.
  page(
    'GET',
    '/staff/perlu-perhatian',
    'staffAttention',
    'Page: cases of the caller’s kabupaten whose workflow halted on a failed step, with “Coba lagi”',
    { resource: 'cases' },
  ),
  page(
    'POST',
    '/staff/perlu-perhatian/kasus/{caseId}/coba-lagi',
    'retryFromPage',
    'Page: retries a halted case workflow from its failed step',
    { resource: 'cases', maxBodyBytes: 4 * 1024 },
  ),
  page(
    'POST',
    '/staff/perlu-perhatian/verval/{batchId}/coba-lagi',
    'retryBatchFromPage',
    'Page: retries a halted verval batch workflow from its failed step',
    { resource: 'cases', maxBodyBytes: 4 * 1024 },
  ),
  page(
    'POST',
    '/staff/perlu-perhatian/laporan/{kecamatan}/{month}/coba-lagi',
    'retryLaporanFromPage',
    'Page: retries a halted laporan bulanan deadline workflow from its failed step',
    { resource: 'cases', maxBodyBytes: 4 * 1024 },
  ),
  page('GET', '/staff/laporan', 'staffReport', 'Page: the figures (Rekap angka) of a kecamatan or kabupaten'),
  page('GET', '/staff/laporan.csv', 'staffReportCsv', 'CSV: the figures (Rekap angka)'),
  // The provider pages run in the admin function, beside the staff admin pages and the
  // provider API they call.
  page(
    'GET',
    '/staff/admin/penyedia',
    'staffProviders',
    'Page: the provider directory of a kabupaten/kota with the form to add one (admin)',
    ADMIN,
  ),
  page(
    'POST',
    '/staff/admin/penyedia',
    'submitNewProvider',
    'Page: adds a provider (the admin API’s create)',
    { ...ADMIN, maxBodyBytes: 16 * 1024 },
  ),
  page(
    'GET',
    '/staff/admin/penyedia/{providerId}',
    'staffProvider',
    'Page: a provider with its edit form',
    ADMIN,
  ),
  page(
    'POST',
    '/staff/admin/penyedia/{providerId}',
    'submitProviderChange',
    'Page: changes a provider (the admin API’s PATCH)',
    { ...ADMIN, maxBodyBytes: 16 * 1024 },
  ),
  page(
    'POST',
    '/staff/admin/penyedia/{providerId}/status',
    'submitProviderStatus',
    'Page: activates or deactivates a provider',
    { ...ADMIN, maxBodyBytes: 4 * 1024 },
  ),
  page('GET', '/v/{code}', 'verifyLetter', 'Page: verifies a Surat Rekomendasi by its code, no PII', {
    rateLimit: 'public',
  }),
  page('GET', '/assets/{name}', 'asset', 'The pages’ CSS and JavaScript'),
  // The asset behavior lets viewers send HEAD (CloudFront allows no less than GET and HEAD).
  page('HEAD', '/assets/{name}', 'asset', 'The headers of an asset, without its body'),
]
