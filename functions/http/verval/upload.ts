/**
 * `POST /api/verval?program=&period=` (DESIGN §4): a TKSK submits the verval of their
 * own kecamatan. The parsed rows are stored packed in a few items (ADR 0004), the batch takes the period's
 * slot (superseding a batch still open to change; 409 once one is applying or applied),
 * and the workflow validates it: 202 with the batch id (also when the workflow could not
 * be started yet: the next read starts it, as for a case).
 */
import { deleteVervalUpload } from '../../data/verval-upload-store'
import { staffAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { assertPeriod } from './period'
import { readVervalFile } from './read-file'
import { uploaderKecamatan } from './uploader'
import { uploadQuerySchema } from './schemas'
import { startSubmittedBatch, submitBatch } from '../../flows/verval/submit-batch'

export const upload = staffAction(async (request) => {
  const { user } = request
  const kecamatan = uploaderKecamatan(user)
  const query = parseQuery(request, uploadQuerySchema)
  assertPeriod(query.period, kecamatan)
  const { rows, uploadId } = await readVervalFile(request, kecamatan)
  const batch = await submitBatch({
    kecamatan,
    program: query.program,
    period: query.period,
    rows,
    uploadedBy: { id: user.id, email: user.email },
    actor: { id: user.id, role: user.role },
    correlationId: request.correlationId,
  })
  // The batch holds the rows now; the bucket's lifecycle removes the file if this fails.
  if (uploadId) await deleteVervalUpload(kecamatan, uploadId)
  await startSubmittedBatch(batch, request.correlationId)
  return json(202, { batchId: batch.batchId, status: batch.status })
})
