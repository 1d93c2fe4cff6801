/**
 * The TKSK (or Dinsos for the kecamatan) asks each desa/kelurahan for its musdes result
 * (issue 21 item 1, ADR 0033): one emailed link per desa with a contact, once per period
 * (asking again sends nothing to a desa already asked). The mail goes through the outbox
 * with the part's item and its audit entry; the mailer issues the link (hashed secret,
 * expiring with the part).
 */
import { placeLabel } from '../../core/areas/place-label'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import type { AuditActor } from '../../core/audit/audit-entry'
import { endOfLocalDay, localDateOf } from '../../core/calendar/local-date'
import type { VervalProgram } from '../../core/catalog/verval-programs'
import { LINK_PLACEHOLDER, mailDraft } from '../../core/outbox/outbox-mail'
import { type DesaPartRecord, desaLinkLastDay } from '../../core/verval/desa-part'
import { loadAreaIndex } from '../../data/area-source'
import { requestDesaPart } from '../../data/desa-part-repository'
import { storedSubject } from '../../data/link-repository'
import { composeDesaPartMail } from '../../mail/desa-part-mail'
import { now } from '../../shared/clock'
import { desaOfKecamatan } from './desa-contacts'

export interface DesaLinkRequest {
  kecamatan: string
  program: VervalProgram
  period: string
  actor: AuditActor
  correlationId: string
}

export interface DesaLinksSent {
  /** Desa codes mailed now. */
  sent: string[]
  /** Desa codes asked before (no second mail). */
  alreadySent: string[]
  /** Desa codes without an email: the TKSK enters their rows. */
  withoutEmail: string[]
}

export const sendDesaLinks = async (request: DesaLinkRequest): Promise<DesaLinksSent> => {
  const at = now()
  const zone = timeZoneOfArea(request.kecamatan) ?? 'Asia/Jakarta'
  const linkExpiresAt = endOfLocalDay(desaLinkLastDay(localDateOf(at, zone)), zone).toISOString()
  const index = loadAreaIndex()
  const result: DesaLinksSent = { sent: [], alreadySent: [], withoutEmail: [] }
  for (const desa of await desaOfKecamatan(request.kecamatan)) {
    if (!desa.contact) {
      result.withoutEmail.push(desa.desaCode)
      continue
    }
    const part: DesaPartRecord = {
      kecamatan: request.kecamatan,
      program: request.program,
      period: request.period,
      desaCode: desa.desaCode,
      desaName: desa.desaName,
      contact: desa.contact,
      status: 'REQUESTED',
      requestedAt: at.toISOString(),
      requestedBy: { id: request.actor.id, role: request.actor.role },
      linkExpiresAt,
    }
    const recipient = {
      id: `provider:${desa.contact.providerId}`,
      role: 'provider' as const,
      ...desa.contact,
    }
    const mail = mailDraft(
      composeDesaPartMail(part, LINK_PLACEHOLDER, placeLabel(index, request.kecamatan), desa.desaName),
      {
        owner: `desa-part:${request.kecamatan}:${request.program}:${request.period}:${desa.desaCode}`,
        purpose: 'request',
        area: request.kecamatan,
        recipientId: recipient.id,
        link: {
          path: '/t',
          taskId: storedSubject({ kind: 'desaPart', part: { ...part } }),
          recipient: { id: recipient.id, role: recipient.role, name: recipient.name, email: recipient.email },
          expiresAtIso: linkExpiresAt,
        },
      },
    )
    const written = await requestDesaPart(part, mail, {
      actor: request.actor,
      correlationId: request.correlationId,
      at,
    })
    ;(written ? result.sent : result.alreadySent).push(desa.desaCode)
  }
  return result
}
