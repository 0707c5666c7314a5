/** Teks antarmuka: profile. */
export const profile = {
  placeholder: '—',
} as const;
