import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { PayloadTooLargeError } from '../errors'

/** The decoded body, refused with 413 past the route's limit (checked before any parsing). */
export const readBody = (event: APIGatewayProxyEventV2, maxBytes: number): string => {
  if (!event.body) return ''
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes)
  return bytes.toString('utf8')
}
