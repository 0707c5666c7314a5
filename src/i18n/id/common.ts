/** Teks antarmuka: common. */
export const common = {
  placeholder: '—',
} as const;
