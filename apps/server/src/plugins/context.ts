import type { Locale, Role } from '@retainer/shared';

/** The signed-in person acting, as services see them (never Fastify's request). */
export type Actor = {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  /** A lawyer's clients through matter membership, when the request has read them. */
  memberClientIds?: readonly string[] | undefined;
};

/** Who does what from where: passed to every service that writes. */
export type Ctx = {
  actor: Actor | null;
  ip: string | null;
};
