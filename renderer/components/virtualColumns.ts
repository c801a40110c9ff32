// The columns and sort state of VirtualTable.vue (a module of its own: a generic component's script cannot export them).
interface ColumnLook {
  title: string;
  width: number;
  /** takes the width left over */
  grow?: boolean;
}
/** A column of one of the row's fields (sortable by it), or one the `cell` slot draws (a slot call per cell costs;
 * plain text does not, so only columns that need one say so). */
export type VirtualColumn<Row> = ColumnLook &
  ({ key: Extract<keyof Row, string>; sortable?: boolean; text?: (row: Row) => string; slot?: false } | { key: string; slot: true; sortable?: false });
export type SortOrder = 'asc' | 'desc';
export interface SortState<Key extends string = string> {
  key: Key;
  order: SortOrder;
}
