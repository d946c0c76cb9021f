/**
 * A catalog made on first use: a run reads one language, and making the other's thousand entries
 * (and compiling their code) would cost every run for nothing. The value behaves as the object
 * itself: properties, `in`, keys and descriptors all come from it.
 */
export function lazy<T extends object>(make: () => T): T {
  let made: T | undefined;
  const real = () => (made ??= make());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key) as unknown,
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target is empty: a property it reports must be configurable.
      return d && { ...d, configurable: true };
    },
  });
}
