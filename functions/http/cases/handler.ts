import { createResourceHandler } from '../runtime/resource-handler'
import { detail } from './detail'
import { intake } from './intake'
import { list } from './list'
import { status } from './status'
import { withdraw } from './withdraw'

export const handler = createResourceHandler('cases', { intake, status, list, detail, withdraw })
