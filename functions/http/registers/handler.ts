/** The registers Lambda (issue 16, ADR 0031, 0038): the PSKS and PPKS registers, the social map, the activity log. */
import { renderPageError } from '../runtime/error-page'
import { createResourceHandler } from '../runtime/resource-handler'
import { listActivities, logActivity } from './activities'
import { createPpks, listPpks, openPpksCase, showPpks, socialMap, updatePpks } from './ppks'
import {
  ppksEntryPage,
  ppksListPage,
  socialMapPageAction,
  submitPpksCasePage,
  submitPpksEditPage,
  submitPpksPage,
} from './ppks-pages'
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
    listPpks,
    createPpks,
    showPpks,
    updatePpks,
    openPpksCase,
    socialMap,
    ppksListPage,
    submitPpksPage,
    ppksEntryPage,
    submitPpksCasePage,
    submitPpksEditPage,
    socialMapPage: socialMapPageAction,
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
