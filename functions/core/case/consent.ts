/**
 * The consent a resident gives on intake (UU 27/2022 Pelindungan Data Pribadi). The
 * version is stored with each case, so a later change of wording never rewrites what an
 * earlier applicant agreed to.
 */
export const CONSENT_TEXT_VERSION = '2026-01'

export const CONSENT_TEXT =
  'Saya menyetujui Dinas Sosial memproses data pribadi saya dan keluarga saya untuk menangani ' +
  'permohonan ini, termasuk membagikannya kepada TKSK dan lembaga layanan rujukan sebatas yang diperlukan.'
