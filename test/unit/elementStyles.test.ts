// The build step that gives every Element Plus component its own stylesheet import (build/elementStyles.ts).
import { describe, expect, it } from 'vitest';
import { componentDir, styleImports } from '../../build/elementStyles';

describe('Element Plus styles per component', () => {
  it('names the component folder the library uses', () => {
    expect(componentDir('ElButton')).toBe('button');
    expect(componentDir('ElMessageBox')).toBe('message-box');
    expect(componentDir('ElTableV2')).toBe('table-v2');
    expect(componentDir('ElInputNumber')).toBe('input-number');
  });

  it('imports the style of each component a module imports, skipping types, aliases and non-components', () => {
    const code = `import { ElButton, ElTableColumn as Col, type FormRules, TableV2SortOrder, ElNoSuchThing } from "element-plus";
import { ElMessage } from 'element-plus';
import { ref } from 'vue';`;
    const known = new Set(['button', 'table-column', 'message']);
    expect(styleImports(code, (d) => known.has(d))).toEqual([
      'element-plus/es/components/button/style/css',
      'element-plus/es/components/table-column/style/css',
      'element-plus/es/components/message/style/css',
    ]);
  });

  it('adds nothing to a module that imports nothing from element-plus', () => {
    expect(styleImports(`import { ElButton } from './mine';`, () => true)).toEqual([]);
  });
});
