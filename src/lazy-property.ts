/** Per object, what each of its lazy properties is made from, or has become. */
const SLOTS = Symbol('dnsgraph.lazySlots');

/**
 * What makes the value (given the object read, so that one function may serve every object), until it is made or
 * written: then the value, in an object so a function value is told apart.
 */
type Slot = ((holder: object) => unknown) | { value: unknown };
type Holder = { [SLOTS]: Record<PropertyKey, Slot> };

/**
 * One getter and setter per property name, shared by every object that has it. An accessor made of closures
 * for each object would give each its own hidden class, which V8 keeps in the old generation; what the
 * closures hold (a request's whole context) would then survive every young-generation collection.
 */
const accessors = new Map<PropertyKey, PropertyDescriptor>();

function accessorsOf(key: PropertyKey): PropertyDescriptor {
  let descriptor = accessors.get(key);
  if (!descriptor) {
    descriptor = {
      get(this: Holder) {
        const slots = this[SLOTS];
        const slot = slots[key]!;
        if (typeof slot !== 'function') return slot.value;
        const value = slot(this);
        slots[key] = { value };
        return value;
      },
      set(this: Holder, value: unknown) {
        this[SLOTS][key] = { value };
      },
      enumerable: false,
      configurable: true,
    };
    accessors.set(key, descriptor);
  }
  return descriptor;
}

/**
 * Defines `key` on `target` so that `create` runs on its first read, and not at all if nothing reads it; a
 * write replaces the value. Not enumerable, so code that copies the object (metric label functions spread the
 * context) does not make it either. `create` is given the object read (`target`, or one made from it with
 * `Object.create`), so that one function made once may serve every object rather than a closure for each.
 */
export function defineLazily<T extends object>(target: T, key: PropertyKey, create: (holder: T) => unknown): void {
  if (!Object.hasOwn(target, SLOTS)) Object.defineProperty(target, SLOTS, { value: {}, enumerable: false, writable: false, configurable: false });
  (target as unknown as Holder)[SLOTS][key] = create as (holder: object) => unknown;
  Object.defineProperty(target, key, accessorsOf(key));
}
