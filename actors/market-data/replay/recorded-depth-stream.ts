import type { DepthSnapshot } from '../order-book/diff-book.js';
import type { DepthSocket, DepthSocketHandlers, OpenDepthSocket } from '../order-book/depth-feed.js';
import type { RecordedDepth } from './recorded-depth.js';

/**
 * A recorded depth session standing in for the exchange behind a depth feed (pass `openSocket` and
 * `fetchSnapshot` to it). Every connect replays the recording from its start: the socket opens on the
 * next turn and delivers the frames recorded before the snapshot's answer, the REST call answers with
 * the recorded snapshot, and the caller hands over the remaining frames one `next()` at a time.
 */
export class RecordedDepthStream {
  private on: DepthSocketHandlers | undefined;
  private position = 0;
  /** Sockets opened so far. */
  connects = 0;

  constructor(readonly recording: RecordedDepth) {}

  readonly openSocket: OpenDepthSocket = (_url, on) => {
    this.on = undefined;
    const id = ++this.connects;
    let terminated = false;
    const socket: DepthSocket = {
      send: () => {},
      terminate: () => {
        terminated = true;
        if (this.on === on) this.on = undefined;
      },
    };
    setImmediate(() => {
      if (terminated || id !== this.connects) return;
      this.position = 0;
      this.on = on;
      on.open();
      while (this.on === on && this.position < this.recording.beforeSnapshot) on.message(this.recording.frames[this.position++]!);
    });
    return socket;
  };

  readonly fetchSnapshot = async (): Promise<DepthSnapshot> => this.recording.snapshot;

  /** Frames not yet delivered on the open socket. */
  get remaining(): number {
    return this.recording.frames.length - this.position;
  }

  /** Delivers the next frame on the open socket; false when there is none or no socket is open. */
  next(): boolean {
    const on = this.on;
    if (!on || this.position >= this.recording.frames.length) return false;
    on.message(this.recording.frames[this.position++]!);
    return true;
  }

  /** The connection drops, as a network failure would: the feed hears `closed`. */
  drop(): void {
    const on = this.on;
    this.on = undefined;
    on?.closed();
  }
}
