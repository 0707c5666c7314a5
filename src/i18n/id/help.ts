/** Teks antarmuka: help. */
export const help = {
  placeholder: '—',
} as const;
