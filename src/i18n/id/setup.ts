/** Teks antarmuka: setup. */
export const setup = {
  placeholder: '—',
} as const;
