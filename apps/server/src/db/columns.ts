/**
 * Runtime list of a table's columns, checked against its row interface at compile time,
 * so a test can compare the migrated database with the interfaces (STYLE 4).
 */
export function columnsOf<Row>() {
  return <const C extends readonly (keyof Row & string)[]>(
    ...columns: C & (Exclude<keyof Row, C[number]> extends never ? unknown : { missing: Exclude<keyof Row, C[number]> })
  ): C => columns;
}
