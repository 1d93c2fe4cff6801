import { createResourceHandler } from '../runtime/resource-handler'
import { showApproval, submitApproval } from './approval-link'
import { decide } from './decide'
import { detail } from './detail'
import { errors } from './errors'
import { presignUpload } from './presign-upload'
import { upload } from './upload'

export const handler = createResourceHandler('verval', {
  upload,
  presignUpload,
  detail,
  errors,
  decide,
  showApproval,
  submitApproval,
})
