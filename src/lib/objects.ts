/** A copy of `object` without its undefined properties, so that spreading it overwrites nothing with nothing. */
export function withoutUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
