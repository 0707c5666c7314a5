/**
 * The peer-groups module's public surface (docs/decisions/045-peer-groups-and-return-to-work.md). It
 * owns `peer_groups`, `peer_group_members` and `peer_group_cancellations`.
 */
export { PeerGroupService } from './peer-groups.service.js';
