import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { PayloadTooLargeError } from '../../shared/errors'

/**
 * The raw body bytes (base64-decoded when API Gateway encoded a binary body, such as an
 * XLSX upload), refused with 413 past the route's limit before any parsing.
 */
export const readBodyBytes = (event: APIGatewayProxyEventV2, maxBytes: number): Buffer => {
  if (!event.body) return Buffer.alloc(0)
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes)
  return bytes
}
