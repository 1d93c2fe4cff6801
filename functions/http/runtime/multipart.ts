/**
 * A `multipart/form-data` post (the verval upload form, the staff import form) read with busboy: the text
 * fields, and one file held in memory up to `maxFileBytes`. A body that is not multipart
 * or is malformed is the user's problem (400/415), never a 500.
 */
import busboy from 'busboy'
import { BadRequestError, UnsupportedMediaTypeError } from '../../shared/errors'
import type { RequestContext } from './action'

export interface UploadedFile {
  field: string
  filename: string
  bytes: Buffer
  /** More than `maxFileBytes` was sent; `bytes` holds only the start. */
  truncated: boolean
}

export interface MultipartForm {
  fields: Record<string, string>
  files: UploadedFile[]
}

export const readMultipart = (request: RequestContext, maxFileBytes: number): Promise<MultipartForm> => {
  const contentType = request.event.headers['content-type'] ?? ''
  if (!contentType.toLowerCase().startsWith('multipart/form-data'))
    return Promise.reject(new UnsupportedMediaTypeError('multipart/form-data'))
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { fileSize: maxFileBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
      })
    } catch {
      reject(new BadRequestError('Formulir unggahan tidak dapat dibaca.'))
      return
    }
    const form: MultipartForm = { fields: {}, files: [] }
    parser.on('field', (name, value) => {
      form.fields[name] = value
    })
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = []
      let truncated = false
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        truncated = true
      })
      stream.on('end', () => {
        form.files.push({ field, filename: info.filename ?? '', bytes: Buffer.concat(chunks), truncated })
      })
    })
    parser.on('close', () => resolve(form))
    parser.on('error', () => reject(new BadRequestError('Formulir unggahan tidak dapat dibaca.')))
    parser.end(request.bodyBytes)
  })
}
