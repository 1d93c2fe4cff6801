/** The admin actions answer 403 before reading anything when the role may never do them. */
import { type Action, roleMay } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { ForbiddenError } from '../../shared/errors'

export const assertRoleMay = (user: User, action: Action): void => {
  if (!roleMay(user.role, action))
    throw new ForbiddenError('Hanya administrator yang dapat membuka halaman ini.')
}
