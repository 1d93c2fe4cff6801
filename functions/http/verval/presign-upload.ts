/**
 * `POST /api/verval/uploads` (ADR 0018): a URL to PUT a verval file of up to 5 MiB
 * straight into the upload bucket, for files a Lambda request cannot carry (6 MB, and a
 * binary body counts base64-encoded). The TKSK then posts `{"uploadId"}` to
 * `POST /api/verval`. The URL is signed for the caller's kecamatan, the content type and
 * the exact size, and lasts 15 minutes.
 */
import { ulid } from 'ulid'
import { presignVervalUpload } from '../../data/verval-upload-store'
import { now } from '../../shared/clock'
import { staffAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { uploaderKecamatan } from './uploader'
import { presignBodySchema } from './schemas'

const EXPIRES_SECONDS = 15 * 60

export const presignUpload = staffAction(async (request) => {
  const kecamatan = uploaderKecamatan(request.user)
  const file = parseJsonBody(request, presignBodySchema)
  const uploadId = ulid(now().getTime())
  const url = await presignVervalUpload(kecamatan, uploadId, file, EXPIRES_SECONDS)
  // The URL's life is counted by S3 on its own clock: say how long, not until when.
  return json(201, {
    uploadId,
    url,
    method: 'PUT',
    headers: { 'content-type': file.contentType },
    expiresInSeconds: EXPIRES_SECONDS,
  })
})
