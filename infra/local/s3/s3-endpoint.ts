/**
 * The few S3 operations the system uses, served by the local platform under
 * `/__aws/s3/<bucket>/<key>` (path style; ADR 0018): PUT (what a presigned upload URL
 * does), GET, HEAD and DELETE of an object, persisted under `DATA_DIR/s3`, and the CORS
 * answers a page's script needs to PUT there (as the bucket's CORS rule allows). The same
 * `@aws-sdk/client-s3` calls and presigned URLs work against it as against S3. It checks
 * a presigned URL's expiry but not its signature: locally there is no secret to hold it to.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'

export const S3_PATH = '/s3'

interface StoredMeta {
  contentType: string
  size: number
  etag: string
  lastModified: string
}

const errorXml = (response: ServerResponse, status: number, code: string, message: string): void => {
  response.writeHead(status, { 'content-type': 'application/xml' })
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  )
}

/** `X-Amz-Date` (`20261206T120000Z`) + `X-Amz-Expires` seconds, as S3 reads a presigned URL. */
const presignExpired = (query: URLSearchParams, now: number): boolean => {
  const date = query.get('X-Amz-Date')
  const expires = query.get('X-Amz-Expires')
  if (!date || !expires) return false
  const signedAt = Date.parse(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  )
  return now > signedAt + Number(expires) * 1000
}

/** The bucket's CORS rule (infra/constructs/verval-upload-bucket.ts): PUT with a content type, any local page. */
const cors = (request: IncomingMessage): Record<string, string> => {
  const origin = request.headers.origin
  return origin
    ? {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'PUT',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '3600',
        vary: 'Origin',
      }
    : {}
}

export const createLocalS3 = (options: { dataDir: string }) => {
  const root = join(options.dataDir, 's3')
  // Keys may hold `/`: one flat file per object, its name the encoded key.
  const pathOf = (bucket: string, key: string) =>
    join(root, encodeURIComponent(bucket), encodeURIComponent(key))

  return async (request: IncomingMessage, response: ServerResponse, path: string, body: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const [bucket, ...rest] = path.slice(S3_PATH.length + 1).split('/')
    const key = rest.map(decodeURIComponent).join('/')
    if (!bucket || !key)
      return errorXml(response, 400, 'InvalidRequest', 'path-style bucket and key expected')
    if (presignExpired(url.searchParams, Date.now()))
      return errorXml(response, 403, 'AccessDenied', 'Request has expired')
    const file = pathOf(bucket, key)
    if (request.method === 'OPTIONS') {
      response.writeHead(200, cors(request))
      response.end()
      return
    }
    if (request.method === 'PUT') {
      await mkdir(join(root, encodeURIComponent(bucket)), { recursive: true })
      const meta: StoredMeta = {
        contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'),
        size: body.byteLength,
        etag: `"${createHash('md5').update(body).digest('hex')}"`,
        lastModified: new Date().toUTCString(),
      }
      await writeFile(`${file}.tmp`, body)
      await rename(`${file}.tmp`, file)
      await writeFile(`${file}.meta.json`, JSON.stringify(meta))
      response.writeHead(200, { etag: meta.etag, ...cors(request) })
      response.end()
      return
    }
    if (request.method === 'DELETE') {
      await rm(file, { force: true })
      await rm(`${file}.meta.json`, { force: true })
      response.writeHead(204)
      response.end()
      return
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      let meta: StoredMeta
      try {
        meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as StoredMeta
      } catch {
        if (request.method === 'HEAD') {
          response.writeHead(404)
          response.end()
          return
        }
        return errorXml(response, 404, 'NoSuchKey', 'The specified key does not exist.')
      }
      response.writeHead(200, {
        'content-type': meta.contentType,
        'content-length': String(meta.size),
        etag: meta.etag,
        'last-modified': meta.lastModified,
      })
      response.end(request.method === 'GET' ? await readFile(file) : undefined)
      return
    }
    errorXml(response, 405, 'MethodNotAllowed', `${request.method} is not served locally`)
  }
}
