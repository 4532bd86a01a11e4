/** TypeScript literal and name helpers for generated code. */

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

/** A string literal in single quotes (what prettier keeps), escaped. */
export function str(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : str(name);
}

/** A camelCase identifier from a SQL name (`mysql_orders` → `mysqlOrders`), never a reserved word. */
export function identifier(...parts: readonly string[]): string {
  const words = parts.join('_').split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const safe = camel === '' ? 'table' : /^[0-9]/.test(camel) ? `_${camel}` : camel;
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** Names made unique within one generated module (`orders`, `orders2`, …). */
export class NameScope {
  private readonly used = new Set<string>();
  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.used.add(r);
  }
  /** Whether a name is taken. */
  has(name: string): boolean {
    return this.used.has(name);
  }
  take(name: string): string {
    let candidate = name;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${name}${i}`;
    this.used.add(candidate);
    return candidate;
  }
}
