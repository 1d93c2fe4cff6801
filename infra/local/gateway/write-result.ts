/** Writes a Lambda proxy result back as HTTP, including API Gateway's inference for bare values. */
import type { ServerResponse } from 'node:http'
import type { APIGatewayProxyResultV2 } from 'aws-lambda'

export const writeResult = (response: ServerResponse, result: APIGatewayProxyResultV2): void => {
  // API Gateway: a result without statusCode is a 200 JSON body of the value itself.
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(typeof result === 'string' ? result : JSON.stringify(result))
    return
  }
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) }
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies
  response.writeHead(result.statusCode ?? 200, headers)
  const body = result.body ?? ''
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body)
}
