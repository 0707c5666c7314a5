/** Teks antarmuka: audit. */
export const audit = {
  placeholder: '—',
} as const;
