/** Teks antarmuka: org. */
export const org = {
  placeholder: '—',
} as const;
