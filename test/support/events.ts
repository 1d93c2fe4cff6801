import type { APIGatewayProxyEventV2 } from 'aws-lambda'

/** A payload-2.0 event as API Gateway would send it, for handler unit tests. */
export const apiEvent = (
  overrides: Partial<APIGatewayProxyEventV2> & { routeKey: string },
): APIGatewayProxyEventV2 => {
  const [method = 'GET', path = '/'] = overrides.routeKey.split(' ')
  return {
    version: '2.0',
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req',
      routeKey: overrides.routeKey,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...overrides,
  }
}
