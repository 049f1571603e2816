import type { HostUser } from './types';

/**
 * The signed-in person's SharePoint site user id from SPFx's page context
 * (`legacyPageContext.userId`), so parts need no request to learn it; undefined when absent.
 */
export function siteUserIdOf(pageContext: { readonly legacyPageContext?: unknown }): number | undefined {
  const legacy = pageContext.legacyPageContext as { readonly userId?: unknown } | undefined;
  const id = legacy?.userId;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** The signed-in person as SPFx's page context describes them, for the host environment. */
export function hostUserOf(pageContext: {
  readonly user: { readonly loginName: string; readonly displayName: string; readonly email: string };
  readonly legacyPageContext?: unknown;
}): HostUser {
  const { loginName, displayName, email } = pageContext.user;
  return { loginName, displayName, email, siteUserId: siteUserIdOf(pageContext) };
}
