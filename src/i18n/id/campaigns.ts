/** Teks antarmuka: campaigns. */
export const campaigns = {
  placeholder: '—',
} as const;
