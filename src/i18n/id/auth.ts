/** Teks antarmuka: auth. */
export const auth = {
  placeholder: '—',
} as const;
