import 'element-plus/dist/index.css';
import './styles.css';
import { ElLoading } from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';

createApp(App).use(createPinia()).use(router).directive('loading', ElLoading.directive).mount('#app');
