/**
 * The focus-groups module's public surface (docs/decisions/053-committee-and-focus-groups.md). It
 * owns `focus_groups` and `focus_group_invitations`.
 */
export { FocusGroupService, isAgencyAdmin } from './focus-groups.service.js';
