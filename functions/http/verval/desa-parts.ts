/**
 * The desa parts API (issue 21 item 1, ADR 0033):
 * - `POST /api/verval-desa/links` `{program, period, kecamatan?}`: the TKSK (or Dinsos for a
 *   kecamatan) mails each desa with a contact its musdes link; 200 with who was mailed now,
 *   who before, and who has no email.
 * - `GET /api/verval-desa/parts?program=&period=&kecamatan=`: per desa what arrived and what is missing.
 * - `POST /api/verval-desa/compose?program=&period=`: the TKSK's own rows (CSV/XLSX, `{uploadId}`,
 *   or an empty body) composed with the parts that arrived into the kecamatan's batch; 202,
 *   or 400 naming both sources of each conflicting row.
 */
import { composeKecamatanBatch } from '../../flows/verval-desa/compose-batch'
import { desaPartsOverview } from '../../flows/verval-desa/desa-parts-overview'
import { sendDesaLinks } from '../../flows/verval-desa/send-desa-links'
import { startSubmittedBatch } from '../../flows/verval/submit-batch'
import { deleteVervalUpload } from '../../data/verval-upload-store'
import { staffAction } from '../runtime/action'
import { parseJsonBody, parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { composeQuerySchema, desaLinksBodySchema, desaPartsQuerySchema } from './desa-schemas'
import { linksKecamatan, partsKecamatan } from './desa-scope'
import { assertPeriod } from './period'
import { readVervalFile } from './read-file'
import { uploaderKecamatan } from './uploader'

export const sendDesaLinksAction = staffAction(async (request) => {
  const body = parseJsonBody(request, desaLinksBodySchema)
  const kecamatan = linksKecamatan(request.user, body.kecamatan)
  assertPeriod(body.period, kecamatan)
  const result = await sendDesaLinks({
    kecamatan,
    program: body.program,
    period: body.period,
    actor: { id: request.user.id, role: request.user.role },
    correlationId: request.correlationId,
  })
  return json(200, result)
})

export const desaPartsAction = staffAction(async (request) => {
  const query = parseQuery(request, desaPartsQuerySchema)
  const kecamatan = partsKecamatan(request.user, query.kecamatan)
  const items = await desaPartsOverview({ kecamatan, program: query.program, period: query.period })
  return json(200, { kecamatan, program: query.program, period: query.period, items })
})

export const composeAction = staffAction(async (request) => {
  const { user } = request
  const kecamatan = uploaderKecamatan(user)
  const query = parseQuery(request, composeQuerySchema)
  assertPeriod(query.period, kecamatan)
  const { rows, uploadId } =
    request.bodyBytes.length === 0
      ? { rows: [], uploadId: undefined }
      : await readVervalFile(request, kecamatan)
  const batch = await composeKecamatanBatch({
    kecamatan,
    program: query.program,
    period: query.period,
    ownRows: rows,
    uploadedBy: { id: user.id, email: user.email },
    actor: { id: user.id, role: user.role },
    correlationId: request.correlationId,
  })
  if (uploadId) await deleteVervalUpload(kecamatan, uploadId)
  await startSubmittedBatch(batch, request.correlationId)
  return json(202, { batchId: batch.batchId, status: batch.status, sources: batch.sources ?? [] })
})
