/** The seed of DESIGN §6: the staff of two kabupaten/kota and the national roles. Local ids are the usernames. */
import type { StaffMember } from '../../../functions/data/user-repository'

const staff = (
  username: string,
  role: StaffMember['role'],
  area: string,
  email: string,
  displayName: string,
): StaffMember => ({ id: username, username, role, area, email, displayName })

export const seedStaff: readonly StaffMember[] = [
  staff('tksk.leuwiliang', 'tksk', '32.01.14', 'tksk.leuwiliang@dinsos.bogorkab.local', 'TKSK Leuwiliang'),
  staff('tksk.ciampea', 'tksk', '32.01.15', 'tksk.ciampea@dinsos.bogorkab.local', 'TKSK Ciampea'),
  staff('dinsos.bogor', 'dinsos', '32.01', 'rehsos@dinsos.bogorkab.local', 'Dinsos Kab. Bogor'),
  staff('kadinsos.bogor', 'dinsos_head', '32.01', 'kadis@dinsos.bogorkab.local', 'Kepala Dinsos Kab. Bogor'),
  staff('auditor.bogor', 'auditor', '32.01', 'inspektorat@bogorkab.local', 'Inspektorat Kab. Bogor'),
  staff('tksk.panjang', 'tksk', '18.71.04', 'tksk.panjang@dinsos.bandarlampungkota.local', 'TKSK Panjang'),
  staff(
    'dinsos.bandarlampung',
    'dinsos',
    '18.71',
    'dinsos@bandarlampungkota.local',
    'Dinsos Kota Bandar Lampung',
  ),
  staff(
    'kadinsos.bandarlampung',
    'dinsos_head',
    '18.71',
    'kadis@bandarlampungkota.local',
    'Kepala Dinsos Kota Bandar Lampung',
  ),
  staff('auditor.pusat', 'auditor', '*', 'itjen@kemensos.local', 'Itjen Kemensos'),
  staff('admin', 'admin', '*', 'admin@tksk.local', 'Administrator'),
  staff('admin.bogor', 'admin', '32.01', 'admin@dinsos.bogorkab.local', 'Administrator Dinsos Kab. Bogor'),
  // DESIGN v3 `dinsos_provinsi` (ADR 0039): reads the roll-up of Jawa Barat's kabupaten/kota.
  staff('dinsos.jabar', 'dinsos_provinsi', '32', 'dinsos@jabarprov.local', 'Dinsos Provinsi Jawa Barat'),
]
