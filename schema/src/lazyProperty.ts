/**
 * Makes `target[name]` a property computed on first read, then a plain one.
 * Enumerable, so JSON.stringify, spreads and deep equality read it as any other.
 * Decrypting personal data and upcasting what it holds use it, so a reader pays
 * only for the fields it reads.
 */
export function lazyProperty(target: object, name: string, compute: () => unknown): void {
  let known = false;
  let value: unknown;
  const settle = (v: unknown) => {
    known = true;
    value = v;
    try {
      Object.defineProperty(target, name, { value: v, writable: true, enumerable: true, configurable: true });
    } catch {
      // A frozen object keeps the accessor, which returns the value it computed.
    }
  };
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get() {
      if (!known) settle(compute());
      return value;
    },
    set(v: unknown) {
      settle(v);
    },
  });
}
