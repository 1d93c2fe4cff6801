/**
 * The case workflow's steps as staff know them, for the "Perlu perhatian" page; a state
 * not named here is shown by its name.
 */
const TASKS: Readonly<Record<string, string>> = {
  Assessment: 'asesmen',
  Approval: 'persetujuan',
  ProviderChoice: 'pemilihan penyedia',
  ReferralResponse: 'tanggapan rujukan',
  Rereferral: 'rujukan ulang',
  ReferralResult: 'hasil rujukan',
}

export const ATTENTION_STATE_LABELS: Readonly<Record<string, string>> = {
  Identify: 'Identifikasi',
  Recommend: 'Penyusunan rekomendasi',
  Close: 'Penutupan kasus',
  ...Object.fromEntries(
    Object.entries(TASKS).flatMap(([name, label]) => [
      [`Open${name}`, `Pembuatan tugas ${label}`],
      [`Await${name}`, `Menunggu ${label}`],
      [`Timer${name}`, `Pengingat ${label}`],
      [`Apply${name}`, `Penerapan keputusan ${label}`],
    ]),
  ),
}
