import './styles.css';
import { ElLoading, ElMessage } from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { reportFailure } from './failures';
import { router } from './router';

const app = createApp(App).use(createPinia()).use(router).directive('loading', ElLoading.directive);
// Nothing fails silently: a render or handler error and a promise nobody awaited both reach the clerk in Chinese.
app.config.errorHandler = (err) => reportFailure(err, ElMessage.error);
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  reportFailure(e.reason, ElMessage.error);
});
app.mount('#app');
