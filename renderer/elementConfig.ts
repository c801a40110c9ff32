// Element Plus speaks Chinese (zh-TW) — in the components (provided to the app) and in ElMessage and ElMessageBox, which
// live outside the tree (its global config). build/elementStyles.ts makes every module that uses Element Plus import
// this first, so it is set before any of its components draws; the start-up screens use none and never load it.
import { provideGlobalConfig } from 'element-plus';
import zhTw from 'element-plus/es/locale/lang/zh-tw';
import { whenApp } from './appRef';

whenApp((app) => provideGlobalConfig({ locale: zhTw }, app, true));
