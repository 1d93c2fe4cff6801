/**
 * The cases Lambda: the case API and the "Perlu perhatian" pages (issue 17), which need
 * its redrive grant. Errors of its pages are HTML; `/api/…` keeps the contract's JSON.
 */
import { renderPageError } from '../runtime/error-page'
import { createResourceHandler } from '../runtime/resource-handler'
import {
  attentionList,
  retry,
  retryBatch,
  retryBatchFromPage,
  retryFromPage,
  retryLaporan,
  retryLaporanFromPage,
  staffAttention,
} from './attention'
import { detail, reveal } from './detail'
import { fieldIntake, intake } from './intake'
import { list } from './list'
import { status, statusByGet } from './status'
import { pendampingan } from './pendampingan'
import { smsOptOut } from './sms-opt-out'
import { withdraw } from './withdraw'
import { check as kpmCheck } from '../kpm/check'
import { bansosIntake } from '../bansos/submit'

export const handler = createResourceHandler(
  'cases',
  {
    intake,
    fieldIntake,
    status,
    statusByGet,
    list,
    detail,
    reveal,
    withdraw,
    pendampingan,
    smsOptOut,
    attentionList,
    retry,
    staffAttention,
    retryFromPage,
    retryBatch,
    retryBatchFromPage,
    retryLaporan,
    retryLaporanFromPage,
    // The public KPM check (ADR 0030): residents' capacity, not the staff registry function's.
    kpmCheck,
    // Complaints, proposals and objections (ADR 0036): residents' capacity, like the intake.
    bansosIntake,
  },
  { renderError: renderPageError },
)
