/**
 * Writes a Lambda proxy result back as HTTP, as API Gateway does: its inference for bare
 * values; a base64 body (a download, a compressed answer with its `content-encoding`)
 * sent as the bytes it encodes; and `content-length` of those bytes, not chunked. A HEAD
 * request gets the same headers, the length included, and no body (Node drops it).
 */
import type { ServerResponse } from 'node:http'
import type { APIGatewayProxyResultV2 } from 'aws-lambda'

export const writeResult = (response: ServerResponse, result: APIGatewayProxyResultV2): void => {
  // API Gateway: a result without statusCode is a 200 JSON body of the value itself.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = Buffer.from(typeof result === 'string' ? result : JSON.stringify(result))
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength })
    response.end(body)
    return
  }
  const headers: Record<string, string | string[] | number> = Object.fromEntries(
    Object.entries(result.headers ?? {})
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([name, value]) => [name, String(value)]),
  )
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8')
  const statusCode = result.statusCode ?? 200
  // 204 and 304 carry no body and so no length (RFC 9110 §8.6).
  if (statusCode !== 204 && statusCode !== 304) headers['content-length'] = body.byteLength
  response.writeHead(statusCode, headers)
  response.end(body)
}
