/**
 * `GET /verval/keputusan/{linkId}?k=`: the address verval approval links were mailed
 * with. The link module answers every kind at `/t/{linkId}`; this one redirects there
 * (303), keeping only the secret `k` (ADR 0017 addendum).
 */
import { publicAction } from '../runtime/action'

export const redirectApproval = publicAction(async (request) => {
  const linkId = encodeURIComponent(request.event.pathParameters?.linkId ?? '')
  const secret = request.event.queryStringParameters?.k
  const query = secret === undefined ? '' : `?${new URLSearchParams({ k: secret }).toString()}`
  return { statusCode: 303, headers: { location: `/t/${linkId}${query}` }, body: '' }
})
