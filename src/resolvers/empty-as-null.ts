/** An object with nothing in it as null: providers send `{}` for metadata or options that are not there. */
export function emptyAsNull<T extends object>(value: T | null | undefined): T | null {
  return value && Object.keys(value).length > 0 ? value : null;
}
