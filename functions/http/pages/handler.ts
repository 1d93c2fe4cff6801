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
import { staffAudit, staffAuditEntity, staffAuditExport } from './audit-pages'
import { staffDashboard, staffDashboardCsv } from './dashboard'
import { renderPageError } from './error-page'
import { staffLetter, verifyLetter } from './letter'
import { loginCallback, logout, showLogin, submitLogin } from './login'
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
    staffAudit,
    staffAuditEntity,
    staffAuditExport,
    staffVerval,
    submitVervalUpload,
    vervalTemplateCsv,
    vervalTemplateXlsx,
    staffVervalBatch,
    staffApprovals,
    staffDashboard,
    staffDashboardCsv,
    staffReport,
    staffReportCsv,
    staffProviders,
    submitNewProvider,
    staffProvider,
    submitProviderChange,
    submitProviderStatus,
    asset,
  },
  { renderError: renderPageError },
)
