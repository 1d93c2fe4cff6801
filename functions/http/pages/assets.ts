/** `GET /assets/{name}`: the pages' CSS and JS, cacheable for a year (their URLs carry a content hash). */
import { NotFoundError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { ASSETS } from '../../web/assets/assets'

export const asset = publicAction(async (request) => {
  const name = request.event.pathParameters?.name ?? ''
  const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
  if (!file) throw new NotFoundError('Berkas tidak ditemukan.')
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${file.hash}"`,
    },
    body: file.body,
  }
})
