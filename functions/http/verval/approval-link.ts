/**
 * The approval link of a verval batch (`/verval/keputusan/{linkId}?k=`), built on the
 * case workflow's link records and secrets: GET shows the summary by desa and the form
 * and changes nothing (mail scanners prefetch links); POST decides once. A link of a
 * batch no longer awaiting approval (decided, superseded, timed out) is gone (410), or
 * 409 naming who decided when.
 */
import type { BatchRecord } from '../../core/verval/batch-record'
import { batchDecidedMessage } from '../../core/verval/decided-message'
import { getBatch } from '../../data/batch-repository'
import { getLink, type LinkRecord, subjectOf } from '../../data/link-repository'
import { nowMs } from '../../shared/clock'
import {
  ConflictError,
  GoneError,
  isAppError,
  NotFoundError,
  UnsupportedMediaTypeError,
} from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { linkSecretMatches } from '../../shared/link-secret'
import { html } from '../../web/html'
import { page } from '../../web/page'
import { vervalDesaSummary } from '../../web/verval-desa-summary'
import { decidedPage, gonePage, messagePage, notFoundPage } from '../../web/task-page'
import { requestActor } from '../cases/resident-actor'
import { loginRequiredPage } from '../links/link-error-page'
import { areaName } from '../pages/staff-context'
import { requireRecipientSession } from '../links/recipient-session'
import { decideBatch } from '../../flows/verval/decide-batch'
import { decisionBodySchema } from './schemas'

const resolve = async (
  linkId: string | undefined,
  secret: string | undefined,
): Promise<{ link: LinkRecord; batch: BatchRecord }> => {
  const link = linkId && secret ? await getLink(linkId) : undefined
  const subject = link && subjectOf(link)
  if (!link || !secret || subject?.kind !== 'batchApproval' || !linkSecretMatches(secret, link.secretHash))
    throw new NotFoundError('Tautan tidak dikenal.')
  const batch = await getBatch(subject.batchId)
  if (!batch) throw new NotFoundError('Tautan tidak dikenal.')
  const decided = batch.status === 'SUPERSEDED' ? undefined : batchDecidedMessage(batch)
  if (decided) throw new ConflictError(decided)
  if (batch.status !== 'AWAITING_APPROVAL' || nowMs() > Date.parse(link.expiresAtIso))
    throw new GoneError(
      'Tautan ini sudah tidak berlaku (verval diganti, sudah diputuskan, atau batas waktu lewat).',
    )
  return { link, batch }
}

const errorPage = (error: unknown) => {
  if (!isAppError(error)) throw error
  if (error.status === 401) return loginRequiredPage(error.message)
  if (error.status === 409) return decidedPage(error.message)
  if (error.status === 410) return gonePage(error.message)
  if (error.status === 404) return notFoundPage()
  throw error
}

const form = (batch: BatchRecord, linkId: string, secret: string, problem?: string) => {
  const s = batch.summary
  return page(
    problem ? 400 : 200,
    `Persetujuan verval ${batch.program} ${batch.period}`,
    html`<p>
        Batch <strong>${batch.batchId}</strong>, kecamatan ${areaName(batch.kecamatan)}, ${batch.rows} baris.
      </p>
      <p>
        Ringkasan: ${s?.added ?? 0} baru, ${s?.updated ?? 0} diubah, ${s?.removed ?? 0} dihapus,
        ${s?.unchanged ?? 0} tetap.
      </p>
      ${vervalDesaSummary(s?.byDesa ?? {}, areaName)}
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
      <form method="post" action="/verval/keputusan/${linkId}">
        <input type="hidden" name="k" value="${secret}" />
        <fieldset>
          <legend>Keputusan</legend>
          <label><input type="radio" name="decision" value="APPROVE" /> Setujui</label>
          <label><input type="radio" name="decision" value="REJECT" /> Tolak</label>
        </fieldset>
        <label for="reason">Alasan (wajib bila menolak)</label
        ><textarea id="reason" name="reason" maxlength="1000"></textarea>
        <button type="submit">Kirim keputusan</button>
      </form>`,
  )
}

export const showApproval = publicAction(async (request) => {
  const linkId = request.event.pathParameters?.linkId ?? ''
  const secret = request.event.queryStringParameters?.k
  try {
    const { link, batch } = await resolve(linkId, secret)
    await requireRecipientSession(request.event, link)
    return form(batch, linkId, secret ?? '')
  } catch (error) {
    return errorPage(error)
  }
})

export const submitApproval = publicAction(async (request) => {
  const type = (request.event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded')
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const linkId = request.event.pathParameters?.linkId ?? ''
  const fields = Object.fromEntries(new URLSearchParams(request.body))
  const { k: secret, ...values } = fields
  try {
    const { link, batch } = await resolve(linkId, secret)
    await requireRecipientSession(request.event, link)
    const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''))
    let decision
    try {
      decision = parseWith(decisionBodySchema, given)
    } catch (error) {
      if (isAppError(error))
        return form(batch, linkId, secret ?? '', error.details.map((d) => d.message).join(' '))
      throw error
    }
    const actor = requestActor(request.event, link.recipient.id, 'provider')
    await decideBatch(
      batch,
      decision,
      { ...actor, id: link.recipient.id, role: link.recipient.role },
      request.correlationId,
      link.recipient.name,
    )
    return messagePage(200, 'Terima kasih', `Keputusan untuk verval ${batch.batchId} telah disimpan.`)
  } catch (error) {
    return errorPage(error)
  }
})
