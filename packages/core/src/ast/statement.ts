/**
 * Statements of the AST and the `Script` that holds them.
 *
 * Option maps (`WITH (…)`, `SET`) keep their entries as an ordered list of string pairs, exactly what Flink
 * receives. Typed option builders (the connectors package) validate and then produce these entries; secrets
 * are the placeholder text `${NAME}`, never a plaintext value.
 */
import type { DataType } from '../types/data-type.js';
import type { Expression } from './expression.js';
import type { Commented, NodeBase, ObjectPath } from './node.js';
import type { Hint, Query } from './query.js';

export interface OptionEntry extends NodeBase, Commented {
  readonly key: string;
  readonly value: string;
}

// ---------------------------------------------------------------------------------------------------------
// Table definitions

export interface PhysicalColumn extends NodeBase, Commented {
  readonly kind: 'PhysicalColumn';
  readonly name: string;
  readonly type: DataType;
  readonly comment?: string;
}
/** `name AS expr [COMMENT …]`, e.g. `proc_time AS PROCTIME()`. */
export interface ComputedColumn extends NodeBase, Commented {
  readonly kind: 'ComputedColumn';
  readonly name: string;
  readonly expr: Expression;
  readonly comment?: string;
}
/** `name type METADATA [FROM 'key'] [VIRTUAL] [COMMENT …]`. */
export interface MetadataColumn extends NodeBase, Commented {
  readonly kind: 'MetadataColumn';
  readonly name: string;
  readonly type: DataType;
  readonly from?: string;
  readonly virtual: boolean;
  readonly comment?: string;
}
export type ColumnDefinition = PhysicalColumn | ComputedColumn | MetadataColumn;

/** `WATERMARK FOR column AS expr`. */
export interface WatermarkDefinition extends NodeBase {
  readonly column: string;
  readonly expr: Expression;
}

/** `[CONSTRAINT name] PRIMARY KEY (cols) NOT ENFORCED`. */
export interface PrimaryKeyDefinition extends NodeBase {
  readonly name?: string;
  readonly columns: readonly string[];
}

/** `DISTRIBUTED BY [HASH|RANGE] (cols) [INTO n BUCKETS]` / `DISTRIBUTED INTO n BUCKETS`. */
export interface DistributionDefinition extends NodeBase {
  readonly algorithm?: 'HASH' | 'RANGE';
  readonly columns: readonly string[];
  readonly buckets?: number;
}

/** What a LIKE clause's options name (`INCLUDING ALL`, `EXCLUDING OPTIONS` …). */
export const LIKE_OPTION_TARGETS = ['ALL', 'CONSTRAINTS', 'DISTRIBUTION', 'GENERATED', 'METADATA', 'OPTIONS', 'PARTITIONS', 'WATERMARKS'] as const;
export type LikeOptionTarget = (typeof LIKE_OPTION_TARGETS)[number];
export const LIKE_OPTION_MODES = ['INCLUDING', 'EXCLUDING', 'OVERWRITING'] as const;
export interface LikeOption {
  readonly mode: (typeof LIKE_OPTION_MODES)[number];
  readonly target: LikeOptionTarget;
}
/** `LIKE source_table (INCLUDING ALL …)`. */
export interface LikeClause extends NodeBase {
  readonly path: ObjectPath;
  readonly options: readonly LikeOption[];
}

export interface CreateTable extends NodeBase, Commented {
  readonly kind: 'CreateTable';
  readonly path: ObjectPath;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly columns: readonly ColumnDefinition[];
  readonly watermark?: WatermarkDefinition;
  readonly primaryKey?: PrimaryKeyDefinition;
  readonly comment?: string;
  readonly distribution?: DistributionDefinition;
  readonly partitionedBy: readonly string[];
  readonly options: readonly OptionEntry[];
  readonly like?: LikeClause;
  /** `CREATE TABLE … AS SELECT` (CTAS). */
  readonly asQuery?: Query;
}

// ---------------------------------------------------------------------------------------------------------
// Other DDL

export interface CreateCatalog extends NodeBase, Commented {
  readonly kind: 'CreateCatalog';
  readonly name: string;
  readonly ifNotExists: boolean;
  readonly comment?: string;
  readonly options: readonly OptionEntry[];
}

export interface CreateDatabase extends NodeBase, Commented {
  readonly kind: 'CreateDatabase';
  readonly path: ObjectPath;
  readonly ifNotExists: boolean;
  readonly comment?: string;
  readonly options: readonly OptionEntry[];
}

export interface CreateView extends NodeBase, Commented {
  readonly kind: 'CreateView';
  readonly path: ObjectPath;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly columns?: readonly string[];
  readonly comment?: string;
  readonly query: Query;
}

export interface CreateFunction extends NodeBase, Commented {
  readonly kind: 'CreateFunction';
  readonly path: ObjectPath;
  readonly temporary: boolean;
  /** `CREATE TEMPORARY SYSTEM FUNCTION`. */
  readonly system: boolean;
  readonly ifNotExists: boolean;
  readonly className: string;
  readonly language?: 'JAVA' | 'SCALA' | 'PYTHON';
  /** `USING JAR 'path', …`. */
  readonly jars?: readonly string[];
}

export type DroppableObject = 'CATALOG' | 'DATABASE' | 'TABLE' | 'VIEW' | 'FUNCTION';
export interface Drop extends NodeBase, Commented {
  readonly kind: 'Drop';
  readonly object: DroppableObject;
  readonly path: ObjectPath;
  readonly ifExists: boolean;
  readonly temporary: boolean;
  readonly system?: boolean;
  /** DATABASE only. */
  readonly behavior?: 'RESTRICT' | 'CASCADE';
}

export type AlterTableAction =
  | { readonly kind: 'RenameTable'; readonly to: ObjectPath }
  | { readonly kind: 'SetOptions'; readonly options: readonly OptionEntry[] }
  | { readonly kind: 'ResetOptions'; readonly keys: readonly string[] }
  | { readonly kind: 'AddSchema'; readonly columns: readonly ColumnDefinition[]; readonly watermark?: WatermarkDefinition; readonly primaryKey?: PrimaryKeyDefinition }
  | { readonly kind: 'ModifySchema'; readonly columns: readonly ColumnDefinition[]; readonly watermark?: WatermarkDefinition; readonly primaryKey?: PrimaryKeyDefinition }
  | { readonly kind: 'DropColumns'; readonly columns: readonly string[] }
  | { readonly kind: 'DropPrimaryKey' }
  | { readonly kind: 'DropWatermark' }
  | { readonly kind: 'RenameColumn'; readonly from: string; readonly to: string };

export interface AlterTable extends NodeBase, Commented {
  readonly kind: 'AlterTable';
  readonly path: ObjectPath;
  readonly ifExists: boolean;
  readonly action: AlterTableAction;
}

/** ALTER VIEW / DATABASE / CATALOG / FUNCTION: the simple forms. */
export interface AlterOther extends NodeBase, Commented {
  readonly kind: 'AlterOther';
  readonly object: 'VIEW' | 'DATABASE' | 'CATALOG' | 'FUNCTION';
  readonly path: ObjectPath;
  readonly renameTo?: ObjectPath;
  readonly options?: readonly OptionEntry[];
  readonly query?: Query;
  readonly className?: string;
  readonly temporary?: boolean;
  readonly ifExists?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Session statements

/** `SET 'key' = 'value'`; `SET` alone lists the session configuration. */
export interface SetStatement extends NodeBase, Commented {
  readonly kind: 'Set';
  readonly key?: string;
  readonly value?: string;
}
/** `RESET 'key'`; `RESET` alone resets all. */
export interface ResetStatement extends NodeBase, Commented { readonly kind: 'Reset'; readonly key?: string }
/** `USE CATALOG name`. */
export interface UseCatalog extends NodeBase, Commented { readonly kind: 'UseCatalog'; readonly name: string }
/** `USE [catalog.]database`. */
export interface UseDatabase extends NodeBase, Commented { readonly kind: 'UseDatabase'; readonly path: ObjectPath }
/** `USE MODULES a, b`. */
export interface UseModules extends NodeBase, Commented { readonly kind: 'UseModules'; readonly modules: readonly string[] }

/** SHOW CATALOGS / DATABASES / TABLES / VIEWS / FUNCTIONS / … and SHOW CREATE TABLE|VIEW x. */
export interface Show extends NodeBase, Commented {
  readonly kind: 'Show';
  /** What is listed, upper-case words as written: `TABLES`, `CURRENT CATALOG`, `CREATE TABLE`, `USER FUNCTIONS`… */
  readonly what: string;
  readonly from?: ObjectPath;
  readonly like?: { readonly pattern: string; readonly negated: boolean; readonly ilike: boolean };
  /** The object of SHOW CREATE / SHOW COLUMNS. */
  readonly target?: ObjectPath;
}
/** `DESCRIBE x` / `DESC x`. */
export interface Describe extends NodeBase, Commented { readonly kind: 'Describe'; readonly path: ObjectPath }
/** `EXPLAIN [details…] statement`. */
export interface Explain extends NodeBase, Commented {
  readonly kind: 'Explain';
  readonly details: readonly string[];
  readonly statement: QueryStatement | Insert | StatementSet;
}

// ---------------------------------------------------------------------------------------------------------
// DML

/** `INSERT INTO|OVERWRITE target [PARTITION (k='v')] [(cols)] query`. */
export interface Insert extends NodeBase, Commented {
  readonly kind: 'Insert';
  readonly target: ObjectPath;
  readonly overwrite: boolean;
  readonly hints?: readonly Hint[];
  readonly partition?: readonly { readonly key: string; readonly value: Expression }[];
  /** The explicit column list; absent for a positional INSERT. */
  readonly columns?: readonly string[];
  readonly query: Query;
}

/**
 * A statement set. Printed as `EXECUTE STATEMENT SET BEGIN … END;`; the legacy
 * `BEGIN STATEMENT SET; … END;` form parses to the same node.
 */
export interface StatementSet extends NodeBase, Commented {
  readonly kind: 'StatementSet';
  readonly inserts: readonly Insert[];
}

/** A bare query used as a statement (`SELECT …;`). */
export interface QueryStatement extends NodeBase, Commented { readonly kind: 'QueryStatement'; readonly query: Query }

export type Statement =
  | SetStatement
  | ResetStatement
  | CreateCatalog
  | CreateDatabase
  | CreateTable
  | CreateView
  | CreateFunction
  | Drop
  | AlterTable
  | AlterOther
  | UseCatalog
  | UseDatabase
  | UseModules
  | Show
  | Describe
  | Explain
  | Insert
  | StatementSet
  | QueryStatement;

export type StatementKind = Statement['kind'];

/** A whole SQL script: statements in order, plus comments after the last statement. */
export interface Script extends NodeBase {
  readonly kind: 'Script';
  readonly statements: readonly Statement[];
  readonly trailingComments?: readonly string[];
}
