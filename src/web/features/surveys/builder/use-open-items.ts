import { useState } from 'react';

/** Which folded items (questions, themes) the admin has opened, by id. */
export function useOpenItems() {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, open: boolean) =>
    setOpened((current) => {
      if (current.has(id) === open) return current;
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  return { isOpen: (id: string) => opened.has(id), toggle };
}
