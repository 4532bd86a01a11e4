/** A short description of a JavaScript value for messages: `null`, `a number (42)`, `a function`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string': return value === '' ? 'an empty string' : `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number': return `a number (${value})`;
    case 'bigint': return `a bigint (${value}n)`;
    case 'boolean': return `a boolean (${value})`;
    case 'symbol': return 'a Symbol';
    case 'function': return 'a function';
    default: {
      if (Array.isArray(value)) return `an array of ${value.length}`;
      const name = (value as object).constructor?.name;
      return name && name !== 'Object' ? `a ${name}` : 'an object';
    }
  }
}
