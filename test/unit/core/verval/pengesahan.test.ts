import { describe, expect, it } from 'vitest'
import {
  dueMilestone,
  kecamatanState,
  lateItems,
  missingDesaParts,
  pengesahanDate,
  pengesahanDaySchema,
  recipientsOf,
} from '../../../../functions/core/verval/pengesahan'

describe('the pengesahan deadline', () => {
  const deadline = pengesahanDate('2026-12', 25)

  it('falls on the day of the period’s month, 1 to 28 so that every month has it', () => {
    expect(deadline).toBe('2026-12-25')
    expect(pengesahanDaySchema.safeParse({ day: 28 }).success).toBe(true)
    expect(pengesahanDaySchema.safeParse({ day: 29 }).success).toBe(false)
    expect(pengesahanDaySchema.safeParse({ day: 0 }).success).toBe(false)
  })

  it('reminds five days and one day before, escalates on the day, and sends only the latest milestone due', () => {
    expect(dueMilestone('2026-12-19', deadline)).toBeUndefined()
    expect(dueMilestone('2026-12-20', deadline)).toBe('REMINDER-1')
    expect(dueMilestone('2026-12-23', deadline)).toBe('REMINDER-1')
    expect(dueMilestone('2026-12-24', deadline)).toBe('REMINDER-2')
    expect(dueMilestone('2026-12-25', deadline)).toBe('ESCALATE')
    expect(dueMilestone('2026-12-31', deadline)).toBe('ESCALATE')
    expect(dueMilestone('2027-01-02', deadline)).toBeUndefined()
  })

  it('counts a kecamatan as uploaded while its batch is on its way, not when it was refused or replaced', () => {
    expect(kecamatanState([])).toBe('UPLOADED_NONE')
    expect(kecamatanState(['INVALID', 'REJECTED', 'SUPERSEDED'])).toBe('UPLOADED_NONE')
    expect(kecamatanState(['VALIDATING'])).toBe('IN_PROGRESS')
    expect(kecamatanState(['APPLIED', 'AWAITING_APPROVAL'])).toBe('AWAITING_APPROVAL')
    expect(kecamatanState(['APPLIED', 'REJECTED'])).toBe('APPROVED')
  })

  it('lists the late kecamatan, the batches awaiting approval and the unsigned programs, each told to whom acts and, on the day, to whom is above', () => {
    expect(
      lateItems({
        kecamatanStates: { '32.01.15': 'UPLOADED_NONE', '32.01.14': 'APPROVED' },
        kabupaten: '32.01',
        awaitingApproval: 2,
        unsignedPrograms: ['PKH', 'BPNT'],
      }),
    ).toEqual([
      { kind: 'NOT_UPLOADED', subject: '32.01.15' },
      { kind: 'AWAITING_APPROVAL', subject: '32.01', count: 2 },
      { kind: 'NOT_SIGNED', subject: 'BPNT' },
      { kind: 'NOT_SIGNED', subject: 'PKH' },
    ])
    expect(recipientsOf('NOT_UPLOADED', 'REMINDER-1')).toEqual(['tksk'])
    expect(recipientsOf('NOT_UPLOADED', 'ESCALATE')).toEqual(['tksk', 'dinsos'])
    expect(recipientsOf('AWAITING_APPROVAL', 'REMINDER-2')).toEqual(['dinsos'])
    expect(recipientsOf('NOT_SIGNED', 'ESCALATE')).toEqual(['dinsos', 'dinsos_head'])
  })

  it('reminds the TKSK of the desa parts asked for and not arrived, naming each desa, as long as the program is not uploaded', () => {
    const parts = [
      { program: 'BPNT', desaCode: '32.01.14.2003', desaName: 'Karyasari', status: 'REQUESTED' },
      { program: 'BPNT', desaCode: '32.01.14.2002', desaName: 'Purasari', status: 'RECEIVED' },
      { program: 'PKH', desaCode: '32.01.14.2001', desaName: 'Leuwiliang', status: 'REQUESTED' },
    ] as const
    const missing = missingDesaParts(parts, [])
    expect(missing).toEqual([
      { program: 'BPNT', desaCode: '32.01.14.2003', desaName: 'Karyasari' },
      { program: 'PKH', desaCode: '32.01.14.2001', desaName: 'Leuwiliang' },
    ])
    // PKH's batch is on its way (composed without Leuwiliang's part): that part no longer holds anything up.
    expect(missingDesaParts(parts, ['PKH']).map((part) => part.desaName)).toEqual(['Karyasari'])
    expect(
      lateItems({
        kecamatanStates: { '32.01.14': 'UPLOADED_NONE', '32.01.15': 'APPROVED' },
        kabupaten: '32.01',
        awaitingApproval: 0,
        unsignedPrograms: [],
        missingDesaParts: { '32.01.14': missing, '32.01.15': [] },
      }),
    ).toEqual([
      { kind: 'NOT_UPLOADED', subject: '32.01.14' },
      { kind: 'DESA_PARTS_MISSING', subject: '32.01.14', count: 2, desaParts: missing },
    ])
    expect(recipientsOf('DESA_PARTS_MISSING', 'REMINDER-1')).toEqual(['tksk'])
    expect(recipientsOf('DESA_PARTS_MISSING', 'ESCALATE')).toEqual(['tksk', 'dinsos'])
  })
})
