import type { ChannelConsent as ChannelConsentValue, ProfileValue, TimelineEvent as TimelineEventValue } from '../unify/index.js';

/** Resolvers of `SurvivedField`: `value` is the chosen value. */
export const SurvivedField = {
  value: (parent: ProfileValue) => parent.chosen?.value ?? null,
};

/** Resolvers of `TimelineEvent`. */
export const TimelineEvent = {
  id: (parent: TimelineEventValue) => parent.key,
  source: (parent: TimelineEventValue) => parent.ref.source,
  sourceId: (parent: TimelineEventValue) => parent.ref.id,
};

/** Resolvers of `ChannelConsent`: the deciding statement's fields, channel in upper case. */
export const ChannelConsent = {
  channel: (parent: ChannelConsentValue) => parent.channel.toUpperCase(),
  source: (parent: ChannelConsentValue) => parent.decidedBy?.ref.source ?? null,
  updatedAt: (parent: ChannelConsentValue) => parent.decidedBy?.updatedAt ?? null,
  provenance: (parent: ChannelConsentValue) => parent.decidedBy?.provenance ?? null,
};
