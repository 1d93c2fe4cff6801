/**
 * `GET /assets/{name}` (and HEAD): the pages' CSS and JS. Only the URL the pages render,
 * `?v=` this deployment's content hash, is cacheable for a year (ADR 0059). Any other
 * `v` (a page of the other side of a deployment, a made-up value) gets the current bytes
 * with `no-store`: a page must still get some CSS while functions change over, and the
 * edge must not keep these bytes under a version they are not.
 */
import { NotFoundError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { ASSETS } from '../../web/assets/assets'
import { ASSET_VERSION_PARAMETER } from '../../web/assets/asset-version'

const IMMUTABLE = 'public, max-age=31536000, immutable'

export const asset = publicAction(async (request) => {
  const name = request.event.pathParameters?.name ?? ''
  const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
  if (!file) throw new NotFoundError('Berkas tidak ditemukan.')
  const version = request.event.queryStringParameters?.[ASSET_VERSION_PARAMETER]
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'cache-control': version === file.hash ? IMMUTABLE : 'no-store',
      etag: `"${file.hash}"`,
    },
    body: file.body,
  }
})
