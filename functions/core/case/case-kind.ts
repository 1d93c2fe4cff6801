/**
 * What a case is about (issue 15 item 4, ADR 0036): a request for a social service
 * (`LAYANAN`, every case filed before the field existed), or one of the three bansos
 * submissions of the public page "Pengaduan & Usulan Bansos": a KPM's complaint
 * (`PENGADUAN`), a proposal of a family for a program (`USUL`) and an objection to a
 * listed KPM (`SANGGAH`). Lists, reports and the dashboard count and filter by it.
 */
import * as z from 'zod'

export const CASE_KINDS = ['LAYANAN', 'PENGADUAN', 'USUL', 'SANGGAH'] as const
export type CaseKind = (typeof CASE_KINDS)[number]
export const caseKindSchema = z.enum(CASE_KINDS, { error: 'Jenis kasus tidak dikenal.' })

export const BANSOS_KINDS = ['PENGADUAN', 'USUL', 'SANGGAH'] as const
export type BansosKind = (typeof BANSOS_KINDS)[number]

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  LAYANAN: 'Permohonan layanan',
  PENGADUAN: 'Pengaduan bansos',
  USUL: 'Usulan penerima bansos',
  SANGGAH: 'Sanggahan penerima bansos',
}

/** Cases filed before issue 15 item 4 carry no kind: they are all service requests. */
export const caseKindOf = (record: { kind?: CaseKind }): CaseKind => record.kind ?? 'LAYANAN'

export const isBansosKind = (kind: CaseKind): kind is BansosKind => kind !== 'LAYANAN'
