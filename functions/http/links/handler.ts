import { createResourceHandler } from '../runtime/resource-handler'
import { redirectApproval } from './redirect-approval'
import { show } from './show'
import { submit } from './submit'
import { submitMusdes } from './submit-musdes'

export const handler = createResourceHandler('links', { show, submit, redirectApproval, submitMusdes })
