/**
 * The oracle's fallback SQL reader: expressions, data types, and the statements the flink-semantics cases use
 * (CREATE TABLE, INSERT INTO, SELECT with joins / window TVFs / GROUP BY / subqueries, SET). It produces the
 * shared AST. The project's SQL parser (packages/core/src/sql/parser) is used instead whenever it exports
 * `parseExpression` / `parseScript`.
 */
import type {
  Expression, FunctionCall, IntervalQualifier, JsonBehavior, OrderItem, TimeUnit, WindowSpec, WhenClause,
} from '../../../ast/expression.js';
import type { GroupingElement, Join, JoinType, Query, Relation, Select, SelectItem } from '../../../ast/query.js';
import type { ColumnDefinition, CreateTable, Insert, OptionEntry, Script, Statement } from '../../../ast/statement.js';
import type { DataType } from '../../../types/data-type.js';
import type { SourcePosition, Span } from '../../../ast/node.js';
import { parseTypeText } from '../type-text.js';
import { tokenize } from './lexer.js';
import type { Token } from './lexer.js';

const TIME_UNITS = new Set(['MILLENNIUM', 'CENTURY', 'DECADE', 'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND', 'DOW', 'DOY', 'ISODOW', 'ISOYEAR', 'EPOCH']);
const NILADIC = new Set(['CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'LOCALTIME', 'CURRENT_ROW_TIMESTAMP']);
const CLAUSE_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'ON', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'USING', 'WINDOW', 'AS', 'AND', 'OR', 'THEN', 'WHEN', 'ELSE', 'END', 'FOR', 'PLACING', 'IN', 'TO', 'RETURNING', 'NULL', 'ERROR', 'DEFAULT', 'EMPTY', 'WITH', 'WITHOUT', 'TRUE', 'FALSE', 'UNKNOWN', 'ABSENT', 'VALUE', 'KEY', 'ESCAPE', 'BETWEEN', 'LIKE', 'IS', 'NOT', 'SIMILAR', 'OVER', 'FILTER', 'INTERSECT', 'EXCEPT', 'LATERAL']);

function unitName(u: string): string {
  const x = u.toUpperCase().replace(/^SQL_TSI_/, '');
  const plural: Record<string, string> = { YEARS: 'YEAR', MONTHS: 'MONTH', DAYS: 'DAY', HOURS: 'HOUR', MINUTES: 'MINUTE', SECONDS: 'SECOND', WEEKS: 'WEEK', QUARTERS: 'QUARTER', FRAC_SECOND: 'MICROSECOND' };
  return plural[x] ?? x;
}

export class MiniSqlParser {
  private readonly t: Token[];
  private p = 0;
  constructor(private readonly src: string) {
    this.t = tokenize(src);
  }

  private get cur(): Token { return this.t[this.p] as Token; }
  private peek(n = 1): Token { return (this.t[this.p + n] ?? this.t[this.t.length - 1]) as Token; }
  private fail(msg: string): never {
    throw new Error(`${msg} near '${this.src.slice(this.cur.start, this.cur.start + 30)}'`);
  }
  private isKw(...ws: string[]): boolean { return this.cur.kind === 'ident' && ws.includes(this.cur.upper); }
  private isOp(o: string): boolean { return this.cur.kind === 'op' && this.cur.text === o; }
  private kw(...ws: string[]): boolean {
    if (this.isKw(...ws)) { this.p++; return true; }
    return false;
  }
  private op(o: string): boolean {
    if (this.isOp(o)) { this.p++; return true; }
    return false;
  }
  private expectKw(w: string): void { if (!this.kw(w)) this.fail(`expected ${w}`); }
  private expectOp(o: string): void { if (!this.op(o)) this.fail(`expected '${o}'`); }
  private ident(): string {
    const c = this.cur;
    if (c.kind === 'ident' || c.kind === 'qident') { this.p++; return c.text; }
    return this.fail('expected an identifier');
  }
  private str(): string {
    const c = this.cur;
    if (c.kind !== 'string') this.fail('expected a string literal');
    this.p++;
    return c.text;
  }
  private atEof(): boolean { return this.cur.kind === 'eof'; }
  atEnd(): boolean { return this.cur.kind === 'eof' || this.isOp(';'); }
  end(): void {
    this.op(';');
    if (this.cur.kind !== 'eof') this.fail('unexpected text');
  }

  // ---------------------------------------------------------------------------------------------------
  // Data types: the token range is handed to the type-text reader.

  dataType(): DataType {
    const start = this.cur.start;
    const word = this.ident().toUpperCase();
    const balanced = (open: string, close: string) => {
      if (!this.isOp(open)) return;
      let depth = 0;
      do {
        if (this.isOp(open)) depth++;
        else if (this.isOp(close)) depth--;
        this.p++;
      } while (depth > 0 && this.cur.kind !== 'eof');
    };
    if (word === 'INTERVAL') {
      this.ident();
      balanced('(', ')');
      if (this.kw('TO')) { this.ident(); balanced('(', ')'); }
    } else {
      balanced('(', ')');
      balanced('<', '>');
      if (word === 'DOUBLE') this.kw('PRECISION');
      if (this.isKw('WITH') && this.peek().upper === 'LOCAL') { this.p += 4; }
      else if (this.isKw('WITHOUT') && this.peek().upper === 'TIME') { this.p += 3; }
    }
    let end = this.t[this.p - 1]?.end ?? start;
    let text = this.src.slice(start, end);
    if (word === 'ROW' && text.includes('(')) text = text.replace(/^ROW\s*\(/i, 'ROW<').replace(/\)$/, '>');
    if (this.isKw('NOT') && this.peek().upper === 'NULL') { this.p += 2; end = this.t[this.p - 1]?.end ?? end; text += ' NOT NULL'; }
    else if (this.isKw('NULL') && !this.isClauseEndAfterNull()) { this.p++; }
    while (this.isKw('ARRAY', 'MULTISET')) { const w = this.ident().toUpperCase(); text = `${w}<${text}>`; }
    return parseTypeText(text);
  }
  private isClauseEndAfterNull(): boolean {
    return this.peek().upper === 'ON';
  }

  // ---------------------------------------------------------------------------------------------------
  // Expressions

  expr(): Expression { return this.or(); }

  private or(): Expression {
    let l = this.and();
    while (this.kw('OR')) l = { kind: 'Binary', op: 'OR', left: l, right: this.and() };
    return l;
  }
  private and(): Expression {
    let l = this.not();
    while (this.kw('AND')) l = { kind: 'Binary', op: 'AND', left: l, right: this.not() };
    return l;
  }
  private not(): Expression {
    if (this.kw('NOT')) return { kind: 'Unary', op: 'NOT', operand: this.not() };
    return this.predicate();
  }
  private predicate(): Expression {
    let l = this.additive();
    for (;;) {
      const c = this.cur;
      if (c.kind === 'op' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(c.text)) {
        this.p++;
        const op = (c.text === '!=' ? '<>' : c.text) as '=' | '<>' | '<' | '<=' | '>' | '>=';
        l = { kind: 'Binary', op, left: l, right: this.additive() };
        continue;
      }
      if (this.isKw('IS')) {
        this.p++;
        const negated = this.kw('NOT');
        if (this.kw('NULL')) l = { kind: 'IsNull', operand: l, negated };
        else if (this.isKw('TRUE', 'FALSE', 'UNKNOWN')) l = { kind: 'IsTruth', operand: l, value: this.ident().toUpperCase() as 'TRUE', negated };
        else if (this.kw('DISTINCT')) { this.expectKw('FROM'); l = { kind: 'IsDistinctFrom', left: l, right: this.additive(), negated }; }
        else if (this.kw('JSON')) {
          const type = this.isKw('VALUE', 'SCALAR', 'ARRAY', 'OBJECT') ? (this.ident().toUpperCase() as 'VALUE') : undefined;
          l = { kind: 'IsJson', operand: l, negated, ...(type ? { type } : {}) };
        } else this.fail('unexpected IS form');
        continue;
      }
      const save = this.p;
      const negated = this.kw('NOT');
      if (this.kw('IN')) {
        this.expectOp('(');
        if (this.isKw('SELECT', 'WITH')) {
          const query = this.query();
          this.expectOp(')');
          l = { kind: 'In', operand: l, query, negated };
        } else {
          const values = this.list(() => this.expr());
          this.expectOp(')');
          l = { kind: 'In', operand: l, values, negated };
        }
        continue;
      }
      if (this.kw('BETWEEN')) {
        let symmetric = false;
        if (this.kw('SYMMETRIC')) symmetric = true;
        else this.kw('ASYMMETRIC');
        const low = this.additive();
        this.expectKw('AND');
        const high = this.additive();
        l = { kind: 'Between', operand: l, low, high, negated, symmetric };
        continue;
      }
      if (this.isKw('LIKE') || (this.isKw('SIMILAR') && this.peek().upper === 'TO')) {
        const op = this.kw('LIKE') ? 'LIKE' : (this.p += 2, 'SIMILAR TO');
        const pattern = this.additive();
        const escape = this.kw('ESCAPE') ? this.additive() : undefined;
        l = { kind: 'Like', op: op as 'LIKE', operand: l, pattern, negated, ...(escape ? { escape } : {}) };
        continue;
      }
      this.p = save;
      return l;
    }
  }
  private additive(): Expression {
    let l = this.multiplicative();
    for (;;) {
      if (this.isOp('+') || this.isOp('-') || this.isOp('||')) {
        const op = this.cur.text as '+' | '-' | '||';
        this.p++;
        l = { kind: 'Binary', op, left: l, right: this.multiplicative() };
      } else return l;
    }
  }
  private multiplicative(): Expression {
    let l = this.unary();
    for (;;) {
      if (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
        const op = this.cur.text as '*' | '/' | '%';
        this.p++;
        l = { kind: 'Binary', op, left: l, right: this.unary() };
      } else return l;
    }
  }
  private unary(): Expression {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.cur.text as '-' | '+';
      this.p++;
      return { kind: 'Unary', op, operand: this.unary() };
    }
    const start = this.cur.start;
    const e = this.primary();
    return this.postfix(e.span ? e : { ...e, span: this.spanFrom(start) });
  }

  /** The source range from `start` to the end of the previous token. */
  private spanFrom(start: number): Span {
    const end = this.t[this.p - 1]?.end ?? start;
    return { start: this.position(start), end: this.position(end) };
  }

  private position(offset: number): SourcePosition {
    let line = 1;
    let col = 1;
    for (let i = 0; i < offset && i < this.src.length; i++) {
      if (this.src[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return { line, column: col, offset };
  }
  private postfix(e: Expression): Expression {
    for (;;) {
      if (this.op('[')) {
        const index = this.expr();
        this.expectOp(']');
        e = { kind: 'Subscript', operand: e, index };
      } else if (this.isOp('.') && (this.peek().kind === 'ident' || this.peek().kind === 'qident')) {
        this.p++;
        e = { kind: 'FieldAccess', operand: e, field: this.ident() };
      } else return e;
    }
  }

  private list<T>(f: () => T): T[] {
    const out: T[] = [f()];
    while (this.op(',')) out.push(f());
    return out;
  }

  private intervalQualifier(): IntervalQualifier {
    const start = unitName(this.ident()) as IntervalQualifier['start'];
    let startPrecision: number | undefined;
    let fractionalPrecision: number | undefined;
    if (this.op('(')) {
      startPrecision = Number(this.cur.text); this.p++;
      if (this.op(',')) { fractionalPrecision = Number(this.cur.text); this.p++; }
      this.expectOp(')');
    }
    let end: IntervalQualifier['end'];
    if (this.kw('TO')) {
      end = unitName(this.ident()) as IntervalQualifier['end'];
      if (this.op('(')) { fractionalPrecision = Number(this.cur.text); this.p++; this.expectOp(')'); }
    }
    if (start === 'SECOND' && startPrecision !== undefined && fractionalPrecision === undefined && !end) { /* SECOND(p) */ }
    return { start, ...(end ? { end } : {}), ...(startPrecision !== undefined ? { startPrecision } : {}), ...(fractionalPrecision !== undefined ? { fractionalPrecision } : {}) };
  }

  private primary(): Expression {
    const c = this.cur;
    if (c.kind === 'number') { this.p++; return { kind: 'NumericLiteral', text: c.text }; }
    if (c.kind === 'string') { this.p++; return { kind: 'StringLiteral', value: c.text }; }
    if (c.kind === 'binary') { this.p++; return { kind: 'BinaryLiteral', hex: c.text.toUpperCase() }; }
    if (this.op('(')) {
      if (this.isKw('SELECT', 'WITH')) {
        const query = this.query();
        this.expectOp(')');
        return { kind: 'ScalarSubquery', query };
      }
      const items = this.list(() => this.expr());
      this.expectOp(')');
      if (items.length === 1) return items[0] as Expression;
      return { kind: 'RowConstructor', fields: items, explicit: false };
    }
    if (c.kind === 'qident') return this.identOrCall();
    if (c.kind !== 'ident') return this.fail('unexpected token');
    const u = c.upper;
    const next = this.peek();
    switch (u) {
      case 'TRUE': case 'FALSE': this.p++; return { kind: 'BooleanLiteral', value: u === 'TRUE' };
      case 'NULL': this.p++; return { kind: 'NullLiteral' };
      case 'DATE': case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
        if (next.kind === 'string') { this.p += 2; return { kind: 'TemporalLiteral', type: u, value: next.text }; }
        break;
      case 'INTERVAL': {
        this.p++;
        let negative = false;
        if (this.op('-')) negative = true;
        else this.op('+');
        const value = this.str();
        return { kind: 'IntervalLiteral', negative, value, qualifier: this.intervalQualifier() };
      }
      case 'CASE': {
        this.p++;
        const operand = this.isKw('WHEN') ? undefined : this.expr();
        const whens: WhenClause[] = [];
        while (this.kw('WHEN')) {
          const ws = this.list(() => this.expr());
          this.expectKw('THEN');
          const then = this.expr();
          whens.push({ when: ws.length === 1 ? (ws[0] as Expression) : { kind: 'RowConstructor', fields: ws, explicit: false }, then });
        }
        const els = this.kw('ELSE') ? this.expr() : undefined;
        this.expectKw('END');
        return { kind: 'Case', whens, ...(operand ? { operand } : {}), ...(els ? { else: els } : {}) };
      }
      case 'CAST': case 'TRY_CAST':
        if (next.text === '(') {
          this.p += 2;
          const operand = this.expr();
          this.expectKw('AS');
          // In CAST, a bare VARCHAR has no length limit (Calcite leaves the precision unspecified).
          const bare = this.isKw('VARCHAR') && this.peek().text !== '(';
          const type = this.dataType();
          this.expectOp(')');
          return { kind: 'Cast', operand, type: bare && type.kind === 'VARCHAR' ? { ...type, length: 2147483647 } : type, try: u === 'TRY_CAST' };
        }
        break;
      case 'EXTRACT':
        if (next.text === '(') {
          this.p += 2;
          const unit = unitName(this.ident()) as TimeUnit;
          this.expectKw('FROM');
          const operand = this.expr();
          this.expectOp(')');
          return { kind: 'Extract', unit, operand };
        }
        break;
      case 'FLOOR': case 'CEIL': case 'CEILING': {
        if (next.text !== '(') break;
        const save = this.p;
        this.p += 2;
        const operand = this.expr();
        if (this.kw('TO')) {
          const unit = unitName(this.ident()) as TimeUnit;
          this.expectOp(')');
          return { kind: 'FloorCeil', op: u === 'FLOOR' ? 'FLOOR' : 'CEIL', operand, unit };
        }
        this.p = save;
        break;
      }
      case 'TRIM':
        if (next.text === '(') {
          this.p += 2;
          let side: 'BOTH' | 'LEADING' | 'TRAILING' = 'BOTH';
          let explicitSide = false;
          if (this.isKw('BOTH', 'LEADING', 'TRAILING')) { side = this.ident().toUpperCase() as 'BOTH'; explicitSide = true; }
          let chars: Expression | undefined;
          let operand: Expression;
          if (this.kw('FROM')) operand = this.expr();
          else {
            const first = this.expr();
            if (this.kw('FROM')) { chars = first; operand = this.expr(); } else { operand = first; void explicitSide; }
          }
          this.expectOp(')');
          return { kind: 'Trim', side, operand, ...(chars ? { chars } : {}) };
        }
        break;
      case 'SUBSTRING':
        if (next.text === '(') {
          this.p += 2;
          const operand = this.expr();
          let start: Expression;
          let length: Expression | undefined;
          if (this.kw('FROM')) { start = this.expr(); if (this.kw('FOR')) length = this.expr(); }
          else { this.expectOp(','); start = this.expr(); if (this.op(',')) length = this.expr(); }
          this.expectOp(')');
          return { kind: 'Substring', operand, start, ...(length ? { length } : {}) };
        }
        break;
      case 'OVERLAY':
        if (next.text === '(') {
          this.p += 2;
          const operand = this.expr();
          this.expectKw('PLACING');
          const placing = this.expr();
          this.expectKw('FROM');
          const start = this.expr();
          const length = this.kw('FOR') ? this.expr() : undefined;
          this.expectOp(')');
          return { kind: 'Overlay', operand, placing, start, ...(length ? { length } : {}) };
        }
        break;
      case 'POSITION':
        if (next.text === '(') {
          this.p += 2;
          const needle = this.additive();
          this.expectKw('IN');
          const haystack = this.expr();
          const start = this.kw('FROM') ? this.expr() : undefined;
          this.expectOp(')');
          return { kind: 'Position', needle, haystack, ...(start ? { start } : {}) };
        }
        break;
      case 'JSON_VALUE': case 'JSON_QUERY': case 'JSON_EXISTS':
        if (next.text === '(') return this.jsonFunction(u);
        break;
      case 'JSON_OBJECT':
        if (next.text === '(') {
          this.p += 2;
          const entries: { key: Expression; value: Expression }[] = [];
          let onNull: 'NULL' | 'ABSENT' = 'NULL';
          while (!this.isOp(')')) {
            if (this.isKw('NULL', 'ABSENT') && this.peek().upper === 'ON') { onNull = this.ident().toUpperCase() as 'NULL'; this.p += 2; continue; }
            this.kw('KEY');
            const key = this.additive();
            this.expectKw('VALUE');
            const value = this.expr();
            entries.push({ key, value });
            this.op(',');
          }
          this.expectOp(')');
          return { kind: 'JsonObject', entries, onNull };
        }
        break;
      case 'JSON_ARRAY':
        if (next.text === '(') {
          this.p += 2;
          const values: Expression[] = [];
          let onNull: 'NULL' | 'ABSENT' = 'ABSENT';
          while (!this.isOp(')')) {
            if (this.isKw('NULL', 'ABSENT') && this.peek().upper === 'ON') { onNull = this.ident().toUpperCase() as 'NULL'; this.p += 2; continue; }
            values.push(this.expr());
            this.op(',');
          }
          this.expectOp(')');
          return { kind: 'JsonArray', values, onNull };
        }
        break;
      case 'ROW':
        if (next.text === '(') {
          this.p += 2;
          const fields = this.isOp(')') ? [] : this.list(() => this.expr());
          this.expectOp(')');
          return { kind: 'RowConstructor', fields, explicit: true };
        }
        break;
      case 'ARRAY':
        if (next.text === '[') {
          this.p += 2;
          const elements = this.isOp(']') ? [] : this.list(() => this.expr());
          this.expectOp(']');
          return { kind: 'ArrayConstructor', elements };
        }
        break;
      case 'MAP':
        if (next.text === '[') {
          this.p += 2;
          const xs = this.list(() => this.expr());
          this.expectOp(']');
          const entries = [];
          for (let i = 0; i + 1 < xs.length; i += 2) entries.push({ key: xs[i] as Expression, value: xs[i + 1] as Expression });
          return { kind: 'MapConstructor', entries };
        }
        break;
      case 'EXISTS':
        if (next.text === '(') {
          this.p += 2;
          const query = this.query();
          this.expectOp(')');
          return { kind: 'Exists', query };
        }
        break;
      case 'TABLE':
        this.p++;
        return { kind: 'TableArg', relation: { kind: 'TableRef', path: this.path() } };
      case 'DESCRIPTOR':
        if (next.text === '(') {
          this.p += 2;
          const columns = this.list(() => this.ident());
          this.expectOp(')');
          return { kind: 'Descriptor', columns };
        }
        break;
      default:
        if (NILADIC.has(u) && next.text !== '(') { this.p++; return { kind: 'FunctionCall', name: [u], args: [] }; }
    }
    return this.identOrCall();
  }

  private jsonBehavior(): JsonBehavior | undefined {
    if (this.kw('NULL')) return { kind: 'Null' };
    if (this.kw('ERROR')) return { kind: 'Error' };
    if (this.kw('DEFAULT')) return { kind: 'Default', value: this.additive() };
    if (this.isKw('EMPTY')) {
      this.p++;
      if (this.kw('ARRAY')) return { kind: 'EmptyArray' };
      this.expectKw('OBJECT');
      return { kind: 'EmptyObject' };
    }
    return undefined;
  }

  private jsonFunction(u: string): Expression {
    this.p += 2;
    const operand = this.expr();
    this.expectOp(',');
    const path = this.additive();
    let returning: DataType | undefined;
    let wrapper: 'WITHOUT' | 'CONDITIONAL' | 'UNCONDITIONAL' = 'WITHOUT';
    let onEmpty: JsonBehavior | undefined;
    let onError: JsonBehavior | undefined;
    let existsOnError: 'TRUE' | 'FALSE' | 'UNKNOWN' | 'ERROR' | undefined;
    while (!this.isOp(')')) {
      if (this.kw('RETURNING')) { returning = this.dataType(); continue; }
      if (this.kw('WITHOUT')) { this.kw('ARRAY'); this.expectKw('WRAPPER'); wrapper = 'WITHOUT'; continue; }
      if (this.kw('WITH')) {
        wrapper = this.kw('CONDITIONAL') ? 'CONDITIONAL' : (this.kw('UNCONDITIONAL'), 'UNCONDITIONAL');
        this.kw('ARRAY');
        this.expectKw('WRAPPER');
        continue;
      }
      if (u === 'JSON_EXISTS' && this.isKw('TRUE', 'FALSE', 'UNKNOWN', 'ERROR')) {
        existsOnError = this.ident().toUpperCase() as 'TRUE';
        this.expectKw('ON');
        this.expectKw('ERROR');
        continue;
      }
      const b = this.jsonBehavior();
      if (!b) this.fail('unexpected JSON clause');
      this.expectKw('ON');
      if (this.kw('EMPTY')) onEmpty = b;
      else { this.expectKw('ERROR'); onError = b; }
    }
    this.expectOp(')');
    if (u === 'JSON_EXISTS') return { kind: 'JsonExists', operand, path, ...(existsOnError ? { onError: existsOnError } : {}) };
    if (u === 'JSON_VALUE') return { kind: 'JsonValue', operand, path, ...(returning ? { returning } : {}), ...(onEmpty ? { onEmpty } : {}), ...(onError ? { onError } : {}) };
    return { kind: 'JsonQuery', operand, path, wrapper, ...(returning ? { returning } : {}), ...(onEmpty ? { onEmpty } : {}), ...(onError ? { onError } : {}) };
  }

  private path(): string[] {
    const out = [this.ident()];
    while (this.isOp('.') && (this.peek().kind === 'ident' || this.peek().kind === 'qident')) { this.p++; out.push(this.ident()); }
    return out;
  }

  private identOrCall(): Expression {
    const quoted = this.cur.kind === 'qident';
    const first = this.ident();
    if (this.isOp('(')) {
      this.p++;
      const name = quoted ? first.toUpperCase() : first.toUpperCase();
      const call: { -readonly [K in keyof FunctionCall]: FunctionCall[K] } = { kind: 'FunctionCall', name: [name], args: [] };
      if (this.op('*')) call.star = true;
      else if (!this.isOp(')')) {
        if (this.kw('DISTINCT')) call.distinct = true;
        else this.kw('ALL');
        const timeUnitFn = name === 'TIMESTAMPADD' || name === 'TIMESTAMPDIFF';
        const args: Expression[] = [];
        do {
          if (timeUnitFn && args.length === 0 && this.cur.kind === 'ident' && TIME_UNITS.has(unitName(this.cur.text))) {
            args.push({ kind: 'TimeUnitArg', unit: unitName(this.ident()) as TimeUnit });
          } else if ((this.cur.kind === 'ident') && this.peek().text === '=>') {
            const n = this.ident();
            this.p++;
            args.push({ kind: 'NamedArg', name: n, value: this.expr() });
          } else args.push(this.expr());
        } while (this.op(','));
        call.args = args;
      }
      this.expectOp(')');
      if (this.isKw('FILTER') && this.peek().text === '(') {
        this.p += 2;
        this.expectKw('WHERE');
        call.filter = this.expr();
        this.expectOp(')');
      }
      if (this.kw('OVER')) {
        if (this.cur.kind === 'ident') call.over = this.ident();
        else {
          this.expectOp('(');
          const partitionBy = this.kw('PARTITION') ? (this.expectKw('BY'), this.list(() => this.expr())) : [];
          const orderBy = this.kw('ORDER') ? (this.expectKw('BY'), this.orderItems()) : [];
          if (this.isKw('ROWS', 'RANGE')) this.fail('window frames are not read by the fallback parser');
          this.expectOp(')');
          const spec: WindowSpec = { partitionBy, orderBy };
          call.over = spec;
        }
      }
      return call;
    }
    if (this.isOp('.') && (this.peek().kind === 'ident' || this.peek().kind === 'qident')) {
      this.p++;
      const name = this.ident();
      return { kind: 'ColumnRef', table: first, name };
    }
    return { kind: 'ColumnRef', name: first };
  }

  private orderItems(): OrderItem[] {
    return this.list(() => {
      const expr = this.expr();
      const direction = this.kw('DESC') ? 'DESC' : (this.kw('ASC'), undefined);
      let nulls: 'FIRST' | 'LAST' | undefined;
      if (this.kw('NULLS')) nulls = this.kw('FIRST') ? 'FIRST' : (this.expectKw('LAST'), 'LAST');
      return { expr, ...(direction ? { direction } : {}), ...(nulls ? { nulls } : {}) } as OrderItem;
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Queries

  query(): Query {
    if (this.kw('WITH')) {
      const ctes = this.list(() => {
        const name = this.ident();
        this.expectKw('AS');
        this.expectOp('(');
        const query = this.query();
        this.expectOp(')');
        return { name, query };
      });
      return { kind: 'With', ctes, body: this.query() };
    }
    let left = this.queryTerm();
    while (this.isKw('UNION', 'INTERSECT', 'EXCEPT')) {
      const op = this.ident().toUpperCase() as 'UNION';
      const all = this.kw('ALL');
      this.kw('DISTINCT');
      left = { kind: 'SetOperation', op, all, left, right: this.queryTerm() };
    }
    return left;
  }

  private queryTerm(): Query {
    if (this.op('(')) {
      const q = this.query();
      this.expectOp(')');
      return q;
    }
    return this.select();
  }

  private select(): Select {
    this.expectKw('SELECT');
    const distinct = this.kw('DISTINCT');
    this.kw('ALL');
    const items: SelectItem[] = this.list(() => {
      if (this.op('*')) return { kind: 'SelectStar' };
      if ((this.cur.kind === 'ident' || this.cur.kind === 'qident') && this.peek().text === '.' && this.peek(2).text === '*') {
        const table = this.ident();
        this.p += 2;
        return { kind: 'SelectStar', table };
      }
      const expr = this.expr();
      let alias: string | undefined;
      if (this.kw('AS')) alias = this.ident();
      else if ((this.cur.kind === 'ident' && !CLAUSE_END.has(this.cur.upper)) || this.cur.kind === 'qident') alias = this.ident();
      return { kind: 'SelectExpr', expr, ...(alias ? { alias } : {}) };
    });
    const s: { -readonly [K in keyof Select]: Select[K] } = { kind: 'Select', distinct, items };
    if (this.kw('FROM')) s.from = this.relations();
    if (this.kw('WHERE')) s.where = this.expr();
    if (this.isKw('GROUP')) {
      this.p++;
      this.expectKw('BY');
      s.groupBy = this.list(() => this.groupingElement());
    }
    if (this.kw('HAVING')) s.having = this.expr();
    if (this.isKw('ORDER')) { this.p++; this.expectKw('BY'); s.orderBy = this.orderItems(); }
    if (this.kw('LIMIT')) s.limit = this.expr();
    return s;
  }

  private groupingElement(): GroupingElement {
    if (this.isKw('GROUPING') && this.peek().upper === 'SETS') {
      this.p += 2;
      this.expectOp('(');
      const sets = this.list(() => {
        if (this.op('(')) {
          const es = this.isOp(')') ? [] : this.list(() => this.expr());
          this.expectOp(')');
          return es;
        }
        return [this.expr()];
      });
      this.expectOp(')');
      return { kind: 'GroupingSets', sets };
    }
    if (this.isKw('ROLLUP', 'CUBE') && this.peek().text === '(') {
      const k = this.ident().toUpperCase();
      this.expectOp('(');
      const exprs = this.list(() => this.expr());
      this.expectOp(')');
      return k === 'ROLLUP' ? { kind: 'Rollup', exprs } : { kind: 'Cube', exprs };
    }
    return this.expr();
  }

  private relations(): Relation {
    let left = this.joined();
    while (this.op(',')) left = { kind: 'Join', type: 'CROSS', left, right: this.joined(), comma: true };
    return left;
  }

  private joined(): Relation {
    let left = this.relationPrimary();
    for (;;) {
      let type: JoinType | undefined;
      if (this.kw('JOIN')) type = 'INNER';
      else if (this.isKw('INNER') && this.peek().upper === 'JOIN') { this.p += 2; type = 'INNER'; }
      else if (this.isKw('LEFT', 'RIGHT', 'FULL')) {
        type = this.ident().toUpperCase() as JoinType;
        this.kw('OUTER');
        this.expectKw('JOIN');
      } else if (this.isKw('CROSS') && this.peek().upper === 'JOIN') { this.p += 2; type = 'CROSS'; }
      if (!type) return left;
      const right = this.relationPrimary();
      const j: { -readonly [K in keyof Join]: Join[K] } = { kind: 'Join', type, left, right };
      if (this.kw('ON')) j.on = this.expr();
      else if (this.kw('USING')) { this.expectOp('('); j.using = this.list(() => this.ident()); this.expectOp(')'); }
      left = j;
    }
  }

  private alias(): { alias?: string; columnAliases?: string[] } {
    let alias: string | undefined;
    if (this.kw('AS')) alias = this.ident();
    else if ((this.cur.kind === 'ident' && !CLAUSE_END.has(this.cur.upper)) || this.cur.kind === 'qident') alias = this.ident();
    let columnAliases: string[] | undefined;
    if (alias && this.isOp('(')) { this.p++; columnAliases = this.list(() => this.ident()); this.expectOp(')'); }
    return { ...(alias ? { alias } : {}), ...(columnAliases ? { columnAliases } : {}) };
  }

  private relationPrimary(): Relation {
    const start = this.cur.start;
    const r = this.relationPrimaryInner();
    return r.span ? r : { ...r, span: this.spanFrom(start) };
  }

  private relationPrimaryInner(): Relation {
    if (this.op('(')) {
      if (this.isKw('SELECT', 'WITH')) {
        const query = this.query();
        this.expectOp(')');
        return { kind: 'SubqueryRelation', query, ...this.alias() };
      }
      const r = this.relations();
      this.expectOp(')');
      return r;
    }
    const lateral = this.kw('LATERAL');
    if (this.isKw('TABLE') && this.peek().text === '(') {
      this.p += 2;
      const call = this.identOrCall();
      if (call.kind !== 'FunctionCall') this.fail('expected a table function call');
      this.expectOp(')');
      return { kind: 'TableFunction', call, lateral, ...this.alias() };
    }
    const path = this.path();
    let forSystemTimeAsOf: Expression | undefined;
    if (this.isKw('FOR') && this.peek().upper === 'SYSTEM_TIME') {
      this.p += 2;
      this.expectKw('AS');
      this.expectKw('OF');
      forSystemTimeAsOf = this.additive();
    }
    return { kind: 'TableRef', path, ...(forSystemTimeAsOf ? { forSystemTimeAsOf } : {}), ...this.alias() };
  }

  // ---------------------------------------------------------------------------------------------------
  // Statements

  statement(): Statement {
    const start = this.cur.start;
    const s = this.statementInner();
    return { ...s, span: this.spanFrom(start) };
  }

  private statementInner(): Statement {
    if (this.isKw('SELECT', 'WITH')) return { kind: 'QueryStatement', query: this.query() };
    if (this.kw('USE')) {
      if (this.kw('CATALOG')) return { kind: 'UseCatalog', name: this.ident() };
      this.kw('DATABASE');
      return { kind: 'UseDatabase', path: this.path() };
    }
    if (this.kw('SET')) {
      const key = this.str();
      this.expectOp('=');
      return { kind: 'Set', key, value: this.str() };
    }
    if (this.kw('INSERT')) {
      const overwrite = this.kw('OVERWRITE');
      if (!overwrite) this.expectKw('INTO');
      const target = this.path();
      let columns: string[] | undefined;
      if (this.isOp('(') && !(this.peek().upper === 'SELECT' || this.peek().upper === 'WITH')) {
        this.p++;
        columns = this.list(() => this.ident());
        this.expectOp(')');
      }
      const ins: Insert = { kind: 'Insert', target, overwrite, query: this.query(), ...(columns ? { columns } : {}) };
      return ins;
    }
    if (this.kw('CREATE')) {
      if (this.kw('CATALOG')) {
        const name = this.ident();
        return { kind: 'CreateCatalog', name, ifNotExists: false, options: this.withOptions() };
      }
      const temporary = this.kw('TEMPORARY');
      if (this.kw('VIEW')) {
        const path = this.path();
        this.expectKw('AS');
        return { kind: 'CreateView', path, temporary, ifNotExists: false, query: this.query() };
      }
      this.expectKw('TABLE');
      const ifNotExists = this.isKw('IF') ? (this.p += 3, true) : false;
      return this.createTable(this.path(), temporary, ifNotExists);
    }
    return this.fail('unsupported statement');
  }

  private createTable(path: string[], temporary: boolean, ifNotExists: boolean): CreateTable {
    this.expectOp('(');
    const columns: ColumnDefinition[] = [];
    let watermark: CreateTable['watermark'];
    let primaryKey: CreateTable['primaryKey'];
    do {
      if (this.kw('WATERMARK')) {
        this.expectKw('FOR');
        const column = this.ident();
        this.expectKw('AS');
        watermark = { column, expr: this.expr() };
      } else if (this.isKw('PRIMARY', 'CONSTRAINT')) {
        if (this.kw('CONSTRAINT')) this.ident();
        this.expectKw('PRIMARY');
        this.expectKw('KEY');
        this.expectOp('(');
        primaryKey = { columns: this.list(() => this.ident()) };
        this.expectOp(')');
        this.expectKw('NOT');
        this.expectKw('ENFORCED');
      } else {
        const name = this.ident();
        if (this.kw('AS')) columns.push({ kind: 'ComputedColumn', name, expr: this.expr() });
        else {
          const type = this.dataType();
          if (this.kw('METADATA')) {
            const from = this.kw('FROM') ? this.str() : undefined;
            const virtual = this.kw('VIRTUAL');
            columns.push({ kind: 'MetadataColumn', name, type, virtual, ...(from ? { from } : {}) });
          } else {
            columns.push({ kind: 'PhysicalColumn', name, type });
            if (this.isKw('PRIMARY')) {
              this.p += 2;
              this.expectKw('NOT');
              this.expectKw('ENFORCED');
              primaryKey = { columns: [name] };
            }
          }
        }
      }
    } while (this.op(','));
    this.expectOp(')');
    const options = this.withOptions();
    return {
      kind: 'CreateTable', path, temporary, ifNotExists, columns, partitionedBy: [], options,
      ...(watermark ? { watermark } : {}), ...(primaryKey ? { primaryKey } : {}),
    };
  }

  private withOptions(): OptionEntry[] {
    const options: OptionEntry[] = [];
    if (this.kw('WITH')) {
      this.expectOp('(');
      if (!this.isOp(')')) {
        do {
          const key = this.str();
          this.expectOp('=');
          options.push({ key, value: this.str() });
        } while (this.op(','));
      }
      this.expectOp(')');
    }
    return options;
  }

  script(): Script {
    const statements: Statement[] = [];
    while (this.cur.kind !== 'eof') {
      if (this.op(';')) continue;
      statements.push(this.statement());
      if (!this.op(';') && !this.atEof()) this.fail('expected ;');
    }
    return { kind: 'Script', statements };
  }
}

export function miniParseExpression(text: string): Expression {
  const p = new MiniSqlParser(text);
  const e = p.expr();
  p.end();
  return e;
}

export function miniParseScript(text: string): Script {
  return new MiniSqlParser(text).script();
}
