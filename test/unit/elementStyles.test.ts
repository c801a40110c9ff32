// The build step that gives every Element Plus component its own stylesheet import (build/elementStyles.ts).
import { describe, expect, it } from 'vitest';
import { componentDir, elementStyles, styleImports } from '../../build/elementStyles';

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

  it('styles a directive as its component (vLoading → loading), and skips what is neither', () => {
    const known = new Set(['loading', 'button']);
    expect(styleImports(`import { vLoading, ElButton, provideGlobalConfig, vNoSuchThing } from 'element-plus';`, (d) => known.has(d))).toEqual([
      'element-plus/es/components/loading/style/css',
      'element-plus/es/components/button/style/css',
    ]);
  });

  it('imports the app’s Element Plus config first into every module using it, but not into the config module itself', () => {
    const transform = elementStyles({ config: '/app/renderer/elementConfig.ts' }).transform as (code: string, id: string) => { code: string } | null;
    const code = `import { ElButton } from 'element-plus';\nexport const x = 1;`;
    expect(transform(code, '/app/renderer/pages/Page.vue?vue&type=script&setup=true&lang.ts')?.code.split('\n')[0]).toMatch(
      /^import "\/app\/renderer\/elementConfig\.ts";import 'element-plus\/es\/components\/button\/style\/css';import \{ ElButton \}/,
    );
    const own = transform(`import { provideGlobalConfig, ElButton } from 'element-plus';`, '/app/renderer/elementConfig.ts')?.code ?? '';
    expect(own).not.toContain('elementConfig');
    expect(transform(`import { ref } from 'vue';`, '/app/renderer/main.ts')).toBeNull(); // no Element Plus, no config
  });

  it('adds nothing to a module that imports nothing from element-plus', () => {
    expect(styleImports(`import { ElButton } from './mine';`, () => true)).toEqual([]);
  });

  it('adds the imports on the first line of the renderer scripts only (the script part of a .vue file, not its styles or node_modules)', () => {
    const transform = elementStyles().transform as (code: string, id: string) => { code: string } | null;
    const code = `import { ElButton } from 'element-plus';\nexport const x = 1;`;
    const out = transform(code, '/app/renderer/App.vue?vue&type=script&setup=true&lang.ts');
    expect(out?.code.split('\n')[0]).toMatch(/^import 'element-plus\/es\/components\/button\/style\/css';import \{ ElButton \}/);
    expect(out?.code.split('\n')).toHaveLength(2); // no line moved
    expect(transform(code, '/app/renderer/main.ts')).not.toBeNull();
    expect(transform(code, '/app/renderer/App.vue?vue&type=style&index=0&scoped=true&lang.css')).toBeNull();
    expect(transform(code, '/app/node_modules/some-lib/index.ts')).toBeNull();
  });
});
