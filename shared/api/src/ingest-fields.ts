/**
 * What lab 03's `readIngest()` answers, given once for the starting code and the reference: the two names
 * as pre-encoded UTF-8 (C#'s `"itemCount"u8`), the outcome codes, and the fields record it fills.
 */
import { u8 } from './json-bytes.ts';

export const ITEM_COUNT: Uint8Array = u8('itemCount');
export const TIMESTAMP: Uint8Array = u8('timestamp');

/** What `readIngest` found in a document. */
export const IngestRead = {
  /** A top-level object: `fields` holds what it said. */
  Fields: 0,
  /** Valid JSON whose top-level value is not an object. */
  NotAnObject: 1,
  /** Not valid JSON: the reader's `errorCode` and `errorOffset` say why and where. */
  InvalidJson: 2,
} as const;
export type IngestReadOutcome = (typeof IngestRead)[keyof typeof IngestRead];

/**
 * The two fields as the generated validator checks them: `undefined` when absent, the number when the
 * (last) member is a number, `null` for any other value (the validator answers "must be an integer").
 */
export interface IngestFields {
  itemCount: number | null | undefined;
  timestamp: number | null | undefined;
}
