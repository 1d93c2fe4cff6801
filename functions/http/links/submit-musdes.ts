/**
 * `POST /t/{linkId}/musdes` (issue 21 item 1, ADR 0033): the desa's musdes upload through
 * its link, multipart with `k`, `musdesDate` and the verval file. Refused uploads come
 * back as the form with the problems (400); a used link is 409 naming when its upload
 * arrived, an expired one 410. The actor is the link's recipient, with IP and user agent.
 */
import { MAX_MUSDES_FILE_BYTES } from '../../core/verval/desa-part'
import { resolveLink } from '../../flows/links/resolve-link'
import { receiveDesaUpload } from '../../flows/verval-desa/receive-desa-part'
import type { LinkRecord } from '../../data/link-repository'
import { isAppError, NotFoundError } from '../../shared/errors'
import { desaPartThanksPage, desaPartUploadPage, MUSDES_DATE_FIELD } from '../../web/desa-part-upload-page'
import { FILE_FIELD } from '../../web/verval-file'
import { requestActor } from '../cases/resident-actor'
import { publicAction } from '../runtime/action'
import { readMultipart } from '../runtime/multipart'
import { areaName } from '../runtime/staff-context'
import { readFormSheet } from '../runtime/verval-sheet'
import { linkErrorPage } from './link-error-page'

export const musdesAction = (link: Pick<LinkRecord, 'linkId'>): string => `/t/${link.linkId}/musdes`

export const submitMusdes = publicAction(async (request) => {
  const form = await readMultipart(request, MAX_MUSDES_FILE_BYTES)
  const secret = form.fields.k
  const musdesDate = (form.fields[MUSDES_DATE_FIELD] ?? '').trim()
  let resolved
  try {
    resolved = await resolveLink(request.event.pathParameters?.linkId, secret)
    if (resolved.kind !== 'desaPart') throw new NotFoundError('Tautan tidak dikenal.')
  } catch (error) {
    return linkErrorPage(error)
  }
  const { link, part } = resolved
  const actor = requestActor(request.event, link.recipient.id, 'provider')
  try {
    const rows = await readFormSheet(
      form.files.find((file) => file.field === FILE_FIELD),
      MAX_MUSDES_FILE_BYTES,
    )
    await receiveDesaUpload({ part, musdesDate, rows, actor, correlationId: request.correlationId })
    return desaPartThanksPage(part, rows.length, musdesDate)
  } catch (error) {
    if (isAppError(error) && error.status === 400)
      return desaPartUploadPage(
        part,
        {
          action: musdesAction(link),
          secret: secret ?? '',
          state: { values: { musdesDate }, errors: error.details },
        },
        areaName,
        400,
      )
    return linkErrorPage(error)
  }
})
