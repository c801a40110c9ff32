// The columns and sort state of VirtualTable.vue (a module of its own: a generic component's script cannot export them).
interface ColumnLook {
  title: string;
  width: number;
  /** takes the width left over */
  grow?: boolean;
}
/** Element Plus's tag tones: a cell whose `tag` names one is drawn as that tag (its markup and stylesheet, no component). */
export type TagTone = 'primary' | 'success' | 'info' | 'warning' | 'danger';
/** A column of one of the row's fields (sortable by it): its text, drawn plain or as a tag. Cells are text, not slots:
 * a slot call per drawn cell was a measurable part of the roster's first screen. */
export type VirtualColumn<Row> = ColumnLook & { key: Extract<keyof Row, string>; sortable?: boolean; text?: (row: Row) => string; tag?: (row: Row) => TagTone | null };
export type SortOrder = 'asc' | 'desc';
export interface SortState<Key extends string = string> {
  key: Key;
  order: SortOrder;
}
