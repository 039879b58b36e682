import { startBackground } from '@/utils/extension/start-background';

// An event page in Firefox's MV2 build, a service worker in Chrome: all listeners are registered synchronously.
export default defineBackground(() => {
  startBackground();
});
