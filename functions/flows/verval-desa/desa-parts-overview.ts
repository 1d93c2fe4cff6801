/**
 * What the TKSK sees of the desa parts of a period (issue 21 item 1): every desa of the
 * kecamatan, what arrived (rows, musdes date, uploaded at) and what is missing — not yet
 * asked, asked and waiting, the link expired, or no email (the TKSK enters its rows).
 */
import type { VervalProgram } from '../../core/catalog/verval-programs'
import type { DesaPartLine } from '../../core/verval/desa-part'
import { listDesaParts } from '../../data/desa-part-repository'
import { nowMs } from '../../shared/clock'
import { desaOfKecamatan } from './desa-contacts'

export const desaPartsOverview = async (scope: {
  kecamatan: string
  program: VervalProgram
  period: string
}): Promise<DesaPartLine[]> => {
  const [desa, parts] = await Promise.all([desaOfKecamatan(scope.kecamatan), listDesaParts(scope)])
  const partOf = new Map(parts.map((part) => [part.desaCode, part]))
  return desa.map((entry): DesaPartLine => {
    const part = partOf.get(entry.desaCode)
    const base = { desaCode: entry.desaCode, desaName: entry.desaName }
    if (part?.received)
      return { ...base, email: part.contact.email, state: 'RECEIVED', received: part.received }
    if (part)
      return {
        ...base,
        email: part.contact.email,
        state: nowMs() > Date.parse(part.linkExpiresAt) ? 'EXPIRED' : 'WAITING',
        requestedAt: part.requestedAt,
        linkExpiresAt: part.linkExpiresAt,
      }
    return entry.contact
      ? { ...base, email: entry.contact.email, state: 'NOT_ASKED' }
      : { ...base, state: 'NO_EMAIL' }
  })
}
