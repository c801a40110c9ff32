import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { setApp } from './appRef';
import { reportFailure } from './failures';
import { preloadLater, showError } from './later';
import { router } from './router';

const app = createApp(App).use(createPinia()).use(router);
// for elementConfig.ts (Element Plus in zh-TW), which comes with the first module that uses Element Plus
setApp(app);
// Nothing fails silently: a render or handler error and a promise nobody awaited both reach the clerk in Chinese.
app.config.errorHandler = (err) => reportFailure(err, showError);
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  reportFailure(e.reason, showError);
});
app.mount('#app');
preloadLater();
