/** The routes of the case workflow (cases, tasks, task links), spread into the route table. */
import * as z from 'zod'
import {
  attentionQuerySchema,
  caseStatusBodySchema,
  intakeBodySchema,
  listQuerySchema,
  pendampinganBodySchema,
  revealBodySchema,
  withdrawBodySchema,
} from './cases/schemas'
import { STATUS_RATE_BUDGET } from './rate-budgets'
import type { Route } from './runtime/route'
import { linkQuerySchema } from './links/schemas'
import { taskListQuerySchema } from './tasks/schemas'

export const caseRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/cases',
    rateLimit: 'public',
    resource: 'cases',
    action: 'intake',
    doc: {
      summary: 'A resident asks for help (intake); Idempotency-Key honoured for 24 h',
      body: intakeBodySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/cases/field',
    resource: 'cases',
    action: 'fieldIntake',
    doc: {
      summary:
        'A TKSK files a case found in the field, in a desa of their kecamatan (issue 15); the case names the TKSK as its filer; Idempotency-Key honoured for 24 h',
      body: intakeBodySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/cases/status',
    rateLimit: 'public',
    rateBudget: STATUS_RATE_BUDGET,
    resource: 'cases',
    action: 'status',
    doc: {
      summary:
        'A resident’s view of a case by reference and access code; no PII. A wrong pair is the same 404 as an unknown reference; 5 misses for one reference lock it for 24 h (429)',
      body: caseStatusBodySchema,
    },
  },
  {
    method: 'GET',
    path: '/api/cases/status',
    rateLimit: 'public',
    rateBudget: STATUS_RATE_BUDGET,
    resource: 'cases',
    action: 'statusByGet',
    doc: { summary: 'Retired: answers 400 telling to use POST; looks nothing up (ADR 0011)' },
  },
  {
    method: 'GET',
    path: '/api/cases',
    resource: 'cases',
    action: 'list',
    doc: { summary: 'Cases in the caller’s scope, by area and status', query: listQuerySchema },
  },
  {
    method: 'GET',
    path: '/api/cases/{caseId}',
    resource: 'cases',
    action: 'detail',
    // No query: the retired `reveal`/`purpose` parameters are refused with a pointer to the POST.
    doc: {
      summary:
        'A case with its timeline and, for the roles that help the resident (not auditor or admin), its access code; NIK and KK masked',
    },
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/reveal',
    resource: 'cases',
    action: 'reveal',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'The case with NIK and KK unmasked, for a stated purpose (≥ 5 characters), audited as PII_READ before it is answered',
      body: revealBodySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/withdraw',
    resource: 'cases',
    action: 'withdraw',
    doc: { summary: 'Closes a case WITHDRAWN on the resident’s request', body: withdrawBodySchema },
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/pendampingan',
    resource: 'cases',
    action: 'pendampingan',
    maxBodyBytes: 8 * 1024,
    doc: {
      summary:
        'The TKSK records pendampingan (date, kind, findings, next visit) on a case after its referral’s result (issue 15, ADR 0032); 409 before the result',
      body: pendampinganBodySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/sms-opt-out',
    resource: 'cases',
    action: 'smsOptOut',
    maxBodyBytes: 1024,
    doc: { summary: 'Records the applicant’s request for no more SMS (audited SMS_OPTED_OUT)' },
  },
  {
    method: 'GET',
    path: '/api/attention',
    resource: 'cases',
    action: 'attentionList',
    doc: {
      summary: 'Cases in the caller’s scope whose workflow halted on a failed step (NEEDS_ATTENTION)',
      query: attentionQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/retry',
    resource: 'cases',
    action: 'retry',
    maxBodyBytes: 1024,
    doc: { summary: 'Retries a NEEDS_ATTENTION case: redrives its workflow from the failed step (202)' },
  },
  {
    method: 'POST',
    path: '/api/verval/{batchId}/retry',
    // In the cases function, beside the case retry: it holds the redrive grant (ADR 0040).
    resource: 'cases',
    action: 'retryBatch',
    maxBodyBytes: 1024,
    doc: {
      summary: 'Retries a NEEDS_ATTENTION verval batch: redrives its workflow from the failed step (202)',
    },
  },
  {
    method: 'POST',
    path: '/api/laporan/{kecamatan}/{month}/retry',
    // In the cases function, beside the case and batch retries: it holds the redrive grant (ADR 0040).
    resource: 'cases',
    action: 'retryLaporan',
    maxBodyBytes: 1024,
    doc: {
      summary:
        'Retries a NEEDS_ATTENTION laporan bulanan: redrives its deadline workflow from the failed step (202)',
    },
  },
  {
    method: 'GET',
    path: '/api/tasks',
    resource: 'tasks',
    action: 'list',
    doc: { summary: 'Open tasks assigned to the caller', query: taskListQuerySchema },
  },
  {
    method: 'POST',
    path: '/api/tasks/{taskId}/complete',
    resource: 'tasks',
    action: 'complete',
    doc: {
      summary: 'Decides a task assigned to the caller (the link form’s fields)',
      body: z.record(z.string(), z.unknown()),
    },
  },
  {
    method: 'GET',
    path: '/t/{linkId}',
    resource: 'links',
    action: 'show',
    doc: {
      summary: 'The page of an emailed link (a case task, a verval approval); changes nothing',
      query: linkQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/t/{linkId}',
    rateLimit: 'public',
    resource: 'links',
    action: 'submit',
    maxBodyBytes: 16 * 1024,
    doc: { summary: 'Decides what an emailed link decides, once (form post with k)' },
  },
  // Verval approval links were mailed with their own address; it keeps answering (ADR 0017).
  {
    method: 'GET',
    path: '/verval/keputusan/{linkId}',
    resource: 'links',
    action: 'redirectApproval',
    doc: {
      summary: 'An emailed verval approval link: 303 to /t/{linkId}, keeping k',
      query: linkQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/verval/keputusan/{linkId}',
    rateLimit: 'public',
    resource: 'links',
    action: 'submit',
    maxBodyBytes: 16 * 1024,
    doc: {
      summary: 'Decides the batch of a verval approval form mailed before /t/{linkId} (as POST /t/{linkId})',
    },
  },
]
