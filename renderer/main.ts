import './styles.css';
import { provideGlobalConfig } from 'element-plus';
import zhTw from 'element-plus/es/locale/lang/zh-tw';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { reportFailure } from './failures';
import { preloadLater, showError } from './later';
import { router } from './router';

const app = createApp(App).use(createPinia()).use(router);
// Element Plus speaks Chinese in every component (and in ElMessage, which lives outside the tree): the global config,
// not an ElConfigProvider component around the shell. Pages that show v-loading import the directive themselves.
provideGlobalConfig({ locale: zhTw }, app, true);
// Nothing fails silently: a render or handler error and a promise nobody awaited both reach the clerk in Chinese.
app.config.errorHandler = (err) => reportFailure(err, showError);
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  reportFailure(e.reason, showError);
});
app.mount('#app');
preloadLater();
