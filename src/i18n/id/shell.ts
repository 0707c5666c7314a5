/** Teks antarmuka: shell. */
export const shell = {
  placeholder: '—',
} as const;
