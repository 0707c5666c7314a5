/** Teks antarmuka: assessments. */
export const assessments = {
  placeholder: '—',
} as const;
