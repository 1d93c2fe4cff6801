/** The pages Lambda (DESIGN §2, §4 Pages): HTML for residents and staff, and its static files. */
import { createResourceHandler } from '../runtime/resource-handler'
import {
  staffProvider,
  staffProviders,
  submitNewProvider,
  submitProviderChange,
  submitProviderStatus,
} from './admin-providers'
import { staffApprovals } from './approvals'
import { asset } from './assets'
import { staffDashboard, staffDashboardCsv } from './dashboard'
import { renderPageError } from './error-page'
import { staffLetter, verifyLetter } from './letter'
import { loginCallback, logout, showLogin, submitLogin } from './login'
import { resendFailedMail, staffMailProblems } from './mail-problems'
import { staffReport, staffReportCsv } from './report'
import { showConfirmation, showRequestForm, submitRequestForm } from './request-form'
import { staffCase, staffCaseReveal, staffCases, withdrawStaffCase } from './staff-cases'
import { showStaffTask, submitStaffTask } from './staff-task'
import { staffTasks } from './staff-tasks'
import { showStatus, submitStatus } from './status'
import {
  staffVerval,
  staffVervalBatch,
  submitVervalUpload,
  presignVervalPageUpload,
  vervalTemplateCsv,
  vervalTemplateXlsx,
} from './verval'

export const handler = createResourceHandler(
  'pages',
  {
    showRequestForm,
    submitRequestForm,
    showConfirmation,
    showStatus,
    submitStatus,
    showLogin,
    submitLogin,
    loginCallback,
    logout,
    staffTasks,
    staffCases,
    staffCase,
    staffCaseReveal,
    withdrawStaffCase,
    staffLetter,
    verifyLetter,
    showStaffTask,
    submitStaffTask,
    staffVerval,
    submitVervalUpload,
    presignVervalPageUpload,
    vervalTemplateCsv,
    vervalTemplateXlsx,
    staffVervalBatch,
    staffApprovals,
    staffDashboard,
    staffDashboardCsv,
    staffReport,
    staffReportCsv,
    staffMailProblems,
    resendFailedMail,
    staffProviders,
    submitNewProvider,
    staffProvider,
    submitProviderChange,
    submitProviderStatus,
    asset,
  },
  { renderError: renderPageError },
)
