/**
 * Large verval files through S3 (DESIGN §4, ADR 0018): the TKSK's browser or client puts
 * the file with a presigned URL; the upload action reads it back by its id. Objects live
 * under `verval/<kecamatan>/<uploadId>`, so a caller can only ever name a file of their
 * own kecamatan, and the bucket's lifecycle removes what is left after a day.
 */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { s3 } from '../shared/clients'
import { env } from '../shared/env'

/** The S3 key prefix the upload grant names (infra/constructs/access-grants.ts). */
export const VERVAL_UPLOAD_PREFIX = 'verval/'

const keyOf = (kecamatan: string, uploadId: string) => `${VERVAL_UPLOAD_PREFIX}${kecamatan}/${uploadId}`

/** A URL valid for `expiresInSeconds` that PUTs exactly `size` bytes of `contentType` (both signed). */
export const presignVervalUpload = async (
  kecamatan: string,
  uploadId: string,
  file: { contentType: string; size: number },
  expiresInSeconds: number,
): Promise<string> =>
  getSignedUrl(
    s3(),
    new PutObjectCommand({
      Bucket: env.vervalUploadBucket(),
      Key: keyOf(kecamatan, uploadId),
      ContentType: file.contentType,
      ContentLength: file.size,
    }),
    { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
  )

export interface UploadedFile {
  contentType: string
  bytes: Buffer
}

/** The uploaded file, or undefined when there is none under that id (never uploaded, or expired). */
export const readVervalUpload = async (
  kecamatan: string,
  uploadId: string,
): Promise<UploadedFile | undefined> => {
  try {
    const object = await s3().send(
      new GetObjectCommand({ Bucket: env.vervalUploadBucket(), Key: keyOf(kecamatan, uploadId) }),
    )
    const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? [])
    return { contentType: object.ContentType ?? '', bytes }
  } catch (error) {
    if (error instanceof NoSuchKey || (error instanceof Error && error.name === 'NoSuchKey')) return undefined
    throw error
  }
}

/** Removes a file once its batch holds the rows (the lifecycle rule is the fallback). */
export const deleteVervalUpload = async (kecamatan: string, uploadId: string): Promise<void> => {
  await s3().send(
    new DeleteObjectCommand({ Bucket: env.vervalUploadBucket(), Key: keyOf(kecamatan, uploadId) }),
  )
}
