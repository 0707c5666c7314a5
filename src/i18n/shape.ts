/**
 * The English catalog must have exactly the keys of the Indonesian one. Typing each English file
 * as `Translation<typeof indonesian>` makes a missing or extra key a compile error; the parity
 * test in catalog.test.ts checks the same at run time.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};

/** A nested message tree. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** Flattens a tree into dotted keys: { a: { b: 'x' } } → ['a.b']. */
export function flattenKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flattenKeys(value, `${prefix}${key}.`),
  );
}
