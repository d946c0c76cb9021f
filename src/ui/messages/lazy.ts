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

/**
 * The object, each of its getters turned into a value made on the first read, once. A catalog
 * writes a section as `get prompts() { return { … }; }`: a run reads few of a catalog's sections
 * (one command's help, not every command's; no prompts off a terminal), and the hundreds of
 * entries of the others, and the code that makes them, cost it nothing.
 */
export function sections<T extends object>(parts: T): T {
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(parts))) {
    if (!d.get) continue;
    const make: () => unknown = d.get.bind(parts);
    Object.defineProperty(parts, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = make();
        Object.defineProperty(parts, key, { value, enumerable: true, configurable: true });
        return value;
      },
    });
  }
  return parts;
}
