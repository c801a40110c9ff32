// exceljs's style manager (sheetFont.ts replaces its default font); the package ships no types for its internals.
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  const StylesXform: { prototype: { init(): void; _addFont(font: object): number } };
  export default StylesXform;
}
