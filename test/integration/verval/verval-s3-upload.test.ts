/**
 * Large verval files through S3 (issue 12 point 3, ADR 0018), locally: the same S3 client
 * and presigned URL against the platform's S3 endpoint. A 5 MiB XLSX (its rows, and a
 * notes sheet that makes up the size, as offices' workbooks carry) is PUT with the URL
 * and submitted by its upload id; the workflow validates its rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_VERVAL_BYTES } from '../../../functions/core/verval/columns'
import { XLSX_TYPE } from '../../../functions/core/spreadsheet/read-spreadsheet'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family } from './verval-driver'
import { fiveMebibyteXlsx } from './verval-xlsx'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

const ROWS = 300

const presign = (username: string, body: unknown) =>
  driver.call(username, '/api/verval/uploads', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const submit = (username: string, uploadId: string) =>
  driver.call(username, `/api/verval?program=PKH&period=${currentPeriod()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uploadId }),
  })

describe('a verval file through the upload bucket', () => {
  it('takes a 5 MiB XLSX put with a presigned URL to the workflow, which validates its rows', async () => {
    const file = await fiveMebibyteXlsx(Array.from({ length: ROWS }, (_, n) => family(9000 + n)))
    const signed = await presign('tksk.leuwiliang', { contentType: XLSX_TYPE, size: file.byteLength })
    expect(signed.status).toBe(201)
    const { uploadId, url, method, headers } = (await signed.json()) as {
      uploadId: string
      url: string
      method: string
      headers: Record<string, string>
    }
    expect(new URL(url).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    expect((await fetch(url, { method, headers, body: file })).status).toBe(200)

    // Another kecamatan's TKSK cannot name it: uploads are kept per kecamatan.
    const foreign = await submit('tksk.ciampea', uploadId)
    expect(foreign.status).toBe(400)
    expect(
      ((await foreign.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path,
    ).toBe('uploadId')

    const accepted = await submit('tksk.leuwiliang', uploadId)
    expect(accepted.status).toBe(202)
    const { batchId } = (await accepted.json()) as { batchId: string }
    expect(await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'], 120_000)).toMatchObject({
      status: 'AWAITING_APPROVAL',
      rows: ROWS,
      errorCount: 0,
    })
    // The file is gone from the bucket once the batch holds its rows.
    expect((await submit('tksk.leuwiliang', uploadId)).status).toBe(400)
  }, 180_000)

  it('signs nothing over 5 MiB, nor a type other than CSV or XLSX, nor for anyone but a TKSK', async () => {
    const tooLarge = await presign('tksk.leuwiliang', { contentType: XLSX_TYPE, size: MAX_VERVAL_BYTES + 1 })
    expect(tooLarge.status).toBe(400)
    expect(
      ((await tooLarge.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path,
    ).toBe('size')
    expect((await presign('tksk.leuwiliang', { contentType: 'application/pdf', size: 10 })).status).toBe(400)
    expect((await presign('dinsos.bogor', { contentType: 'text/csv', size: 10 })).status).toBe(403)
  })
})
