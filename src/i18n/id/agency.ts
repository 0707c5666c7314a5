/** Teks antarmuka: agency. */
export const agency = {
  placeholder: '—',
} as const;
