import type { THomeLink } from '@guanai/api/types';

/**
 * The admin route of the list behind a home-page number: the list page with the API's filter in react-admin's
 * `filter` query parameter (#/tasks?filter=…), or the escalation board.
 */
export function linkTo(link: THomeLink): string {
  if (link.to === 'board') return '/board';
  const filter = link.filter ? `?filter=${encodeURIComponent(JSON.stringify(link.filter))}` : '';
  return `/${link.to}${filter}`;
}
