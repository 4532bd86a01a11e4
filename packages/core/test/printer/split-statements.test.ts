/** The shared test helper that splits printed scripts into statements for dt-sql-parser validation. */
import { describe, expect, test } from 'vitest';
import { splitStatements } from '../../../../test/support/split-statements.js';

describe('splitStatements', () => {
  test('splits at semicolons and keeps leading comments', () => {
    expect(splitStatements("-- first\nSET 'a' = 'b';\n\nUSE `db`;\n")).toEqual(["-- first\nSET 'a' = 'b';", 'USE `db`;']);
  });

  test('ignores semicolons inside string literals, back-quoted identifiers and comments', () => {
    const script = "SET 'jaas' = 'x required user=\"u\";\nnext'';';\nSELECT `a;b` FROM `t` /* ; */ -- ;\n;";
    expect(splitStatements(script)).toEqual(["SET 'jaas' = 'x required user=\"u\";\nnext'';';", 'SELECT `a;b` FROM `t` /* ; */ -- ;;']);
  });

  test('keeps EXECUTE STATEMENT SET BEGIN … END together', () => {
    const script = 'EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO `a` SELECT 1;\nINSERT INTO `b` SELECT 2;\nEND;\n\nUSE `x`;\n';
    expect(splitStatements(script)).toEqual(['EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO `a` SELECT 1;\nINSERT INTO `b` SELECT 2;\nEND;', 'USE `x`;']);
  });

  test('drops pieces that are only comments or whitespace', () => {
    expect(splitStatements('-- trailing note\n')).toEqual([]);
    expect(splitStatements('USE `x`;\n-- done\n')).toEqual(['USE `x`;']);
  });
});
