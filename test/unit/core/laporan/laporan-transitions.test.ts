import { describe, expect, it } from 'vitest'
import { isLate, type LaporanRecord } from '../../../../functions/core/laporan/laporan-record'
import {
  acknowledgeLaporan,
  editNarrative,
  returnLaporan,
  submitLaporan,
} from '../../../../functions/core/laporan/laporan-transitions'
import { submissionRates, submissionRows } from '../../../../functions/core/laporan/submission-rates'

const NOW = new Date('2026-12-03T03:00:00Z')
const draft: LaporanRecord = {
  laporanId: '32.01.14_2026-11',
  kecamatan: '32.01.14',
  kabupaten: '32.01',
  month: '2026-11',
  status: 'DRAFT',
  narrative: { masalah: '', tindakLanjut: '' },
  remindAt: '2026-12-04T16:59:59.999Z',
  dueAt: '2026-12-07T16:59:59.999Z',
  openedBy: 'tksk.leuwiliang',
  createdAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-01T01:00:00.000Z',
  version: 1,
}
const written = {
  ...draft,
  narrative: { masalah: 'Lansia belum terdata.', tindakLanjut: 'Pendataan bersama PSM.' },
}

const next = (move: ReturnType<typeof submitLaporan>): LaporanRecord => {
  if (!move.ok) throw new Error(JSON.stringify(move.refusal))
  return move.next
}

describe('the moves of a laporan bulanan', () => {
  it('a submission needs both parts of the narrative, each named by its path', () => {
    expect(submitLaporan(draft, 'tksk.leuwiliang', NOW)).toEqual({
      ok: false,
      refusal: {
        kind: 'input',
        details: [
          { path: 'narrative.masalah', message: expect.any(String) },
          { path: 'narrative.tindakLanjut', message: expect.any(String) },
        ],
      },
    })
  })

  it('a submitted report is frozen for the TKSK until Dinsos returns it', () => {
    const submitted = next(submitLaporan(written, 'tksk.leuwiliang', NOW))
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedBy: 'tksk.leuwiliang', version: 2 })
    expect(editNarrative(submitted, written.narrative, NOW).ok).toBe(false)
    expect(submitLaporan(submitted, 'tksk.leuwiliang', NOW).ok).toBe(false)
    const returned = next(returnLaporan(submitted, 'Lengkapi per desa.', 'dinsos.bogor', NOW))
    expect(returned).toMatchObject({ status: 'RETURNED', returnNote: 'Lengkapi per desa.', version: 3 })
    expect(editNarrative(returned, written.narrative, NOW).ok).toBe(true)
  })

  it('only a submitted report is acknowledged or returned, and an acknowledged one moves no more', () => {
    expect(acknowledgeLaporan(written, 'dinsos.bogor', NOW).ok).toBe(false)
    expect(returnLaporan(written, 'catatan', 'dinsos.bogor', NOW).ok).toBe(false)
    const taken = next(acknowledgeLaporan(next(submitLaporan(written, 't', NOW)), 'dinsos.bogor', NOW))
    expect(taken.status).toBe('ACKNOWLEDGED')
    expect(returnLaporan(taken, 'catatan', 'dinsos.bogor', NOW).ok).toBe(false)
    expect(editNarrative(taken, written.narrative, NOW).ok).toBe(false)
  })

  it('a report is late when sent after its due date, or unsent once it passed', () => {
    const afterDue = new Date('2026-12-08T00:00:00Z')
    expect(isLate(draft, NOW)).toBe(false)
    expect(isLate(draft, afterDue)).toBe(true)
    expect(isLate(next(submitLaporan(written, 't', NOW)), afterDue)).toBe(false)
    expect(isLate(next(submitLaporan(written, 't', afterDue)), afterDue)).toBe(true)
  })

  it('every kecamatan of the kabupaten is listed, a missing report late once the month’s due date passed', () => {
    const rows = submissionRows(
      ['32.01.14', '32.01.15'],
      [next(submitLaporan(written, 't', NOW))],
      () => draft.dueAt,
      new Date('2026-12-08T00:00:00Z'),
    )
    expect(rows).toEqual([
      expect.objectContaining({ kecamatan: '32.01.14', status: 'SUBMITTED', late: false }),
      expect.objectContaining({ kecamatan: '32.01.15', status: 'MISSING', late: true }),
    ])
    expect(submissionRates(rows)).toEqual({
      kecamatan: 2,
      submitted: 1,
      acknowledged: 0,
      late: 1,
      missing: 1,
    })
  })
})
