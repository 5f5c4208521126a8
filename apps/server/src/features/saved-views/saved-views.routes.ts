import type { App, Deps } from '../../plugins/app-types.js';

export function savedViewsRoutes(_app: App, _deps: Deps) {
  // routes come with this feature
}
