import { createResourceHandler } from '../runtime/resource-handler'
import { decide } from './decide'
import { detail } from './detail'
import { errors } from './errors'
import { presignUpload } from './presign-upload'
import { upload } from './upload'

export const handler = createResourceHandler('verval', { upload, presignUpload, detail, errors, decide })
