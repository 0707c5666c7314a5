/** Teks antarmuka: home. */
export const home = {
  placeholder: '—',
} as const;
