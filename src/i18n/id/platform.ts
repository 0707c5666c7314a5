/** Teks antarmuka: platform. */
export const platform = {
  placeholder: '—',
} as const;
