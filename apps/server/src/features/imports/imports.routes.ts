import type { App, Deps } from '../../plugins/app-types.js';

export function importsRoutes(_app: App, _deps: Deps) {
  // routes come with this feature
}
