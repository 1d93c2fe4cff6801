/**
 * The audit Lambda: the audit API and the auditor's review pages (`/staff/audit*`), the
 * only function that may query the audit indexes and read the anchor chain (ADR 0013).
 * Errors of its pages are HTML; `/api/…` keeps the contract's JSON (`renderPageError`).
 */
import { renderPageError } from '../runtime/error-page'
import { createResourceHandler } from '../runtime/resource-handler'
import { staffAudit, staffAuditEntity, staffAuditExport } from './audit-pages'
import { exportByGet, exportCsv } from './export'
import { list } from './list'
import { verify } from './verify'

export const handler = createResourceHandler(
  'audit',
  { list, verify, export: exportCsv, exportByGet, staffAudit, staffAuditEntity, staffAuditExport },
  { renderError: renderPageError },
)
