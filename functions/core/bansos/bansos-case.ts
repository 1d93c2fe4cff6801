/**
 * A bansos submission as a case (ADR 0036): the case's `applicant` is the person the
 * case is about (the complaining KPM, the proposed family, the objected KPM), so staff
 * lists, scope, masking and retention work unchanged; `bansos` keeps what only these
 * kinds have, and who filed when that is someone else (the proposer, the objector).
 */
import type { CategoryCode } from '../catalog/categories'
import type { ServiceCode } from '../catalog/services'
import { VERVAL_PROGRAM_LABELS, type VervalProgram } from '../catalog/verval-programs'
import { type BansosKind, CASE_KIND_LABELS, type CaseKind } from '../case/case-kind'
import type { Applicant } from '../case/intake-schema'
import type { AlasanHapus } from '../verval/columns'
import {
  type BansosBody,
  COMPLAINT_TYPE_LABELS,
  type ComplaintType,
  OBJECTION_REASON_LABELS,
} from './bansos-schema'

export interface BansosFiler {
  name?: string
  phone?: string
  email?: string
}

export interface BansosDetails {
  program: VervalProgram
  complaintType?: ComplaintType
  /** The distribution period a complaint is about (YYYY-MM). */
  period?: string
  objectionReason?: AlasanHapus
  /** The proposer or objector; absent for a complaint, whose filer is the applicant. */
  filer?: BansosFiler
}

/** The service a program's case counts under in the reports' service columns. */
const PROGRAM_SERVICES: Readonly<Record<VervalProgram, ServiceCode>> = {
  BPNT: 'BPNT',
  PKH: 'PKH',
  PBI: 'KIS_PBI',
}

/** Bansos cases concern poor families' social assistance: one category, never a sensitive one. */
export const BANSOS_CATEGORY: CategoryCode = 'FAKIR_MISKIN'

// The person's documents are not asked on this page: the TKSK finds them in the registry.
const UNKNOWN_DOCUMENTS = { nikStatus: 'UNKNOWN', kkStatus: 'UNKNOWN', birthDateStatus: 'UNKNOWN' } as const

const withoutEmpty = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T

export interface BansosCaseFields {
  kind: BansosKind
  applicant: Applicant
  bansos: BansosDetails
  category: CategoryCode
  service: ServiceCode
  /** Free text to store (masked by the caller). */
  description: string
}

export const bansosCaseFields = (body: BansosBody): BansosCaseFields => {
  const common = {
    kind: body.kind,
    category: BANSOS_CATEGORY,
    service: PROGRAM_SERVICES[body.program],
  }
  switch (body.kind) {
    case 'PENGADUAN':
      return {
        ...common,
        applicant: withoutEmpty({ ...UNKNOWN_DOCUMENTS, ...body.complainant }),
        bansos: { program: body.program, complaintType: body.complaintType, period: body.period },
        description: body.description,
      }
    case 'USUL':
      return {
        ...common,
        applicant: { ...UNKNOWN_DOCUMENTS, ...body.family },
        bansos: { program: body.program, filer: withoutEmpty({ ...body.proposer }) },
        description: body.reason,
      }
    case 'SANGGAH':
      return {
        ...common,
        // The objected KPM is known by name and desa only; the TKSK finds the rest in the registry.
        applicant: { ...UNKNOWN_DOCUMENTS, ...body.subject, address: '' },
        bansos: {
          program: body.program,
          objectionReason: body.reason,
          filer: withoutEmpty({ ...body.objector }),
        },
        description: body.description,
      }
  }
}

/** Who is told about the filing and may be mailed: the applicant for a complaint, else the filer. */
export const bansosFilerContact = (
  kind: BansosKind,
  applicant: Pick<Applicant, 'name' | 'email' | 'phone'>,
  details: BansosDetails,
): BansosFiler =>
  kind === 'PENGADUAN'
    ? withoutEmpty({ name: applicant.name, email: applicant.email, phone: applicant.phone })
    : (details.filer ?? {})

/** What the submission is, in one line: program, and the complaint's type or the objection's reason. */
export const bansosSubjectLine = (kind: CaseKind, details: BansosDetails): string =>
  [
    CASE_KIND_LABELS[kind],
    VERVAL_PROGRAM_LABELS[details.program],
    details.complaintType ? COMPLAINT_TYPE_LABELS[details.complaintType] : undefined,
    details.period ? `periode ${details.period}` : undefined,
    details.objectionReason ? `alasan: ${OBJECTION_REASON_LABELS[details.objectionReason]}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ')
