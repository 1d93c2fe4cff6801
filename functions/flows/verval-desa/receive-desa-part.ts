/**
 * A desa uploads its musdes result through its link (issue 21 item 1, ADR 0033): the
 * verval file (same format as the TKSK's) with only its own desa's rows, and the date of
 * the musyawarah. Refused whole (400, each problem with its field path) when a row names
 * another desa, a long number (NIK, KK, KKS, rekening…) is a number cell that lost its
 * last digits, the date is wrong, the file is unreadable or its rows are too large for the
 * one item a part is kept in; stored once, audited.
 */
import { timeZoneOfArea } from '../../core/areas/time-zones'
import type { AuditActor } from '../../core/audit/audit-entry'
import { localDateOf } from '../../core/calendar/local-date'
import {
  type DesaPartRecord,
  desaPartReceivedMessage,
  foreignRows,
  MAX_DESA_PART_ROWS,
  MUSDES_DATE_MESSAGES,
  musdesDateProblem,
} from '../../core/verval/desa-part'
import { MAX_DESA_ROWS_BYTES, oversizedDesaRows, packDesaRows } from '../../core/verval/desa-part-rows'
import { numberCellErrors } from '../../core/verval/row-rules'
import type { VervalRow } from '../../core/verval/verval-row'
import { DesaPartTakenError, getDesaPart, receiveDesaPart } from '../../data/desa-part-repository'
import { now } from '../../shared/clock'
import { BadRequestError, ConflictError, type ErrorDetail } from '../../shared/errors'
import { assertCellsFit } from '../verval/submit-batch'

/** At most this many row problems are listed: enough to fix the sheet, small enough for a page. */
const SHOWN_PROBLEMS = 50

export const receiveDesaUpload = async (input: {
  part: DesaPartRecord
  musdesDate: string
  rows: readonly VervalRow[]
  actor: AuditActor
  correlationId: string
}): Promise<void> => {
  const { part, rows } = input
  const at = now()
  const today = localDateOf(at, timeZoneOfArea(part.kecamatan) ?? 'Asia/Jakarta')
  const problems: ErrorDetail[] = []
  const dateProblem = musdesDateProblem(input.musdesDate, part.period, today)
  if (dateProblem) problems.push({ path: 'musdesDate', message: MUSDES_DATE_MESSAGES[dateProblem] })
  if (rows.length === 0) problems.push({ path: 'file', message: 'Berkas tidak berisi baris data.' })
  if (rows.length > MAX_DESA_PART_ROWS)
    problems.push({ path: 'file', message: `Berkas desa paling banyak ${MAX_DESA_PART_ROWS} baris.` })
  for (const row of foreignRows(rows, part.desaCode).slice(0, SHOWN_PROBLEMS))
    problems.push({
      path: `rows.${row.line}.kode_desa`,
      message: `Baris ${row.line}: kode desa ${row.kodeDesa || '(kosong)'} bukan ${part.desaName} (${part.desaCode}); unggah hanya keluarga desa/kelurahan Anda.`,
    })
  // The composed batch would report these too, but only the desa can retype its sheet.
  const numberCells = rows.flatMap(numberCellErrors).slice(0, SHOWN_PROBLEMS)
  for (const cell of numberCells)
    problems.push({ path: `rows.${cell.row}.${cell.field}`, message: cell.message })
  if (problems.length > 0)
    throw new BadRequestError(problems[0]?.message ?? 'Unggahan tidak valid.', problems)
  assertCellsFit(rows)
  const packed = packDesaRows(rows)
  const kilobytes = oversizedDesaRows(packed)
  if (kilobytes !== undefined) {
    const message =
      `Isi baris berkas desa ${kilobytes} KB, paling banyak ${MAX_DESA_ROWS_BYTES / 1000} KB. ` +
      'Persingkat isi kolom yang panjang (misalnya alamat), atau serahkan sebagian baris ke TKSK kecamatan.'
    throw new BadRequestError(message, [{ path: 'file', message }])
  }
  try {
    await receiveDesaPart(
      part,
      { musdesDate: input.musdesDate, uploadedAt: at.toISOString(), rowCount: rows.length },
      packed,
      { actor: input.actor, correlationId: input.correlationId, at },
    )
  } catch (error) {
    if (!(error instanceof DesaPartTakenError)) throw error
    // Another upload through the same link got there first: name when it arrived.
    const current = await getDesaPart(part, part.desaCode)
    throw new ConflictError(desaPartReceivedMessage(current ?? part))
  }
}
