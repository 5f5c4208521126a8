import type { App, Deps } from '../../plugins/app-types.js';

export function conflictChecksRoutes(_app: App, _deps: Deps) {
  // routes come with this feature
}
