/** Teks antarmuka: counselling. */
export const counselling = {
  placeholder: '—',
} as const;
