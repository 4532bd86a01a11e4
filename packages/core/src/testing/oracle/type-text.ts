/**
 * Reads the type strings used by test fixtures (`DECIMAL(10, 2)`, `ROW<f0 INT, f1 STRING> NOT NULL`,
 * `INTERVAL DAY TO SECOND(3)`, `RAW(Integer)`, …) into `DataType` nodes.
 */
import type { DataType, DayTimeResolution, RowField } from '../../types/data-type.js';
import { MAX_LENGTH } from '../../types/data-type.js';
import { badInput } from '../../runtime/errors.js';

export function parseTypeText(text: string): DataType {
  const p = new TypeTextParser(text);
  const t = p.type();
  p.end();
  return t;
}

class TypeTextParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  private word(): string {
    this.ws();
    const m = /^(`[^`]+`|[A-Za-z_][\w$]*)/.exec(this.s.slice(this.i));
    if (!m) throw badInput({ kind: 'typeText', text: this.s, problem: `nothing readable at position ${this.i}` });
    this.i += m[0].length;
    return m[0].replace(/`/g, '');
  }
  private peekWord(): string {
    const save = this.i;
    try {
      return this.word().toUpperCase();
    } catch {
      return '';
    } finally {
      this.i = save;
    }
  }
  private eat(c: string): boolean {
    this.ws();
    if (this.s.startsWith(c, this.i)) {
      this.i += c.length;
      return true;
    }
    return false;
  }
  private num(): number {
    this.ws();
    const m = /^\d+/.exec(this.s.slice(this.i));
    if (!m) throw badInput({ kind: 'typeText', text: this.s, problem: `expected a number at position ${this.i}` });
    this.i += m[0].length;
    return Number(m[0]);
  }
  private params(): number[] {
    const out: number[] = [];
    if (!this.eat('(')) return out;
    do out.push(this.num());
    while (this.eat(','));
    this.eat(')');
    return out;
  }
  end(): void {
    this.ws();
    if (this.i !== this.s.length) throw badInput({ kind: 'typeText', text: this.s, problem: `unexpected text '${this.s.slice(this.i)}'` });
  }

  type(): DataType {
    const t = this.base();
    let nullable = true;
    if (this.peekWord() === 'NOT') {
      this.word();
      this.word();
      nullable = false;
    } else if (this.peekWord() === 'NULL') {
      this.word();
    }
    return { ...t, nullable } as DataType;
  }

  private base(): DataType {
    const w = this.word().toUpperCase();
    const n = true;
    switch (w) {
      case 'STRING': return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: n };
      case 'BYTES': return { kind: 'VARBINARY', length: MAX_LENGTH, nullable: n };
      case 'CHAR': return { kind: 'CHAR', length: this.params()[0] ?? 1, nullable: n };
      case 'VARCHAR': return { kind: 'VARCHAR', length: this.params()[0] ?? 1, nullable: n };
      case 'BINARY': return { kind: 'BINARY', length: this.params()[0] ?? 1, nullable: n };
      case 'VARBINARY': return { kind: 'VARBINARY', length: this.params()[0] ?? 1, nullable: n };
      case 'BOOLEAN': return { kind: 'BOOLEAN', nullable: n };
      case 'TINYINT': return { kind: 'TINYINT', nullable: n };
      case 'SMALLINT': return { kind: 'SMALLINT', nullable: n };
      case 'INT': case 'INTEGER': return { kind: 'INT', nullable: n };
      case 'BIGINT': return { kind: 'BIGINT', nullable: n };
      case 'FLOAT': return { kind: 'FLOAT', nullable: n };
      case 'DOUBLE': if (this.peekWord() === 'PRECISION') this.word(); return { kind: 'DOUBLE', nullable: n };
      case 'DECIMAL': case 'DEC': case 'NUMERIC': {
        const [p = 10, s = 0] = this.params();
        return { kind: 'DECIMAL', precision: p, scale: s, nullable: n };
      }
      case 'DATE': return { kind: 'DATE', nullable: n };
      case 'TIME': return { kind: 'TIME', precision: this.params()[0] ?? 0, nullable: n };
      case 'TIMESTAMP_LTZ': return { kind: 'TIMESTAMP_LTZ', precision: this.params()[0] ?? 6, nullable: n };
      case 'TIMESTAMP': {
        const precision = this.params()[0] ?? 6;
        if (this.peekWord() === 'WITH') {
          this.word(); this.word(); this.word(); this.word();
          return { kind: 'TIMESTAMP_LTZ', precision, nullable: n };
        }
        if (this.peekWord() === 'WITHOUT') { this.word(); this.word(); this.word(); }
        return { kind: 'TIMESTAMP', precision, nullable: n };
      }
      case 'INTERVAL': return this.interval();
      case 'ARRAY': case 'MULTISET': {
        this.eat('<');
        const element = this.type();
        this.eat('>');
        return { kind: w, element, nullable: n };
      }
      case 'MAP': {
        this.eat('<');
        const key = this.type();
        this.eat(',');
        const value = this.type();
        this.eat('>');
        return { kind: 'MAP', key, value, nullable: n };
      }
      case 'ROW': {
        const close = this.eat('<') ? '>' : (this.eat('('), ')');
        const fields: RowField[] = [];
        let k = 0;
        if (!this.eat(close)) {
          do {
            const save = this.i;
            const name = this.word();
            const next = this.peekWord();
            const isType = ['', 'NOT', 'NULL'].includes(next) || /^[,>)]/.test(this.s.slice(this.i).trim());
            if (isType) {
              this.i = save;
              fields.push({ name: `f${k}`, type: this.type() });
            } else fields.push({ name, type: this.type() });
            k++;
          } while (this.eat(','));
          this.eat(close);
        }
        return { kind: 'ROW', fields, nullable: n };
      }
      case 'RAW': {
        this.eat('(');
        const start = this.i;
        while (this.i < this.s.length && this.s[this.i] !== ')') this.i++;
        const className = this.s.slice(start, this.i).trim().replace(/^'|'$/g, '');
        this.eat(')');
        return { kind: 'RAW', className, snapshot: '', nullable: n };
      }
      default:
        throw badInput({ kind: 'typeText', text: this.s, problem: `unknown type '${w}'` });
    }
  }

  private interval(): DataType {
    const start = this.word().toUpperCase();
    const sp = this.params();
    let end: string | undefined;
    let ep: number[] = [];
    if (this.peekWord() === 'TO') {
      this.word();
      end = this.word().toUpperCase();
      ep = this.params();
    }
    if (start === 'YEAR' || start === 'MONTH') {
      return {
        kind: 'INTERVAL_YEAR_MONTH', resolution: start === 'MONTH' ? 'MONTH' : end ? 'YEAR_TO_MONTH' : 'YEAR',
        yearPrecision: sp[0] ?? 2, nullable: true,
      };
    }
    const resolution = (end ? `${start}_TO_${end}` : start) as DayTimeResolution;
    return {
      kind: 'INTERVAL_DAY_TIME', resolution, dayPrecision: start === 'DAY' ? sp[0] ?? 2 : 2,
      fractionalPrecision: (end === 'SECOND' ? ep[0] : start === 'SECOND' ? sp[0] : undefined) ?? 6, nullable: true,
    };
  }
}
