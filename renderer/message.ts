// Element Plus's message, in a chunk of its own for the app's global error handlers (later.ts): the first screen
// draws none.
import { ElMessage } from 'element-plus';

export { ElMessage };
