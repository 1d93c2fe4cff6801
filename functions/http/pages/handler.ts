/**
 * The pages Lambda (DESIGN §2, §4 Pages): HTML for residents and staff, and its static files.
 * Staff pages of a resource with grants of its own run in that resource's function (audit,
 * verval, admin: ADR 0013); `resource` in page-routes.ts decides.
 */
import { createResourceHandler } from '../runtime/resource-handler'
import { staffApprovals } from './approvals'
import { asset } from './assets'
import { staffDashboard, staffDashboardCsv } from './dashboard'
import { renderPageError } from '../runtime/error-page'
import { staffLetter, verifyLetter } from './letter'
import { staffBeritaAcara, submitBeritaAcaraIssue, submitBeritaAcaraSignature } from './berita-acara'
import { staffPengesahan } from './pengesahan'
import { staffSlip } from './staff-slip'
import { showFieldIntake, submitFieldIntake } from './field-intake'
import { loginCallback, logout, showLogin, submitLogin } from './login'
import { resendFailedMail, staffMailProblems } from './mail-problems'
import { staffReport, staffReportCsv } from './report'
import { showConfirmation, showRequestForm, submitRequestForm } from './request-form'
import {
  pendampinganStaffCase,
  staffCase,
  staffCaseReveal,
  staffCases,
  stopStaffCaseSms,
  withdrawStaffCase,
} from './staff-cases'
import { showStaffTask, submitStaffTask } from './staff-task'
import { staffTasks } from './staff-tasks'
import { showStatus, submitStatus } from './status'
import { showKpmCheck, submitKpmCheck } from './kpm-check'
import { showBansosForm, submitBansosForm } from '../bansos/pages'

export const handler = createResourceHandler(
  'pages',
  {
    showRequestForm,
    submitRequestForm,
    showConfirmation,
    showStatus,
    submitStatus,
    showKpmCheck,
    submitKpmCheck,
    showBansosForm,
    submitBansosForm,
    showLogin,
    submitLogin,
    loginCallback,
    logout,
    staffTasks,
    staffCases,
    staffCase,
    staffCaseReveal,
    withdrawStaffCase,
    pendampinganStaffCase,
    stopStaffCaseSms,
    staffLetter,
    staffSlip,
    showFieldIntake,
    submitFieldIntake,
    verifyLetter,
    staffBeritaAcara,
    submitBeritaAcaraIssue,
    submitBeritaAcaraSignature,
    staffPengesahan,
    showStaffTask,
    submitStaffTask,
    staffApprovals,
    staffDashboard,
    staffDashboardCsv,
    staffReport,
    staffReportCsv,
    staffMailProblems,
    resendFailedMail,
    asset,
  },
  { renderError: renderPageError },
)
