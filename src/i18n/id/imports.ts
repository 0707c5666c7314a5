/** Teks antarmuka: imports. */
export const imports = {
  placeholder: '—',
} as const;
