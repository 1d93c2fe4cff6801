/**
 * The link pages that show the applicant's personal data (DESIGN §5, issue 19): the
 * provider's referral tasks and the TKSK's assessment. The task page plus whom to reach
 * and where (`linkDisclosureOf`). It lives here, not in functions/web/task-page.ts,
 * because it must never render without its `PII_READ` entry (see `renderLinkTask`).
 */
import type { ApplicantDisclosure, DisclosurePurpose } from '../../core/case/link-disclosure'
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import type { HttpResult } from '../runtime/action'
import { html } from '../../web/html'
import { telHref } from '../../web/phone-link'
import { type PlaceName, taskPage, type TaskPageForm } from '../../web/task-page'

const PURPOSE_NOTES: Readonly<Record<DisclosurePurpose, string>> = {
  referral: 'Data ini hanya untuk memberikan layanan rujukan; setiap pembukaan halaman ini dicatat.',
  asesmen: 'Data ini hanya untuk kunjungan asesmen; setiap pembukaan halaman ini dicatat.',
  adminduk: 'Data ini hanya untuk pencatatan kependudukan (NIK); setiap pembukaan halaman ini dicatat.',
}

const applicantContactHtml = (
  disclosure: ApplicantDisclosure,
  villageCode: string,
  purpose: DisclosurePurpose,
  placeName: PlaceName,
) =>
  html`<h2>Kontak dan identitas pemohon</h2>
    <dl class="applicant-contact">
      <dt>Nama pemohon</dt>
      <dd>${disclosure.name}</dd>
      <dt>Alamat</dt>
      <dd>${disclosure.address}<br />${placeName(villageCode)}</dd>
      ${
        disclosure.phone
          ? html`<dt>Telepon</dt>
              <dd><a href="${telHref(disclosure.phone)}">${disclosure.phone}</a></dd>`
          : ''
      }
      ${
        disclosure.nik
          ? html`<dt>NIK</dt>
              <dd>${disclosure.nik}</dd>`
          : ''
      }
      ${
        disclosure.kk
          ? html`<dt>No. KK</dt>
              <dd>${disclosure.kk}</dd>`
          : ''
      }
    </dl>
    <p>${PURPOSE_NOTES[purpose]}</p>`

export const disclosedTaskPage = (
  record: CaseRecord,
  task: TaskRecord,
  shown: { disclosure: ApplicantDisclosure; purpose: DisclosurePurpose },
  form: TaskPageForm,
  placeName: PlaceName,
  statusCode = 200,
): HttpResult => {
  const contact = applicantContactHtml(
    shown.disclosure,
    record.applicant.villageCode,
    shown.purpose,
    placeName,
  )
  const result = taskPage(record, task, form, placeName, statusCode, contact)
  // Personal data: no browser or proxy keeps a copy.
  return { ...result, headers: { ...result.headers, 'cache-control': 'no-store' } }
}
