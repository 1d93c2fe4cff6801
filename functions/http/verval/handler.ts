/**
 * The verval Lambda: the verval API and the staff verval pages (`/staff/verval*`: batch
 * list and upload form, presigned upload, templates, batch page), the only HTTP function
 * holding the upload bucket and the verval workflow's start and stop (ADR 0013).
 * Errors of its pages are HTML; `/api/…` keeps the contract's JSON (`renderPageError`).
 */
import { renderPageError } from '../runtime/error-page'
import { createResourceHandler } from '../runtime/resource-handler'
import { decide } from './decide'
import { detail } from './detail'
import { errors } from './errors'
import { nationalExport } from './national-export'
import { revealVervalRow } from './reveal-row'
import { presignUpload } from './presign-upload'
import { upload } from './upload'
import { staffVervalDrafts, vervalDrafts } from '../bansos/drafts'
import { composeAction, desaPartsAction, sendDesaLinksAction } from './desa-parts'
import { staffComposeBatch, staffSendDesaLinks } from './desa-part-pages'
import {
  presignVervalPageUpload,
  staffVerval,
  staffVervalBatch,
  submitNationalExport,
  submitVervalUpload,
  vervalTemplateCsv,
  vervalTemplateXlsx,
} from './verval-pages'
import { issueBeritaAcaraAction, showBeritaAcara, signBeritaAcaraAction } from './berita-acara'
import { showPengesahan } from './pengesahan'

export const handler = createResourceHandler(
  'verval',
  {
    upload,
    presignUpload,
    detail,
    errors,
    decide,
    nationalExport,
    revealVervalRow,
    staffVerval,
    submitVervalUpload,
    submitNationalExport,
    presignVervalPageUpload,
    vervalTemplateCsv,
    vervalTemplateXlsx,
    staffVervalBatch,
    vervalDrafts,
    staffVervalDrafts,
    sendDesaLinks: sendDesaLinksAction,
    desaParts: desaPartsAction,
    compose: composeAction,
    staffSendDesaLinks,
    staffComposeBatch,
    showBeritaAcara,
    issueBeritaAcara: issueBeritaAcaraAction,
    signBeritaAcara: signBeritaAcaraAction,
    showPengesahan,
  },
  { renderError: renderPageError },
)
