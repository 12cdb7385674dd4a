/** The stream keys of the remote-venue protocol, under one prefix (default `arbiter:`). */
export interface VenueStreamKeys {
  /** Requests for one venue; the node that owns it reads them in the group `venue-server`. */
  requests(venueId: string): string;
  /** Replies to one requesting node. */
  replies(node: string): string;
  /** Every order result and every new fill the serving nodes saw. */
  readonly orderEvents: string;
}

export function venueStreamKeys(prefix = 'arbiter:'): VenueStreamKeys {
  return {
    requests: (venueId) => `${prefix}venue:${venueId}:requests`,
    replies: (node) => `${prefix}venue:replies:${node}`,
    orderEvents: `${prefix}venue:order-events`,
  };
}

/** The consumer group of every request stream. */
export const SERVER_GROUP = 'venue-server';
