/**
 * Case statuses and outcomes (DESIGN §1) with the Indonesian labels the pages, emails
 * and the public status page show.
 */
import * as z from 'zod'

export const CASE_STATUSES = ['IDENTIFICATION', 'ASSESSMENT', 'RECOMMENDATION', 'REFERRAL', 'CLOSED'] as const

export type CaseStatus = (typeof CASE_STATUSES)[number]

export const caseStatusSchema = z.enum(CASE_STATUSES)

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  IDENTIFICATION: 'Identifikasi',
  ASSESSMENT: 'Asesmen',
  RECOMMENDATION: 'Rekomendasi',
  REFERRAL: 'Rujukan',
  CLOSED: 'Selesai',
}

export const CASE_OUTCOMES = [
  'FULFILLED',
  'NOT_FULFILLED',
  'REJECTED',
  'NOT_ELIGIBLE',
  'DUPLICATE',
  'WITHDRAWN',
  'INVALID',
  // A complaint, proposal or objection verified by the TKSK (ADR 0036): resolved, forwarded or a draft verval row.
  'RESOLVED',
] as const

export type CaseOutcome = (typeof CASE_OUTCOMES)[number]

export const caseOutcomeSchema = z.enum(CASE_OUTCOMES)

export const CASE_OUTCOME_LABELS: Readonly<Record<CaseOutcome, string>> = {
  FULFILLED: 'Terlayani',
  NOT_FULFILLED: 'Tidak Terlayani',
  REJECTED: 'Ditolak',
  NOT_ELIGIBLE: 'Tidak Memenuhi Syarat',
  DUPLICATE: 'Duplikat',
  WITHDRAWN: 'Dicabut atas Permintaan Pemohon',
  INVALID: 'Data Tidak Valid',
  RESOLVED: 'Selesai Ditindaklanjuti',
}
