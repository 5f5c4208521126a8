import type { App, Deps } from '../../plugins/app-types.js';

export function contactsRoutes(_app: App, _deps: Deps) {
  // routes come with this feature
}
