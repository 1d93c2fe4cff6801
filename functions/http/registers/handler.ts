/** The registers Lambda (issue 16, ADR 0031): the PSKS register and the activity log. */
import { renderPageError } from '../runtime/error-page'
import { createResourceHandler } from '../runtime/resource-handler'
import { listActivities, logActivity } from './activities'
import {
  acknowledgeMonthlyLaporan,
  listLaporanSubmissions,
  openMonthlyLaporan,
  provinceRollUp,
  returnMonthlyLaporan,
  saveLaporanNarrative,
  showLaporan,
  submitMonthlyLaporan,
} from './laporan'
import { laporanListPage, submitLaporanPage } from './laporan-pages'
import { createPsks, listPsks, showPsks, updatePsks } from './psks'
import { activityListPage, psksListPage, submitActivityPage, submitPsksPage } from './register-pages'

export const handler = createResourceHandler(
  'registers',
  {
    listPsks,
    createPsks,
    showPsks,
    updatePsks,
    listActivities,
    logActivity,
    psksListPage,
    submitPsksPage,
    activityListPage,
    submitActivityPage,
    showLaporan,
    openMonthlyLaporan,
    saveLaporanNarrative,
    submitMonthlyLaporan,
    acknowledgeMonthlyLaporan,
    returnMonthlyLaporan,
    listLaporanSubmissions,
    provinceRollUp,
    laporanListPage,
    submitLaporanPage,
  },
  // JSON for `/api/…`, HTML (and 303 to the login) for the pages.
  { renderError: renderPageError },
)
