import type { Message } from './messages.js';

export interface DeadLetter {
  /** The actor the message was for. */
  actor: string;
  message: Message;
  /** Why it could not be delivered: the actor was stopped, unknown, its stash was full, or it crashed on it. */
  reason: 'stopped' | 'unknown-actor' | 'stash-full' | 'crashed';
  error?: string;
  ts: number;
}

/** Where undeliverable messages go. Nothing disappears silently. */
export interface DeadLetterSink {
  record(letter: DeadLetter): void;
}

export class MemoryDeadLetters implements DeadLetterSink {
  readonly letters: DeadLetter[] = [];
  record(letter: DeadLetter): void {
    this.letters.push(letter);
  }
}
