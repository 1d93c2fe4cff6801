/**
 * The Surat Rekomendasi pages: `GET /v/{code}` verifies a letter for anyone, `GET
 * /staff/cases/{caseId}/surat` prints it for staff. The staff page reads the case
 * through `GET /api/cases/{caseId}` itself, so its scope check and read audit apply.
 */
import { isLetterValid, letterCodeSchema, letterVerificationUrl } from '../../core/case/recommendation-letter'
import { getLetter } from '../../data/letter-repository'
import { revisionByCode } from '../../data/berita-acara-repository'
import { beritaAcaraVerificationPage } from '../../web/berita-acara-verification-page'
import { now } from '../../shared/clock'
import { env } from '../../shared/env'
import { NotFoundError } from '../../shared/errors'
import { publicAction, staffAction } from '../runtime/action'
import { groupedCode, letterVerificationPage } from '../../web/letter-verification-page'
import { qrCodeHtml } from '../../web/qr-code'
import type { CaseDetailView } from '../../web/staff-case-page'
import { staffLetterPage } from '../../web/staff-letter-page'
import { detail } from '../cases/detail'
import { callApi } from '../runtime/call-api'
import { areaName, staffContext } from '../runtime/staff-context'

// One answer for a malformed and an unknown code: the page tells nothing about which codes exist.
const LETTER_NOT_FOUND =
  'Surat tidak ditemukan. Periksa kembali kode verifikasi pada surat; bila tetap tidak ditemukan, surat itu tidak diterbitkan melalui sistem ini.'

export const verifyLetter = publicAction(async (request) => {
  const code = letterCodeSchema.safeParse(request.event.pathParameters?.code ?? '')
  const letter = code.success ? await getLetter(code.data) : undefined
  if (letter) return letterVerificationPage(letter, isLetterValid(letter, now()))
  // The Berita Acara's codes are of the same form (issue 21.3): one address checks every paper.
  const beritaAcara = code.success ? await revisionByCode(code.data) : undefined
  if (!beritaAcara) throw new NotFoundError(LETTER_NOT_FOUND)
  return beritaAcaraVerificationPage(beritaAcara, areaName)
})

export const staffLetter = staffAction(async (request) => {
  const view = await callApi<CaseDetailView>(detail, request, {
    pathParameters: { caseId: request.event.pathParameters?.caseId ?? '' },
  })
  const letter = view.letterCode ? await getLetter(view.letterCode) : undefined
  if (!letter) throw new NotFoundError('Kasus ini belum memiliki Surat Rekomendasi.')
  const verifyUrl = letterVerificationUrl(env.publicBaseUrl(), letter.code)
  return staffLetterPage(staffContext(request), {
    view,
    letter,
    verifyUrl,
    qrCode: await qrCodeHtml(verifyUrl, `Kode QR verifikasi surat ${groupedCode(letter.code)}`),
    valid: isLetterValid(letter, now()),
    areaName,
  })
})
