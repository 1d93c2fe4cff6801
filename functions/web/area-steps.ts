/**
 * The area picked in steps (DESIGN §4 Pages): a GET form of its own (province → regency →
 * district, each step re-renders the page with the next select), so without JavaScript
 * nothing typed in the main form is sent in a URL; the desa select belongs to the main
 * form (`form=`). Shared by the request form and the bansos page (ADR 0036).
 */
import type { AreaRow } from '../core/areas/area-index'
import { html, type SafeHtml } from './html'
import { errorFor, fieldId, type FormState, options } from './fields'

export interface AreaChoices {
  provinces: readonly AreaRow[]
  regencies: readonly AreaRow[]
  districts: readonly AreaRow[]
  villages: readonly AreaRow[]
}

export interface AreaPath {
  province?: string
  regency?: string
  district?: string
  village?: string
}

export interface AreaStepsSpec {
  /** Where the step form GETs (the page itself). */
  action: string
  /** The main form the desa select belongs to. */
  formId: string
  /** The desa field's name in the main form (its JSON path). */
  villageField: string
  legend: string
  hint: string
  /** Query parameters the steps keep (e.g. which form of the page is open). */
  hidden?: Readonly<Record<string, string>>
}

const rows = (list: readonly AreaRow[]) => list.map((r) => ({ value: r.code, label: r.name }))

const areaSelect = (
  id: string,
  level: string,
  label: string,
  list: readonly AreaRow[],
  selected: string | undefined,
  parent: { label: string; chosen: boolean } | undefined,
) => {
  const enabled = parent === undefined || parent.chosen
  const waiting = parent ? `— pilih ${parent.label} dahulu —` : ''
  return html`<label for="${id}">${label}</label
    ><select
      id="${id}"
      name="area"
      data-area-level="${level}"
      data-label="${label.toLowerCase()}"
      data-placeholder="${waiting}"
      ${enabled ? '' : html` disabled`}
    >
      ${options(rows(list), selected, enabled ? `— pilih ${label.toLowerCase()} —` : waiting)}
    </select>`
}

export const areaSteps = (
  model: FormState & { areas: AreaChoices; chosen: AreaPath },
  spec: AreaStepsSpec,
): SafeHtml => {
  const { areas, chosen } = model
  const villageName = spec.villageField
  const villageId = fieldId(villageName)
  const villageError = errorFor(model, villageName)
  const villageEnabled = chosen.district !== undefined
  return html`<form method="get" action="${spec.action}" id="area-form" data-areas="/api/reference/areas">
${Object.entries(spec.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
<fieldset${villageError ? html` class="has-error"` : ''}><legend>${spec.legend}</legend>
<p class="hint">${spec.hint}</p>
${areaSelect('area-province', 'province', 'Provinsi', areas.provinces, chosen.province, undefined)}
${areaSelect('area-regency', 'regency', 'Kabupaten/Kota', areas.regencies, chosen.regency, { label: 'provinsi', chosen: Boolean(chosen.province) })}
${areaSelect('area-district', 'district', 'Kecamatan', areas.districts, chosen.district, { label: 'kabupaten/kota', chosen: Boolean(chosen.regency) })}
<button type="submit" class="secondary nojs-only">Tampilkan pilihan berikutnya</button>
<label for="${villageId}">Desa/Kelurahan</label>${villageError ? html`<p class="error" id="${villageId}-error">${villageError}</p>` : ''}
<select id="${villageId}" name="${villageName}" form="${spec.formId}" data-area-level="village" data-label="desa/kelurahan" data-placeholder="— pilih kecamatan dahulu —" required${
    villageEnabled ? '' : html` disabled`
  }${villageError ? html` aria-invalid="true" aria-describedby="${villageId}-error"` : ''}>${options(
    rows(areas.villages),
    chosen.village,
    villageEnabled ? '— pilih desa/kelurahan —' : '— pilih kecamatan dahulu —',
  )}</select>
<p class="hint" id="area-status" role="status" aria-live="polite"></p>
</fieldset></form>`
}
