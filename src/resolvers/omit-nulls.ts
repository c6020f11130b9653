/** A GraphQL input field: null when the client sent null, undefined when it left the field out. */
export type Maybe<T> = T | null | undefined;

/** An object without its null and undefined values: a field that may be null becomes an optional field. */
export type WithoutNulls<T> = { [K in keyof T as null extends T[K] ? never : undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : undefined extends T[K] ? K : never]?: Exclude<T[K], null | undefined>;
};

/** GraphQL sends a field the client left unset as null; a provider client takes only the fields that were given. */
export function omitNulls<T extends object>(value: T): WithoutNulls<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as WithoutNulls<T>;
}
