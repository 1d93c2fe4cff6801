/** The resident's slip on the staff pages (`/staff/cases/{caseId}/tanda-terima`): printed, only the slip. */
import type { HttpResult } from '../http/runtime/action'
import { html } from './html'
import { type SlipModel, slipHtml } from './slip'
import { type StaffContext, staffPage } from './staff-layout'

export const staffSlipPage = async (
  ctx: StaffContext,
  caseId: string,
  slip: SlipModel,
): Promise<HttpResult> =>
  staffPage(
    ctx,
    200,
    `Tanda terima ${slip.reference}`,
    html`<p class="no-print">
        Cetak halaman ini (menu Cetak peramban, kertas A4 atau A6) dan serahkan kepada pemohon.
        <a href="/staff/cases/${caseId}">Kembali ke kasus</a>
      </p>
      ${await slipHtml(slip)}`,
  )
