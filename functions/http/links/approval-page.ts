/**
 * The page of a verval approval link: the batch's summary by desa and the decision form,
 * posted back to the link's own address (`/t/{linkId}`). Shown again with the problem
 * when the decision given is not valid (400).
 */
import type { BatchRecord } from '../../core/verval/batch-record'
import type { HttpResult } from '../runtime/action'
import { html } from '../../web/html'
import { page } from '../../web/page'
import { vervalDesaSummary } from '../../web/verval-desa-summary'
import { areaName } from '../runtime/staff-context'

export const approvalPage = (
  batch: BatchRecord,
  form: { action: string; secret: string },
  problem?: string,
): HttpResult => {
  const s = batch.summary
  return page(
    problem ? 400 : 200,
    `Persetujuan verval ${batch.program} ${batch.period}`,
    html`<p>
        Batch <strong>${batch.batchId}</strong>, kecamatan ${areaName(batch.kecamatan)}, ${batch.rows} baris.
      </p>
      <p>
        Ringkasan: ${s?.added ?? 0} baru, ${s?.updated ?? 0} diubah, ${s?.removed ?? 0} dihapus,
        ${s?.unchanged ?? 0} tetap.
      </p>
      ${vervalDesaSummary(s?.byDesa ?? {}, areaName)}
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
      <form method="post" action="${form.action}">
        <input type="hidden" name="k" value="${form.secret}" />
        <fieldset>
          <legend>Keputusan</legend>
          <label><input type="radio" name="decision" value="APPROVE" /> Setujui</label>
          <label><input type="radio" name="decision" value="REJECT" /> Tolak</label>
        </fieldset>
        <label for="reason">Alasan (wajib bila menolak)</label
        ><textarea id="reason" name="reason" maxlength="1000"></textarea>
        <button type="submit">Kirim keputusan</button>
      </form>`,
  )
}
